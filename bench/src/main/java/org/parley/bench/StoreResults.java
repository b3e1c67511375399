package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.parley.engine.ForecastResult;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Trajectory;
import org.parley.io.Scenarios;
import org.parley.models.Models;

/**
 * A Monte Carlo-sized result of the seed scenario for the store benchmarks: every baseline model
 * on every world, {@code runs} runs each, run i's forecast being run 0's plus seeded noise and its
 * trajectory run 0's. (The Monte Carlo package draws inputs and reruns the models; what the store
 * sees, and what this measures, is the same shape: worlds x models x runs trajectories and forecasts.)
 */
final class StoreResults {

    private StoreResults() {
    }

    static ForecastResult seedMonteCarlo(int runs, long seed) {
        ForecastResult base = Models.simulation().run(Scenarios.seed().scenario(), RunSpec.defaults().withThreads(1));
        List<RunResult> out = new ArrayList<>(base.runs().size() * runs);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (RunResult r : base.runs()) {
            for (int i = 0; i < runs; i++) {
                double[] f = r.trajectory().forecast().clone();
                if (i > 0) {
                    for (int k = 0; k < f.length; k++) {
                        f[k] = Math.max(0, Math.min(100, f[k] + 8 * (rnd.nextDouble() + rnd.nextDouble() - 1)));
                    }
                }
                out.add(new RunResult(r.world(), r.model(), i, Seeds.forRun(seed, i), r.options(),
                        new Trajectory(r.trajectory().rounds(), f, r.trajectory().stopReason(), r.trajectory().notes())));
            }
        }
        return new ForecastResult(base.scenario(), base.spec().withRuns(runs).withSeed(seed), base.problems(), out,
                base.warnings());
    }
}
