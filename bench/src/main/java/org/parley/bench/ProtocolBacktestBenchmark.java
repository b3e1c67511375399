package org.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.ProtocolBacktest;
import org.parley.engine.RunSpec;
import org.parley.io.backtest.Backtests;
import org.parley.models.Models;

/**
 * What {@code parley backtest FILE} computes by default: the six models, the baselines and the
 * frozen candidates on DEU III under {@code lopo} (137 folds, nested stacking, 5,000 bootstrap
 * resamples per forecaster, cross-conformal coverage). Target: under 60 s on 2 cores.
 *
 * <p>Run: {@code mvn -q -B -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar
 * ProtocolBacktestBenchmark -p deu=../shared/peers/bdm/inputs/blksv_deu3.tsv}; {@code -p protocol=kfold}
 * for the repeated 10-fold protocol.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ProtocolBacktestBenchmark {

    /** The DEU table. */
    @Param("../shared/peers/bdm/inputs/blksv_deu3.tsv")
    public String deu;

    /** Cases run at once (0 = every core). */
    @Param({"0"})
    public int threads;

    @Param({"lopo"})
    public String protocol;

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
    public ProtocolBacktest.Result allModelsAndCandidates() {
        ProtocolBacktest.Settings s = ProtocolBacktest.Settings.defaults(RunSpec.DEFAULT_SEED)
                .withProtocol(ProtocolBacktest.Protocol.fromId(protocol));
        return new ProtocolBacktest(Models.simulation()).run(set, CapabilityRule.forSet(null, set),
                RunSpec.defaults().withThreads(threads), s);
    }
}
