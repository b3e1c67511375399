package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;
import org.parley.io.ImportSettings;
import org.parley.io.Scenarios;
import org.parley.models.Models;

/**
 * Times the exchange model in one process: wall and thread CPU per run, and the peak heap the runs
 * needed (the heap pools' peak after a GC before the first run). Either a random scenario of
 * {@code ACTORS x ISSUES} ({@link BaselineBenchmark#generate}, seed 42) or a file.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.parley.bench.ExchangeTiming 500 5 1 double 3
 * java -cp bench/target/benchmarks.jar org.parley.bench.ExchangeTiming ../shared/peers/exchange/inputs/cop21.csv 10 double 20
 * </pre>
 * Arguments: {@code ACTORS ISSUES ROUNDS ARITHMETIC REPEATS} or {@code FILE ROUNDS ARITHMETIC REPEATS}.
 * The first run warms up and is reported apart; the others are averaged.
 */
public final class ExchangeTiming {

    private ExchangeTiming() {
    }

    public static void main(String[] args) {
        int a = 0;
        Problem problem;
        String what;
        if (args.length > 0 && !args[0].matches("\\d+")) {
            problem = Problem.of(Scenarios.read(Path.of(args[a]), ImportSettings.detect()).scenario());
            what = args[a++];
        } else {
            int actors = args.length > a ? Integer.parseInt(args[a++]) : 500;
            int issues = args.length > a ? Integer.parseInt(args[a++]) : 5;
            problem = Problem.of(BaselineBenchmark.generate(actors, issues, 42));
            what = actors + " actors x " + issues + " issues";
        }
        int rounds = args.length > a ? Integer.parseInt(args[a++]) : 1;
        String arithmetic = args.length > a ? args[a++] : "double";
        int repeats = args.length > a ? Integer.parseInt(args[a]) : 3;
        BargainingModel m = Models.exchange();
        ModelOptions options = ModelOptions.resolve(m.id(), m.options(), m.presets(),
                Map.of("ties", "ordered", "arithmetic", arithmetic));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        double wallSum = 0;
        double cpuSum = 0;
        int exchanges = 0;
        for (int r = 0; r <= repeats; r++) {
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            Trajectory t = m.run(problem, options, RunContext.of(rounds, 1));
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            double wall = (System.nanoTime() - w0) / 1e6;
            exchanges = t.allMoves().size() / 2;
            if (r == 0) {
                System.out.printf(Locale.ROOT, "%s, %d round(s), %s: first run %.1f ms wall, %.1f ms CPU, %d exchanges%n",
                        what, rounds, arithmetic, wall, cpu, exchanges);
            } else {
                wallSum += wall;
                cpuSum += cpu;
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        if (repeats > 0) {
            System.out.printf(Locale.ROOT, "then %d runs: %.1f ms wall, %.1f ms thread CPU per run; %d exchanges; "
                    + "peak heap %.0f MiB; load average %.2f%n", repeats, wallSum / repeats, cpuSum / repeats, exchanges,
                    peak / 1048576.0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
