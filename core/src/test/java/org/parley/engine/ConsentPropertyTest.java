package org.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.Models;

/**
 * On random scenarios with random rules, consent lists and outside options, every model's outcome
 * after the consent stage is accepted by every consent player (it is at least as close to the
 * player's position as its disagreement point), under unanimity by every voter and under a
 * (qualified) majority by voters holding the quota; a blocked issue sits at its status quo. The
 * check is written from the definitions, not with the stage's own code.
 */
class ConsentPropertyTest {

    static Estimate e(double v) {
        return Estimate.of(v, Provenance.judgement("random"));
    }

    static Scenario random(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 3 + rnd.nextInt(4);
        int m = 1 + rnd.nextInt(3);
        List<Issue> is = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            DecisionRule rule = DecisionRule.values()[rnd.nextInt(DecisionRule.values().length)];
            Double quota = rule == DecisionRule.QUALIFIED_MAJORITY ? 0.55 + 0.4 * rnd.nextDouble() : null;
            List<String> consent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (rnd.nextDouble() < 0.3) {
                    consent.add("a" + i);
                }
            }
            if (rule == DecisionRule.BARGAINING && consent.isEmpty()) {
                consent.add("a0");
            }
            String votes = rnd.nextBoolean() ? Issue.VOTES_CAPABILITY : Issue.VOTES_EQUAL;
            is.add(new Issue("i" + k, "Issue " + k, "", Scale.percent("low", "high"),
                    e(Math.floor(rnd.nextDouble() * 101)), rule, List.of(), quota, votes, consent));
        }
        List<Actor> as = new ArrayList<>();
        List<Stance> ss = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            as.add(new Actor("a" + i, "Actor " + i, e(1 + Math.floor(rnd.nextDouble() * 100)), Map.of()));
            for (int k = 0; k < m; k++) {
                Estimate outside = rnd.nextDouble() < 0.3 ? e(Math.floor(rnd.nextDouble() * 101)) : null;
                ss.add(new Stance("a" + i, "i" + k, e(Math.floor(rnd.nextDouble() * 101)),
                        e(1 + Math.floor(rnd.nextDouble() * 99)), outside));
            }
        }
        return new Scenario("r" + seed, "random " + seed, null, "", List.of(), is, as, ss, List.of(), Map.of());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void everyConsentedOutcomeIsAcceptedByEveryConsentPlayer(long seed) {
        Scenario s = random(seed);
        assertThat(ScenarioValidator.validate(s)).noneMatch(ScenarioProblem::isError);
        ForecastResult r = Models.simulation().run(s, RunSpec.defaults().withThreads(1));
        Problem p = r.problem(Scenario.BASE);
        for (RunResult run : r.runs()) {
            ConsentResult c = run.trajectory().consent();
            assertThat(c).as("seed %d: the scenario declares rules, so the stage runs", seed).isNotNull();
            double[] y = run.trajectory().forecast();
            for (int k = 0; k < p.issueCount(); k++) {
                Issue issue = s.issues().get(k);
                String where = "seed " + seed + ", " + run.model() + ", " + issue.id() + " (" + issue.rule().id() + ")";
                double sq = p.statusQuo(k);
                if (c.status().get(k) == ConsentResult.Status.BLOCKED) {
                    assertThat(y[k]).as(where + ": blocked sits at the status quo").isEqualTo(sq);
                    assertThat(c.blockedBy().get(k)).as(where).isNotEmpty();
                    continue;
                }
                for (String id : issue.consent()) {
                    int i = p.actorIndex(id);
                    assertThat(accepts(p, s, i, k, y[k])).as(where + ": consent player " + id + " accepts " + y[k]).isTrue();
                }
                if (issue.rule() == DecisionRule.BARGAINING) {
                    continue;
                }
                double total = 0;
                double yes = 0;
                for (int i = 0; i < p.actorCount(); i++) {
                    double w = issue.votes().equals(Issue.VOTES_EQUAL) ? 1 : p.capability()[i];
                    total += w;
                    yes += accepts(p, s, i, k, y[k]) ? w : 0;
                }
                assertThat(yes / total).as(where + ": share of votes that accept " + y[k])
                        .isGreaterThanOrEqualTo(issue.effectiveQuota() - 1e-9);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void theUntracedStageGivesTheTracedStagesNumbers(long seed) {
        // Monte Carlo runs the stage without a trace (an allocation-free path); it must agree exactly
        Problem p = Problem.of(random(seed));
        SplittableRandom rnd = new SplittableRandom(seed * 31);
        for (boolean winSet : new boolean[] {true, false}) {
            for (int t = 0; t < 20; t++) {
                double[] y0 = new double[p.issueCount()];
                for (int k = 0; k < y0.length; k++) {
                    y0[k] = Math.floor(rnd.nextDouble() * 101);
                }
                ConsentStage.Settings st = new ConsentStage.Settings(true, false, false, winSet);
                ConsentResult traced = ConsentStage.run(p, y0, st, true, 1);
                ConsentResult quiet = ConsentStage.run(p, y0, st, false, 1);
                assertThat(quiet.outcome()).as("seed %d", seed).containsExactly(traced.outcome());
                assertThat(quiet.status()).as("seed %d", seed).isEqualTo(traced.status());
                assertThat(quiet.blockedBy()).as("seed %d", seed).isEqualTo(traced.blockedBy());
                // Monte Carlo's runs read only the outcome and the deals: nobody is named as blocking
                ConsentResult unnamed = ConsentStage.run(p, y0, st, false, 1, false);
                assertThat(unnamed.outcome()).as("seed %d", seed).containsExactly(traced.outcome());
                assertThat(unnamed.status()).as("seed %d", seed).isEqualTo(traced.status());
            }
        }
    }

    /** Actor i weakly prefers y to its disagreement point (outside option, else status quo) on issue k. */
    static boolean accepts(Problem p, Scenario s, int i, int k, double y) {
        double x = p.position()[i][k];
        Stance st = s.stance(p.actorId(i), p.issueId(k)).orElseThrow();
        double d = st.hasOutsideOption() ? st.outsideOption().value() : p.statusQuo(k);
        return Math.abs(y - x) <= Math.abs(d - x) + 1e-7;
    }
}
