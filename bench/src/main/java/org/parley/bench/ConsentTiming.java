package org.parley.bench;

import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.parley.engine.BargainingModel;
import org.parley.engine.ConsentStage;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Simulation;
import org.parley.io.ImportSettings;
import org.parley.io.Scenarios;
import org.parley.model.Scenario;
import org.parley.models.Models;

/**
 * The consent stage's cost next to the models' own, on one thread in one process (steadier than
 * two Monte Carlo passes on a shared machine): per world of a scenario, the mean CPU time of a
 * model run without a trace and of the stage run on its forecast without a trace.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.parley.bench.ConsentTiming [FILE] [MODELS] [REPEATS]
 * </pre>
 */
public final class ConsentTiming {

    private ConsentTiming() {
    }

    public static void main(String[] args) {
        Scenario s = args.length > 0 ? Scenarios.read(Paths.get(args[0]), ImportSettings.detect()).scenario()
                : Scenarios.seed().scenario();
        List<String> models = args.length > 1 ? List.of(args[1].split(",")) : List.of("compromise", "median", "nash");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Simulation sim = Models.simulation();
        ConsentStage.Settings on = new ConsentStage.Settings(true, false, false, true);
        double modelNs = 0;
        double stageNs = 0;
        long sink = 0;
        for (int pass = 0; pass < 2; pass++) { // the first pass warms up
            modelNs = 0;
            stageNs = 0;
            for (String w : s.worldIds()) {
                Problem p = Problem.of(s.resolve(w));
                for (String id : models) {
                    BargainingModel m = sim.model(id);
                    ModelOptions o = ModelOptions.resolve(id, m.options(), m.presets(), java.util.Map.of());
                    long t0 = System.nanoTime();
                    double[] f = null;
                    for (int r = 0; r < repeats; r++) {
                        f = m.run(p, o, RunContext.forecastOnly(0, r)).forecast();
                        sink += Double.doubleToLongBits(f[0]);
                    }
                    long t1 = System.nanoTime();
                    for (int r = 0; r < repeats; r++) {
                        sink += ConsentStage.run(p, f, on, false, 1).status().size();
                    }
                    long t2 = System.nanoTime();
                    modelNs += (t1 - t0) / (double) repeats;
                    stageNs += (t2 - t1) / (double) repeats;
                }
            }
        }
        int n = s.worldIds().size() * models.size();
        System.out.printf(Locale.ROOT, "%s, %s, %d worlds: model run %.2f us, consent stage %.3f us (%.1f%% of the model run)%n",
                s.id(), String.join(",", models), s.worldIds().size(), modelNs / n / 1e3, stageNs / n / 1e3,
                100 * stageNs / modelNs);
        if (sink == 42) {
            System.out.println();
        }
    }
}
