package org.parley.bench;

import java.lang.management.ManagementFactory;
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
import org.parley.model.Scenario;
import org.parley.models.Models;

/**
 * Plain timing of whole {@code spatial} runs on KTAB CSV inputs (KTAB defaults), for the comparison
 * with KTAB's {@code smpc} timings: per file, the number of states, the stop reason, and the wall
 * and CPU time of each of {@code repeats} runs (the first includes JIT warm-up). Arguments of the form
 * {@code key=value} are model options (e.g. {@code threads=2}); CPU time is the main thread's only.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.parley.bench.SpatialTiming 3
 * ../shared/peers/ktab/inputs/smp/dummyData-a080.csv ../shared/peers/ktab/inputs/smp/dummyData-a160.csv}
 */
public final class SpatialTiming {

    private SpatialTiming() {
    }

    public static void main(String[] args) {
        int repeats = Integer.parseInt(args[0]);
        BargainingModel model = Models.spatial();
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (int a = 1; a < args.length; a++) {
            if (args[a].contains("=")) {
                given.put(args[a].substring(0, args[a].indexOf('=')), args[a].substring(args[a].indexOf('=') + 1));
            }
        }
        ModelOptions options = ModelOptions.resolve(model.id(), model.options(), model.presets(), given);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int a = 1; a < args.length; a++) {
            if (args[a].contains("=")) {
                continue;
            }
            Scenario s = Scenarios.read(Path.of(args[a]), ImportSettings.detect()).scenario();
            Problem p = Problem.of(s);
            for (int r = 0; r < repeats; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Trajectory t = model.run(p, options, RunContext.of(0, 1));
                long t1 = System.nanoTime();
                long c1 = mx.getCurrentThreadCpuTime();
                System.out.printf(Locale.ROOT, "%s run %d: %d actors x %d dims, %d states (%s), wall %.3f s, cpu %.3f s%n",
                        Path.of(args[a]).getFileName(), r + 1, p.actorCount(), p.issueCount(), t.rounds().size(),
                        t.stopReason(), (t1 - t0) / 1e9, (c1 - c0) / 1e9);
            }
        }
    }
}
