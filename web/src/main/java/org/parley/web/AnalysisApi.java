package org.parley.web;

import static org.parley.web.Http.json;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parley.backtest.Backtest;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.Split;
import org.parley.engine.Budget;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.backtest.Backtests;
import org.parley.model.Scenario;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.Sensitivity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The analyses over the web: Monte Carlo over the input ranges, one-at-a-time sensitivity and
 * backtests. Each is answered at once ({@code POST /api/montecarlo}, {@code /api/sensitivity},
 * {@code /api/backtests}: run on the bounded pool of waiting requests, cancelled past the time
 * limit) or as a job with progress and cancel ({@code POST .../jobs}); a job's result is the JSON
 * the synchronous endpoint answers for the same request.
 */
final class AnalysisApi {

    /** The largest Monte Carlo run count. */
    static final int MAX_MONTE_CARLO_RUNS = 5000;

    private static final List<String> SENSITIVITY_FIELDS = List.of("scenario", "version", "model", "world", "issue",
            "rounds", "seed", "options", "acceptDefaults");

    /** A checked analysis: its status settings, its progress total and its work. */
    private record Analysis(String scenario, int version, Map<String, Object> settings, long total,
                            Jobs.Work<Map<String, Object>> work) {
    }

    /** Reads and checks a request into an analysis; nothing runs yet. */
    private interface Reader {
        /** @param job whether it runs as a job (else it is answered at once) */
        Analysis read(Context ctx, boolean job) throws JsonProcessingException;
    }

    private final Simulation simulation;
    private final ScenarioApi scenarios;
    private final ForecastApi forecasts;
    private final Budget budget;
    private final Jobs jobs;
    private final Jobs interactive;
    private final Duration syncTimeout;

    AnalysisApi(Simulation simulation, ScenarioApi scenarios, ForecastApi forecasts, Budget budget, Jobs jobs,
                Jobs interactive, Duration syncTimeout) {
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.forecasts = Objects.requireNonNull(forecasts, "forecasts");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.interactive = Objects.requireNonNull(interactive, "interactive");
        this.syncTimeout = Objects.requireNonNull(syncTimeout, "syncTimeout");
    }

    void routes(Javalin app, JobApi jobApi) {
        routes(app, jobApi, "/api/montecarlo", Job.Kind.MONTE_CARLO, this::monteCarlo);
        routes(app, jobApi, "/api/sensitivity", Job.Kind.SENSITIVITY, this::sensitivity);
        routes(app, jobApi, "/api/backtests", Job.Kind.BACKTEST, this::backtest);
    }

    private void routes(Javalin app, JobApi jobApi, String base, Job.Kind kind, Reader reader) {
        app.post(base, ctx -> {
            Analysis a = reader.read(ctx, false);
            json(ctx, 200, interactive.call(kind, syncTimeout, ClientWatch.of(ctx), a.work()));
        });
        jobApi.routes(app, base + "/jobs", kind, ctx -> {
            Analysis a = reader.read(ctx, true);
            JobApi.accepted(ctx, base + "/jobs", jobs.submit(kind, a.scenario(), a.version(), a.settings(), a.total(),
                    a.work()));
        }, (ctx, j) -> json(ctx, 200, j.result()));
    }

    /**
     * Monte Carlo over the scenario's input ranges: aggregates only, never the runs themselves: per
     * world, model and issue the point forecast, the percentiles and the share of runs past each
     * threshold; the branch mixture; the bottom line. Progress counts runs per world; a cancelled
     * job stops between blocks of runs. A job runs on every core (the result is the same on any
     * thread count) and takes up to the budget's runs (10,000 by default); the answer at once takes
     * at most {@link #MAX_MONTE_CARLO_RUNS} on one thread.
     */
    private Analysis monteCarlo(Context ctx, boolean asJob) throws JsonProcessingException {
        ForecastApi.Request r = forecasts.request(ctx);
        if (!asJob && r.spec().runs() > MAX_MONTE_CARLO_RUNS) {
            throw new ApiException(400, "BAD_OPTION", "runs must be <= " + MAX_MONTE_CARLO_RUNS
                    + " here; start a job with POST /api/montecarlo/jobs for more");
        }
        Scenario scenario = r.loaded().scenario();
        RunSpec checked = r.spec().withThreads(1);
        budget.check(simulation, scenario, checked);
        RunSpec spec = asJob ? checked.withThreads(Runtime.getRuntime().availableProcessors()) : checked;
        long worlds = spec.worlds().isEmpty() ? scenario.worldIds().size() : new LinkedHashSet<>(spec.worlds()).size();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("runs", spec.runs());
        settings.put("seed", spec.seed());
        return new Analysis(r.stored().id(), r.stored().version(), settings, worlds * spec.runs(), job -> {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("scenario", r.stored().id());
            root.put("version", r.stored().version());
            root.putAll(Trees.monteCarlo(new MonteCarlo(simulation).run(scenario, spec, false, job)));
            return root;
        });
    }

    /**
     * One-at-a-time sensitivity of one model's forecast in one world: each input with a range at its
     * low and at its high end, every other input at its stated value; per issue, the inputs ranked
     * by swing (what the tornado chart draws). 1 + 2 x inputs model runs.
     */
    private Analysis sensitivity(Context ctx, boolean asJob) throws JsonProcessingException {
        JsonNode n = Http.object(ctx, SENSITIVITY_FIELDS);
        StoredScenario st = scenarios.named(n);
        String model = Http.requiredText(n, "model", "a model id");
        Scenario scenario = ForecastApi.forRun(scenarios.loaded(st), ForecastApi.acceptDefaults(n)).scenario();
        String world = n.hasNonNull("world") ? n.get("world").asText() : Scenario.BASE;
        String issue = n.hasNonNull("issue") ? n.get("issue").asText() : null;
        if (issue != null && scenario.issues().stream().noneMatch(i -> i.id().equals(issue))) {
            throw new ApiException(400, "UNKNOWN_ID", "no issue '" + Http.clip(issue, 80) + "' in scenario '"
                    + st.id() + "'");
        }
        RunSpec spec = RunSpec.defaults().withModels(List.of(model)).withWorlds(List.of(world))
                .withRounds(Http.integer(n, "rounds", 0, budget.maxRounds(), 0))
                .withSeed(Http.longValue(n, "seed", RunSpec.DEFAULT_SEED))
                .withOptions(Http.options(n)).withThreads(1);
        Simulation.Plan plan = budget.check(simulation, scenario, spec);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", model);
        settings.put("world", world);
        int inputs = org.parley.montecarlo.Inputs.uncertain(plan.resolved().get(world)).size();
        return new Analysis(st.id(), st.version(), settings, 1 + 2L * inputs, job -> {
            List<Sensitivity.OneAtATime> rows = Sensitivity.oneAtATime(plan, world, job);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("scenario", st.id());
            root.put("version", st.version());
            root.put("world", world);
            root.put("model", plan.models().get(0).id());
            root.put("issues", Trees.sensitivity(scenario, rows, issue));
            return root;
        });
    }

    /**
     * A backtest: the body is a backtest file's text (Parley's backtest YAML with inline scenarios,
     * or the DEU table layout); query {@code models} (comma-separated, default every model),
     * {@code split} (train, test, all) and {@code capability}. Scenario files named by a YAML case
     * are refused: the server reads no files on a client's behalf.
     */
    private Analysis backtest(Context ctx, boolean asJob) {
        Split split = Split.fromId(ctx.queryParamAsClass("split", String.class).getOrDefault("all"));
        List<String> models = Http.list(ctx, "models");
        BacktestSet set = Backtests.read(Http.text(ctx, "backtest.yaml"), null);
        CapabilityRule rule = CapabilityRule.forSet(ctx.queryParam("capability"), set);
        RunSpec spec = RunSpec.defaults().withModels(models).withThreads(1);
        for (org.parley.backtest.BacktestCase c : set.cases()) { // every case's work, before anything is queued
            budget.check(simulation, c.scenario(), spec);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("name", set.name());
        settings.put("cases", set.cases().size());
        settings.put("split", split.id());
        return new Analysis(null, 0, settings, set.cases().size(), job -> {
            Backtest.Result result = new Backtest(simulation).run(set, rule, spec, true, job);
            return Trees.backtest(set, split, result);
        });
    }
}
