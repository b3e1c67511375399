package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.ScenarioGenerator;
import org.parley.engine.Trajectory;
import org.parley.model.Actor;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.DecisionRule;
import org.parley.model.Distribution;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Range;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.model.Threshold;
import org.parley.models.compromise.CompromiseModel;

/** Scenarios with ranges, branches and thresholds for the Monte Carlo tests. */
final class Scenarios {

    private Scenarios() {
    }

    /**
     * A generated scenario where every input carries a range (distributions cycling uniform,
     * triangular, normal), each issue a threshold at 50, and three branches: two alternatives with
     * probabilities 0.6 / 0.4 and one what-if.
     */
    static Scenario ranged(long seed, int actors, int issues) {
        Scenario s = ScenarioGenerator.random(seed, actors, issues);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EED);
        Distribution[] ds = Distribution.values();
        int[] c = {0};
        List<Issue> is = new ArrayList<>();
        for (Issue i : s.issues()) {
            Issue withSq = i.withStatusQuo(ranged(i.statusQuo().value(), 0, 100, 10, ds[c[0]++ % 3], rnd));
            is.add(new Issue(withSq.id(), withSq.name(), "", withSq.scale(), withSq.statusQuo(), DecisionRule.BARGAINING,
                    List.of(new Threshold("above-50", 50, true, "above 50?"))));
        }
        List<Actor> as = new ArrayList<>();
        for (Actor a : s.actors()) {
            as.add(a.withCapability(ranged(a.capability().value(), 0, 1000, 20, ds[c[0]++ % 3], rnd)));
        }
        List<Stance> ss = new ArrayList<>();
        for (Stance st : s.stances()) {
            ss.add(new Stance(st.actor(), st.issue(),
                    ranged(st.position().value(), 0, 100, 15, ds[c[0]++ % 3], rnd),
                    ranged(st.salience().value(), 0, 100, 15, ds[c[0]++ % 3], rnd)));
        }
        List<Branch> bs = List.of(
                new Branch("hawks", "Hawks win", "", 0.6, null,
                        List.of(Change.position("a0", "i0", Estimate.of(90, Provenance.judgement("test"))))),
                new Branch("doves", "Doves win", "", 0.4, null,
                        List.of(Change.position("a0", "i0", Estimate.of(10, Provenance.judgement("test"))),
                                Change.salience("a1", "i0", Estimate.of(100, Provenance.judgement("test"))))),
                new Branch("exit", "a2 leaves", "", null, null, List.of(Change.remove("a2", null))));
        return new Scenario(s.id(), s.title(), null, "", List.of(), is, as, ss, bs, Map.of());
    }

    private static Estimate ranged(double v, double min, double max, double half, Distribution d, SplittableRandom rnd) {
        double lo = Math.max(min, v - half * rnd.nextDouble());
        double hi = Math.min(max, v + half * rnd.nextDouble());
        return new Estimate(v, new Range(lo, hi, d), Provenance.judgement("test"));
    }

    /**
     * One issue 0-100, three actors with capability 1 and salience 100; actor {@code a} has its
     * position uniform on [20, 60] (stated 40), {@code b} at 80 and {@code c} at 0. The compromise
     * forecast is (x_a + 80 + 0) / 3: linear in x_a with slope 1/3. Branch {@code b-moves}
     * (probability 1) moves b to 50 and halves c's salience.
     */
    static Scenario linear() {
        Issue i = new Issue("deal", "Deal", "", Scale.percent("none", "full"), Estimate.of(0), DecisionRule.BARGAINING,
                List.of(new Threshold("above-40", 40, true, "more than 40?"),
                        new Threshold("above-45", 45, true, "more than 45?")));
        List<Actor> as = List.of(Actor.of("a", 1), Actor.of("b", 1), Actor.of("c", 1));
        List<Stance> ss = List.of(
                new Stance("a", "deal", new Estimate(40, Range.uniform(20, 60), Provenance.judgement("t")),
                        Estimate.of(100)),
                Stance.of("b", "deal", 80, 100),
                Stance.of("c", "deal", 0, 100));
        Branch moves = new Branch("b-moves", "b moves", "", 1.0, null, List.of(
                Change.position("b", "deal", Estimate.of(50, Provenance.judgement("t"))),
                Change.salience("c", "deal", Estimate.of(50, Provenance.judgement("t")))));
        return new Scenario("linear", "Linear", null, "", List.of(), List.of(i), as, ss, List.of(moves), Map.of());
    }

    /** A stochastic test model: the compromise forecast plus uniform noise in [-5, 5] per issue. */
    static BargainingModel noisy() {
        return new BargainingModel() {
            private final BargainingModel inner = new CompromiseModel();

            @Override
            public String id() {
                return "noisy";
            }

            @Override
            public String description() {
                return "compromise plus noise (test only)";
            }

            @Override
            public List<org.parley.engine.OptionSpec> options() {
                return inner.options();
            }

            @Override
            public boolean stochastic() {
                return true;
            }

            @Override
            public Trajectory run(Problem p, ModelOptions o, RunContext ctx) {
                double[] f = inner.run(p, o, ctx).forecast().clone();
                for (int k = 0; k < f.length; k++) {
                    f[k] += ctx.random().nextDouble() * 10 - 5;
                }
                return Trajectory.staticForecast(p, f, List.of());
            }
        };
    }
}
