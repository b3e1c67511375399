package org.parley.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.model.Estimate;
import org.parley.model.Provenance;
import org.parley.model.Range;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.Models;

/** Comparison, sensitivity, levers and model comparison on scenarios with known answers. */
class AnalysisTest {

    private static final RunSpec COMPROMISE = RunSpec.defaults().withModels(List.of("compromise")).withThreads(2);

    /** The baselines: the analyses' arithmetic is what is tested, and they keep the suite fast. */
    private static Simulation baselines() {
        return new Simulation(List.of(Models.compromise(), Models.median(), Models.nash()));
    }

    private static MonteCarlo mc() {
        return new MonteCarlo(baselines());
    }

    @Test
    void comparisonRanksTheBranchChangesByTheirEffect() {
        // base (40 + 80 + 0) / 3 = 40; branch (40 + 50 + 0.5 * 0) / 2.5 = 36
        Comparison.Result r = Comparison.compare(mc(), Scenarios.linear(), COMPROMISE, "base", "b-moves");
        assertThat(r.differences()).extracting(Comparison.Difference::id)
                .containsExactly("position:b:deal", "salience:c:deal");
        Comparison.Row row = r.rows().get(0);
        assertThat(row.first()).isCloseTo(40, within(1e-9));
        assertThat(row.second()).isCloseTo(36, within(1e-9));
        assertThat(row.difference()).isCloseTo(-4, within(1e-9));
        // b to 50 alone: (40 + 50) / 3 = 30, effect -10; c salience 50 alone: 120 / 2.5 = 48, effect +8
        assertThat(row.causes()).extracting(c -> c.difference().id()).containsExactly("position:b:deal", "salience:c:deal");
        assertThat(row.causes().get(0).effect()).isCloseTo(-10, within(1e-9));
        assertThat(row.causes().get(1).effect()).isCloseTo(8, within(1e-9));
        assertThat(row.causes().get(0).difference().branch()).isEqualTo("b-moves");
        assertThat(row.interaction()).isCloseTo(-2, within(1e-9));
    }

    @Test
    void pairedRunDifferencesFollowTheSharedInput() {
        // difference per run = (x_a + 50) / 2.5 - (x_a + 80) / 3 = x_a / 15 - 20 / 3, x_a in [20, 60]
        Comparison.Result r = Comparison.compare(mc(), Scenarios.linear(), COMPROMISE.withRuns(2000), "base", "b-moves");
        Summary d = r.rows().get(0).runs();
        assertThat(d.runs()).isEqualTo(2000);
        assertThat(d.min()).isGreaterThanOrEqualTo(20.0 / 15 - 20.0 / 3 - 1e-9);
        assertThat(d.max()).isLessThanOrEqualTo(60.0 / 15 - 20.0 / 3 + 1e-9);
        assertThat(d.mean()).isCloseTo(-4, within(0.05));
    }

    @Test
    void anOutsideOptionSetByABranchIsADifference() {
        // a's outside option: 30 as stated, 5 in "a-needs-less"; b's only in "b-gets-one" (else the status quo 0)
        Scenario lin = Scenarios.linear();
        List<Stance> ss = new java.util.ArrayList<>(lin.stances());
        ss.set(0, new Stance("a", "deal", Estimate.of(40), Estimate.of(100), Estimate.of(30, Provenance.judgement("t"))));
        Scenario s = new Scenario("oo", "Outside options", null, "", List.of(), lin.issues(), lin.actors(), ss, List.of(
                new org.parley.model.Branch("a-needs-less", "a needs less", "", null, null, List.of(
                        org.parley.model.Change.outsideOption("a", "deal", Estimate.of(5, Provenance.judgement("t"))))),
                new org.parley.model.Branch("b-gets-one", "b gets one", "", null, null, List.of(
                        org.parley.model.Change.outsideOption("b", "deal", Estimate.of(20, Provenance.judgement("t")))))),
                java.util.Map.of());
        Comparison.Result r = Comparison.compare(mc(), s, COMPROMISE, "base", "a-needs-less");
        assertThat(r.differences()).extracting(Comparison.Difference::label)
                .containsExactly("a outside-option on deal 30 -> 5");
        assertThat(r.differences().get(0).branch()).isEqualTo("a-needs-less");
        Comparison.Result one = Comparison.compare(mc(), s, COMPROMISE, "base", "b-gets-one");
        assertThat(one.differences()).extracting(Comparison.Difference::label)
                .containsExactly("b outside-option on deal 0 -> 20");
        Comparison.Result back = Comparison.compare(mc(), s, COMPROMISE, "b-gets-one", "base");
        assertThat(back.differences()).extracting(Comparison.Difference::label)
                .containsExactly("b outside-option on deal 20 -> 0");
    }

    @Test
    void comparingAnUnknownBranchIsAnError() {
        assertThatThrownBy(() -> Comparison.compare(mc(), Scenarios.linear(), COMPROMISE, "base", "b-move"))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ID));
    }

    @Test
    void removalsAreDifferencesToo() {
        Scenario s = Scenarios.ranged(2, 4, 2);
        Comparison.Result r = Comparison.compare(mc(), s, RunSpec.defaults(), "base", "exit");
        assertThat(r.differences()).extracting(Comparison.Difference::id)
                .containsExactly("takes-part:a2:i0", "takes-part:a2:i1");
        assertThat(r.differences().get(0).branch()).isEqualTo("exit");
        for (Comparison.Row row : r.rows()) {
            if (row.model().equals("compromise")) {
                // the compromise is additive in the removed actor's issues: each removal explains its issue
                assertThat(row.causes().get(0).effect()).isCloseTo(row.difference(), within(1e-9));
            }
        }
    }

    @Test
    void oneAtATimeSwingsOfALinearForecast() {
        Simulation.Plan plan = baselines().plan(Scenarios.linear(), COMPROMISE);
        List<Sensitivity.OneAtATime> rows = Sensitivity.oneAtATime(plan, "base");
        assertThat(rows).hasSize(1);
        Sensitivity.OneAtATime o = rows.get(0);
        assertThat(o.input().id()).isEqualTo("position:a:deal");
        assertThat(o.atLow()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(o.atHigh()).isCloseTo(140.0 / 3, within(1e-9));
        assertThat(o.swing()).isCloseTo(40.0 / 3, within(1e-9));
    }

    /**
     * Y = (x_a + x_b + 0) / 3 with x_a ~ U[20, 60] and x_b ~ U[40, 80] (equal variances) and c's
     * salience U[90, 100] (a small effect): S_a = S_b, close to one half each; the estimator's
     * standard error at N = 4000 with 63 bins is about 0.02.
     */
    @Test
    void firstOrderIndicesSplitTheVarianceOfTwoEqualInputs() {
        Scenario s = Scenarios.linear();
        Stance b = s.stance("b", "deal").orElseThrow();
        Stance c = s.stance("c", "deal").orElseThrow();
        s = s.withStances(List.of(s.stances().get(0),
                b.withPosition(new Estimate(60, Range.uniform(40, 80), Provenance.judgement("t"))),
                c.withSalience(new Estimate(100, Range.uniform(90, 100), Provenance.judgement("t")))));
        MonteCarloResult r = mc().run(s, COMPROMISE.withRuns(4000).withWorlds(List.of("base")), true);
        List<Sensitivity.FirstOrder> idx = Sensitivity.firstOrder(r, "base");
        assertThat(idx).hasSize(3);
        assertThat(idx.get(2).input().id()).isEqualTo("salience:c:deal");
        for (Sensitivity.FirstOrder f : idx.subList(0, 2)) {
            assertThat(f.index()).as(f.input().id()).isCloseTo(0.5, within(0.08));
        }
        assertThat(idx.get(2).index()).isLessThan(0.05);
    }

    @Test
    void leversFindTheSmallestChangeThatCrossesAThreshold() {
        // need (x_a + x_b + x_c) / 3 > 45 from 40: any one position +15 (15% of the scale); c's
        // salience from 100 to 66.7 (33%); a's and b's saliences cannot do it
        Simulation.Plan plan = baselines().plan(Scenarios.linear(), COMPROMISE.withWorlds(List.of("base")));
        List<Levers.Lever> levers = Levers.find(plan, "base", 10).stream()
                .filter(l -> l.threshold().id().equals("above-45")).toList();
        assertThat(levers).extracting(l -> l.input().id())
                .containsExactly("position:a:deal", "position:b:deal", "position:c:deal", "salience:c:deal");
        assertThat(levers.get(0).to()).isCloseTo(55, within(1e-3));
        assertThat(levers.get(0).crossedNow()).isFalse();
        assertThat(levers.get(3).to()).isCloseTo(200.0 / 3, within(1e-3));
        assertThat(levers.get(3).relative()).isCloseTo(1.0 / 3, within(1e-4));
        assertThat(levers.get(0).after()).isGreaterThan(45);
    }

    @Test
    void modelComparisonShowsTheSpreadBetweenModels() {
        MonteCarloResult r = mc().run(Scenarios.linear(), RunSpec.defaults().withWorlds(List.of("base")));
        ModelComparison.Row row = ModelComparison.of(r).get(0);
        assertThat(row.point()).containsOnlyKeys("compromise", "median", "nash");
        double lo = row.point().values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double hi = row.point().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(row.range()).isEqualTo(hi - lo);
        assertThat(row.pooled().min()).isEqualTo(lo);
        assertThat(row.pooled().max()).isEqualTo(hi);
    }

    @Test
    void analysesDoNotDependOnTheThreadCount() {
        Scenario s = Scenarios.ranged(21, 6, 3);
        RunSpec one = RunSpec.defaults().withThreads(1).withRuns(300);
        RunSpec four = one.withThreads(4);
        Simulation.Plan p1 = baselines().plan(s, one.withWorlds(List.of("base")));
        Simulation.Plan p4 = baselines().plan(s, four.withWorlds(List.of("base")));
        assertThat(Sensitivity.oneAtATime(p4, "base")).isEqualTo(Sensitivity.oneAtATime(p1, "base"));
        assertThat(Levers.find(p4, "base", 3)).isEqualTo(Levers.find(p1, "base", 3));
        Comparison.Result c1 = Comparison.compare(mc(), s, one, "hawks", "doves");
        Comparison.Result c4 = Comparison.compare(mc(), s, four, "hawks", "doves");
        assertThat(c4.rows()).isEqualTo(c1.rows());
        MonteCarloResult r1 = mc().run(s, one.withWorlds(List.of("base")), true);
        MonteCarloResult r4 = mc().run(s, four.withWorlds(List.of("base")), true);
        assertThat(Sensitivity.firstOrder(r4, "base")).isEqualTo(Sensitivity.firstOrder(r1, "base"));
    }
}
