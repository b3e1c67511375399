package org.parley.io.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.backtest.Backtest;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.IssueForecast;
import org.parley.backtest.Score;
import org.parley.backtest.Split;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.TextFile;
import org.parley.models.Models;

/**
 * The compromise model on the DEU III table reproduces the reference the shared folder holds:
 * {@code peers/bdm/outputs/blksv_deu3_validation_summary.txt} (c*s weighted mean, n=353, MAE 0.2322,
 * median AE 0.1880, RMSE 0.3022 on 0-1) and its per-issue file, to 1e-4 points. The reference is
 * the plain model, so the consent stage (which the table's Council rules switch on) is off here.
 */
class DeuReplicationTest {

    private static final String TABLE = "peers/bdm/inputs/blksv_deu3.tsv";
    private static final String PER_ISSUE = "peers/bdm/outputs/blksv_deu3_validation_per_issue.csv";

    private static Backtest.Result compromise(BacktestSet set) {
        return new Backtest(new Simulation(List.of(Models.compromise())))
                .run(set, CapabilityRule.forSet("gdp", set),
                        RunSpec.defaults().withThreads(1).withOptions(Map.of("consent", "ignore")), false);
    }

    @Test
    void readsEveryProposalAndSplitsByProposal() {
        BacktestSet set = DeuTableReader.read(TextFile.read(SharedFiles.require(TABLE)));
        assertThat(set.scoredIssues(Split.ALL)).isEqualTo(353);
        assertThat(set.scoredIssues(Split.TRAIN) + set.scoredIssues(Split.TEST)).isEqualTo(353);
        assertThat(set.cases().get(0).id()).isEqualTo("d00032");
        assertThat(set.cases().get(0).split()).isEqualTo(Split.TRAIN);
        assertThat(set.cases().get(1).split()).isEqualTo(Split.TEST);
        assertThat(set.notes()).anyMatch(n -> n.startsWith("11 issue(s) have no outcome"));
        assertThat(set.capabilityOptions()).containsExactly("gdp", "equal", "council");
    }

    @Test
    void compromiseReproducesTheReferenceSummary() {
        BacktestSet set = DeuTableReader.read(TextFile.read(SharedFiles.require(TABLE)));
        Score s = Score.of("compromise", Split.ALL, "gdp", compromise(set).issues());
        assertThat(s.n()).isEqualTo(353);
        assertThat(s.mae()).isCloseTo(23.22, within(0.005));
        assertThat(s.medianAe()).isCloseTo(18.80, within(0.005));
        assertThat(s.rmse()).isCloseTo(30.22, within(0.005));
    }

    @Test
    void compromiseReproducesTheReferencePerIssue() throws IOException {
        BacktestSet set = DeuTableReader.read(TextFile.read(SharedFiles.require(TABLE)));
        Map<String, double[]> ref = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(SharedFiles.require(PER_ISSUE));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            ref.put(f[1], new double[] {Double.parseDouble(f[3]) * 100, Double.parseDouble(f[6]) * 100});
        }
        List<IssueForecast> issues = compromise(set).issues();
        assertThat(issues).hasSize(ref.size());
        for (IssueForecast f : issues) {
            double[] r = ref.get(f.issueId());
            assertThat(r).as(f.issueId()).isNotNull();
            assertThat(f.outcome()).as(f.issueId()).isCloseTo(r[0], within(1e-9));
            assertThat(f.forecast("compromise")).as(f.issueId()).isCloseTo(r[1], within(1e-4));
        }
    }

    @Test
    void everyRegisteredModelRunsOnTheTable() {
        Path table = SharedFiles.require(TABLE);
        BacktestSet set = DeuTableReader.read(TextFile.read(table));
        Backtest.Result r = new Backtest(Models.simulation()).run(set, CapabilityRule.forSet("council", set),
                RunSpec.defaults().withThreads(2), true);
        for (Score s : r.scores(Split.TEST)) {
            assertThat(s.n()).as(s.label()).isPositive();
            assertThat(s.mae()).as(s.label()).isBetween(0.0, 100.0);
        }
        assertThat(r.labels()).containsSubsequence("compromise", "baseline-reference-point", "baseline-proposer",
                "baseline-midpoint", "ensemble");
    }
}
