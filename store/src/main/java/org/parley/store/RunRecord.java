package org.parley.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ForecastResult;
import org.parley.engine.Problem;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.model.Scenario;
import org.parley.montecarlo.MonteCarloResult;

/**
 * What the store saves of a forecast, independent of how it was produced: per world and model the
 * point forecast and every run's forecast of each issue, and the trajectories to keep. A
 * {@link ForecastResult} converts with {@link #of}; a Monte Carlo result, whose runs are arrays of
 * forecasts rather than trajectories, fills {@link Forecasts} directly and keeps no trajectories.
 *
 * @param scenario     the scenario as run (its version is saved with the run)
 * @param spec         the settings
 * @param worlds       worlds, in order
 * @param models       model ids, in order
 * @param modelOptions per model id, the options it ran with
 * @param forecasts    per world and model, in order
 * @param trajectories the trajectories to keep (may be empty)
 * @param warnings     warnings shown with the forecast
 */
public record RunRecord(Scenario scenario, RunSpec spec, List<String> worlds, List<String> models,
                        Map<String, Map<String, String>> modelOptions, List<Forecasts> forecasts,
                        List<RunResult> trajectories, List<String> warnings) {

    public RunRecord {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(spec, "spec");
        worlds = List.copyOf(worlds);
        models = List.copyOf(models);
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        modelOptions.forEach((k, v) -> m.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        modelOptions = Collections.unmodifiableMap(m);
        forecasts = List.copyOf(forecasts);
        trajectories = List.copyOf(trajectories);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    /**
     * One world and model.
     *
     * @param issues     issue ids
     * @param statusQuo  per issue, NaN where none
     * @param point      per issue, the point forecast (run 0)
     * @param samples    {@code [issue][run]}: every run's forecast
     * @param stopReason why run 0 stopped
     */
    public record Forecasts(String world, String model, List<String> issues, double[] statusQuo, double[] point,
                            double[][] samples, String stopReason) {

        public Forecasts {
            Objects.requireNonNull(world, "world");
            Objects.requireNonNull(model, "model");
            issues = List.copyOf(issues);
            if (statusQuo.length != issues.size() || point.length != issues.size() || samples.length != issues.size()) {
                throw new IllegalArgumentException("statusQuo, point and samples need one entry per issue ("
                        + issues.size() + "), were " + statusQuo.length + ", " + point.length + ", " + samples.length);
            }
            stopReason = stopReason == null ? "" : stopReason;
        }
    }

    /** A forecast's record: every run's forecast; run 0's trajectories, or every run's with {@code allTrajectories}. */
    /**
     * A Monte Carlo forecast: per world, model and issue the point forecast and every run's
     * forecast; no trajectories (Monte Carlo keeps none).
     */
    public static RunRecord of(MonteCarloResult mc, List<String> warnings) {
        Simulation.Plan plan = mc.plan();
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        plan.options().forEach((m, o) -> options.put(m, o.asMap()));
        List<Forecasts> fs = new ArrayList<>();
        for (String w : mc.worlds()) {
            Problem p = plan.problems().get(w);
            int n = p.issueCount();
            for (String m : mc.models()) {
                double[] sq = new double[n];
                double[] point = new double[n];
                double[][] samples = new double[n][];
                for (int k = 0; k < n; k++) {
                    sq[k] = p.statusQuo(k);
                    point[k] = mc.point(w, m, p.issueId(k));
                    samples[k] = mc.forecasts(w, m, p.issueId(k));
                }
                fs.add(new Forecasts(w, m, p.issueIds(), sq, point, samples, "monte carlo"));
            }
        }
        return new RunRecord(mc.scenario(), plan.spec(), mc.worlds(), mc.models(), options, fs, List.of(), warnings);
    }

    public static RunRecord of(ForecastResult result, boolean allTrajectories) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : result.runs()) {
            groups.computeIfAbsent(r.world() + "\u0000" + r.model(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        List<Forecasts> forecasts = new ArrayList<>();
        List<RunResult> kept = new ArrayList<>();
        for (List<RunResult> g : groups.values()) {
            RunResult first = g.get(0);
            options.putIfAbsent(first.model(), first.options());
            Problem p = result.problem(first.world());
            int issues = p.issueCount();
            double[] sq = new double[issues];
            double[] point = first.trajectory().forecast().clone();
            double[][] samples = new double[issues][g.size()];
            for (int k = 0; k < issues; k++) {
                sq[k] = p.statusQuo(k);
            }
            for (int i = 0; i < g.size(); i++) {
                double[] f = g.get(i).trajectory().forecast();
                for (int k = 0; k < issues; k++) {
                    samples[k][i] = f[k];
                }
            }
            forecasts.add(new Forecasts(first.world(), first.model(), p.issueIds(), sq, point, samples,
                    first.trajectory().stopReason()));
            for (RunResult r : g) {
                if (allTrajectories || r.run() == 0) {
                    kept.add(r);
                }
            }
        }
        return new RunRecord(result.scenario(), result.spec(), result.worlds(), result.models(), options, forecasts,
                kept, result.warnings());
    }
}
