package org.parley.bench;

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
import org.parley.engine.Problem;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.engine.Trajectory;
import org.parley.io.Scenarios;
import org.parley.model.Scenario;
import org.parley.models.Models;

/**
 * One run of one model on the seed scenario's base world (8 actors, 5 issues), warm: untraced (what
 * a Monte Carlo run does, {@code traced=false}) and traced (every move with its sentence, what
 * {@code parley forecast} and {@code explain} do).
 *
 * <pre>
 * mvn -q -B -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar SeedRunBenchmark
 * java -jar bench/target/benchmarks.jar SeedRunBenchmark -p traced=false -p model=exchange,spatial
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SeedRunBenchmark {

    @Param({"compromise", "median", "nash", "expected-utility", "spatial", "exchange"})
    public String model;

    @Param({"false", "true"})
    public boolean traced;

    private Simulation.Plan plan;
    private BargainingModel m;
    private Problem base;
    private long seed;

    @Setup
    public void setup() {
        Scenario s = Scenarios.seed().scenario();
        plan = Models.simulation().plan(s, RunSpec.defaults().withModels(java.util.List.of(model)));
        m = plan.models().get(0);
        base = plan.problems().get(Scenario.BASE);
        seed = Seeds.forRun(RunSpec.DEFAULT_SEED, 0);
    }

    @Benchmark
    public Object oneRun() {
        if (traced) {
            Trajectory t = plan.run(m, base, seed);
            return t;
        }
        return plan.forecast(m, base, seed);
    }
}
