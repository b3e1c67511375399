package org.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
import org.parley.backtest.Backtest;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.engine.RunSpec;
import org.parley.io.backtest.Backtests;
import org.parley.models.Models;

/**
 * The whole DEU III backtest: every model in {@code Models.all()} on the 353 scored issues (141
 * proposals), with baselines and the train-fitted ensemble, as {@code parley backtest} runs it.
 * The table is read once in setup; each invocation runs and scores everything.
 *
 * <p>Run: {@code mvn -q -B -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar
 * BacktestBenchmark -p deu=../shared/peers/bdm/inputs/blksv_deu3.tsv}; add {@code -p model=compromise,exchange}
 * to time models one by one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class BacktestBenchmark {

    /** The DEU table. */
    @Param("../shared/peers/bdm/inputs/blksv_deu3.tsv")
    public String deu;

    /** Cases run at once (0 = every core). */
    @Param({"1", "0"})
    public int threads;

    @Param({"gdp"})
    public String capability;

    /** {@code all} for every registered model, or one model id (to see where the time goes). */
    @Param({"all"})
    public String model;

    private BacktestSet set;

    @Setup
    public void read() {
        Path p = Paths.get(deu);
        if (!Files.exists(p)) {
            throw new IllegalStateException("no DEU table at " + p.toAbsolutePath() + "; pass -p deu=PATH");
        }
        set = Backtests.read(p);
    }

    @Benchmark
    public Backtest.Result allModels() {
        return new Backtest(Models.simulation()).run(set, CapabilityRule.forSet(capability, set),
                RunSpec.defaults().withThreads(threads).withModels(model.equals("all") ? List.of() : List.of(model)), true);
    }
}
