package org.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.model.Actor;
import org.parley.model.Branch;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.model.Threshold;
import org.parley.models.Models;

/** The consent stage worked by hand: cores, win-sets, no deal, talks and the mixture. */
class ConsentStageTest {

    static Estimate e(double v) {
        return Estimate.of(v, Provenance.judgement("test"));
    }

    /** One issue on 0-100; actors given as {id, capability, position, salience, outside option or NaN}. */
    static Scenario oneIssue(DecisionRule rule, Double quota, String votes, List<String> consent, double sq,
                             double[][] actors, String... ids) {
        Issue i = new Issue("i", "I", "", Scale.percent("low", "high"), Double.isNaN(sq) ? null : e(sq), rule,
                List.of(new Threshold("t", 50, true, "above 50?")), quota, votes, consent);
        List<Actor> as = new ArrayList<>();
        List<Stance> ss = new ArrayList<>();
        for (int a = 0; a < ids.length; a++) {
            double[] x = actors[a];
            as.add(new Actor(ids[a], ids[a], e(x[0]), Map.of()));
            ss.add(new Stance(ids[a], "i", e(x[1]), e(x[2]), Double.isNaN(x[3]) ? null : e(x[3])));
        }
        return new Scenario("t", "t", null, "", List.of(), List.of(i), as, ss, List.of(), Map.of());
    }

    static RunResult run(Scenario s, String model, String... options) {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        for (int j = 0; j + 1 < options.length; j += 2) {
            o.put(options[j], options[j + 1]);
        }
        ForecastResult r = Models.simulation().run(s, RunSpec.defaults().withModels(List.of(model)).withOptions(o)
                .withWorlds(List.of(Scenario.BASE)));
        return r.run(Scenario.BASE, model).orElseThrow();
    }

    static final double N = Double.NaN;

    @Test
    void qualifiedMajorityClipsToTheCore() {
        // five voters, one vote each, at 0 20 40 60 100; quota 0.6: cumulative shares .2 .4 .6 .8 1,
        // Q(0.4) = 20, Q(0.6) = 40: core [20, 40]. The heavy actor at 100 pulls the compromise to
        // (0 + 20 + 40 + 60 + 1000) / 14 = 80, clipped to 40. No status quo: no win-set.
        Scenario s = oneIssue(DecisionRule.QUALIFIED_MAJORITY, 0.6, "equal", List.of(), N,
                new double[][] {{1, 0, 50, N}, {1, 20, 50, N}, {1, 40, 50, N}, {1, 60, 50, N}, {10, 100, 50, N}},
                "a", "b", "c", "d", "e");
        RunResult r = run(s, "compromise");
        ConsentResult c = r.trajectory().consent();
        assertThat(c.modelForecast()[0]).isCloseTo(80, within(1e-9));
        assertThat(r.trajectory().forecast()[0]).isEqualTo(40);
        assertThat(c.status()).containsExactly(ConsentResult.Status.MOVED);
        assertThat(c.moves()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("consent");
            assertThat(m.reason()).isEqualTo("clipped to the qualified-majority core [20, 40]");
            assertThat(m.measure("core_low")).isEqualTo(20);
            assertThat(m.measure("core_high")).isEqualTo(40);
        });
        // ignoring the stage gives the model's own forecast
        assertThat(run(s, "compromise", "consent", "ignore").trajectory().forecast()[0]).isCloseTo(80, within(1e-9));
        assertThat(run(s, "compromise", "consent", "ignore").trajectory().consent()).isNull();
    }

    @Test
    void votesByCapabilityMoveTheCore() {
        // the same positions, votes = capability 1 1 1 1 10 (total 14): shares .071 .143 .214 .286 1;
        // Q(0.4) = 100 and Q(0.6) = 100: the heavy actor alone is a qualified majority, core [100, 100]
        Scenario s = oneIssue(DecisionRule.QUALIFIED_MAJORITY, 0.6, null, List.of(), N,
                new double[][] {{1, 0, 50, N}, {1, 20, 50, N}, {1, 40, 50, N}, {1, 60, 50, N}, {10, 100, 50, N}},
                "a", "b", "c", "d", "e");
        assertThat(run(s, "compromise").trajectory().forecast()[0]).isEqualTo(100);
    }

    @Test
    void unanimityWinSetPinsTheOutcome() {
        // voters at 10, 40, 60, status quo 30: they accept [-10, 30], [20, 60], [0, 60] around
        // their positions... precisely |y - x| <= |30 - x|: [10-20, 10+20] = [-10, 30], [30, 50],
        // [0, 90] (60 +- 30); together {30}. The compromise (equal weights) 36.67 moves to 30.
        Scenario s = oneIssue(DecisionRule.UNANIMITY, null, null, List.of(), 30,
                new double[][] {{1, 10, 50, N}, {1, 40, 50, N}, {1, 60, 50, N}}, "a", "b", "c");
        RunResult r = run(s, "compromise");
        assertThat(r.trajectory().consent().modelForecast()[0]).isCloseTo(110.0 / 3, within(1e-9));
        assertThat(r.trajectory().forecast()[0]).isCloseTo(30, within(1e-9));
        assertThat(r.trajectory().consent().status()).containsExactly(ConsentResult.Status.MOVED);
        assertThat(r.trajectory().consent().moves().get(0).reason())
                .isEqualTo("moved to 30, the nearest point of the unanimity core [10, 60] that every voter prefer to no deal");
    }

    @Test
    void theBindingActorIsTheOneWhoseBoundStoppedTheMove() {
        // a at 100 and b at 0, status quo 0, both consent players: a accepts [0, 200] (|y - 100| <= 100),
        // b only {0}. The compromise 50 moves down to 0: b's upper bound stops it, not a's lower bound,
        // which merely coincides with 0
        Scenario s = oneIssue(DecisionRule.BARGAINING, null, null, List.of("a", "b"), 0,
                new double[][] {{1, 100, 50, N}, {1, 0, 50, N}}, "a", "b");
        RunResult r = run(s, "compromise");
        assertThat(r.trajectory().forecast()[0]).isCloseTo(0, within(1e-9));
        assertThat(r.trajectory().consent().moves()).singleElement().satisfies(m -> {
            assertThat(m.actor()).isEqualTo("b");
            assertThat(m.reason()).startsWith("moved to 0, the nearest point b accepts");
        });
    }

    @Test
    void consentListUnderBargaining() {
        // a at 0, b and c at 100 (capabilities 1 3 1, equal saliences): compromise 80
        double[][] actors = {{1, 0, 50, N}, {3, 100, 50, N}, {1, 100, 50, N}};
        Scenario onlyA = oneIssue(DecisionRule.BARGAINING, null, null, List.of("a"), N, actors, "a", "b", "c");
        assertThat(run(onlyA, "compromise").trajectory().forecast()[0]).isEqualTo(0);
        Scenario aAndB = oneIssue(DecisionRule.BARGAINING, null, null, List.of("a", "b"), N, actors, "a", "b", "c");
        RunResult r = run(aAndB, "compromise");
        assertThat(r.trajectory().forecast()[0]).isCloseTo(80, within(1e-9));
        assertThat(r.trajectory().consent().status()).containsExactly(ConsentResult.Status.PASSED);
        // a bargaining issue without a consent list: no stage on it
        Scenario none = oneIssue(DecisionRule.BARGAINING, null, null, List.of(), N, actors, "a", "b", "c");
        assertThat(run(none, "compromise").trajectory().consent()).isNull();
        assertThat(run(none, "compromise", "consent", "apply").trajectory().consent().status())
                .containsExactly(ConsentResult.Status.NONE);
    }

    @Test
    void anOutsideOptionEmptiesTheWinSet() {
        // kim at 100, usa at 0, status quo 0, both must consent. usa accepts only 0 (its position
        // is the status quo); kim, with the status quo as disagreement point, accepts [0, 100]:
        // the outcome is 0, the status quo (moved there, not blocked, but no deal: see
        // anOutcomeAtTheStatusQuoIsNoDeal). With an outside option of 30 kim accepts only [30, 100]:
        // no point both accept, no deal, both block.
        double[][] actors = {{1, 100, 50, N}, {1, 0, 50, N}};
        Scenario sq = oneIssue(DecisionRule.BARGAINING, null, null, List.of("kim", "usa"), 0, actors, "kim", "usa");
        RunResult withSq = run(sq, "compromise");
        assertThat(withSq.trajectory().forecast()[0]).isEqualTo(0);
        assertThat(withSq.trajectory().consent().status()).containsExactly(ConsentResult.Status.MOVED);

        double[][] outside = {{1, 100, 50, 30}, {1, 0, 50, N}};
        Scenario oo = oneIssue(DecisionRule.BARGAINING, null, null, List.of("kim", "usa"), 0, outside, "kim", "usa");
        RunResult r = run(oo, "compromise");
        ConsentResult c = r.trajectory().consent();
        assertThat(c.status()).containsExactly(ConsentResult.Status.BLOCKED);
        assertThat(c.deal(0)).isFalse();
        assertThat(r.trajectory().forecast()[0]).isEqualTo(0);
        assertThat(c.blockedBy().get(0)).containsExactly("kim", "usa");
        assertThat(c.moves()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("no-deal");
            assertThat(m.actor()).isEqualTo("kim");
            assertThat(m.reason()).startsWith("blocked: kim prefers no deal (outside option 30) to any point usa accepts");
        });
    }

    @Test
    void theWinSetCanBeSwitchedOff() {
        double[][] outside = {{1, 100, 50, 30}, {1, 0, 50, N}};
        Scenario oo = oneIssue(DecisionRule.BARGAINING, null, null, List.of("kim", "usa"), 0, outside, "kim", "usa");
        RunResult r = run(oo, "compromise", "consent.win-set", "off");
        assertThat(r.trajectory().consent().status()).containsExactly(ConsentResult.Status.PASSED);
        assertThat(r.trajectory().forecast()[0]).isCloseTo(50, within(1e-9));
    }

    /** Two issues, kim and usa consent on both; kim wants relief and no freeze, usa the reverse. */
    static Scenario freezeForRelief() {
        List<Issue> is = List.of(
                new Issue("freeze", "Freeze", "", Scale.percent("none", "full"), e(0), DecisionRule.BARGAINING, List.of(),
                        null, null, List.of("kim", "usa")),
                new Issue("relief", "Relief", "", Scale.percent("none", "full"), e(0), DecisionRule.BARGAINING, List.of(),
                        null, null, List.of("kim", "usa")));
        List<Actor> as = List.of(new Actor("kim", "Kim", e(1), Map.of()), new Actor("usa", "USA", e(1), Map.of()));
        List<Stance> ss = List.of(new Stance("kim", "freeze", e(0), e(40)), new Stance("kim", "relief", e(100), e(60)),
                new Stance("usa", "freeze", e(100), e(60)), new Stance("usa", "relief", e(0), e(40)));
        return new Scenario("p", "p", null, "", List.of(), is, as, ss, List.of(), Map.of());
    }

    @Test
    void aPackagePassesWhereNeitherIssueAloneWould() {
        // compromise: freeze (0 x 0.4 + 100 x 0.6) / 1 = 60, relief 60. Issue by issue each issue has
        // one player whose position is the status quo: it accepts only 0, so both fall to 0. As a
        // package (linear loss) kim accepts 0.4 f + 0.6 (100 - r) <= 60, i.e. 0.4 f <= 0.6 r, and usa
        // 0.6 (100 - f) + 0.4 r <= 60, i.e. 0.4 r <= 0.6 f: (60, 60) is inside both.
        Scenario s = freezeForRelief();
        RunResult issue = run(s, "compromise");
        assertThat(issue.trajectory().forecast()).containsExactly(0, 0);
        RunResult pack = run(s, "compromise", "consent.scope", "package");
        assertThat(pack.trajectory().forecast()[0]).isCloseTo(60, within(1e-9));
        assertThat(pack.trajectory().forecast()[1]).isCloseTo(60, within(1e-9));
        assertThat(pack.trajectory().consent().status()).containsOnly(ConsentResult.Status.PASSED);
    }

    @Test
    void aPackageMovesToTheNearestAcceptedVector() {
        // from (90, 10) kim's constraint 0.4 f <= 0.6 r binds: the projection onto the line
        // r = 2f/3 through the origin, direction (3, 2): t = (270 + 20) / 13, point (870/13, 580/13)
        Problem p = Problem.of(freezeForRelief());
        ConsentStage.Settings pack = new ConsentStage.Settings(true, false, true, true);
        ConsentResult c = ConsentStage.run(p, new double[] {90, 10}, pack, true, 1);
        assertThat(c.outcome()[0]).isCloseTo(870.0 / 13, within(1e-6));
        assertThat(c.outcome()[1]).isCloseTo(580.0 / 13, within(1e-6));
        assertThat(c.status()).containsOnly(ConsentResult.Status.MOVED);
        // quadratic loss: kim accepts 0.4 f^2 + 0.6 (100 - r)^2 <= 6000, usa 0.6 (100 - f)^2 + 0.4 r^2 <= 6000
        ConsentResult q = ConsentStage.run(p, new double[] {90, 10}, new ConsentStage.Settings(true, true, true, true),
                true, 1);
        double f = q.outcome()[0];
        double r = q.outcome()[1];
        assertThat(0.4 * f * f + 0.6 * (100 - r) * (100 - r)).isLessThanOrEqualTo(6000 + 1e-6);
        assertThat(0.6 * (100 - f) * (100 - f) + 0.4 * r * r).isLessThanOrEqualTo(6000 + 1e-6);
        assertThat(0.4 * f * f + 0.6 * (100 - r) * (100 - r)).isCloseTo(6000, within(1e-3));
    }

    @Test
    void aPackageWithNoAcceptedVectorIsNoDeal() {
        // kim's outside option on relief 90: it now needs 0.4 f + 0.6 (100 - r) <= 0.6 x 10 = 6, so r
        // >= 90 + f * 2/3; usa needs 0.4 r <= 0.6 f, so r <= 1.5 f: 90 + 2f/3 <= 1.5 f needs f >= 108
        Scenario s = freezeForRelief();
        List<Stance> ss = new ArrayList<>(s.stances());
        ss.set(1, ss.get(1).withOutsideOption(e(90)));
        Problem p = Problem.of(s.withStances(ss));
        ConsentResult c = ConsentStage.run(p, new double[] {60, 60}, new ConsentStage.Settings(true, false, true, true),
                true, 1);
        assertThat(c.status()).containsOnly(ConsentResult.Status.BLOCKED);
        assertThat(c.outcome()).containsExactly(0, 0);
        assertThat(c.blockedBy().get(0)).isNotEmpty();
    }

    @Test
    void anOutcomeAtTheStatusQuoIsNoDeal() {
        // usa at the status quo 0 accepts nothing else: the stage moves kim's 50 to 0. Nothing
        // changes, so P(deal) is 0 (it read P(talks): the seed's exercises showed 37.5% deal
        // beside an outcome of 0 in every world and model)
        double[][] actors = {{1, 100, 50, N}, {1, 0, 50, N}};
        Scenario s = oneIssue(DecisionRule.BARGAINING, null, null, List.of("kim", "usa"), 0, actors, "kim", "usa");
        ConsentResult c = run(s, "compromise").trajectory().consent();
        assertThat(c.status()).containsExactly(ConsentResult.Status.MOVED);
        assertThat(c.deal(0, 0)).isFalse();
        assertThat(c.deal(0, Double.NaN)).isTrue();
        BottomLine b = BottomLine.of(Models.simulation().run(s.withTalks(e(0.6)),
                RunSpec.defaults().withModels(List.of("compromise"))));
        assertThat(b.details().get(0).dealShare()).isEqualTo(0.0);
        assertThat(b.details().get(0).pDeal()).isEqualTo(0.0);
        // an outcome off the status quo stays a deal
        double[][] both = {{1, 100, 50, N}, {1, 60, 50, N}};
        Scenario deal = oneIssue(DecisionRule.BARGAINING, null, null, List.of("kim", "usa"), 0, both, "kim", "usa");
        BottomLine d = BottomLine.of(Models.simulation().run(deal.withTalks(e(0.6)),
                RunSpec.defaults().withModels(List.of("compromise"))));
        assertThat(d.details().get(0).pDeal()).isCloseTo(0.6, within(1e-12));
        // Monte Carlo counts the same way, with a drawn input (kim's salience) and without
        List<Stance> ss = new ArrayList<>(s.stances());
        ss.set(0, new Stance("kim", "i", e(100), new Estimate(50, org.parley.model.Range.uniform(40, 60),
                Provenance.judgement("test")), null));
        Scenario ranged = s.withStances(ss).withTalks(e(0.6));
        org.parley.montecarlo.MonteCarloResult mc = new org.parley.montecarlo.MonteCarlo(Models.simulation())
                .run(ranged, RunSpec.defaults().withModels(List.of("compromise")).withRuns(5));
        assertThat(mc.bottomLine().details().get(0).pDeal()).isEqualTo(0.0);
        org.parley.montecarlo.MonteCarloResult fixed = new org.parley.montecarlo.MonteCarlo(Models.simulation())
                .run(s.withTalks(e(0.6)), RunSpec.defaults().withModels(List.of("compromise")).withRuns(5));
        assertThat(fixed.bottomLine().details().get(0).pDeal()).isEqualTo(0.0);
    }

    @Test
    void talksProbabilityMixesTheStatusQuoIntoTheBottomLine() {
        double[][] actors = {{1, 100, 50, N}, {1, 80, 50, N}};
        Scenario s = oneIssue(DecisionRule.BARGAINING, null, null, List.of(), 0, actors, "a", "b");
        BottomLine certain = BottomLine.of(Models.simulation().run(s, RunSpec.defaults().withModels(List.of("compromise"))));
        assertThat(certain.questions().get(0).pYes().get("compromise")).isEqualTo(1.0);
        BottomLine never = BottomLine.of(Models.simulation().run(s.withTalks(e(0)),
                RunSpec.defaults().withModels(List.of("compromise"))));
        assertThat(never.questions().get(0).pYes().get("compromise")).isEqualTo(0.0);
        assertThat(never.details().get(0).pDeal()).isEqualTo(0.0);
        BottomLine once = BottomLine.of(Models.simulation().run(s.withTalks(e(0.3)),
                RunSpec.defaults().withModels(List.of("compromise"))));
        assertThat(once.questions().get(0).pYes().get("compromise")).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void theBottomLineMixesProbabilityBranchesAndTheirTalks() {
        // base: outcome 90 (> 50). Branch up (p 0.25, talks 0.6): same outcome; branch down (p 0.75,
        // talks 1): b's position 0 makes the compromise 50, not above 50. Mixed: 0.25 x 0.6 = 0.15.
        double[][] actors = {{1, 100, 50, N}, {1, 80, 50, N}};
        Scenario s = oneIssue(DecisionRule.BARGAINING, null, null, List.of(), 0, actors, "a", "b");
        Branch up = new Branch("up", "up", "", 0.25, null, List.of(), e(0.6));
        Branch down = new Branch("down", "down", "", 0.75, null,
                List.of(org.parley.model.Change.position("b", "i", e(0))));
        Branch whatIf = new Branch("what-if", "what-if", "", null, null, List.of(), e(0));
        s = s.withBranches(List.of(up, down, whatIf));
        BottomLine b = BottomLine.of(Models.simulation().run(s, RunSpec.defaults().withModels(List.of("compromise"))));
        assertThat(b.mixed()).containsOnlyKeys("up", "down");
        assertThat(b.questions().get(0).pYes().get("compromise")).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void withoutDeclaredRulesTheStageIsOffAndNothingChanges() {
        Scenario s = ScenarioGenerator.random(7, 5, 3);
        assertThat(s.declaresConsent()).isFalse();
        ForecastResult r = Models.simulation().run(s, RunSpec.defaults());
        assertThat(r.runs()).allSatisfy(x -> assertThat(x.trajectory().consent()).isNull());
        assertThat(r.runs()).allSatisfy(x -> assertThat(x.options()).containsEntry("consent", "ignore"));
    }
}
