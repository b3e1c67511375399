package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.montecarlo.Input;
import org.parley.montecarlo.Inputs;
import org.parley.montecarlo.Sampler;

/**
 * One model's bare untraced run on the problems a Monte Carlo of the seed scenario draws, in thread
 * CPU time: every world's problems for runs 0 to N-1 are drawn first (as {@code MonteCarlo} draws
 * them), then the model runs over all of them, pass after pass; the best pass is reported. Drawn
 * problems, not one problem repeated: a run on thousands of different problems costs an exchange
 * run up to twice as much as the same problem over and over (bench/PROFILE.md, stop 28).
 * Arguments: model (default exchange), runs per world (default 2000), passes (default 8).
 *
 * <p>Whole-process times on a shared two-core machine move by 15-25% from run to run; to compare
 * two builds, run this for both at the same time, one per core ({@code bench/ab-cores.sh}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.parley.bench.DrawnRunTiming exchange 2000 8
 * </pre>
 */
public final class DrawnRunTiming {

    private DrawnRunTiming() {
    }

    public static void main(String[] args) {
        String model = args.length > 0 ? args[0] : "exchange";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Scenario s = Scenarios.seed().scenario();
        Simulation.Plan plan = Models.simulation().plan(s, RunSpec.defaults().withModels(List.of(model)));
        BargainingModel m = plan.models().get(0);
        ModelOptions o = plan.options().get(m.id());
        List<Problem> drawn = new ArrayList<>();
        for (String w : plan.worlds()) {
            Problem base = plan.problems().get(w);
            List<Input> in = Inputs.uncertain(plan.resolved().get(w));
            for (int r = 0; r < runs; r++) {
                double[] v = new double[in.size()];
                Sampler.draw(in, Sampler.inputSeed(Seeds.forRun(RunSpec.DEFAULT_SEED, r)), v);
                drawn.add(Inputs.with(base, in, v));
            }
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        double check = 0;
        for (int pass = 0; pass < passes; pass++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (int r = 0; r < drawn.size(); r++) {
                check += m.run(drawn.get(r), o, new RunContext(plan.spec().rounds(), r, new Random(r), false))
                        .forecast()[0];
            }
            best = Math.min(best, (bean.getCurrentThreadCpuTime() - t0) / 1e3 / drawn.size());
        }
        System.out.println(String.format(Locale.ROOT, "%s: best of %d passes %.1f us per run over %d drawn problems "
                + "(%d worlds, thread CPU; check %.6f)", m.id(), passes, best, drawn.size(), plan.worlds().size(), check));
    }
}
