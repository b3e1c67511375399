package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.engine.ForecastResult;
import org.parley.engine.RunResult;
import org.parley.store.SaveOptions;
import org.parley.store.Store;
import org.parley.store.StoredRun;

/**
 * Saving and loading a 10,000-run Monte Carlo result of the seed scenario (4 worlds x 3 models x
 * 10,000 runs) in an SQLite store: aggregates and every run's forecast only ({@code point}: run 0's
 * trajectories), or every trajectory ({@code all}).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main StoreBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class StoreBenchmark {

    @Param({"point", "all"})
    public String trajectories;

    private ForecastResult result;
    private Path dir;
    private Store store;
    private long saved;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        result = StoreResults.seedMonteCarlo(10_000, 7);
        dir = Files.createTempDirectory("parley-store-bench");
        store = Store.open("jdbc:sqlite:" + dir.resolve("parley.db"));
        saved = store.saveRun(result, options());
    }

    private SaveOptions options() {
        return new SaveOptions("bench", "bench", Instant.EPOCH, 0, trajectories.equals("all"));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public long save() {
        return store.saveRun(result, options());
    }

    /** What 'parley runs show' reads: settings and every forecast's aggregates. */
    @Benchmark
    public StoredRun loadAggregates() {
        return store.run(saved);
    }

    /** Every stored trajectory, decoded. */
    @Benchmark
    public List<RunResult> loadTrajectories() {
        return store.trajectories(saved);
    }
}
