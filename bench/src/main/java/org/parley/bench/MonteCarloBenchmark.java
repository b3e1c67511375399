package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
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
import org.parley.io.Scenarios;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.MonteCarloResult;

/**
 * 10,000 Monte Carlo runs of the seed scenario (every world: base and three branches) with every
 * registered model. One run draws every uncertain input of every world once and runs every model on
 * each world.
 *
 * <pre>
 * mvn -q -B -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar MonteCarloBenchmark          # JMH, single shot per iteration
 * java -cp bench/target/benchmarks.jar org.parley.bench.MonteCarloBenchmark 10000 0   # one timed pass
 * # the consent stage's cost: the same scenario with and without it
 * java -cp bench/target/benchmarks.jar org.parley.bench.MonteCarloBenchmark 10000 0 "" consent=ignore FILE
 * java -cp bench/target/benchmarks.jar org.parley.bench.MonteCarloBenchmark 10000 0 "" consent=apply FILE
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class MonteCarloBenchmark {

    @Param({"10000"})
    public int runs;

    /** Worker threads; 0 = every core. */
    @Param({"1", "0"})
    public int threads;

    private Scenario scenario;
    private MonteCarlo monteCarlo;

    @Setup
    public void setup() {
        scenario = Scenarios.seed().scenario();
        monteCarlo = new MonteCarlo(Models.simulation());
    }

    @Benchmark
    public MonteCarloResult seedScenario() {
        return monteCarlo.run(scenario, RunSpec.defaults().withRuns(runs).withThreads(threads));
    }

    /**
     * One timed pass after a warm-up pass: wall time, process CPU time and runs per second per core.
     * Arguments: runs (default 10000), threads (default 0 = every core), models (comma-separated,
     * default or "" every registered model), options (KEY=VALUE, comma-separated, e.g.
     * {@code consent=apply}), a scenario file (default the seed).
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        List<String> models = args.length > 2 && !args[2].isBlank() ? List.of(args[2].split(",")) : List.of();
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        if (args.length > 3 && !args[3].isBlank()) {
            for (String kv : args[3].split(",")) {
                String[] p = kv.split("=", 2);
                options.put(p[0].strip(), p[1].strip());
            }
        }
        Scenario s = args.length > 4 ? Scenarios.read(java.nio.file.Paths.get(args[4]),
                org.parley.io.ImportSettings.detect()).scenario() : Scenarios.seed().scenario();
        MonteCarlo mc = new MonteCarlo(Models.simulation());
        RunSpec spec = RunSpec.defaults().withRuns(runs).withThreads(threads).withModels(models).withOptions(options);
        mc.run(s, spec.withRuns(Math.max(2, runs / 5)));
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = processCpu(os);
        long t0 = System.nanoTime();
        MonteCarloResult r = mc.run(s, spec);
        long wall = System.nanoTime() - t0;
        long cpu = processCpu(os) - cpu0;
        int cores = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        int modelRuns = runs * r.worlds().size() * r.models().size();
        System.out.printf(Locale.ROOT, "%s %s: %d runs x %d worlds x %d models (%s) = %d model runs, %d thread(s)%n",
                s.id(), options, runs, r.worlds().size(), r.models().size(), String.join(",", r.models()), modelRuns, cores);
        System.out.printf(Locale.ROOT, "wall %.2f s, process CPU %.2f s; %.0f runs/s, %.0f runs/s/core, %.1f us CPU per model run%n",
                wall / 1e9, cpu / 1e9, runs / (wall / 1e9), runs / (wall / 1e9) / cores, cpu / 1e3 / modelRuns);
        System.out.printf(Locale.ROOT, "load average at the end: %.2f on %d cores%n", os.getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        if (bean == null) {
            throw new IllegalStateException("no thread bean");
        }
    }

    private static long processCpu(java.lang.management.OperatingSystemMXBean os) {
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }
}
