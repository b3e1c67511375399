package org.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
import org.parley.io.ImportSettings;
import org.parley.io.Scenarios;
import org.parley.models.Models;

/**
 * Stokman's exchange model, 10 rounds on the COP21 data of decide-exchange-model (15 actors x 13
 * issues, GPL: read from {@code ../shared}, not shipped), side by side with the Python code (see
 * the README for its timing). {@code arithmetic=double} is the default engine, {@code decimal} the
 * 28-digit one that replicates the Python code's tie order exactly.
 * Run: {@code mvn -q -B -DskipTests package -pl bench -am && java -jar bench/target/benchmarks.jar Exchange}
 * (from the project folder; {@code -p file=...} for another input).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExchangeBenchmark {

    @Param({"../shared/peers/exchange/inputs/cop21.csv"})
    public String file;

    @Param({"double", "decimal"})
    public String arithmetic;

    @Param({"10"})
    public int rounds;

    private BargainingModel m;
    private ModelOptions options;
    private Problem problem;

    @Setup
    public void setUp() {
        Path path = Path.of(file);
        if (!Files.exists(path)) {
            throw new IllegalStateException("peer data absent: " + path.toAbsolutePath()
                    + " (run from the project folder with ../shared beside it, or pass -p file=...)");
        }
        m = Models.exchange();
        options = ModelOptions.resolve(m.id(), m.options(), m.presets(),
                Map.of("ties", "ordered", "arithmetic", arithmetic));
        problem = Problem.of(Scenarios.read(path, ImportSettings.detect()).scenario());
    }

    @Benchmark
    public Trajectory run() {
        return m.run(problem, options, RunContext.of(rounds, 1));
    }
}
