package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;
import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.Models;

/**
 * The baselines on a generated 1,000-actor x 10-issue scenario (status quo on every issue).
 * Run: {@code mvn -q -B -DskipTests package -pl bench -am && java -jar bench/target/benchmarks.jar Baseline}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BaselineBenchmark {

    @Param({"compromise", "median", "nash"})
    public String model;

    @Param({"1000"})
    public int actors;

    @Param({"10"})
    public int issues;

    private BargainingModel m;
    private ModelOptions options;
    private Problem problem;

    @Setup
    public void setUp() {
        m = Models.all().stream().filter(x -> x.id().equals(model)).findFirst().orElseThrow();
        options = ModelOptions.resolve(m.id(), m.options(), m.presets(), Map.of());
        problem = Problem.of(generate(actors, issues, 42));
    }

    @Benchmark
    public Trajectory run() {
        return m.run(problem, options, RunContext.of(0, 1));
    }

    /** A reproducible random scenario: every actor on every issue. */
    public static Scenario generate(int actors, int issues, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Issue> is = new ArrayList<>();
        for (int k = 0; k < issues; k++) {
            is.add(new Issue("i" + k, "Issue " + k, "", Scale.of(0, 100), Estimate.of(rnd.nextInt(101)),
                    DecisionRule.BARGAINING, List.of()));
        }
        List<Actor> as = new ArrayList<>();
        List<Stance> ss = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            as.add(Actor.of("a" + i, 1 + rnd.nextInt(100)));
            for (int k = 0; k < issues; k++) {
                ss.add(Stance.of("a" + i, "i" + k, rnd.nextInt(101), 1 + rnd.nextInt(100)));
            }
        }
        return new Scenario("bench", "", null, "", List.of(), is, as, ss, List.of(), Map.of());
    }
}
