package org.parley.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.parley.model.Scenario;

/**
 * Runs models on the worlds of a scenario: resolves each world, compiles it to a {@link Problem},
 * resolves each model's options and runs it, then the {@link ConsentStage} (every model takes its
 * options {@code consent}, {@code consent.utility}, {@code consent.scope}, {@code consent.win-set}).
 *
 * <p>Runs are independent tasks; they may execute on several threads, but each run's seed is
 * {@link Seeds#forRun(long, long)} of the base seed and its index, and results are collected in
 * (world, model, run) order, so the result is the same on any thread count.
 */
public final class Simulation {

    private final Map<String, BargainingModel> models;

    /**
     * A simulation over these models.
     *
     * @throws IllegalArgumentException for two models with one id, or a model whose option defaults
     *                                  or presets its own option specs refuse
     */
    public Simulation(List<BargainingModel> available) {
        Map<String, BargainingModel> m = new LinkedHashMap<>();
        for (BargainingModel b : available) {
            if (m.put(b.id(), b) != null) {
                throw new IllegalArgumentException("two models with id " + b.id());
            }
            checkOptions(b);
        }
        this.models = m;
    }

    /** Every default and every preset value of a model passes the model's own option specs. */
    static void checkOptions(BargainingModel b) {
        Map<String, OptionSpec> specs = new LinkedHashMap<>();
        for (OptionSpec s : b.options()) {
            specs.put(s.key(), s);
            String problem = s.check(s.defaultValue());
            if (problem != null && !s.key().equals(ModelOptions.PRESET)) {
                throw new IllegalArgumentException("model '" + b.id() + "': the default of " + problem);
            }
        }
        OptionSpec preset = specs.get(ModelOptions.PRESET);
        if (preset != null && !b.presets().containsKey(preset.defaultValue())) {
            throw new IllegalArgumentException("model '" + b.id() + "': the default preset '" + preset.defaultValue()
                    + "' is not one of its presets " + b.presets().keySet());
        }
        for (Map.Entry<String, Map<String, String>> p : b.presets().entrySet()) {
            for (Map.Entry<String, String> e : p.getValue().entrySet()) {
                OptionSpec spec = specs.get(e.getKey());
                String problem = spec == null ? "option '" + e.getKey() + "' is not declared" : spec.check(e.getValue());
                if (problem != null) {
                    throw new IllegalArgumentException("model '" + b.id() + "', preset '" + p.getKey() + "': " + problem);
                }
            }
        }
    }

    public List<BargainingModel> models() {
        return List.copyOf(models.values());
    }

    public BargainingModel model(String id) {
        BargainingModel m = models.get(id);
        if (m == null) {
            throw new ParleyException(ErrorCode.UNKNOWN_ID, "unknown model '" + id + "'; models: "
                    + String.join(", ", models.keySet()));
        }
        return m;
    }

    /** Runs a scenario; the scenario must be valid (see {@link ScenarioValidator}). */
    public ForecastResult run(Scenario scenario, RunSpec spec) {
        return run(scenario, spec, List.of());
    }

    /**
     * What a run of a scenario consists of, before anything runs: the worlds (each resolved and
     * compiled), the selected models and their resolved options. Monte Carlo, comparisons and
     * sensitivity analyses start from the same plan as a point forecast.
     *
     * @param scenario the scenario as written
     * @param spec     the settings
     * @param models   the selected models, in registry (or requested) order
     * @param worlds   the world ids to forecast, in order
     * @param resolved each world as a scenario without branches
     * @param problems each world compiled
     * @param options  each model's resolved options
     * @param conditional how conditional positions are resolved ({@link Resolution})
     */
    public record Plan(Scenario scenario, RunSpec spec, List<BargainingModel> models, List<String> worlds,
                       Map<String, Scenario> resolved, Map<String, Problem> problems,
                       Map<String, ModelOptions> options, Resolution.Settings conditional) {
        public Plan {
            models = List.copyOf(models);
            worlds = List.copyOf(worlds);
            resolved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolved));
            problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
            options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        /**
         * Runs one model on a problem with the plan's round limit and the given seed, traced: the
         * model, then the consent stage when the model's options apply it, with its conditional
         * positions resolved on that outcome (a note says how; see {@link Resolution}).
         */
        public Trajectory run(BargainingModel model, Problem problem, long seed) {
            return Resolution.annotated(problem, resolve(model, problem, seed, true));
        }

        /**
         * The model's run with the consent stage (when its options apply it) but without a trace:
         * the forecast after the stage and, in {@link Trajectory#consent()}, what the stage did;
         * conditional positions resolved.
         */
        public Trajectory outcome(BargainingModel model, Problem problem, long seed) {
            return resolve(model, problem, seed, false).chosen().trajectory();
        }

        /**
         * As {@link #outcome}, for callers that read only the forecast and the consent stage's deals
         * ({@link ConsentResult#deal}): the stage does not name who blocks an issue.
         */
        public Trajectory outcomeAndDeals(BargainingModel model, Problem problem, long seed) {
            return resolve(model, problem, seed, false, null, false).chosen().trajectory();
        }

        /**
         * Runs one model and the consent stage on a problem, and resolves its conditional positions
         * on the outcome ({@link Resolution}): each state tried is one model run plus the stage.
         */
        public Resolution.Result resolve(BargainingModel model, Problem problem, long seed, boolean trace) {
            return resolve(model, problem, seed, trace, null);
        }

        /** As {@link #resolve(BargainingModel, Problem, long, boolean)}; {@code drew[0]} set when a run drew a random number. */
        private Resolution.Result resolve(BargainingModel model, Problem problem, long seed, boolean trace,
                                          boolean[] drew) {
            return resolve(model, problem, seed, trace, drew, true);
        }

        private Resolution.Result resolve(BargainingModel model, Problem problem, long seed, boolean trace,
                                          boolean[] drew, boolean names) {
            ModelOptions o = options.get(model.id());
            ConsentStage.Settings consent = o.parsed(ConsentStage.Settings.class, ConsentStage.Settings::of);
            if (trace) {
                return Resolution.resolve(problem, conditional, p -> ConsentStage.apply(p,
                        model.run(p, o, RunContext.of(spec.rounds(), seed)), consent, true));
            }
            // untraced: a problem this thread has just run (another world's, another resolution
            // state's) is not run again (RunMemo)
            return Resolution.resolve(problem, conditional, p -> ConsentStage.apply(p,
                    RunMemo.run(model, o, p, spec.rounds(), seed, drew), consent, false, names));
        }

        /**
         * The forecast of one model on a problem with the plan's round limit and the given seed,
         * without a trace ({@link RunContext#forecastOnly}): for callers that read nothing else.
         */
        public double[] forecast(BargainingModel model, Problem problem, long seed) {
            return outcome(model, problem, seed).forecast();
        }

        /** Whether the model draws random numbers under its resolved options here. */
        public boolean stochastic(BargainingModel model) {
            return model.stochastic(options.get(model.id()));
        }

        /**
         * The forecast of a model on a problem for analyses that compare forecasts (tornado, levers):
         * for a deterministic model the forecast with run 0's seed; for a stochastic one the mean over
         * runs {@code 0 .. seeds - 1} ({@link Seeds#forRun}(spec seed, r)), so one seed's ties do not
         * pass for an effect of the input. NaN where any run gave none.
         */
        public double[] meanForecast(BargainingModel model, Problem problem, int seeds) {
            if (!stochastic(model) || seeds <= 1) {
                return forecast(model, problem, Seeds.forRun(spec.seed(), 0)).clone();
            }
            double[] sum = null;
            for (int r = 0; r < seeds; r++) {
                boolean[] drew = {false};
                double[] f = resolve(model, problem, Seeds.forRun(spec.seed(), r), false, drew).chosen().trajectory()
                        .forecast();
                if (sum == null) {
                    sum = new double[f.length];
                }
                // a run that drew no random number is the same for every seed (a model's only randomness
                // is its context's generator): the remaining runs' forecasts are this one, added as they come
                int same = drew[0] ? 1 : seeds - r;
                for (int c = 0; c < same; c++) {
                    for (int k = 0; k < f.length; k++) {
                        sum[k] += f[k];
                    }
                }
                if (!drew[0]) {
                    break;
                }
            }
            for (int k = 0; k < sum.length; k++) {
                sum[k] /= seeds;
            }
            return sum;
        }
    }

    /**
     * Validates a scenario and resolves what a run of it would do.
     *
     * @throws ScenarioException when the scenario has errors
     * @throws ParleyException   for an unknown model, world ({@link ErrorCode#UNKNOWN_ID}) or option
     */
    public Plan plan(Scenario scenario, RunSpec spec) {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(spec, "spec");
        ScenarioValidator.require(scenario, Locator.none());
        List<ScenarioProblem> open = ScenarioValidator.openValues(scenario, Locator.none());
        if (!open.isEmpty()) {
            throw new ScenarioException(open);
        }
        List<BargainingModel> selected = select(spec);
        List<String> worlds = worlds(scenario, spec);
        Map<String, ModelOptions> options = options(selected, models.keySet(), scenario.options(), spec.options(),
                scenario.declaresConsent());
        Map<String, Scenario> resolved = new LinkedHashMap<>();
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (String w : worlds) {
            Scenario world = scenario.resolve(w);
            resolved.put(w, world);
            problems.put(w, Problem.of(world));
        }
        return new Plan(scenario, spec, selected, worlds, resolved, problems, options,
                Resolution.Settings.of(scenario.options(), spec.options()));
    }

    /**
     * Runs a scenario.
     *
     * @param warnings warnings from reading the scenario, carried into the result
     * @throws ScenarioException when the scenario has errors
     * @throws ParleyException   for an unknown model, world or option
     */
    public ForecastResult run(Scenario scenario, RunSpec spec, List<String> warnings) {
        Plan plan = plan(scenario, spec);
        List<Task> tasks = new ArrayList<>();
        for (String w : plan.worlds()) {
            for (BargainingModel m : plan.models()) {
                int runs = plan.stochastic(m) ? spec.runs() : 1;
                for (int r = 0; r < runs; r++) {
                    tasks.add(new Task(w, m, r, Seeds.forRun(spec.seed(), r)));
                }
            }
        }
        List<RunResult> results = Parallel.map(tasks.size(), spec.threads(), i -> runOne(tasks.get(i), plan));
        return new ForecastResult(scenario, spec, plan.problems(), results, warnings);
    }

    private record Task(String world, BargainingModel model, int run, long seed) {
    }

    private static RunResult runOne(Task t, Plan plan) {
        ModelOptions o = plan.options().get(t.model().id());
        Trajectory tr = plan.run(t.model(), plan.problems().get(t.world()), t.seed());
        return new RunResult(t.world(), t.model().id(), t.run(), t.seed(), o.asMap(), tr);
    }

    private List<BargainingModel> select(RunSpec spec) {
        if (spec.models().isEmpty()) {
            return List.copyOf(models.values());
        }
        List<BargainingModel> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(spec.models())) {
            out.add(model(id));
        }
        return out;
    }

    private static List<String> worlds(Scenario scenario, RunSpec spec) {
        List<String> all = scenario.worldIds();
        if (spec.worlds().isEmpty()) {
            return all;
        }
        List<String> out = new ArrayList<>();
        for (String w : new LinkedHashSet<>(spec.worlds())) {
            if (!all.contains(w)) {
                throw new ParleyException(ErrorCode.UNKNOWN_ID, "unknown branch '" + w + "'; worlds: "
                        + String.join(", ", all));
            }
            out.add(w);
        }
        return out;
    }

    /**
     * Splits options between models. A key {@code model.key} goes to that model; a plain key goes
     * to every selected model that declares it, and must be declared by at least one of them.
     * Scenario options come first, flags override them.
     */
    static Map<String, ModelOptions> options(List<BargainingModel> selected, Set<String> known,
                                             Map<String, String> scenarioOptions, Map<String, String> flagOptions) {
        return options(selected, known, scenarioOptions, flagOptions, false);
    }

    /**
     * As {@link #options(List, Set, Map, Map)}, with the consent stage's options added to every
     * model's ({@code consent} defaults to {@code apply} when {@code declared}).
     */
    static Map<String, ModelOptions> options(List<BargainingModel> selected, Set<String> known,
                                             Map<String, String> scenarioOptions, Map<String, String> flagOptions,
                                             boolean declared) {
        Map<String, Map<String, String>> perModel = new LinkedHashMap<>();
        for (BargainingModel m : selected) {
            perModel.put(m.id(), new LinkedHashMap<>());
        }
        List<OptionSpec> consent = ConsentStage.options(declared);
        distribute(selected, known, scenarioOptions, perModel, false, consent);
        distribute(selected, known, flagOptions, perModel, true, consent);
        Map<String, ModelOptions> out = new LinkedHashMap<>();
        for (BargainingModel m : selected) {
            List<OptionSpec> specs = new ArrayList<>(m.options());
            specs.addAll(consent);
            out.put(m.id(), ModelOptions.resolve(m.id(), specs, m.presets(), perModel.get(m.id())));
        }
        return out;
    }

    private static void distribute(List<BargainingModel> selected, Set<String> known, Map<String, String> given,
                                   Map<String, Map<String, String>> perModel, boolean strict, List<OptionSpec> shared) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            String key = e.getKey().strip();
            if (key.startsWith(Resolution.PREFIX)) {
                continue; // the engine's (Resolution.Settings), not a model's
            }
            int dot = key.indexOf('.');
            if (dot > 0 && perModel.containsKey(key.substring(0, dot))) {
                perModel.get(key.substring(0, dot)).put(key.substring(dot + 1), e.getValue());
                continue;
            }
            if (dot > 0 && known.contains(key.substring(0, dot))) {
                continue; // an option of a model that is not selected this time
            }
            Set<String> takers = new LinkedHashSet<>();
            for (BargainingModel m : selected) {
                boolean takes = key.equals(ModelOptions.PRESET)
                        ? m.presets().containsKey(e.getValue().strip())
                        : m.options().stream().anyMatch(o -> o.key().equals(key))
                                || shared.stream().anyMatch(o -> o.key().equals(key));
                if (takes) {
                    takers.add(m.id());
                }
            }
            if (takers.isEmpty() && strict) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "no selected model has option '" + key + "'"
                        + (key.equals(ModelOptions.PRESET) ? " = " + e.getValue() : "")
                        + "; see 'parley models' for each model's options");
            }
            for (String id : takers) {
                perModel.get(id).put(key, e.getValue());
            }
        }
    }
}
