package org.parley.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.model.Actor;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.Models;

/** A two-case backtest whose every number is worked out by hand in the comments. */
class BacktestTest {

    /**
     * Case A (proposal p1, train): a (capability 1) at 0, b (capability 3) at 100, both salience 100,
     * scale 0-100, status quo 0, outcome 70. Compromise = 75 (error 5); reference point 0 (70);
     * proposer a = 0 (70); midpoint 50 (20). With equal capabilities the compromise is 50 (20).
     */
    static BacktestCase caseA() {
        Issue x = Issue.of("x", Scale.of(0, 100)).withStatusQuo(Estimate.of(0));
        Scenario s = new Scenario("A", "", null, "", List.of(), List.of(x), List.of(Actor.of("a", 1), Actor.of("b", 3),
                Actor.of("idle", 5)), List.of(Stance.of("a", "x", 0, 100), Stance.of("b", "x", 100, 100)), List.of(),
                Map.of());
        return new BacktestCase("A", "p1", null, s, Map.of("x", 70.0), LocalDate.of(2000, 1, 1), "COD", "QMV");
    }

    /**
     * Case B (proposal p2, test): scale 0-10, a at 10, b at 0, both salience 50, no status quo,
     * outcome 5. Compromise = 10 * 0.5 / (0.5 + 1.5) = 2.5 (error 2.5 of 10 = 25 points); proposer
     * a = 10 (50 points); midpoint 5 (0). With equal capabilities: 5 (0).
     */
    static BacktestCase caseB() {
        Issue y = Issue.of("y", Scale.of(0, 10));
        Scenario s = new Scenario("B", "", null, "", List.of(), List.of(y), List.of(Actor.of("a", 1), Actor.of("b", 3)),
                List.of(Stance.of("a", "y", 10, 50), Stance.of("b", "y", 0, 50)), List.of(), Map.of());
        return new BacktestCase("B", "p2", null, s, Map.of("y", 5.0), LocalDate.of(2000, 1, 1), "COD", "QMV");
    }

    static BacktestSet set() {
        return BacktestSet.of("synthetic", List.of(caseA(), caseB()), "a", CapabilityRule.SCENARIO, List.of());
    }

    private static Backtest.Result run(CapabilityRule rule, int threads) {
        return new Backtest(new Simulation(List.of(Models.compromise(), Models.median())))
                .run(set(), rule, RunSpec.defaults().withThreads(threads), true);
    }

    @Test
    void scoresEveryForecasterWithKnownAnswers() {
        Backtest.Result r = run(CapabilityRule.written("scenario"), 1);
        assertThat(r.labels()).containsExactly("compromise", "median", Backtest.REFERENCE_POINT, Backtest.PROPOSER,
                Backtest.MIDPOINT, Ensemble.LABEL);
        Score all = Score.of("compromise", Split.ALL, "scenario", r.issues());
        assertThat(all.n()).isEqualTo(2);
        assertThat(all.mae()).isCloseTo(15, within(1e-9));
        assertThat(all.medianAe()).isCloseTo(15, within(1e-9));
        assertThat(all.rmse()).isCloseTo(Math.sqrt((25 + 625) / 2.0), within(1e-9));
        assertThat(all.within10()).isEqualTo(0.5);
        assertThat(Score.of("compromise", Split.TRAIN, "scenario", r.issues()).mae()).isCloseTo(5, within(1e-9));
        assertThat(Score.of("compromise", Split.TEST, "scenario", r.issues()).mae()).isCloseTo(25, within(1e-9));
        Score ref = Score.of(Backtest.REFERENCE_POINT, Split.ALL, "scenario", r.issues());
        assertThat(ref.n()).isEqualTo(1);
        assertThat(ref.mae()).isCloseTo(70, within(1e-9));
        assertThat(Score.of(Backtest.PROPOSER, Split.ALL, "scenario", r.issues()).mae()).isCloseTo(60, within(1e-9));
        assertThat(Score.of(Backtest.MIDPOINT, Split.ALL, "scenario", r.issues()).mae()).isCloseTo(10, within(1e-9));
    }

    /** A model that refuses any problem with an issue on a 0-10 scale (case B) and otherwise forecasts 60. */
    static final class Fragile implements org.parley.engine.BargainingModel {
        @Override
        public String id() {
            return "fragile";
        }

        @Override
        public String description() {
            return "test model";
        }

        @Override
        public org.parley.engine.Trajectory run(org.parley.engine.Problem p, org.parley.engine.ModelOptions o,
                                                org.parley.engine.RunContext c) {
            if (p.scaleMax(0) == 10) {
                throw new ParleyException(ErrorCode.BAD_INPUT, "scale too short for this model");
            }
            double[] f = new double[p.issueCount()];
            java.util.Arrays.fill(f, 60);
            return org.parley.engine.Trajectory.staticForecast(p, f, List.of());
        }
    }

    @Test
    void aModelThatCannotRunOnACaseLosesOnlyThatCase() {
        Backtest.Result r = new Backtest(new Simulation(List.of(Models.compromise(), new Fragile())))
                .run(set(), CapabilityRule.written("scenario"), RunSpec.defaults().withThreads(1)
                        .withOptions(Map.of("weights", "capability-salience")), false);
        assertThat(r.issues().get(0).forecast("fragile")).isEqualTo(60);
        assertThat(r.issues().get(1).forecast("fragile")).isNaN();
        assertThat(r.issues().get(1).forecast("compromise")).isCloseTo(2.5, within(1e-9));
        assertThat(Score.of("fragile", Split.ALL, "scenario", r.issues()).n()).isEqualTo(1);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("fragile could not run on 1 case(s), e.g. B (scale too short"));
    }

    @Test
    void anOptionNoModelTakesStopsTheBacktest() {
        assertThatThrownBy(() -> new Backtest(new Simulation(List.of(Models.compromise(), new Fragile())))
                .run(set(), CapabilityRule.written("scenario"), RunSpec.defaults().withThreads(1)
                        .withOptions(Map.of("nope", "1")), false))
                .isInstanceOf(ParleyException.class)
                .extracting(e -> ((ParleyException) e).code()).isEqualTo(ErrorCode.BAD_OPTION);
    }

    @Test
    void equalCapabilitiesChangeTheCompromise() {
        Backtest.Result r = run(CapabilityRule.equal(), 1);
        assertThat(r.capability()).isEqualTo("equal");
        assertThat(r.issues().get(0).forecast("compromise")).isCloseTo(50, within(1e-9));
        assertThat(r.issues().get(1).forecast("compromise")).isCloseTo(5, within(1e-9));
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() {
        assertThat(run(CapabilityRule.written("scenario"), 2).issues())
                .isEqualTo(run(CapabilityRule.written("scenario"), 1).issues());
    }

    @Test
    void theEnsembleIsFittedOnTrainOnly() {
        // on train (case A) the compromise (75) misses by 5, the median (100: b holds 3/4 of the weight) by 30
        Backtest.Result r = run(CapabilityRule.written("scenario"), 1);
        assertThat(r.ensemble()).containsEntry("compromise", 1.0).containsEntry("median", 0.0);
    }

    @Test
    void actorsWithoutAnyStanceAreDropped() {
        Scenario s = Backtest.prepare(caseA(), CapabilityRule.written("scenario"));
        assertThat(s.actors()).extracting(Actor::id).containsExactly("a", "b");
    }

    @Test
    void anUnknownCapabilityOptionIsABadOption() {
        assertThatThrownBy(() -> CapabilityRule.forSet("gdp", set())).isInstanceOf(ParleyException.class)
                .extracting(e -> ((ParleyException) e).code()).isEqualTo(ErrorCode.BAD_OPTION);
        assertThat(set().capabilityOptions()).containsExactly("scenario", "equal", "council");
    }

    @Test
    void splitsAlternateByProposalInOrderOfFirstAppearance() {
        BacktestCase a2 = new BacktestCase("A2", "p1", null, caseA().scenario(), Map.of("x", 1.0), null, null, null);
        BacktestCase c = new BacktestCase("C", "p3", null, caseA().scenario(), Map.of("x", 1.0), null, null, null);
        BacktestCase d = new BacktestCase("D", "p4", Split.TRAIN, caseA().scenario(), Map.of("x", 1.0), null, null, null);
        BacktestSet s = BacktestSet.of("s", List.of(caseA(), caseB(), a2, c, d), null, null, List.of());
        assertThat(s.cases()).extracting(BacktestCase::split)
                .containsExactly(Split.TRAIN, Split.TEST, Split.TRAIN, Split.TRAIN, Split.TRAIN);
        assertThat(s.capabilityOptions()).containsExactly("scenario", "equal");
        BacktestCase straddle = a2.withSplit(Split.TEST);
        assertThatThrownBy(() -> BacktestSet.of("s", List.of(caseA().withSplit(Split.TRAIN), straddle), null, null,
                List.of())).hasMessageContaining("both train and test");
    }

    @Test
    void outcomesMustNameIssuesOfTheScenario() {
        assertThatThrownBy(() -> new BacktestCase("Z", null, null, caseA().scenario(), Map.of("nope", 1.0), null, null,
                null)).hasMessageContaining("unknown issue 'nope'");
    }

    @Test
    void aScoreOfNothingIsEmpty() {
        Score s = Score.of("compromise", Split.TEST, "x", List.of());
        assertThat(s.n()).isZero();
        assertThat(s.mae()).isNaN();
    }

    @Test
    void withinTenCountsAnErrorOfExactlyTen() {
        IssueForecast f = new IssueForecast("c", "p", Split.TRAIN, "i", 0, 100, 50, Map.of("m", 60.0));
        IssueForecast g = new IssueForecast("c", "p", Split.TRAIN, "j", 0, 100, 50, Map.of("m", 61.0));
        Score s = Score.of("m", Split.ALL, "x", List.of(f, g));
        assertThat(s.within10()).isEqualTo(0.5);
        assertThat(s.medianAe()).isCloseTo(10.5, within(1e-12));
    }

    @Test
    void calibrationWithoutNoiseCollapsesToThePointForecast() {
        // compromise: A misses (75 vs 70), B misses (2.5 vs 5): no outcome inside a zero-width interval
        List<Calibration.Row> rows = Calibration.run(new Simulation(List.of(Models.compromise())), set(),
                CapabilityRule.written("scenario"), RunSpec.defaults().withThreads(1), 3, 0, Split.ALL);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).n()).isEqualTo(2);
        assertThat(rows.get(0).inside90()).isZero();
        assertThat(rows.get(0).width90()).isZero();
    }

    @Test
    void calibrationIsReproducibleAndThreadIndependent() {
        Simulation sim = new Simulation(List.of(Models.compromise()));
        List<Calibration.Row> one = Calibration.run(sim, set(), CapabilityRule.written("scenario"),
                RunSpec.defaults().withThreads(1), 40, 20, Split.ALL);
        List<Calibration.Row> two = Calibration.run(sim, set(), CapabilityRule.written("scenario"),
                RunSpec.defaults().withThreads(2), 40, 20, Split.ALL);
        assertThat(two).isEqualTo(one);
        assertThat(one.get(0).width90()).isGreaterThan(one.get(0).width50()).isGreaterThan(0);
    }

    @Test
    void conformalIntervalsComeFromTrainErrors() {
        // compromise: train error 5 (case A), so both intervals are +/- 5; the test error 25 (case B) lies outside
        Backtest.Result r = run(CapabilityRule.written("scenario"), 1);
        Calibration.Row test = Calibration.conformal(r, Split.TEST).get(0);
        assertThat(test.label()).isEqualTo("compromise");
        assertThat(test.n()).isEqualTo(1);
        assertThat(test.inside90()).isZero();
        assertThat(test.width90()).isCloseTo(10, within(1e-9));
        assertThat(Calibration.conformal(r, Split.TRAIN).get(0).inside50()).isEqualTo(1.0);
    }

    @Test
    void perturbationStaysOnTheScale() {
        Scenario s = Calibration.perturb(caseA().scenario(), 80, org.parley.engine.Seeds.random(1));
        for (Stance st : s.stances()) {
            assertThat(st.position().value()).isBetween(0.0, 100.0);
            assertThat(st.salience().value()).isBetween(0.0, 100.0);
            assertThat(st.position().provenance()).isEqualTo(Provenance.none());
        }
    }
}
