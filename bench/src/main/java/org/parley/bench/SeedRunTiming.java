package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

import org.parley.engine.BargainingModel;
import org.parley.engine.Problem;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.model.Scenario;
import org.parley.models.Models;

/**
 * One warm run of each model on the seed scenario's base world, in thread CPU time (robust on a
 * shared, loaded machine where wall time and JMH's averages are not): untraced (a Monte Carlo run)
 * and traced (a point forecast with every move and sentence). Arguments: runs per measurement
 * (default 2000), models (comma-separated or all, default all), {@code untraced} to skip the traced
 * measurement.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.parley.bench.SeedRunTiming 2000
 * </pre>
 */
public final class SeedRunTiming {

    private SeedRunTiming() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<String> ids = args.length > 1 && !args[1].equals("all") ? List.of(args[1].split(",")) : List.of();
        int modes = args.length > 2 && args[2].equals("untraced") ? 1 : 2;
        Scenario s = Scenarios.seed().scenario();
        Simulation.Plan plan = Models.simulation().plan(s, RunSpec.defaults().withModels(ids));
        Problem base = plan.problems().get(Scenario.BASE);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        System.out.println("model               untraced us/run  traced us/run   (thread CPU time, base world, warm)");
        for (BargainingModel m : plan.models()) {
            double[] us = new double[2];
            for (int traced = 0; traced < modes; traced++) {
                for (int pass = 0; pass < 2; pass++) { // pass 0 warms up
                    long t0 = bean.getCurrentThreadCpuTime();
                    for (int r = 0; r < runs; r++) {
                        long seed = Seeds.forRun(RunSpec.DEFAULT_SEED, r);
                        if (traced == 1) {
                            plan.run(m, base, seed);
                        } else {
                            plan.forecast(m, base, seed);
                        }
                    }
                    us[traced] = (bean.getCurrentThreadCpuTime() - t0) / 1e3 / runs;
                }
            }
            System.out.println(String.format(Locale.ROOT, "%-18s %16.1f %14.1f", m.id(), us[0], us[1]));
        }
    }
}
