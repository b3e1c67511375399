package org.parley.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.parley.engine.ErrorCode;
import org.parley.engine.ForecastResult;
import org.parley.engine.ParleyException;
import org.parley.engine.ProblemCode;
import org.parley.engine.RunSpec;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.engine.Simulation;
import org.parley.io.ImportSettings;
import org.parley.io.Json;
import org.parley.io.ScenarioFormat;
import org.parley.io.ScenarioWriter;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.io.results.JsonResultWriter;
import org.parley.io.results.ResultFormat;
import org.parley.io.results.ResultWriters;
import org.parley.model.Scenario;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;

/**
 * The Parley web server: the JSON API under {@code /api}, {@code /openapi.json}, Swagger UI at
 * {@code /swagger} and the browser UI at {@code /}.
 *
 * <p>Security: the API answers only requests that carry the access token (header
 * {@code Authorization: Bearer TOKEN} or {@code X-Parley-Token}) when one is set; without a token
 * the server must listen on loopback and accepts only requests addressed to a loopback host name
 * (so a web page elsewhere cannot reach it through DNS rebinding). Bodies larger than the limit
 * are refused before they are read. Uploads are parsed as scenario text and never executed.
 * Errors answer with a JSON body {@code {"error": {"status", "code", "message"}}} and never a
 * stack trace.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    /** The largest run count answered synchronously by {@code POST /api/forecast}. */
    static final int MAX_SYNC_RUNS = 100;

    private final WebSettings settings;
    private final ScenarioRepository scenarios;
    private final RunRepository runs;
    private final RunService service;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Map<StoredScenario, Scenarios.Loaded> parsed = new LinkedHashMap<>(16, 0.75f, true);
    private final byte[] tokenBytes;
    private final Javalin app;
    private volatile String storeName = "memory";
    /** The forecast registry on the run store; null without one. */
    private volatile RegistryApi registry;
    private final MonteCarloJobs monteCarloJobs;
    private final List<Runnable> closers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public WebServer(WebSettings settings, ScenarioRepository scenarios, RunRepository runs, Simulation simulation,
                     InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.service = new RunService(simulation, runs, clock, settings.jobThreads(), settings.maxQueued());
        this.monteCarloJobs = new MonteCarloJobs(clock, settings.jobThreads(), settings.maxQueued());
        this.tokenBytes = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/org/parley/web/ui";
                sf.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        routes();
    }

    /** A server with in-memory repositories holding the seed scenario. */
    public static WebServer inMemory(WebSettings settings, Simulation simulation) {
        InMemoryScenarioRepository repo = new InMemoryScenarioRepository(InstantSource.system());
        WebServer s = new WebServer(settings, repo, new InMemoryRunRepository(500), simulation, InstantSource.system());
        s.seed();
        return s;
    }

    /** A server whose scenarios and runs are also saved in a run store. */
    public static WebServer stored(WebSettings settings, Simulation simulation, org.parley.store.Store store) {
        StoreRepositories repos = new StoreRepositories(store, InstantSource.system());
        WebServer s = new WebServer(settings, repos.scenarios(), repos.runs(), simulation, InstantSource.system());
        s.storeName = "store";
        s.registry = new RegistryApi(store, s.runs);
        s.seed();
        return s;
    }

    /** Saves the seed scenario (with its article) unless a scenario with its id exists. */
    public void seed() {
        Scenarios.Loaded seed = Scenarios.seed();
        Scenario s = seed.scenario();
        java.util.Optional<StoredScenario> have = scenarios.get(s.id());
        if (have.isEmpty()) {
            scenarios.save(s.id(), s.title(), ScenarioWriter.toJson(s), seed.sources(), "seed scenario");
        } else if (have.get().sources().isEmpty() && have.get().document().equals(ScenarioWriter.toJson(s))) {
            scenarios.save(s.id(), s.title(), have.get().document(), seed.sources(), "seed article attached");
        }
    }

    public WebServer start() {
        app.start(settings.bind(), settings.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    public RunService runs() {
        return service;
    }

    /** Something to close after the server (e.g. its store connection). */
    public void onClose(Runnable r) {
        closers.add(Objects.requireNonNull(r, "r"));
    }

    @Override
    public void close() {
        service.close();
        monteCarloJobs.close();
        app.stop();
        for (Runnable r : closers) {
            r.run();
        }
    }

    // ---------------------------------------------------------------- routes

    private void routes() {
        app.before(this::guard);
        app.after(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'");
            if (ctx.path().startsWith("/api/")) {
                ctx.header("Cache-Control", "no-store");
            }
        });

        app.get("/api/info", ctx -> json(ctx, 200, info()));
        app.get("/api/models", ctx -> {
            List<Object> out = new ArrayList<>();
            service.simulation().models().forEach(m -> out.add(Trees.model(m)));
            json(ctx, 200, out);
        });

        app.get("/api/scenarios", ctx -> {
            List<Object> out = new ArrayList<>();
            scenarios.list().forEach(s -> out.add(Trees.summary(s)));
            json(ctx, 200, out);
        });
        app.post("/api/scenarios", this::createScenario);
        app.post("/api/validate", this::validate);
        app.get("/api/scenarios/{id}", ctx -> json(ctx, 200, scenarioTree(stored(ctx))));
        app.put("/api/scenarios/{id}", this::updateScenario);
        app.delete("/api/scenarios/{id}", ctx -> {
            if (!scenarios.delete(ctx.pathParam("id"))) {
                throw ApiException.notFound("scenario", ctx.pathParam("id"));
            }
            ctx.status(204);
        });
        app.get("/api/scenarios/{id}/versions", ctx -> {
            List<StoredScenario> h = scenarios.history(ctx.pathParam("id"));
            if (h.isEmpty()) {
                throw ApiException.notFound("scenario", ctx.pathParam("id"));
            }
            List<Object> out = new ArrayList<>();
            h.forEach(s -> out.add(Trees.summary(s)));
            json(ctx, 200, out);
        });
        app.get("/api/scenarios/{id}/versions/{version}", ctx -> json(ctx, 200, scenarioTree(stored(ctx))));
        app.get("/api/scenarios/{id}/branches", ctx -> json(ctx, 200, Trees.branches(loaded(stored(ctx)).scenario())));
        app.get("/api/scenarios/{id}/export", this::exportScenario);
        app.put("/api/scenarios/{id}/sources/{source}", this::putSource);

        app.post("/api/runs", this::startRun);
        app.get("/api/runs", ctx -> {
            List<Object> out = new ArrayList<>();
            runs.list().forEach(j -> out.add(Trees.run(j)));
            json(ctx, 200, out);
        });
        app.get("/api/runs/{id}", ctx -> json(ctx, 200, Trees.run(job(ctx))));
        app.delete("/api/runs/{id}", ctx -> {
            RunJob j = job(ctx);
            service.cancel(j);
            json(ctx, 200, Trees.run(j));
        });
        app.get("/api/runs/{id}/result", this::runResult);
        app.post("/api/forecast", this::forecastNow);
        app.post("/api/montecarlo", this::monteCarlo);
        app.post("/api/montecarlo/jobs", this::startMonteCarlo);
        app.get("/api/montecarlo/jobs", ctx -> {
            List<Object> out = new ArrayList<>();
            monteCarloJobs.list().forEach(j -> out.add(j.tree()));
            json(ctx, 200, out);
        });
        app.get("/api/montecarlo/jobs/{id}", ctx -> json(ctx, 200, monteCarloJob(ctx).tree()));
        app.delete("/api/montecarlo/jobs/{id}", ctx -> {
            MonteCarloJobs.Job j = monteCarloJob(ctx);
            monteCarloJobs.cancel(j);
            json(ctx, 200, j.tree());
        });
        app.get("/api/montecarlo/jobs/{id}/result", ctx -> {
            MonteCarloJobs.Job j = monteCarloJob(ctx);
            if (j.status() != RunJob.Status.DONE) {
                throw new ApiException(409, "NOT_READY", "Monte Carlo job " + j.id() + " is "
                        + j.status().name().toLowerCase(Locale.ROOT) + "; its result exists once it is done");
            }
            json(ctx, 200, j.result());
        });
        app.post("/api/backtests", this::backtest);
        app.post("/api/sensitivity", this::sensitivity);
        app.get("/api/registry", ctx -> json(ctx, 200, registry().list()));
        app.post("/api/registry", ctx -> {
            Map<String, Object> r = registry().register(body(ctx));
            ctx.header("Location", "/api/registry/" + r.get("id"));
            json(ctx, 201, r);
        });
        app.post("/api/registry/{id}/resolution", ctx -> {
            RegistryApi api = registry();
            json(ctx, 201, api.resolve(ctx.pathParam("id"), body(ctx)));
        });
        app.get("/api/score", ctx -> json(ctx, 200, registry().score()));

        app.get("/openapi.json", ctx -> {
            ctx.contentType(JSON_TYPE);
            ctx.result(resource("/org/parley/web/openapi.json"));
        });
        app.get("/swagger", ctx -> {
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(resource("/org/parley/web/swagger.html").replace("{{v}}", webjarVersion("org.webjars", "swagger-ui")));
        });
        app.get("/vendor/echarts.js", ctx -> {
            String v = webjarVersion("org.webjars.npm", "echarts");
            ctx.redirect("/webjars/echarts/" + v + "/dist/echarts.esm.min.js");
        });

        app.exception(ApiException.class, (e, ctx) -> json(ctx, e.status(), Trees.error(e.status(), e.code(), e.getMessage())));
        app.exception(ScenarioException.class, (e, ctx) -> {
            int status = status(e.problems());
            Map<String, Object> body = Trees.error(status, "INVALID_SCENARIO", status == 413
                    ? "the scenario is too large" : "the scenario has errors; see problems");
            body.put("problems", Trees.problems(e.problems()));
            json(ctx, status, body);
        });
        app.exception(ParleyException.class, (e, ctx) -> {
            int status = e.code() == ErrorCode.FAILURE ? 500 : 400;
            json(ctx, status, Trees.error(status, e.code().name(), e.getMessage()));
        });
        app.exception(JsonProcessingException.class, (e, ctx) -> json(ctx, 400, Trees.error(400, "MALFORMED_JSON",
                "the body is not valid JSON: " + e.getOriginalMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = status == 413 ? "TOO_LARGE" : status == 404 ? "NOT_FOUND" : "HTTP_" + status;
            json(ctx, status, Trees.error(status, code, status == 413
                    ? "the request body exceeds " + settings.maxBodyBytes() + " bytes" : e.getMessage()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
            json(ctx, 500, Trees.error(500, "FAILURE", "internal error; see the server log"));
        });
        app.error(404, ctx -> {
            String r = ctx.result();
            if (r == null || r.isEmpty()) {
                json(ctx, 404, Trees.error(404, "NOT_FOUND", "no such endpoint: " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> {
            String r = ctx.result();
            if (r == null || r.isEmpty()) {
                json(ctx, 405, Trees.error(405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path()));
            }
        });
    }

    /** Host check (without a token), token check (with one), body size limit: before any handler. */
    private void guard(Context ctx) {
        if (tokenBytes == null) {
            String host = hostName(ctx.host());
            if (host == null || !(host.equalsIgnoreCase("localhost") || WebSettings.isLiteralLoopback(host))) {
                throw new ApiException(403, "BAD_HOST", "this server answers only requests addressed to localhost");
            }
        } else if (ctx.path().startsWith("/api/") && !tokenOk(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "UNAUTHORIZED", "missing or wrong access token "
                    + "(send 'Authorization: Bearer TOKEN' or 'X-Parley-Token: TOKEN')");
        }
        long length = ctx.contentLength();
        if (length > settings.maxBodyBytes()) {
            throw new ApiException(413, "TOO_LARGE", "the request body exceeds " + settings.maxBodyBytes() + " bytes");
        }
    }

    private boolean tokenOk(Context ctx) {
        String given = ctx.header("X-Parley-Token");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).strip();
        }
        return given != null && MessageDigest.isEqual(tokenBytes, given.getBytes(StandardCharsets.UTF_8));
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String h = hostHeader.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    // ---------------------------------------------------------------- scenarios

    private void createScenario(Context ctx) {
        Scenarios.Loaded l = parse(ctx, "upload");
        Scenario s = l.scenario();
        if (scenarios.get(s.id()).isPresent()) {
            throw new ApiException(409, "CONFLICT", "a scenario with id '" + s.id()
                    + "' exists; PUT /api/scenarios/" + s.id() + " saves a new version of it");
        }
        StoredScenario saved = scenarios.save(s.id(), s.title(), ScenarioWriter.toJson(s), Map.of(), "created");
        ctx.header("Location", "/api/scenarios/" + s.id());
        json(ctx, 201, scenarioTree(saved));
    }

    private void updateScenario(Context ctx) {
        StoredScenario old = stored(ctx);
        Scenarios.Loaded l = parse(ctx, old.id() + ".json");
        Scenario s = l.scenario();
        if (!s.id().equals(old.id())) {
            throw ApiException.badRequest("the document's id '" + s.id() + "' differs from the URL's '" + old.id() + "'");
        }
        String note = ctx.queryParam("note");
        StoredScenario saved = scenarios.save(s.id(), s.title(), ScenarioWriter.toJson(s), old.sources(),
                note == null || note.isBlank() ? "edited" : clip(note, 200));
        json(ctx, 200, scenarioTree(saved));
    }

    private void putSource(Context ctx) {
        StoredScenario old = stored(ctx);
        Scenario s = loaded(old).scenario();
        String source = ctx.pathParam("source");
        if (s.sources().stream().noneMatch(src -> src.id().equals(source))) {
            throw ApiException.notFound("source", source);
        }
        TextFile text = text(ctx, source);
        Map<String, String> sources = new LinkedHashMap<>(old.sources());
        sources.put(source, text.text());
        StoredScenario saved = scenarios.save(old.id(), old.title(), old.document(), sources, "source " + source + " attached");
        json(ctx, 200, scenarioTree(saved));
    }

    private void validate(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Scenarios.Loaded l = parse(ctx, "scenario");
            out.put("valid", true);
            out.put("problems", Trees.problems(l.warnings()));
        } catch (ScenarioException e) {
            out.put("valid", false);
            out.put("problems", Trees.problems(e.problems()));
        }
        json(ctx, 200, out);
    }

    private void exportScenario(Context ctx) {
        StoredScenario st = stored(ctx);
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("yaml");
        Scenario s = loaded(st).scenario();
        if (format.equals("yaml")) {
            ctx.contentType("application/yaml; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + st.id() + ".yaml\"");
            ctx.result(ScenarioWriter.toYaml(s));
        } else if (format.equals("json")) {
            ctx.contentType(JSON_TYPE);
            ctx.header("Content-Disposition", "attachment; filename=\"" + st.id() + ".json\"");
            ctx.result(ScenarioWriter.toJson(s));
        } else {
            throw new ApiException(400, "BAD_OPTION", "unknown export format '" + clip(format, 40) + "'; formats: yaml, json");
        }
    }

    private Map<String, Object> scenarioTree(StoredScenario st) {
        Scenarios.Loaded l = loaded(st);
        Map<String, Object> m = Trees.summary(st);
        m.put("document", ScenarioWriter.tree(l.scenario()));
        m.put("worlds", l.scenario().worldIds());
        m.put("sources", Trees.sources(l.scenario(), st.sources()));
        m.put("problems", Trees.problems(l.warnings()));
        return m;
    }

    private StoredScenario stored(Context ctx) {
        String id = ctx.pathParam("id");
        if (ctx.pathParamMap().containsKey("version")) {
            int v;
            try {
                v = Integer.parseInt(ctx.pathParam("version"));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("version must be a whole number, was '" + clip(ctx.pathParam("version"), 20) + "'");
            }
            return scenarios.get(id, v).orElseThrow(() -> ApiException.notFound("version", id + "@" + v));
        }
        return scenarios.get(id).orElseThrow(() -> ApiException.notFound("scenario", id));
    }

    /**
     * The stored scenario, parsed. Cached by the whole stored version (content included), so a
     * scenario deleted and created again under the same id and version number is parsed anew.
     */
    Scenarios.Loaded loaded(StoredScenario st) {
        synchronized (parsed) {
            Scenarios.Loaded l = parsed.get(st);
            if (l != null) {
                return l;
            }
        }
        Scenarios.Loaded l = Scenarios.read(TextFile.of(st.id() + ".json", st.document()),
                new ImportSettings(ScenarioFormat.JSON, Map.of()));
        synchronized (parsed) {
            parsed.put(st, l);
            Iterator<StoredScenario> it = parsed.keySet().iterator();
            while (parsed.size() > 64 && it.hasNext()) {
                it.next();
                it.remove();
            }
        }
        return l;
    }

    private Scenarios.Loaded parse(Context ctx, String name) {
        String format = ctx.queryParam("format");
        ImportSettings settings = new ImportSettings(format == null || format.isBlank() ? null
                : ScenarioFormat.fromId(format), Map.of());
        return Scenarios.read(text(ctx, name), settings);
    }

    private TextFile text(Context ctx, String name) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty; send the scenario as YAML or JSON");
        }
        try (InputStream in = new ByteArrayInputStream(body)) {
            return TextFile.read(name, in);
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the body");
        }
    }

    private static int status(List<ScenarioProblem> problems) {
        for (ScenarioProblem p : problems) {
            if (p.code() == ProblemCode.FILE_TOO_LARGE) {
                return 413;
            }
            if (p.code() == ProblemCode.SYNTAX || p.code() == ProblemCode.BINARY_FILE) {
                return 400;
            }
        }
        return 422;
    }

    // ---------------------------------------------------------------- runs

    private record Request(StoredScenario stored, Scenarios.Loaded loaded, RunSpec spec) {
    }

    private Request request(Context ctx) throws JsonProcessingException {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("the request body is empty; send {\"scenario\": \"ID\"}");
        }
        JsonNode n = mapper.readTree(body);
        if (n == null || !n.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> field : n.properties()) {
            String f = field.getKey();
            if (!List.of("scenario", "version", "models", "worlds", "rounds", "seed", "runs", "options").contains(f)) {
                throw ApiException.badRequest("unknown field '" + clip(f, 40) + "'; fields: scenario, version, models, "
                        + "worlds, rounds, seed, runs, options");
            }
        }
        JsonNode sid = n.get("scenario");
        if (sid == null || !sid.isTextual()) {
            throw ApiException.badRequest("'scenario' (the scenario id) is required");
        }
        StoredScenario st;
        if (n.hasNonNull("version")) {
            int v = integer(n, "version", 1, Integer.MAX_VALUE, 1);
            st = scenarios.get(sid.asText(), v).orElseThrow(() -> new ApiException(400, "UNKNOWN_ID",
                    "no version " + v + " of scenario '" + clip(sid.asText(), 80) + "'"));
        } else {
            st = scenarios.get(sid.asText()).orElseThrow(() -> new ApiException(400, "UNKNOWN_ID",
                    "no scenario '" + clip(sid.asText(), 80) + "'"));
        }
        RunSpec spec = RunSpec.defaults().withModels(strings(n, "models")).withWorlds(strings(n, "worlds"))
                .withRounds(integer(n, "rounds", 0, RunService.MAX_ROUNDS, 0))
                .withRuns(integer(n, "runs", 1, RunService.MAX_RUNS, 1))
                .withSeed(n.hasNonNull("seed") ? longValue(n, "seed") : RunSpec.DEFAULT_SEED)
                .withOptions(options(n));
        return new Request(st, loaded(st), spec);
    }

    private void startRun(Context ctx) throws JsonProcessingException {
        Request r = request(ctx);
        RunJob j = service.submit(r.stored().id(), r.stored().version(), r.loaded().scenario(), r.spec(),
                r.loaded().warningLines());
        ctx.header("Location", "/api/runs/" + j.id());
        json(ctx, 202, Trees.run(j));
    }

    private void forecastNow(Context ctx) throws JsonProcessingException {
        Request r = request(ctx);
        if (r.spec().runs() > MAX_SYNC_RUNS) {
            throw new ApiException(400, "BAD_OPTION", "runs must be <= " + MAX_SYNC_RUNS
                    + " here; start a job with POST /api/runs for more");
        }
        ForecastResult result = service.runNow(r.loaded().scenario(), r.spec(), r.loaded().warningLines());
        json(ctx, 200, JsonResultWriter.tree(result));
    }

    /** The largest Monte Carlo run count answered by {@code POST /api/montecarlo}. */
    static final int MAX_MONTE_CARLO_RUNS = 5000;

    /**
     * Monte Carlo over the scenario's input ranges, answered at once: per world, model and issue the
     * point forecast and the distribution of the runs' forecasts (mean, percentiles, threshold shares).
     */
    private void monteCarlo(Context ctx) throws JsonProcessingException {
        Request r = monteCarloRequest(ctx);
        json(ctx, 200, monteCarloTree(r, org.parley.montecarlo.MonteCarlo.Progress.NONE));
    }

    /**
     * The same Monte Carlo as a job: answered 202 with the job's status and a Location; progress
     * counts runs per world; {@code DELETE} cancels between blocks of runs; {@code .../result} is the
     * JSON {@code POST /api/montecarlo} answers for the same request.
     */
    private void startMonteCarlo(Context ctx) throws JsonProcessingException {
        Request r = monteCarloRequest(ctx);
        long worlds = r.spec().worlds().isEmpty() ? r.loaded().scenario().worldIds().size()
                : new java.util.LinkedHashSet<>(r.spec().worlds()).size();
        MonteCarloJobs.Job j = monteCarloJobs.submit(r.stored().id(), r.stored().version(), r.spec().runs(),
                r.spec().seed(), worlds * r.spec().runs(), p -> monteCarloTree(r, p));
        ctx.header("Location", "/api/montecarlo/jobs/" + j.id());
        json(ctx, 202, j.tree());
    }

    private MonteCarloJobs.Job monteCarloJob(Context ctx) {
        return monteCarloJobs.get(ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("Monte Carlo job", ctx.pathParam("id")));
    }

    private Request monteCarloRequest(Context ctx) throws JsonProcessingException {
        Request r = request(ctx);
        if (r.spec().runs() > MAX_MONTE_CARLO_RUNS) {
            throw new ApiException(400, "BAD_OPTION", "runs must be <= " + MAX_MONTE_CARLO_RUNS + " here");
        }
        service.check(r.loaded().scenario(), r.spec());
        return r;
    }

    private Map<String, Object> monteCarloTree(Request r, org.parley.montecarlo.MonteCarlo.Progress progress) {
        org.parley.montecarlo.MonteCarloResult mc = new org.parley.montecarlo.MonteCarlo(service.simulation())
                .run(r.loaded().scenario(), r.spec().withThreads(1), false, progress);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", r.stored().id());
        root.put("version", r.stored().version());
        root.put("runs", mc.runs());
        root.put("seed", mc.seed());
        List<Object> worlds = new ArrayList<>();
        for (String w : mc.worlds()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("id", w);
            List<Object> rows = new ArrayList<>();
            for (String m : mc.models()) {
                for (String i : mc.issues()) {
                    org.parley.montecarlo.Summary su = mc.summary(w, m, i);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("model", m);
                    row.put("issue", i);
                    row.put("point", mc.point(w, m, i));
                    row.put("mean", su.mean());
                    row.put("sd", su.sd());
                    row.put("p5", su.p5());
                    row.put("p25", su.p25());
                    row.put("median", su.median());
                    row.put("p75", su.p75());
                    row.put("p95", su.p95());
                    row.put("valid", su.valid());
                    rows.add(row);
                }
            }
            wm.put("forecasts", rows);
            worlds.add(wm);
        }
        root.put("worlds", worlds);
        return root;
    }

    /**
     * A backtest answered at once: the body is a backtest file's text (Parley's backtest YAML with
     * inline scenarios, or the DEU table layout); query {@code models} (comma-separated, default
     * every model), {@code split} (train, test, all) and {@code capability}. Scenario files named by
     * a YAML case are refused: the server reads no files on a client's behalf.
     */
    private void backtest(Context ctx) {
        org.parley.backtest.Split split = org.parley.backtest.Split.fromId(
                ctx.queryParamAsClass("split", String.class).getOrDefault("all"));
        List<String> models = new ArrayList<>();
        String m = ctx.queryParam("models");
        if (m != null) {
            for (String x : m.split(",")) {
                if (!x.isBlank()) {
                    models.add(x.strip());
                }
            }
        }
        org.parley.backtest.BacktestSet set = org.parley.io.backtest.Backtests.read(text(ctx, "backtest.yaml"), null);
        org.parley.backtest.CapabilityRule rule = org.parley.backtest.CapabilityRule.forSet(ctx.queryParam("capability"), set);
        RunSpec spec = RunSpec.defaults().withModels(models).withThreads(1);
        org.parley.backtest.Backtest.Result result = new org.parley.backtest.Backtest(service.simulation())
                .run(set, rule, spec, true);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", set.name());
        root.put("split", split.id());
        root.put("capability", result.capability());
        root.put("cases", set.cases().size());
        root.put("models", result.models());
        List<Object> scores = new ArrayList<>();
        for (org.parley.backtest.Score sc : result.scores(split)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", sc.label());
            row.put("n", sc.n());
            row.put("mae", sc.mae());
            row.put("median_ae", sc.medianAe());
            row.put("rmse", sc.rmse());
            row.put("within10", sc.within10());
            scores.add(row);
        }
        root.put("scores", scores);
        root.put("ensemble", result.ensemble());
        root.put("notes", result.notes());
        json(ctx, 200, root);
    }

    /**
     * One-at-a-time sensitivity of one model's forecast in one world: each input with a range at its
     * low and at its high end, every other input at its stated value; per issue, the inputs ranked
     * by swing (what the tornado chart draws). Answered at once: 1 + 2 x inputs model runs.
     */
    private void sensitivity(Context ctx) throws JsonProcessingException {
        JsonNode n = body(ctx);
        if (!n.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        List<String> fields = List.of("scenario", "version", "model", "world", "issue", "rounds", "seed", "options");
        for (Map.Entry<String, JsonNode> field : n.properties()) {
            if (!fields.contains(field.getKey())) {
                throw ApiException.badRequest("unknown field '" + clip(field.getKey(), 40) + "'; fields: "
                        + String.join(", ", fields));
            }
        }
        JsonNode sid = n.get("scenario");
        JsonNode model = n.get("model");
        if (sid == null || !sid.isTextual()) {
            throw ApiException.badRequest("'scenario' (the scenario id) is required");
        }
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw ApiException.badRequest("'model' (a model id) is required");
        }
        StoredScenario st;
        if (n.hasNonNull("version")) {
            int v = integer(n, "version", 1, Integer.MAX_VALUE, 1);
            st = scenarios.get(sid.asText(), v).orElseThrow(() -> new ApiException(400, "UNKNOWN_ID",
                    "no version " + v + " of scenario '" + clip(sid.asText(), 80) + "'"));
        } else {
            st = scenarios.get(sid.asText()).orElseThrow(() -> new ApiException(400, "UNKNOWN_ID",
                    "no scenario '" + clip(sid.asText(), 80) + "'"));
        }
        Scenario scenario = loaded(st).scenario();
        String world = n.hasNonNull("world") ? n.get("world").asText() : Scenario.BASE;
        String issue = null;
        if (n.hasNonNull("issue")) {
            issue = n.get("issue").asText();
            String want = issue;
            if (scenario.issues().stream().noneMatch(i -> i.id().equals(want))) {
                throw new ApiException(400, "UNKNOWN_ID", "no issue '" + clip(want, 80) + "' in scenario '" + st.id() + "'");
            }
        }
        RunSpec spec = RunSpec.defaults().withModels(List.of(model.asText())).withWorlds(List.of(world))
                .withRounds(integer(n, "rounds", 0, RunService.MAX_ROUNDS, 0))
                .withSeed(n.hasNonNull("seed") ? longValue(n, "seed") : RunSpec.DEFAULT_SEED)
                .withOptions(options(n)).withThreads(1);
        service.check(scenario, spec);
        Simulation.Plan plan = service.simulation().plan(scenario, spec);
        List<org.parley.montecarlo.Sensitivity.OneAtATime> rows = org.parley.montecarlo.Sensitivity.oneAtATime(plan, world);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", st.id());
        root.put("version", st.version());
        root.put("world", world);
        root.put("model", plan.models().get(0).id());
        root.put("issues", Trees.sensitivity(scenario, rows, issue));
        json(ctx, 200, root);
    }

    private RegistryApi registry() {
        RegistryApi r = registry;
        if (r == null) {
            throw new ApiException(409, "NO_STORE", "the forecast registry needs a run store: "
                    + "start the server with 'parley serve --store URL'");
        }
        return r;
    }

    private JsonNode body(Context ctx) throws JsonProcessingException {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("the request body is empty; send a JSON object");
        }
        return mapper.readTree(body);
    }

    private void runResult(Context ctx) {
        RunJob j = job(ctx);
        if (j.status() != RunJob.Status.DONE) {
            throw new ApiException(409, "NOT_READY", "run " + j.id() + " is " + j.status().name().toLowerCase(Locale.ROOT)
                    + "; its result exists once it is done");
        }
        ResultFormat f = ResultFormat.fromId(ctx.queryParamAsClass("format", String.class).getOrDefault("json"));
        if (f == ResultFormat.JSON) {
            Map<String, Object> tree = JsonResultWriter.tree(j.result());
            tree.put("run", j.id());
            tree.put("version", j.scenarioVersion());
            json(ctx, 200, tree);
            return;
        }
        StringWriter sw = new StringWriter();
        ResultWriters.write(j.result(), f, new PrintWriter(sw));
        ctx.contentType(f == ResultFormat.TABLE ? "text/plain; charset=utf-8" : "text/csv; charset=utf-8");
        ctx.result(sw.toString());
    }

    private RunJob job(Context ctx) {
        return runs.get(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("run", ctx.pathParam("id")));
    }

    private Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parley", version());
        m.put("tokenRequired", tokenBytes != null);
        m.put("maxBodyBytes", settings.maxBodyBytes());
        m.put("store", storeName);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("runs", true);
        features.put("monteCarlo", true);
        features.put("sensitivity", true);
        features.put("backtests", true);
        features.put("registry", registry != null);
        m.put("features", features);
        return m;
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> strings(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw ApiException.badRequest("'" + field + "' must be a list of ids");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : a) {
            if (!x.isTextual()) {
                throw ApiException.badRequest("'" + field + "' must be a list of ids");
            }
            out.add(x.asText());
        }
        return out;
    }

    private static int integer(JsonNode n, String field, int min, int max, int dflt) {
        JsonNode x = n.get(field);
        if (x == null || x.isNull()) {
            return dflt;
        }
        if (!x.canConvertToInt() || !x.isIntegralNumber() || x.asInt() < min || x.asInt() > max) {
            throw new ApiException(400, "BAD_OPTION", "'" + field + "' must be a whole number in " + min + "-" + max);
        }
        return x.asInt();
    }

    private static long longValue(JsonNode n, String field) {
        JsonNode x = n.get(field);
        if (!x.isIntegralNumber() || !x.canConvertToLong()) {
            throw new ApiException(400, "BAD_OPTION", "'" + field + "' must be a whole number");
        }
        return x.asLong();
    }

    private static Map<String, String> options(JsonNode n) {
        JsonNode o = n.get("options");
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null || o.isNull()) {
            return out;
        }
        if (!o.isObject()) {
            throw ApiException.badRequest("'options' must be an object of key: value");
        }
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw ApiException.badRequest("option '" + clip(e.getKey(), 40) + "' must be a text or a number");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private void json(Context ctx, int status, Object tree) {
        StringBuilder sb = new StringBuilder();
        Json.write(tree, sb, false);
        ctx.status(status);
        ctx.contentType(JSON_TYPE);
        ctx.result(sb.toString());
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private static String resource(String path) {
        try (InputStream in = WebServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ParleyException(ErrorCode.FAILURE, "missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.FAILURE, "cannot read resource " + path, e);
        }
    }

    /** The version of a WebJar on the class path. */
    static String webjarVersion(String group, String artifact) {
        Properties p = new Properties();
        try (InputStream in = WebServer.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact
                + "/pom.properties")) {
            if (in == null) {
                throw new ParleyException(ErrorCode.FAILURE, "the " + artifact + " WebJar is not on the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.FAILURE, "cannot read the " + artifact + " WebJar", e);
        }
        return p.getProperty("version");
    }

    static String version() {
        Package p = WebServer.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
