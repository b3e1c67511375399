package org.parley.web;

import static org.parley.web.Http.json;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.BargainingModel;
import org.parley.engine.Budget;
import org.parley.engine.ForecastResult;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.io.report.Brief;
import org.parley.io.results.JsonResultWriter;
import org.parley.io.results.ResultFormat;
import org.parley.io.results.ResultWriters;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.engine.ScenarioValidator;
import org.parley.model.OpenValues;
import org.parley.model.Scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Forecasts over the web: {@code POST /api/runs} starts a forecast job that runs one (world,
 * model) step at a time (progress counts steps; a cancelled job stops within a round), and
 * {@code POST /api/forecast} answers a small forecast at once. Each step runs with the spec's
 * seed, so a job's result is the same as {@link Simulation#run} of the whole spec.
 */
final class ForecastApi {

    /** The fields of a forecast (and Monte Carlo) request. */
    static final List<String> FIELDS = List.of("scenario", "version", "models", "worlds", "rounds", "seed", "runs",
            "options", "acceptDefaults");
    /** The largest run count answered synchronously by {@code POST /api/forecast}. */
    static final int MAX_SYNC_RUNS = 100;

    /** A parsed request: the scenario version it names, parsed, and the settings. */
    record Request(StoredScenario stored, Scenarios.Loaded loaded, RunSpec spec) {
    }

    private final Simulation simulation;
    private final ScenarioApi scenarios;
    private final Budget budget;
    private final Jobs jobs;
    private final Jobs interactive;
    private final Duration syncTimeout;

    ForecastApi(Simulation simulation, ScenarioApi scenarios, Budget budget, Jobs jobs, Jobs interactive,
                Duration syncTimeout) {
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.interactive = Objects.requireNonNull(interactive, "interactive");
        this.syncTimeout = Objects.requireNonNull(syncTimeout, "syncTimeout");
    }

    void routes(Javalin app, JobApi jobApi) {
        jobApi.routes(app, "/api/runs", Job.Kind.FORECAST, this::start, ForecastApi::result);
        app.post("/api/forecast", this::now);
        app.get("/api/scenarios/{id}/brief", this::brief);
        app.get("/api/scenarios/{id}/versions/{version}/brief", this::brief);
    }

    /**
     * {@code GET /api/scenarios/{id}/brief?models=a,b&runs=N}: the analyst's brief ({@link Brief}),
     * one self-contained HTML page, as a download; at most {@link #MAX_SYNC_RUNS} runs.
     */
    private void brief(Context ctx) {
        StoredScenario st = scenarios.stored(ctx);
        Scenarios.Loaded l = forRun(scenarios.loaded(st), Boolean.parseBoolean(ctx.queryParam("acceptDefaults")));
        Scenarios.Loaded withText = new Scenarios.Loaded(l.scenario(), l.format(), l.locator(), l.warnings(),
                st.sources());
        int runs = ctx.queryParamAsClass("runs", Integer.class).getOrDefault(1);
        if (runs < 1 || runs > MAX_SYNC_RUNS) {
            throw new ApiException(400, "BAD_OPTION", "runs must be between 1 and " + MAX_SYNC_RUNS + ", was " + runs);
        }
        String models = ctx.queryParam("models");
        RunSpec spec = RunSpec.defaults().withRuns(runs).withThreads(1).withModels(models == null || models.isBlank()
                ? List.of() : List.of(models.split(",")).stream().map(String::strip).toList());
        budget.check(simulation, l.scenario(), spec);
        String html = interactive.call(Job.Kind.FORECAST, syncTimeout, ClientWatch.of(ctx),
                job -> Brief.build(withText, simulation, spec));
        String safe = st.id().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "_");
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + Http.clip(safe, 100) + "-brief.html\"");
        ctx.result(html);
    }

    /** Parses and checks a forecast request body against the budget; nothing runs yet. */
    Request request(Context ctx) throws JsonProcessingException {
        JsonNode n = Http.object(ctx, FIELDS);
        StoredScenario st = scenarios.named(n);
        RunSpec spec = RunSpec.defaults().withModels(Http.strings(n, "models")).withWorlds(Http.strings(n, "worlds"))
                .withRounds(Http.integer(n, "rounds", 0, budget.maxRounds(), 0))
                .withRuns(Http.integer(n, "runs", 1, budget.maxRuns(), 1))
                .withSeed(Http.longValue(n, "seed", RunSpec.DEFAULT_SEED))
                .withOptions(Http.options(n));
        return new Request(st, forRun(scenarios.loaded(st), acceptDefaults(n)), spec);
    }

    /** The request's {@code acceptDefaults} flag (false when absent). */
    static boolean acceptDefaults(JsonNode n) {
        JsonNode x = n.get("acceptDefaults");
        if (x != null && !x.isNull() && !x.isBoolean()) {
            throw new ApiException(400, "BAD_OPTION", "'acceptDefaults' must be true or false");
        }
        return x != null && x.asBoolean(false);
    }

    /**
     * A scenario about to run: values left {@code open} (a draft's unstated numbers) are refused,
     * 422 with each as an {@code OPEN_VALUE} error, unless the analyst accepts their defaults
     * ({@code acceptDefaults: true}, the CLI's {@code --accept-defaults}); an open value without a
     * default is refused either way.
     */
    static Scenarios.Loaded forRun(Scenarios.Loaded l, boolean acceptDefaults) {
        Scenarios.Loaded out = l;
        if (acceptDefaults) {
            out = new Scenarios.Loaded(OpenValues.acceptDefaults(l.scenario()), l.format(), l.locator(),
                    l.warnings().stream().filter(w -> w.code() != ProblemCode.OPEN_VALUE).toList(), l.sources());
        }
        List<ScenarioProblem> open = ScenarioValidator.openValues(out.scenario(), out.locator());
        if (!open.isEmpty()) {
            throw new ScenarioException(open.stream().map(p -> p.hint().contains("--accept-defaults")
                    ? p.withHint("Maybe state a value, or run with \"acceptDefaults\": true") : p).toList());
        }
        return out;
    }

    private void start(Context ctx) throws JsonProcessingException {
        Request r = request(ctx);
        Simulation.Plan plan = budget.check(simulation, r.loaded().scenario(), r.spec());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spec", spec(r.spec()));
        List<String> warnings = r.loaded().warningLines();
        Job<ForecastResult> j = jobs.submit(Job.Kind.FORECAST, r.stored().id(), r.stored().version(), settings,
                (long) plan.models().size() * plan.worlds().size(), job -> steps(job, plan, warnings));
        JobApi.accepted(ctx, "/api/runs", j);
    }

    private void now(Context ctx) throws JsonProcessingException {
        Request r = request(ctx);
        if (r.spec().runs() > MAX_SYNC_RUNS) {
            throw new ApiException(400, "BAD_OPTION", "runs must be <= " + MAX_SYNC_RUNS
                    + " here; start a job with POST /api/runs for more");
        }
        Scenario scenario = r.loaded().scenario();
        RunSpec spec = r.spec().withThreads(1);
        budget.check(simulation, scenario, spec);
        ForecastResult result = interactive.call(Job.Kind.FORECAST, syncTimeout, ClientWatch.of(ctx),
                job -> simulation.run(scenario, spec, r.loaded().warningLines()));
        json(ctx, 200, JsonResultWriter.tree(result));
    }

    /** Runs a plan one (world, model) step at a time, stopping when the job is cancelled. */
    private ForecastResult steps(Job<ForecastResult> job, Simulation.Plan plan, List<String> warnings) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        List<RunResult> results = new ArrayList<>();
        RunSpec spec = plan.spec();
        for (String w : plan.worlds()) {
            problems.put(w, plan.problems().get(w));
            for (BargainingModel m : plan.models()) {
                if (job.cancelled()) {
                    throw new org.parley.engine.ParleyException(org.parley.engine.ErrorCode.FAILURE, "cancelled");
                }
                RunSpec step = spec.withWorlds(List.of(w)).withModels(List.of(m.id()))
                        .withOptions(optionsFor(m, spec.options())).withThreads(1);
                results.addAll(simulation.run(plan.scenario(), step, warnings).runs());
                job.completed(1);
                jobs.notify(job);
            }
        }
        return new ForecastResult(plan.scenario(), spec, problems, results, warnings);
    }

    /** The spec's options that a one-model step accepts: the model's own keys and prefixed keys. */
    private Map<String, String> optionsFor(BargainingModel m, Map<String, String> all) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            String key = e.getKey().strip();
            int dot = key.indexOf('.');
            boolean prefixed = dot > 0 && simulation.models().stream().anyMatch(x -> x.id().equals(key.substring(0, dot)));
            if (prefixed || takes(m, key, e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static boolean takes(BargainingModel m, String key, String value) {
        return key.equals(ModelOptions.PRESET) ? m.presets().containsKey(value.strip())
                : m.options().stream().anyMatch(o -> o.key().equals(key));
    }

    /** A finished forecast job's result: {@code ?format=json|csv|moves-csv|exchanges-csv|table}. */
    static void result(Context ctx, Job<?> j) {
        ForecastResult result = (ForecastResult) j.result();
        ResultFormat f = ResultFormat.fromId(ctx.queryParamAsClass("format", String.class).getOrDefault("json"));
        if (f == ResultFormat.JSON) {
            Map<String, Object> tree = JsonResultWriter.tree(result);
            if (!"all".equals(ctx.queryParam("trajectories"))) {
                firstTrajectoriesOnly(tree);
            }
            tree.put("run", j.id());
            tree.put("version", j.scenarioVersion());
            json(ctx, 200, tree);
            return;
        }
        StringWriter sw = new StringWriter();
        ResultWriters.write(result, f, new PrintWriter(sw));
        ctx.contentType(f == ResultFormat.TABLE ? "text/plain; charset=utf-8" : "text/csv; charset=utf-8");
        ctx.result(sw.toString());
    }

    /**
     * Keeps the rounds of run 0 of each world and model only (the trajectories the charts draw);
     * the other runs keep their forecasts, consent status and settings. A 50-run result is then
     * about the size of a point forecast's, not 50 times it ({@code ?trajectories=all} keeps all).
     */
    @SuppressWarnings("unchecked")
    static void firstTrajectoriesOnly(Map<String, Object> tree) {
        for (Object w : (List<Object>) tree.get("worlds")) {
            for (Object r : (List<Object>) ((Map<String, Object>) w).get("runs")) {
                Map<String, Object> run = (Map<String, Object>) r;
                if (((Number) run.get("run")).intValue() != 0) {
                    run.remove("rounds");
                    Object consent = run.get("consent");
                    if (consent instanceof Map<?, ?> c) {
                        ((Map<String, Object>) c).remove("moves");
                    }
                }
            }
        }
    }

    private static Map<String, Object> spec(RunSpec s) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("models", s.models());
        spec.put("worlds", s.worlds());
        spec.put("rounds", s.rounds());
        spec.put("seed", s.seed());
        spec.put("runs", s.runs());
        spec.put("options", new LinkedHashMap<>(s.options()));
        return spec;
    }
}
