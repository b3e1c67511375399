package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.engine.RunSpec;
import org.parley.io.Scenarios;
import org.parley.models.TestModels;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.MonteCarloResult;

/** The progress bar of {@code forecast --runs N} in a terminal: redrawn up to runs x worlds. */
class MonteCarloProgressTest {

    @Test
    void theBarReachesEveryRunOfEveryWorld() {
        StringWriter sw = new StringWriter();
        MonteCarloOutput.BarProgress progress = new MonteCarloOutput.BarProgress(new ProgressBar(new PrintWriter(sw), true));
        MonteCarloResult r = new MonteCarlo(TestModels.baselines()).run(Scenarios.seed().scenario(),
                RunSpec.defaults().withRuns(300).withThreads(2), false, progress);
        int total = 300 * r.worlds().size();
        assertThat(sw.toString()).startsWith("\rMonte Carlo [").contains(total + "/" + total + " 100%");
        assertThat(r.worlds()).containsAll(List.of("base", "trump-wins", "trump-loses", "russia-withdraws"));
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), false);
        bar.update("Monte Carlo", 5, 10);
        assertThat(sw.toString()).isEmpty();
    }
}
