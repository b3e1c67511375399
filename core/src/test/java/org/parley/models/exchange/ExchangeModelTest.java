package org.parley.models.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.parley.engine.BargainingModel;
import org.parley.engine.BargainingModelContract;
import org.parley.engine.ErrorCode;
import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.ParleyException;
import org.parley.engine.Peers;
import org.parley.engine.Problem;
import org.parley.engine.Replication;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;
import org.parley.model.DecisionRule;
import org.parley.models.Models;

class ExchangeModelTest {

    @Nested
    class Contract implements BargainingModelContract {
        @Override
        public BargainingModel model() {
            return Models.exchange();
        }
    }

    static Trajectory run(Problem p, int rounds, Map<String, String> options, long seed) {
        ExchangeModel m = new ExchangeModel();
        return m.run(p, ModelOptions.resolve(m.id(), m.options(), m.presets(), options), RunContext.of(rounds, seed));
    }

    /** {@code reference_outputs/py_two_actor_vector.txt}: China and USA, finvol and finwho. */
    static Problem twoActors() {
        return new Problem(new String[] {"China", "USA"}, new String[] {"finvol", "finwho"}, new double[] {1, 1},
                new double[][] {{100, 0}, {0, 80}}, new double[][] {{0.5, 0.8}, {0.7, 0.5}},
                new double[] {0, 0}, new double[] {100, 100}, new double[] {Double.NaN, Double.NaN},
                new DecisionRule[] {DecisionRule.BARGAINING, DecisionRule.BARGAINING});
    }

    @Replication
    @Test
    void twoActorVectorIsReproducedExactly() {
        Peers.require("peers/exchange/reference_outputs/py_two_actor_vector.txt");
        Trajectory t = run(twoActors(), 1, Map.of(), 1);
        // the Python file prints float(28-digit Decimal); doubles come within one unit in the last place
        assertThat(t.rounds().get(0).outcome()[0]).isCloseTo(41.666666666666664, within(2 * Math.ulp(41.67)));
        assertThat(t.rounds().get(0).outcome()[1]).isCloseTo(30.76923076923077, within(2 * Math.ulp(30.77)));
        List<Move> moves = t.rounds().get(1).moves();
        assertThat(moves).hasSize(2);
        Move usa = moves.get(0);
        Move china = moves.get(1);
        assertThat(usa.actor() + " " + usa.issue() + " " + usa.from() + " -> " + usa.to()).isEqualTo("USA finwho 80.0 -> 0.0");
        assertThat(china.actor() + " " + china.issue() + " " + china.from() + " -> " + china.to())
                .isEqualTo("China finvol 100.0 -> 20.0");
        assertThat(usa.measure("gain")).isEqualTo(7.948717948717949);
        assertThat(china.measure("gain")).isEqualTo(7.948717948717949);
        assertThat(usa.measure("exchange")).isEqualTo(china.measure("exchange")).isEqualTo(1.0);
        assertThat(usa.measure("demand_issue")).isEqualTo(0.0);
        // the outcome on the voting positions: finvol with China at 20, finwho with USA at 0
        assertThat(t.rounds().get(1).outcome()[0]).isCloseTo(8.333333333333334, within(1e-12));
        assertThat(t.rounds().get(1).outcome()[1]).isCloseTo(0.0, within(1e-12));
        assertThat(usa.reason()).isEqualTo(
                "USA moved on finwho from 80 to 0 because China moved on finvol from 100 to 20; both gain 7.949.");
    }

    @Test
    void preferencesShiftTowardTheVotingPositionByTheSalienceWeight() {
        Trajectory t = run(twoActors(), 2, Map.of(), 1);
        // round 2 starts from x + (0.1 + 0.4 (1 - s)) (y - x): USA finwho 80 + 0.3 (0 - 80) = 56;
        // China finvol 100 + 0.3 (20 - 100) = 76
        double w = 0.1 + 0.4 * (1 - 0.5);
        double finvol = (76 * 0.5 + 0 * 0.7) / 1.2;
        double finwho = (0 * 0.8 + (80 + w * (0 - 80)) * 0.5) / 1.3;
        assertThat(t.rounds().get(1).series().get("preference_outcome")).containsExactly(
                new double[] {finvol, finwho}, within(1e-12));
        assertThat(t.rounds().get(2).series().get("start_outcome")).containsExactly(
                new double[] {finvol, finwho}, within(1e-12));
    }

    @Test
    void issueScalesAreMappedToTheWorkingScaleAndBack() {
        Problem p = twoActors();
        Problem scaled = new Problem(new String[] {"China", "USA"}, new String[] {"finvol", "finwho"}, new double[] {1, 1},
                new double[][] {{7, 0.5}, {0.5, 5.7}}, p.salience(), new double[] {0.5, 0.5}, new double[] {7, 7},
                new double[] {Double.NaN, Double.NaN}, new DecisionRule[] {DecisionRule.BARGAINING, DecisionRule.BARGAINING});
        Trajectory a = run(p, 3, Map.of(), 1);
        Trajectory b = run(scaled, 3, Map.of(), 1);
        for (int r = 0; r < a.rounds().size(); r++) {
            for (int k = 0; k < 2; k++) {
                assertThat(b.rounds().get(r).outcome()[k]).isCloseTo(0.5 + a.rounds().get(r).outcome()[k] * 6.5 / 100,
                        within(1e-9));
            }
        }
        assertThat(b.rounds().get(1).moves().get(0).measure("gain")).isCloseTo(7.948717948717949, within(1e-12));
    }

    @Test
    void optionsOutsideTheirRangeAreRejected() {
        assertThatThrownBy(() -> run(twoActors(), 1, Map.of("p", "1.5"), 1))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_OPTION));
        assertThatThrownBy(() -> run(twoActors(), 1, Map.of("ties", "sometimes"), 1))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_OPTION));
    }

    @Test
    void withoutAnExchangeTheRunStops() {
        Problem p = twoActors();
        double[][] same = {{100, 0}, {100, 0}};
        Trajectory t = run(p.withPositions(same), 0, Map.of(), 1);
        assertThat(t.rounds()).hasSize(2);
        assertThat(t.stopReason()).contains("no exchange");
        assertThat(t.forecast()).containsExactly(100.0, 0.0);
    }

    /** Every option path runs, stays on the scales, and repeats itself under the same seed. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "ties=coin", "ties=ordered", "overshoot=all", "sum-rule=off", "p=0.5", "p=1", "arithmetic=decimal",
        "arithmetic=decimal,p=0.7", "preset=r-port", "fixed-weight=0.2,salience-weight=0.8"})
    void everyOptionRunsWithinTheScalesAndRepeatsUnderTheSameSeed(String spec) {
        Map<String, String> opts = new java.util.LinkedHashMap<>();
        for (String kv : spec.split(",")) {
            opts.put(kv.split("=")[0], kv.split("=")[1]);
        }
        Problem p = Problem.of(org.parley.engine.ScenarioGenerator.random(31, 8, 4));
        Trajectory a = run(p, 5, opts, 77);
        Trajectory b = run(p, 5, opts, 77);
        assertThat(a.rounds()).hasSameSizeAs(b.rounds());
        for (int r = 0; r < a.rounds().size(); r++) {
            assertThat(b.rounds().get(r).outcome()).containsExactly(a.rounds().get(r).outcome());
            assertThat(b.rounds().get(r).moves()).isEqualTo(a.rounds().get(r).moves());
            for (Move m : a.rounds().get(r).moves()) {
                int k = p.issueIndex(m.issue());
                assertThat(m.to()).isBetween(p.scaleMin(k) - 1e-9, p.scaleMax(k) + 1e-9);
            }
        }
        assertThat(a.rounds().get(1).moves()).as("the generated scenario has exchanges").isNotEmpty();
    }

    @Test
    void doubleAndDecimalArithmeticAgreeOnAGeneratedScenario() {
        Problem p = Problem.of(org.parley.engine.ScenarioGenerator.random(5, 9, 4));
        Trajectory d = run(p, 1, Map.of("ties", "ordered"), 1);
        Trajectory e = run(p, 1, Map.of("ties", "ordered", "arithmetic", "decimal"), 1);
        assertThat(e.rounds().get(1).moves()).hasSameSizeAs(d.rounds().get(1).moves());
        for (int t = 0; t < d.rounds().get(1).moves().size(); t++) {
            Move x = d.rounds().get(1).moves().get(t);
            Move y = e.rounds().get(1).moves().get(t);
            assertThat(y.actor() + y.issue()).isEqualTo(x.actor() + x.issue());
            assertThat(y.to()).isCloseTo(x.to(), within(1e-9));
            assertThat(y.measure("gain")).isCloseTo(x.measure("gain"), within(1e-12));
        }
    }

    @Test
    void randomExchangeRatesKeepEveryExchangeProfitableForBothSides() {
        Trajectory t = run(twoActors(), 1, Map.of("p", "1"), 7);
        for (Move m : t.rounds().get(1).moves()) {
            assertThat(m.measure("gain")).isGreaterThanOrEqualTo(0);
        }
        assertThat(Arrays.stream(t.forecast()).allMatch(Double::isFinite)).isTrue();
    }
}
