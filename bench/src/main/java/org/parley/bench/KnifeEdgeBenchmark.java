package org.parley.bench;

import java.util.List;
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
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.models.Models;
import org.parley.montecarlo.KnifeEdge;

/**
 * The knife-edge search behind {@code parley forecast}'s output on the seed scenario: every world,
 * every input, for {@code -p model=fast} (the default output, {@code --knife-edges fast}: compromise,
 * median and nash searched), {@code all} ({@code --knife-edges all}) or one model id. Target: the
 * default output's search under 3 s on 2 cores.
 *
 * <p>Run: {@code mvn -q -B -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar
 * KnifeEdgeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class KnifeEdgeBenchmark {

    /** {@code fast} (the default output), {@code all}, or one model id. */
    @Param({"fast", "all"})
    public String model;

    private static final java.util.Set<String> FAST = java.util.Set.of("compromise", "median", "nash");

    /** Threads (0 = every core). */
    @Param({"0"})
    public int threads;

    private Simulation.Plan plan;

    @Setup
    public void plan() {
        RunSpec spec = RunSpec.defaults().withThreads(threads)
                .withModels(model.equals("all") || model.equals("fast") ? List.of() : List.of(model));
        plan = Models.simulation().plan(Scenarios.seed().scenario(), spec);
    }

    @Benchmark
    public List<KnifeEdge.Edge> seedScenario() {
        return model.equals("fast") ? KnifeEdge.find(plan, FAST::contains) : KnifeEdge.find(plan);
    }
}
