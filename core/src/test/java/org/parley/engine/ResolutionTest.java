package org.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.model.Actor;
import org.parley.model.Condition;
import org.parley.model.Conditional;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Range;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.Models;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.MonteCarloResult;

/**
 * Conditional positions resolved by the engine, worked by hand with the compromise model (two
 * actors of capability 1 and salience 100: the forecast of an issue is the mean of the two
 * positions).
 */
class ResolutionTest {

    private static final Provenance J = Provenance.judgement("test");

    private static Estimate at(double v) {
        return Estimate.of(v, J);
    }

    private static Estimate conditional(double met, Condition when, double otherwise) {
        return new Estimate(met, null, J, new Conditional(when, at(otherwise)));
    }

    private static Scenario scenario(List<Stance> stances, Map<String, String> options) {
        List<Issue> issues = List.of(Issue.of("x", Scale.of(0, 100)), Issue.of("y", Scale.of(0, 100)));
        List<Actor> actors = List.of(new Actor("a", "a", at(1), Map.of()), new Actor("b", "b", at(1), Map.of()));
        return new Scenario("t", "t", null, "", List.of(), issues, actors, stances, List.of(), options);
    }

    private static Stance stance(String actor, String issue, Estimate position) {
        return new Stance(actor, issue, position, at(100));
    }

    private static ForecastResult compromise(Scenario s, int threads) {
        return Models.simulation().run(s, RunSpec.defaults().withModels(List.of("compromise")).withThreads(threads));
    }

    /**
     * a: x 80, y 60 if x >= 50 otherwise 20; b: x 0, y 40. Run 1 (as stated): x = 40, y = 50; the
     * condition fails (40 < 50). Run 2 (a's y at 20): x = 40, y = 30; it still fails: a fixed point
     * after 2 runs, forecast x 40, y 30.
     */
    @Test
    void fixedPointAfterTwoRuns() {
        Scenario s = scenario(List.of(stance("a", "x", at(80)),
                stance("a", "y", conditional(60, Condition.atLeast("x", 50), 20)),
                stance("b", "x", at(0)), stance("b", "y", at(40))), Map.of());
        Simulation.Plan plan = Models.simulation().plan(s, RunSpec.defaults().withModels(List.of("compromise")));
        Resolution.Result r = plan.resolve(plan.models().get(0), plan.problems().get("base"), 1, true);
        assertThat(r.outcome()).isEqualTo(Resolution.Outcome.FIXED_POINT);
        assertThat(r.runs()).isEqualTo(2);
        assertThat(r.chosen().met()).containsExactly(false);
        assertThat(r.chosen().trajectory().forecast()).containsExactly(40.0, 30.0);
        RunResult run = compromise(s, 1).run("base", "compromise").orElseThrow();
        assertThat(run.trajectory().forecast()).containsExactly(40.0, 30.0);
        assertThat(run.trajectory().notes()).anyMatch(n -> n.equals("conditional positions: fixed point after 2 runs: 1 conditional, unmet: a on y (none met)"));
        // the positions the model ran on are the resolved ones
        assertThat(run.trajectory().rounds().get(0).positions()[0][1]).isEqualTo(20.0);
    }

    /** Starting with every condition unmet reaches the same fixed point in one run. */
    @Test
    void startUnmet() {
        Scenario s = scenario(List.of(stance("a", "x", at(80)),
                stance("a", "y", conditional(60, Condition.atLeast("x", 50), 20)),
                stance("b", "x", at(0)), stance("b", "y", at(40))), Map.of("conditional.start", "unmet"));
        RunResult run = compromise(s, 1).run("base", "compromise").orElseThrow();
        assertThat(run.trajectory().forecast()).containsExactly(40.0, 30.0);
        assertThat(run.trajectory().notes()).anyMatch(n -> n.contains("fixed point after 1 run:"));
    }

    /**
     * a: x 20, y 60 if x <= 40 otherwise 20; b: y 40, x 80 if y <= 40 otherwise 0. Both met: x 50,
     * y 50: both fail. Both unmet: x 10, y 30: both hold. A two-state cycle, reported as such; the
     * forecast shown is the first state's (x 50, y 50).
     */
    @Test
    void twoStateCycle() {
        Scenario s = scenario(List.of(stance("a", "x", at(20)),
                stance("a", "y", conditional(60, Condition.atMost("x", 40), 20)),
                stance("b", "x", conditional(80, Condition.atMost("y", 40), 0)), stance("b", "y", at(40))), Map.of());
        Simulation.Plan plan = Models.simulation().plan(s, RunSpec.defaults().withModels(List.of("compromise")));
        Resolution.Result r = plan.resolve(plan.models().get(0), plan.problems().get("base"), 1, false);
        assertThat(r.outcome()).isEqualTo(Resolution.Outcome.CYCLE);
        assertThat(r.period()).isEqualTo(2);
        assertThat(r.runs()).isEqualTo(2);
        assertThat(r.cycle().get(0).met()).containsExactly(true, true);
        assertThat(r.cycle().get(0).trajectory().forecast()).containsExactly(50.0, 50.0);
        assertThat(r.cycle().get(1).met()).containsExactly(false, false);
        assertThat(r.cycle().get(1).trajectory().forecast()).containsExactly(10.0, 30.0);
        RunResult run = compromise(s, 1).run("base", "compromise").orElseThrow();
        assertThat(run.trajectory().forecast()).containsExactly(50.0, 50.0);
        assertThat(run.trajectory().notes()).anyMatch(n -> n.contains("cycle with period 2")
                && n.contains("state 1 [2 conditional, all met] gives x 50.0, y 50.0;")
                && n.contains("state 2 [2 conditional, unmet: a on y, b on x (none met)] gives x 10.0, y 30.0;"));
    }

    /** The iteration limit stops a cycle before it closes and says so. */
    @Test
    void iterationLimit() {
        Scenario s = scenario(List.of(stance("a", "x", at(20)),
                stance("a", "y", conditional(60, Condition.atMost("x", 40), 20)),
                stance("b", "x", conditional(80, Condition.atMost("y", 40), 0)), stance("b", "y", at(40))),
                Map.of("conditional.max-iterations", "1"));
        RunResult run = compromise(s, 1).run("base", "compromise").orElseThrow();
        assertThat(run.trajectory().forecast()).containsExactly(50.0, 50.0);
        assertThat(run.trajectory().notes()).anyMatch(n -> n.contains("not settled within conditional.max-iterations = 1"));
        assertThatThrownBy(() -> compromise(scenario(s.stances(), Map.of("conditional.max-iterations", "0")), 1))
                .isInstanceOf(ParleyException.class).satisfies(e -> assertThat(((ParleyException) e).code())
                        .isEqualTo(ErrorCode.BAD_OPTION));
        assertThatThrownBy(() -> compromise(scenario(s.stances(), Map.of("conditional.steps", "3")), 1))
                .isInstanceOf(ParleyException.class);
    }

    /** {@code all} and {@code any} join conditions. */
    @Test
    void allAndAny() {
        double[] f = {40, 30};
        java.util.function.ToDoubleFunction<String> byId = id -> id.equals("x") ? f[0] : f[1];
        assertThat(Condition.all(List.of(Condition.atLeast("x", 40), Condition.atMost("y", 30))).holds(byId)).isTrue();
        assertThat(Condition.all(List.of(Condition.atLeast("x", 41), Condition.atMost("y", 30))).holds(byId)).isFalse();
        assertThat(Condition.any(List.of(Condition.atLeast("x", 41), Condition.atMost("y", 30))).holds(byId)).isTrue();
        assertThat(Condition.any(List.of(Condition.atLeast("x", 41), Condition.atMost("y", 29))).holds(byId)).isFalse();
        assertThat(Condition.on("x", 30, 40).holds(byId)).isTrue();
        assertThat(Condition.on("x", 30, 39).describe()).isEqualTo("x >= 30 and <= 39");
    }

    /**
     * Monte Carlo: a's y is 60 if x >= 50, otherwise 20; x = (50 + b's x) / 2 with b's x uniform on
     * [0, 100]. Each run resolves its own condition: y = (60 + 40) / 2 = 50 in the runs whose x is
     * at least 50, (20 + 40) / 2 = 30 in the others, and both kinds occur. The result is the same
     * on 1 and 3 threads.
     */
    @Test
    void monteCarloRunsResolveIndependentlyOnAnyThreadCount() {
        Scenario s = scenario(List.of(stance("a", "x", at(50)),
                stance("a", "y", conditional(60, Condition.atLeast("x", 50), 20)),
                stance("b", "x", new Estimate(50, Range.uniform(0, 100), J)), stance("b", "y", at(40))), Map.of());
        MonteCarlo mc = new MonteCarlo(Models.simulation());
        RunSpec spec = RunSpec.defaults().withModels(List.of("compromise")).withRuns(400);
        MonteCarloResult one = mc.run(s, spec.withThreads(1));
        MonteCarloResult three = mc.run(s, spec.withThreads(3));
        double[] x = one.forecasts("base", "compromise", "x");
        double[] y = one.forecasts("base", "compromise", "y");
        int high = 0;
        for (int r = 0; r < x.length; r++) {
            assertThat(y[r]).as("run %d, x = %f", r, x[r]).isEqualTo(x[r] >= 50 ? 50.0 : 30.0);
            high += x[r] >= 50 ? 1 : 0;
        }
        assertThat(high).isBetween(100, 300);
        assertThat(three.forecasts("base", "compromise", "y")).containsExactly(y);
        assertThat(three.forecasts("base", "compromise", "x")).containsExactly(x);
    }

    /** The otherwise value's range is drawn too: a's y otherwise uniform on [0, 40]. */
    @Test
    void otherwiseIsDrawn() {
        Estimate pos = new Estimate(60, null, J, new Conditional(Condition.atLeast("x", 90),
                new Estimate(20, Range.uniform(0, 40), J)));
        Scenario s = scenario(List.of(stance("a", "x", at(50)), stance("a", "y", pos),
                stance("b", "x", at(50)), stance("b", "y", at(40))), Map.of());
        MonteCarloResult r = new MonteCarlo(Models.simulation()).run(s,
                RunSpec.defaults().withModels(List.of("compromise")).withRuns(50).withThreads(2));
        double[] y = r.forecasts("base", "compromise", "y");
        for (double v : y) {
            assertThat(v).isBetween(20.0, 40.0);
        }
        assertThat(java.util.Arrays.stream(y).distinct().count()).isGreaterThan(40);
        assertThat(r.inputs("base")).anyMatch(in -> in.id().equals("otherwise:a:y"));
    }

    /** Deterministic forecasts with conditions are the same on any number of threads. */
    @Test
    void threadCountInvariant() {
        Scenario s = scenario(List.of(stance("a", "x", at(20)),
                stance("a", "y", conditional(60, Condition.atMost("x", 40), 20)),
                stance("b", "x", conditional(80, Condition.atMost("y", 40), 0)), stance("b", "y", at(40))), Map.of());
        RunSpec spec = RunSpec.defaults();
        ForecastResult a = Models.simulation().run(s, spec.withThreads(1));
        ForecastResult b = Models.simulation().run(s, spec.withThreads(4));
        assertThat(a.runs()).hasSameSizeAs(b.runs());
        for (int i = 0; i < a.runs().size(); i++) {
            assertThat(b.runs().get(i).trajectory().forecast()).containsExactly(a.runs().get(i).trajectory().forecast());
            assertThat(b.runs().get(i).trajectory().notes()).isEqualTo(a.runs().get(i).trajectory().notes());
        }
    }
}
