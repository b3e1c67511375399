package org.parley.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
import org.parley.model.DecisionRule;
import org.parley.models.Models;
import org.parley.models.expectedutility.EngineProbe;

/**
 * Rounds per second of the expected-utility model on generated one-issue scenarios of 10, 100 and
 * 1,000 actors (positions 0-100, capability 1-100, salience 0.01-1, seed 42), for the two readings
 * whose cost differs: {@code scholz-published} (all-pairs probability, votes powered by each
 * voter's exponent) and {@code scholz-text} (eq. 31, linear votes).
 *
 * <p>Two measures, one operation = one round:
 * <ul>
 *   <li>{@code engineRound}: one round of the engine on preallocated primitive arrays (restarted
 *       from the initial positions each time); {@code -prof gc} shows it allocates nothing;</li>
 *   <li>{@code run}: {@value #ROUNDS} rounds through the public {@link BargainingModel#run},
 *       including engine set-up and the result (position snapshots, moves with their sentences).</li>
 * </ul>
 * Run:
 * <pre>
 * mvn -q -B -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ExpectedUtilityBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ExpectedUtilityBenchmark {

    static final int ROUNDS = 4;

    @Param({"10", "100", "1000"})
    public int actors;

    @Param({"scholz-published", "scholz-text"})
    public String preset;

    private BargainingModel model;
    private ModelOptions options;
    private Problem problem;
    private EngineProbe probe;

    @Setup(Level.Trial)
    public void setUp() {
        model = Models.expectedUtility();
        options = ModelOptions.resolve(model.id(), model.options(), model.presets(), Map.of("preset", preset));
        problem = generate(actors, 42);
        probe = new EngineProbe(problem, options);
    }

    /** A one-issue problem with {@code n} actors, reproducible from {@code seed}. */
    static Problem generate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] ids = new String[n];
        double[] c = new double[n];
        double[][] x = new double[n][1];
        double[][] s = new double[n][1];
        for (int i = 0; i < n; i++) {
            ids[i] = "a" + i;
            c[i] = 1 + Math.floor(rnd.nextDouble() * 100);
            x[i][0] = Math.floor(rnd.nextDouble() * 1001) / 10;
            s[i][0] = (1 + Math.floor(rnd.nextDouble() * 100)) / 100;
        }
        return new Problem(ids, new String[] {"issue"}, c, x, s, new double[] {0}, new double[] {100},
                new double[] {Double.NaN}, new DecisionRule[] {DecisionRule.BARGAINING});
    }

    @Benchmark
    public double engineRound() {
        return probe.round();
    }

    @Benchmark
    @OperationsPerInvocation(ROUNDS)
    public Trajectory run() {
        return model.run(problem, options, RunContext.of(ROUNDS, 1));
    }
}
