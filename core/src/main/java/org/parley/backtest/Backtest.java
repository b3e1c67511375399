package org.parley.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.ForecastResult;
import org.parley.engine.ModelOptions;
import org.parley.engine.Parallel;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.RunSpec;
import org.parley.engine.ScenarioException;
import org.parley.engine.Simulation;
import org.parley.model.Actor;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.uncertainty.ModelError;

/**
 * Runs models on every case of a backtest set and lines their forecasts up with the real
 * outcomes, next to three naive baselines and an ensemble fitted on the train split.
 *
 * <p>Each case runs through {@link Simulation} exactly as {@code parley forecast} would run its
 * scenario (same option handling, same seeds), after its capabilities are set by the chosen
 * {@link CapabilityRule} and actors with no stance on any issue are dropped. Cases run on several
 * threads; results are collected in case order, so they do not depend on the thread count.
 */
public final class Backtest {

    /** Baseline: the issue's reference point (status quo); no forecast when the issue has none. */
    public static final String REFERENCE_POINT = "baseline-reference-point";
    /** Baseline: the proposer's initial position (the Commission's in EU data). */
    public static final String PROPOSER = "baseline-proposer";
    /** Baseline: the midpoint of the issue's scale. */
    public static final String MIDPOINT = "baseline-midpoint";

    /**
     * Every model's forecasts on one case's world, keyed by model id (absent for a model that could
     * not run), and why each absent model could not run.
     */
    public record CaseForecasts(Map<String, double[]> forecasts, Map<String, String> failures)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public CaseForecasts {
            forecasts = new LinkedHashMap<>(forecasts);
            failures = new LinkedHashMap<>(failures);
        }
    }

    /**
     * Where the cases' models run: {@link #LOCAL} on this JVM's threads, or a sweep engine (the
     * command line's {@code --engine spark}). Each case's forecasts must be those of
     * {@link #runModels} on its world, in case order, so the runner never changes a result.
     */
    @FunctionalInterface
    public interface CaseRunner {
        /** On {@code threads} threads of this JVM (0 = every core). */
        CaseRunner LOCAL = (simulation, worlds, spec, models, threads) -> parallel(worlds, threads,
                w -> runCase(simulation, w, spec, models));

        /**
         * @param worlds every case's world (capabilities set, see {@link #prepare}), in case order
         * @param spec   the run settings of one case (base world, one run, one thread)
         */
        List<CaseForecasts> run(Simulation simulation, List<Scenario> worlds, RunSpec spec, List<String> models,
                                int threads);
    }

    private final Simulation simulation;
    private final CaseRunner runner;

    public Backtest(Simulation simulation) {
        this(simulation, CaseRunner.LOCAL);
    }

    public Backtest(Simulation simulation, CaseRunner runner) {
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /**
     * A backtest's forecasts.
     *
     * @param set        the set
     * @param capability the capability option
     * @param models     the model ids run, in order
     * @param labels     every forecaster: models, then baselines, then the ensemble if fitted
     * @param issues     one row per scored issue, in case and issue order
     * @param ensemble   the ensemble's weights per model id (fitted on train), empty when none was fitted
     * @param notes      what the user should know (cases without a forecast, etc.)
     */
    public record Result(BacktestSet set, String capability, List<String> models, List<String> labels,
                         List<IssueForecast> issues, Map<String, Double> ensemble, List<String> notes) {
        public Result {
            models = List.copyOf(models);
            labels = List.copyOf(labels);
            issues = List.copyOf(issues);
            ensemble = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ensemble));
            notes = List.copyOf(notes);
        }

        /** The score of every forecaster on a split, in label order. */
        public List<Score> scores(Split split) {
            List<Score> out = new ArrayList<>();
            for (String l : labels) {
                out.add(Score.of(l, split, capability, issues));
            }
            return out;
        }
    }

    /**
     * Runs a backtest.
     *
     * @param set        the cases
     * @param capability where capabilities come from
     * @param spec       models (empty = every registered model), options, seed, rounds; its
     *                   {@code threads} is the number of cases run at once (0 = every core)
     * @param ensemble   {@code true} to fit and add the {@link Ensemble} of the models
     */
    public Result run(BacktestSet set, CapabilityRule capability, RunSpec spec, boolean ensemble) {
        return run(set, capability, spec, ensemble, org.parley.montecarlo.MonteCarlo.Progress.NONE);
    }

    /**
     * As {@link #run(BacktestSet, CapabilityRule, RunSpec, boolean)}, reporting each case done to
     * {@code progress} and asking it before each case whether to stop.
     *
     * @throws ParleyException {@code FAILURE} "cancelled" when {@code progress} cancelled the work
     */
    public Result run(BacktestSet set, CapabilityRule capability, RunSpec spec, boolean ensemble,
                      org.parley.montecarlo.MonteCarlo.Progress progress) {
        List<String> models = modelIds(spec);
        RunSpec perCase = spec.withModels(models).withWorlds(List.of(Scenario.BASE)).withRuns(1).withThreads(1);
        progress.total(set.cases().size());
        List<Scenario> worlds = parallel(set.cases(), spec.threads(), c -> prepare(c, capability));
        CaseRunner run = runner != CaseRunner.LOCAL ? runner : (sim, ws, sp, ms, th) -> parallel(ws, th, w -> {
            if (progress.cancelled()) {
                throw new ParleyException(ErrorCode.FAILURE, "cancelled");
            }
            CaseForecasts f = runCase(sim, w, sp, ms);
            progress.completed(1);
            return f;
        });
        List<CaseForecasts> forecasts = run.run(simulation, worlds, perCase, models, spec.threads());
        List<CaseOutput> perCaseRows = new ArrayList<>();
        for (int i = 0; i < worlds.size(); i++) {
            perCaseRows.add(caseRows(set.cases().get(i), worlds.get(i), forecasts.get(i), models, set.proposer()));
        }
        List<IssueForecast> rows = new ArrayList<>();
        Map<String, List<String>> failed = new LinkedHashMap<>();
        for (int i = 0; i < perCaseRows.size(); i++) {
            CaseOutput co = perCaseRows.get(i);
            rows.addAll(co.rows());
            for (Map.Entry<String, String> e : co.failures().entrySet()) {
                failed.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(set.cases().get(i).id() + " (" + e.getValue() + ")");
            }
        }
        List<String> labels = new ArrayList<>(models);
        labels.add(REFERENCE_POINT);
        if (set.proposer() != null) {
            labels.add(PROPOSER);
        }
        labels.add(MIDPOINT);
        List<String> notes = new ArrayList<>(set.notes());
        for (Map.Entry<String, List<String>> e : failed.entrySet()) {
            List<String> cs = e.getValue();
            notes.add(e.getKey() + " could not run on " + cs.size() + " case(s), e.g. " + cs.get(0));
        }
        for (String m : models) {
            long missing = rows.stream().filter(r -> Double.isNaN(r.forecast(m))).count();
            if (missing > 0) {
                notes.add(m + " gave no forecast on " + missing + " issue(s); they are left out of its score");
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        if (ensemble && models.size() > 1) {
            weights = Ensemble.fit(models, rows);
            List<IssueForecast> withEnsemble = new ArrayList<>(rows.size());
            for (IssueForecast r : rows) {
                withEnsemble.add(r.with(Ensemble.LABEL, Ensemble.forecast(weights, r)));
            }
            rows = withEnsemble;
            labels.add(Ensemble.LABEL);
        }
        return new Result(set, capability.id(), models, labels, rows, weights, notes);
    }

    private List<String> modelIds(RunSpec spec) {
        if (spec.models().isEmpty()) {
            return simulation.models().stream().map(m -> m.id()).toList();
        }
        List<String> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(spec.models())) {
            out.add(simulation.model(id).id());
        }
        return out;
    }

    /** One case's rows, and the models that could not run on it with the reason. */
    private record CaseOutput(List<IssueForecast> rows, Map<String, String> failures) {
    }

    /**
     * Runs every model on one case's world. A model that cannot run on the case (it refuses the
     * input or fails) gives no forecast there and the failure is kept for a note; a problem of the
     * data itself or of the options (a {@link ScenarioException}, an unknown model or option) stops
     * the backtest.
     */
    public static CaseForecasts runCase(Simulation simulation, Scenario world, RunSpec spec, List<String> models) {
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, double[]> forecasts = runModels(simulation, world, spec, models, failures);
        return new CaseForecasts(forecasts, failures);
    }

    /**
     * Plans a case's world with the settings, so that an unknown model or option, a bad option
     * value or a problem of the data fails here (as it would stop the backtest) before a runner
     * sends any case away; a model's own refusal of the case is left to the run.
     */
    public static void check(Simulation simulation, Scenario world, RunSpec spec) {
        try {
            simulation.plan(world, spec);
        } catch (RuntimeException e) {
            rethrowIfNotTheModels(e);
        }
    }

    /** One case's rows from its models' forecasts, with the baselines. */
    private static CaseOutput caseRows(BacktestCase c, Scenario world, CaseForecasts cf, List<String> models,
                                       String proposer) {
        Problem p = Problem.of(world);
        Map<String, String> failures = cf.failures();
        Map<String, double[]> forecasts = cf.forecasts();
        int prop = proposer == null ? -1 : p.actorIndex(proposer);
        List<IssueForecast> out = new ArrayList<>();
        for (Map.Entry<String, Double> o : c.outcomes().entrySet()) {
            int k = p.issueIndex(o.getKey());
            Map<String, Double> f = new LinkedHashMap<>();
            for (String m : models) {
                double[] fm = forecasts.get(m);
                f.put(m, fm == null ? Double.NaN : fm[k]);
            }
            f.put(REFERENCE_POINT, p.statusQuo(k));
            if (proposer != null) {
                f.put(PROPOSER, prop >= 0 ? p.position()[prop][k] : Double.NaN);
            }
            f.put(MIDPOINT, (p.scaleMin(k) + p.scaleMax(k)) / 2);
            out.add(new IssueForecast(c.id(), c.proposal(), c.split(), o.getKey(), p.scaleMin(k), p.scaleMax(k),
                    o.getValue(), f, ModelError.spread(p.capability(), p.position(), p.salience(), k, p.scaleMin(k),
                    p.scaleMax(k))));
        }
        return new CaseOutput(out, failures);
    }

    /**
     * Every model's forecast on one world (keyed by model id; absent for a model that could not run,
     * whose reason goes to {@code failures}). All models run at once; if that fails for a reason
     * that is not the data's or the options', they run one by one so the others keep their forecasts.
     */
    static Map<String, double[]> runModels(Simulation simulation, Scenario world, RunSpec spec, List<String> models,
                                           Map<String, String> failures) {
        Map<String, double[]> forecasts = new LinkedHashMap<>();
        try {
            ForecastResult fr = simulation.run(world, spec);
            for (String m : models) {
                forecasts.put(m, fr.run(Scenario.BASE, m).orElseThrow().trajectory().forecast());
            }
        } catch (RuntimeException all) {
            rethrowIfNotTheModels(all);
            // some model cannot run on this case: run them one by one to keep the others' forecasts
            for (String m : models) {
                try {
                    ForecastResult fr = simulation.run(world, spec.withModels(List.of(m))
                            .withOptions(optionsFor(simulation.model(m), spec.options())));
                    forecasts.put(m, fr.run(Scenario.BASE, m).orElseThrow().trajectory().forecast());
                } catch (RuntimeException e) {
                    rethrowIfNotTheModels(e);
                    failures.put(m, e instanceof ParleyException ? e.getMessage() : String.valueOf(e));
                }
            }
        }
        return forecasts;
    }

    /** Problems of the data or of the user's options stop the backtest; a model's own failure does not. */
    private static void rethrowIfNotTheModels(RuntimeException e) {
        if (e instanceof ScenarioException) {
            throw e;
        }
        if (e instanceof ParleyException) {
            ErrorCode code = ((ParleyException) e).code();
            if (code == ErrorCode.BAD_OPTION || code == ErrorCode.UNKNOWN_ID) {
                throw e;
            }
        }
    }

    /** The options of {@code given} that {@code model} takes: its own {@code model.key}s and the plain keys it declares. */
    private static Map<String, String> optionsFor(BargainingModel model, Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            String key = e.getKey().strip();
            int dot = key.indexOf('.');
            boolean consentKey = org.parley.engine.ConsentStage.options(false).stream().anyMatch(o -> o.key().equals(key));
            if (dot > 0 && !consentKey) {
                if (key.substring(0, dot).equals(model.id())) {
                    out.put(key, e.getValue());
                }
            } else if (key.equals(ModelOptions.PRESET) ? model.presets().containsKey(e.getValue().strip())
                    : model.options().stream().anyMatch(o -> o.key().equals(key))
                    || org.parley.engine.ConsentStage.options(false).stream().anyMatch(o -> o.key().equals(key))) {
                out.put(key, e.getValue());
            }
        }
        return out;
    }

    /**
     * The scenario a case runs as: capabilities from the rule, no branches, and no actor that has
     * no stance on any issue (such an actor takes part in nothing).
     */
    static Scenario prepare(BacktestCase c, CapabilityRule capability) {
        Scenario s = capability.apply(c).withBranches(List.of());
        Set<String> present = new LinkedHashSet<>();
        for (Stance st : s.stances()) {
            present.add(st.actor());
        }
        List<Actor> actors = s.actors().stream().filter(a -> present.contains(a.id())).toList();
        return actors.size() == s.actors().size() ? s : s.withActors(actors);
    }

    /** Applies {@code f} to every item on up to {@code threads} threads (0 = every core); results in item order. */
    static <T, R> List<R> parallel(List<T> items, int threads, Function<T, R> f) {
        return new ArrayList<>(Parallel.map(items.size(), threads, i -> f.apply(items.get(i))));
    }
}
