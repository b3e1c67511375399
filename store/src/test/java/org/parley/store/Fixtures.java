package org.parley.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.parley.engine.ForecastResult;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Trajectory;
import org.parley.io.Scenarios;
import org.parley.model.Estimate;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.Models;

/** Results to save: real forecasts of the seed scenario, and Monte Carlo-sized results built from them. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2024-08-01T09:00:00Z");

    private Fixtures() {
    }

    static Scenario seedScenario() {
        return Scenarios.seed().scenario();
    }

    /** Every baseline model on every world of a scenario. */
    static ForecastResult forecast(Scenario s) {
        return Models.simulation().run(s, RunSpec.defaults().withThreads(1));
    }

    static ForecastResult seedForecast() {
        return forecast(seedScenario());
    }

    /** The seed scenario with one actor's position on one issue moved. */
    static Scenario edited(Scenario s, String actor, String issue, double position) {
        List<Stance> ss = new ArrayList<>();
        for (Stance st : s.stances()) {
            ss.add(st.actor().equals(actor) && st.issue().equals(issue) ? st.withPosition(Estimate.of(position)) : st);
        }
        return s.withStances(ss);
    }

    /**
     * A Monte Carlo-shaped result: {@code runs} runs per world and model, run i's forecast being
     * run 0's plus seeded noise (sd {@code sd}), its trajectory run 0's with that forecast.
     */
    static ForecastResult monteCarlo(ForecastResult base, int runs, double sd, long seed) {
        List<RunResult> out = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (RunResult r : base.runs()) {
            for (int i = 0; i < runs; i++) {
                double[] f = r.trajectory().forecast().clone();
                if (i > 0) {
                    for (int k = 0; k < f.length; k++) {
                        f[k] += sd * gaussian(rnd);
                    }
                }
                Trajectory t = new Trajectory(r.trajectory().rounds(), f, r.trajectory().stopReason(),
                        r.trajectory().notes());
                out.add(new RunResult(r.world(), r.model(), i, Seeds.forRun(seed, i), r.options(), t));
            }
        }
        return new ForecastResult(base.scenario(), base.spec().withRuns(runs).withSeed(seed), base.problems(), out,
                base.warnings());
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    static SaveOptions save(boolean all) {
        return new SaveOptions("analyst", "test", T0, 12, all);
    }
}
