package org.parley.io.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.backtest.Backtest;
import org.parley.backtest.BacktestCase;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.IssueForecast;
import org.parley.backtest.Score;
import org.parley.backtest.Split;
import org.parley.engine.ConsentResult;
import org.parley.engine.Peers;
import org.parley.engine.ForecastResult;
import org.parley.engine.Move;
import org.parley.engine.Peers;
import org.parley.engine.Replication;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.TextFile;
import org.parley.model.DecisionRule;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.models.Models;

/**
 * The consent stage on DEU III: the importer's Council rules and the test vectors of
 * {@code shared/specs/deu-candidates.md} (appendix A), worked from the table's rows: the
 * compromise outcome under GDP capability clipped to the qualified-majority core (widened to the
 * Parliament under co-decision) or the unanimity core.
 */
@Replication
class DeuConsentTest {

    private static final String TABLE = "peers/bdm/inputs/blksv_deu3.tsv";

    private static BacktestSet set() {
        return DeuTableReader.read(TextFile.read(Peers.require(TABLE)));
    }

    private static BacktestCase caseOf(BacktestSet set, String issue) {
        return set.cases().stream().filter(c -> c.outcomes().containsKey(issue)).findFirst().orElseThrow();
    }

    /** The compromise model with the core only (the spec's R2 reading: no win-set of the reference point). */
    private static ConsentResult coreOnly(BacktestSet set, String issue) {
        BacktestCase c = caseOf(set, issue);
        Scenario s = CapabilityRule.forSet("gdp", set).apply(c);
        ForecastResult r = new Simulation(List.of(Models.compromise())).run(s,
                RunSpec.defaults().withOptions(Map.of("consent.win-set", "off")));
        return r.run(Scenario.BASE, "compromise").orElseThrow().trajectory().consent();
    }

    private static int index(BacktestSet set, String issue) {
        return caseOf(set, issue).scenario().issues().stream().map(Issue::id).toList().indexOf(issue);
    }

    @Test
    void theImporterSetsTheCouncilRules() {
        BacktestSet set = set();
        Issue d62 = caseOf(set, "d00062i1").scenario().issue("d00062i1").orElseThrow();
        assertThat(d62.rule()).isEqualTo(DecisionRule.QUALIFIED_MAJORITY);
        assertThat(d62.quota()).isCloseTo(62.0 / 87.0, within(1e-12));
        assertThat(d62.votes()).isEqualTo(DeuTableReader.COUNCIL_VOTES);
        assertThat(d62.consent()).containsExactly("ep");
        Issue n250 = caseOf(set, "n00250i2").scenario().issue("n00250i2").orElseThrow();
        assertThat(n250.consent()).isEmpty(); // consultation: the Parliament has no veto
        Issue n30 = caseOf(set, "n00030i1").scenario().issue("n00030i1").orElseThrow();
        assertThat(n30.rule()).isEqualTo(DecisionRule.UNANIMITY);
        assertThat(n30.quota()).isNull();
        Scenario s = caseOf(set, "d00062i1").scenario();
        assertThat(s.actor("de").orElseThrow().attributes()).containsEntry(DeuTableReader.COUNCIL_VOTES, "10");
        assertThat(s.actor("ep").orElseThrow().attributes()).containsEntry(DeuTableReader.COUNCIL_VOTES, "0");
    }

    @Test
    void d00062i1IsClippedTo100() {
        // COD, QMV 2000: present Council votes 52, 40 at 100 (share 0.77 >= 62/87): core [100, 100]
        BacktestSet set = set();
        ConsentResult c = coreOnly(set, "d00062i1");
        int k = index(set, "d00062i1");
        assertThat(c.modelForecast()[k]).isCloseTo(79.8685, within(1e-4));
        assertThat(c.outcome()[k]).isEqualTo(100);
        Move m = c.moves().stream().filter(x -> x.issue().equals("d00062i1")).findFirst().orElseThrow();
        assertThat(m.measure("core_low")).isEqualTo(100);
        assertThat(m.measure("core_high")).isEqualTo(100);
    }

    @Test
    void n00250i2IsClippedTo100() {
        BacktestSet set = set();
        ConsentResult c = coreOnly(set, "n00250i2");
        int k = index(set, "n00250i2");
        assertThat(c.modelForecast()[k]).isCloseTo(81.8354, within(1e-4));
        assertThat(c.outcome()[k]).isEqualTo(100);
    }

    @Test
    void n00030i1IsClippedTo0UnderUnanimity() {
        BacktestSet set = set();
        ConsentResult c = coreOnly(set, "n00030i1");
        int k = index(set, "n00030i1");
        assertThat(c.modelForecast()[k]).isCloseTo(42.4504, within(1e-4));
        assertThat(c.outcome()[k]).isEqualTo(0);
        assertThat(c.moves().stream().filter(x -> x.issue().equals("n00030i1")).findFirst().orElseThrow().reason())
                .isEqualTo("clipped to the unanimity core [0, 0]");
    }

    @Test
    void d00032i1IsNotClipped() {
        BacktestSet set = set();
        ConsentResult c = coreOnly(set, "d00032i1");
        int k = index(set, "d00032i1");
        assertThat(c.outcome()[k]).isCloseTo(53.4165, within(1e-4));
        assertThat(c.status().get(k)).isEqualTo(ConsentResult.Status.PASSED);
    }

    @Test
    void coreConstrainedCompromiseMatchesTheCrossCheck() {
        // shared/specs/deu-candidates.md appendix B, R2: all 22.66 (median AE 17.90, RMSE 30.85),
        // train 19.30, test 26.15, 76 issues changed; figures measured outside the project
        BacktestSet set = set();
        Backtest.Result with = new Backtest(new Simulation(List.of(Models.compromise()))).run(set,
                CapabilityRule.forSet("gdp", set), RunSpec.defaults().withThreads(2)
                        .withOptions(Map.of("consent.win-set", "off")), false);
        Backtest.Result without = new Backtest(new Simulation(List.of(Models.compromise()))).run(set,
                CapabilityRule.forSet("gdp", set), RunSpec.defaults().withThreads(2)
                        .withOptions(Map.of("consent", "ignore")), false);
        assertThat(Score.of("compromise", Split.ALL, "gdp", with.issues()).mae()).isCloseTo(22.66, within(0.005));
        assertThat(Score.of("compromise", Split.ALL, "gdp", with.issues()).medianAe()).isCloseTo(17.90, within(0.005));
        assertThat(Score.of("compromise", Split.ALL, "gdp", with.issues()).rmse()).isCloseTo(30.85, within(0.005));
        assertThat(Score.of("compromise", Split.TRAIN, "gdp", with.issues()).mae()).isCloseTo(19.30, within(0.005));
        assertThat(Score.of("compromise", Split.TEST, "gdp", with.issues()).mae()).isCloseTo(26.15, within(0.005));
        int changed = 0;
        for (int j = 0; j < with.issues().size(); j++) {
            IssueForecast a = with.issues().get(j);
            IssueForecast b = without.issues().get(j);
            assertThat(a.issueId()).isEqualTo(b.issueId());
            if (Math.abs(a.forecast("compromise") - b.forecast("compromise")) > 1e-9) {
                changed++;
            }
        }
        assertThat(changed).isEqualTo(76);
    }
}
