package org.parley.web;

import static org.parley.web.Http.json;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.engine.Simulation;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.parley.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.servlet.DispatcherType;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

/**
 * The Parley web server: the JSON API under {@code /api}, {@code /openapi.json}, Swagger UI at
 * {@code /swagger} and the browser UI at {@code /}. It wires the parts together: the
 * {@link Guard} (host, token and size checks, security headers), the scenario, forecast, analysis
 * and registry APIs, one {@link Jobs} pool for background jobs and one for requests that wait for
 * their answer, and the error answers: {@code {"error": {"status", "code", "message"}}}, never a
 * stack trace.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** A connection with nothing to say for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** A request body that stops arriving for this long is answered 408. */
    static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
    /** A synchronous analysis running longer is cancelled (503 TOO_LONG). */
    static final Duration SYNC_TIMEOUT = Duration.ofSeconds(60);

    private final WebSettings settings;
    private final Simulation simulation;
    private final Guard guard;
    private final ScenarioApi scenarios;
    private final DraftApi drafts;
    private final Jobs jobs;
    private final Jobs interactive;
    private final RegistryApi registry;
    private final String storeName;
    private final Store store;
    private final Javalin app;
    private final List<Runnable> closers = new CopyOnWriteArrayList<>();

    /** A server on in-memory scenarios without a store. */
    public WebServer(WebSettings settings, ScenarioRepository scenarios, Simulation simulation, InstantSource clock) {
        this(settings, scenarios, simulation, clock, null);
    }

    private WebServer(WebSettings settings, ScenarioRepository scenarios, Simulation simulation, InstantSource clock,
                      StoreRepositories store) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.guard = new Guard(settings);
        this.scenarios = new ScenarioApi(scenarios, simulation);
        this.jobs = new Jobs("job", clock, settings.jobThreads(), settings.maxQueued());
        this.interactive = new Jobs("request", clock, settings.jobThreads(), settings.maxQueued());
        this.drafts = new DraftApi(scenarios, interactive, SYNC_TIMEOUT);
        this.registry = store == null ? null : new RegistryApi(store.store(), jobs, settings.author());
        this.storeName = store == null ? "memory" : "store";
        this.store = store == null ? null : store.store();
        if (store != null) {
            jobs.addListener(store.archive());
        }
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(settings.maxBodyBytes(), 1 << 20), SizeUnit.BYTES);
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(BODY_TIMEOUT.toMillis()));
            config.jetty.modifyServletContextHandler(h -> {
                FilterHolder body = new FilterHolder(new BodyReader(settings.maxBodyBytes(), BODY_TIMEOUT.toMillis()));
                body.setAsyncSupported(true);
                h.addFilter(body, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
            });
            StaticAssets.configure(config);
        });
        routes(SYNC_TIMEOUT);
    }

    /** A server with in-memory repositories holding the seed scenario. */
    public static WebServer inMemory(WebSettings settings, Simulation simulation) {
        WebServer s = new WebServer(settings, new InMemoryScenarioRepository(InstantSource.system()), simulation,
                InstantSource.system());
        s.seed();
        return s;
    }

    /** A server whose scenarios and runs are also saved in a run store. */
    public static WebServer stored(WebSettings settings, Simulation simulation, Store store) {
        StoreRepositories repos = new StoreRepositories(store, InstantSource.system());
        WebServer s = new WebServer(settings, repos.scenarios(), simulation, InstantSource.system(), repos);
        s.seed();
        return s;
    }

    /** Saves the seed scenario (with its article) unless a scenario with its id exists. */
    public void seed() {
        scenarios.seed();
    }

    /**
     * Starts listening.
     *
     * @throws ParleyException {@code BAD_OPTION} saying what went wrong: the port in use, an address
     *                         this machine does not have, a privileged port, a name that does not resolve
     */
    public WebServer start() {
        try {
            app.start(settings.bind(), settings.port());
        } catch (RuntimeException e) {
            close();
            throw bindError(e);
        }
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            }
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The background jobs (forecasts, Monte Carlo, sensitivity, backtests): to listen to their progress. */
    public Jobs jobs() {
        return jobs;
    }

    /** Requests waiting for their answer that are running or queued (for tests). */
    int busyRequests() {
        return interactive.busy();
    }

    /** Something to close after the server (e.g. its store connection). */
    public void onClose(Runnable r) {
        closers.add(Objects.requireNonNull(r, "r"));
    }

    @Override
    public void close() {
        jobs.close();
        interactive.close();
        app.stop();
        for (Runnable r : closers) {
            r.run();
        }
    }

    private ParleyException bindError(RuntimeException e) {
        String where = (settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind()) + ":" + settings.port();
        String detail = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return new ParleyException(ErrorCode.BAD_OPTION, "cannot listen on " + where + ": '" + settings.bind()
                        + "' is not an address or a name this machine can resolve");
            }
            if (t instanceof java.net.SocketException && t.getMessage() != null) {
                detail = t.getMessage();
            }
        }
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        String why;
        if (lower.contains("already in use")) {
            why = "port " + settings.port() + " is in use by another program; choose another with --port (0 = any free port)";
        } else if (lower.contains("assign requested address") || lower.contains("not available")) {
            why = "this machine has no address " + settings.bind() + " (--bind takes one of its own addresses: "
                    + "127.0.0.1, or 0.0.0.0 for every interface)";
        } else if (lower.contains("permission denied")) {
            why = "port " + settings.port() + " needs administrator rights; choose --port 1024 or above";
        } else {
            why = detail.isEmpty() ? String.valueOf(e.getMessage()) : detail;
        }
        return new ParleyException(ErrorCode.BAD_OPTION, "cannot listen on " + where + ": " + why, e);
    }

    private void routes(Duration syncTimeout) {
        guard.install(app);
        app.get("/api/info", ctx -> json(ctx, 200, info()));
        app.get("/api/models", ctx -> {
            List<Object> out = new ArrayList<>();
            simulation.models().forEach(m -> out.add(Trees.model(m)));
            json(ctx, 200, out);
        });
        scenarios.routes(app);
        drafts.routes(app);
        JobApi jobApi = new JobApi(jobs);
        ForecastApi forecasts = new ForecastApi(simulation, scenarios, settings.budget(), jobs, interactive, syncTimeout);
        forecasts.routes(app, jobApi);
        new AnalysisApi(simulation, scenarios, forecasts, settings.budget(), jobs, interactive, syncTimeout).routes(app, jobApi);
        jobApi.routes(app, ForecastApi::result);
        RegistryApi.routes(app, registry);
        StoredRunsApi.routes(app, store);
        StaticAssets.routes(app);
        errors();
    }

    private void errors() {
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
        app.error(404, ctx -> unlessAnswered(ctx, 404, "NOT_FOUND", "no such endpoint: " + ctx.method() + " " + ctx.path()));
        app.error(405, ctx -> unlessAnswered(ctx, 405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path()));
    }

    private static void unlessAnswered(Context ctx, int status, String code, String message) {
        String r = ctx.result();
        if (r == null || r.isEmpty()) {
            json(ctx, status, Trees.error(status, code, message));
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

    private Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parley", Version.get());
        m.put("tokenRequired", guard.tokenRequired());
        m.put("maxBodyBytes", settings.maxBodyBytes());
        m.put("store", storeName);
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("runs", true);
        features.put("monteCarlo", true);
        features.put("sensitivity", true);
        features.put("backtests", true);
        features.put("registry", registry != null);
        features.put("draft", true);
        features.put("storedRuns", store != null);
        m.put("features", features);
        return m;
    }
}
