package org.parley.models.expectedutility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.ScenarioGenerator;
import org.parley.engine.Trajectory;
import org.parley.models.Models;

/**
 * Untraced runs on one thread share an engine, its matrices, the issue layout and the stop
 * reasons ({@link Untraced}): interleaving problems of other sizes (below and above the size of
 * the shared engine) and layouts, other readings and round limits, each run still forecasts, stops
 * and ends where the traced run does.
 */
class UntracedReuseTest {

    @Test
    void interleavedRunsMatchTheirTracedRuns() {
        BargainingModel model = Models.expectedUtility();
        List<Problem> problems = List.of(
                Problem.of(ScenarioGenerator.random(3, 9, 4)),
                Problem.of(ScenarioGenerator.random(4, 2, 2)),
                Problem.of(ScenarioGenerator.random(5, Untraced.REUSED_UP_TO + 6, 2)),
                Problem.of(ScenarioGenerator.random(6, 9, 4)));
        List<Map<String, String>> readings = List.of(Map.of(), Map.of("preset", "eum"),
                Map.of("counter-risk", "own"), Map.of("stop", "fixed", "max-rounds", "4"));
        List<String> seen = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (Map<String, String> given : readings) {
                ModelOptions o = ModelOptions.resolve(model.id(), model.options(), model.presets(), given);
                for (Problem p : problems) {
                    for (int rounds : new int[] {0, 2}) {
                        Trajectory traced = model.run(p, o, RunContext.of(rounds, 1));
                        Trajectory untraced = model.run(p, o, RunContext.forecastOnly(rounds, 1));
                        String what = given + " " + p.actorCount() + " actors, rounds " + rounds + ", pass " + pass;
                        assertThat(untraced.forecast()).as(what).isEqualTo(traced.forecast());
                        assertThat(untraced.stopReason()).as(what).isEqualTo(traced.stopReason());
                        assertThat(untraced.notes()).as(what).isEqualTo(traced.notes());
                        assertThat(untraced.lastRound().index()).as(what).isEqualTo(traced.lastRound().index());
                        assertThat(untraced.lastRound().positions()).as(what).isDeepEqualTo(traced.lastRound().positions());
                        seen.add(untraced.stopReason());
                    }
                }
            }
        }
        assertThat(new java.util.HashSet<>(seen)).as("stop reasons met").hasSizeGreaterThan(3);
    }
}
