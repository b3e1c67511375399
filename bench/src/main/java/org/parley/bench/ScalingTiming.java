package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.models.Models;

/**
 * How one turn of the spatial model and one round of the expected-utility model grow with the
 * number of actors (one issue, KTAB's dummy-data ranges), with the exponent fitted by least squares
 * on log time against log actors. Each size runs {@code repeats} times on fresh problems (so no
 * memo answers) after one warm-up run; the best wall time and the process CPU time of that run are
 * printed. Process CPU counts every thread (spatial's challenge phase runs on {@code threads}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.parley.bench.ScalingTiming spatial 2 80,160,320,640 threads=0
 * java -cp bench/target/benchmarks.jar org.parley.bench.ScalingTiming expected-utility 2 250,500,1000,2000
 * </pre>
 */
public final class ScalingTiming {

    private ScalingTiming() {
    }

    public static void main(String[] args) {
        String id = args.length > 0 ? args[0] : "spatial";
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String sizes = args.length > 2 ? args[2] : "80,160,320,640";
        Map<String, String> given = new java.util.LinkedHashMap<>();
        for (int a = 3; a < args.length; a++) {
            given.put(args[a].substring(0, args[a].indexOf('=')), args[a].substring(args[a].indexOf('=') + 1));
        }
        BargainingModel model = Models.simulation().model(id);
        ModelOptions options = ModelOptions.resolve(model.id(), model.options(), model.presets(), given);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        model.run(SpatialBenchmark.randomProblem(40, 1), options, RunContext.forecastOnly(1, 1));
        List<double[]> points = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%s, one %s, one issue, options %s%n", id,
                id.equals("spatial") ? "turn" : "round", given);
        System.out.printf(Locale.ROOT, "%8s %10s %10s %12s%n", "actors", "wall s", "CPU s", "peak heap MB");
        long seed = 100;
        for (String sz : sizes.split(",")) {
            int n = Integer.parseInt(sz.strip());
            double bestWall = Double.POSITIVE_INFINITY;
            double cpuOfBest = 0;
            long peak = 0;
            for (int r = 0; r < repeats; r++) {
                Problem p = SpatialBenchmark.randomProblem(n, seed++);
                System.gc();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                model.run(p, options, RunContext.forecastOnly(1, 1));
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - c0) / 1e9;
                Runtime rt = Runtime.getRuntime();
                peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
                if (wall < bestWall) {
                    bestWall = wall;
                    cpuOfBest = cpu;
                }
            }
            points.add(new double[] {n, bestWall, cpuOfBest});
            System.out.printf(Locale.ROOT, "%8d %10.3f %10.3f %12d%n", n, bestWall, cpuOfBest, peak >> 20);
        }
        if (points.size() >= 2) {
            System.out.printf(Locale.ROOT, "fitted exponent (time ~ n^e): wall %.2f, CPU %.2f; load average %.1f on %d cores%n",
                    slope(points, 1), slope(points, 2), os.getSystemLoadAverage(), os.getAvailableProcessors());
        }
    }

    /** Least-squares slope of log(column) against log(actors). */
    static double slope(List<double[]> points, int column) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = points.size();
        for (double[] p : points) {
            double x = Math.log(p[0]);
            double y = Math.log(Math.max(p[column], 1e-9));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }
}
