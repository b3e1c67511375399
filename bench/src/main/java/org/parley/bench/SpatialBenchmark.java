package org.parley.bench;

import java.util.Arrays;
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
import org.parley.model.DecisionRule;
import org.parley.models.Models;

/**
 * One KTAB SMP turn ({@code spatial} model, KTAB defaults) at 40, 160 and 500 actors on one
 * dimension, like KTAB's {@code dummyData-aNNN} scaling inputs: assess the initial state (distances,
 * risk PCE, win probabilities), every actor's best challenge, the bargains and every queue's PCE,
 * then assess the new state.
 *
 * <p>Run: {@code mvn -q -B -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar SpatialBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SpatialBenchmark {

    @Param({"40", "160", "500"})
    public int actors;

    private BargainingModel model;
    private ModelOptions options;
    private Problem problem;

    @Setup
    public void setup() {
        model = Models.spatial();
        options = ModelOptions.resolve(model.id(), model.options(), model.presets(), Map.of());
        problem = randomProblem(actors, 42);
    }

    /** Capabilities 1-3, positions 0-100 and saliences 10-90 (KTAB's dummy-data ranges), one dimension. */
    static Problem randomProblem(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] ids = new String[n];
        double[] cap = new double[n];
        double[][] pos = new double[n][1];
        double[][] sal = new double[n][1];
        for (int i = 0; i < n; i++) {
            ids[i] = "a" + i;
            cap[i] = Math.round(100 + r.nextDouble() * 200) / 100.0;
            pos[i][0] = Math.round(r.nextDouble() * 10000) / 100.0;
            sal[i][0] = Math.round(1000 + r.nextDouble() * 8000) / 10000.0;
        }
        double[] nan = new double[] {Double.NaN};
        DecisionRule[] rules = new DecisionRule[] {DecisionRule.BARGAINING};
        return new Problem(ids, new String[] {"xyz"}, cap, pos, sal, new double[] {0}, new double[] {100}, nan, rules);
    }

    @Benchmark
    public Trajectory oneTurn() {
        return model.run(problem, options, RunContext.of(1, 1));
    }

    /** Prints one turn's result size, a quick check outside JMH. */
    public static void main(String[] args) {
        SpatialBenchmark b = new SpatialBenchmark();
        b.actors = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        b.setup();
        Trajectory t = b.oneTurn();
        System.out.println(b.actors + " actors: " + t.rounds().size() + " rounds, moves "
                + t.lastRound().moves().size() + ", forecast " + Arrays.toString(t.forecast()));
    }
}
