package org.parley.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.model.Scenario;
import org.parley.model.Threshold;
import org.parley.store.RegisteredForecast;
import org.parley.store.Registration;
import org.parley.store.Registry;
import org.parley.store.Resolution;
import org.parley.store.Scores;
import org.parley.store.Store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The forecast registry over the web ({@code /api/registry}, {@code /api/score}): the same
 * records and numbers as {@code parley register}, {@code resolve} and {@code score}, on the
 * server's run store. Every call to the store is serialised on it (a {@link Store} is one
 * connection, shared with {@link StoreRepositories}). Bodies are checked completely before
 * anything is written.
 */
final class RegistryApi {

    private static final List<String> REGISTER_FIELDS = List.of("run", "issue", "branch", "question", "resolvesBy",
            "threshold", "below", "supersedes", "pointOnly");
    private static final List<String> RESOLVE_FIELDS = List.of("outcome", "date", "source");

    private final Store store;
    private final Registry registry;
    private final Jobs runs;
    private final String author;

    /**
     * @param author who the server's writes are recorded as: the authenticated user (the token's
     *               holder, or the user at this machine on a server without a token), never a name
     *               a request gives
     */
    RegistryApi(Store store, Jobs runs, String author) {
        this.store = store;
        this.registry = new Registry(store);
        this.runs = runs;
        this.author = author;
    }

    /** The registry's routes; without a store ({@code registry} null) each answers 409 NO_STORE. */
    static void routes(io.javalin.Javalin app, RegistryApi registry) {
        app.get("/api/registry", ctx -> Http.json(ctx, 200, need(registry).list()));
        app.post("/api/registry", ctx -> {
            Map<String, Object> r = need(registry).register(Http.object(ctx, REGISTER_FIELDS));
            ctx.header("Location", "/api/registry/" + r.get("id"));
            Http.json(ctx, 201, r);
        });
        app.post("/api/registry/{id}/resolution", ctx -> {
            RegistryApi api = need(registry);
            Http.json(ctx, 201, api.resolve(ctx.pathParam("id"), Http.object(ctx, RESOLVE_FIELDS)));
        });
        app.get("/api/score", ctx -> Http.json(ctx, 200, need(registry).score()));
    }

    private static RegistryApi need(RegistryApi r) {
        if (r == null) {
            throw new ApiException(409, "NO_STORE", "the forecast registry needs a run store: "
                    + "start the server with 'parley serve --store URL'");
        }
        return r;
    }

    /** {@code POST /api/registry}: registers a saved run's forecast of one issue. */
    Map<String, Object> register(JsonNode n) {
        Http.fields(n, REGISTER_FIELDS);
        long run = runId(n.get("run"));
        String issue = text(n, "issue", true);
        String branch = text(n, "branch", false);
        String world = branch == null ? Scenario.BASE : branch;
        String question = text(n, "question", false);
        LocalDate resolvesBy = date(n, "resolvesBy");
        JsonNode th = n.get("threshold");
        String threshold = null;
        if (th != null && !th.isNull()) {
            if (!th.isTextual() && !th.isNumber()) {
                throw ApiException.badRequest("'threshold' must be a threshold id or a number");
            }
            threshold = th.asText();
        }
        boolean below = bool(n, "below");
        long supersedes = 0;
        JsonNode sup = n.get("supersedes");
        if (sup != null && !sup.isNull()) {
            if (!sup.isIntegralNumber() || !sup.canConvertToLong() || sup.asLong() < 1) {
                throw ApiException.badRequest("'supersedes' must be a registration id (a whole number >= 1)");
            }
            supersedes = sup.asLong();
        }
        boolean pointOnly = bool(n, "pointOnly");
        Registration r;
        synchronized (store) {
            knownRun(run);
            Threshold t = registry.threshold(run, world, issue, threshold, below);
            r = registry.register(run, world, issue, question, resolvesBy, t, supersedes, author, pointOnly);
        }
        return registration(r, null);
    }

    /** {@code POST /api/registry/{id}/resolution}: records what happened. */
    Map<String, Object> resolve(String idText, JsonNode n) {
        long id = registrationId(idText);
        Http.fields(n, RESOLVE_FIELDS);
        JsonNode o = n.get("outcome");
        if (o == null || !o.isNumber() || !Double.isFinite(o.asDouble())) {
            throw ApiException.badRequest("'outcome' (a number on the issue's scale) is required");
        }
        LocalDate date = date(n, "date");
        String source = text(n, "source", true);
        synchronized (store) {
            Registration reg = registration(id);
            Resolution res = registry.resolve(id, o.asDouble(), date, source, author);
            return registration(reg, res);
        }
    }

    /** {@code GET /api/registry}: every registration, oldest first, with its latest resolution. */
    List<Object> list() {
        List<Object> out = new ArrayList<>();
        synchronized (store) {
            Map<Long, Resolution> resolved = registry.resolutions();
            for (Registration r : registry.registrations()) {
                out.add(registration(r, resolved.get(r.id())));
            }
        }
        return out;
    }

    /** {@code GET /api/score}: the numbers of {@code parley score}, per resolved forecast and per model. */
    Map<String, Object> score() {
        Scores sc;
        synchronized (store) {
            sc = registry.score();
        }
        List<Object> lines = new ArrayList<>();
        for (Scores.Line l : sc.lines()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.registration().id());
            m.put("issue", l.registration().issue());
            m.put("world", l.registration().world());
            m.put("model", l.forecast().model());
            m.put("forecast", l.forecast().point());
            m.put("outcome", l.resolution().outcome());
            m.put("absError", l.absError());
            m.put("lo", l.forecast().hasInterval() ? l.forecast().lo() : null);
            m.put("hi", l.forecast().hasInterval() ? l.forecast().hi() : null);
            m.put("covered", l.forecast().hasInterval() ? l.covered() : null);
            m.put("probability", l.forecast().probability());
            m.put("brier", l.brier());
            m.put("intervalScore", l.intervalScore());
            m.put("modelErrorLo", l.forecast().hasModelErrorInterval() ? l.forecast().modelErrorLo() : null);
            m.put("modelErrorHi", l.forecast().hasModelErrorInterval() ? l.forecast().modelErrorHi() : null);
            m.put("modelErrorCovered", l.forecast().hasModelErrorInterval() ? l.modelErrorCovered() : null);
            m.put("modelErrorIntervalScore", l.modelErrorScore());
            lines.add(m);
        }
        List<Object> models = new ArrayList<>();
        for (Scores.ModelScore s : sc.models()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", s.model());
            m.put("resolved", s.forecasts());
            m.put("meanAbsError", s.meanAbsError());
            m.put("intervals", s.intervals());
            m.put("covered", s.covered());
            m.put("coverage", s.coverage());
            m.put("thresholdQuestions", s.thresholdQuestions());
            m.put("brier", s.brier());
            m.put("intervalScore", s.intervalScore());
            m.put("modelErrorIntervals", s.modelErrorIntervals());
            m.put("modelErrorCoverage", s.modelErrorCoverage());
            m.put("modelErrorIntervalScore", s.modelErrorScore());
            models.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lines", lines);
        root.put("models", models);
        return root;
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> registration(Registration r, Resolution res) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("run", r.runId());
        m.put("world", r.world());
        m.put("issue", r.issue());
        m.put("question", r.question());
        m.put("resolvesBy", r.resolvesBy().toString());
        if (r.threshold() != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", r.threshold().id());
            t.put("value", r.threshold().value());
            t.put("above", r.threshold().above());
            t.put("text", Registry.describe(r.threshold()));
            m.put("threshold", t);
        }
        m.put("supersedes", r.supersedes() == 0 ? null : r.supersedes());
        m.put("author", r.author());
        m.put("created", r.created().toString());
        m.put("calibration", r.calibration());
        m.put("pointOnly", r.pointOnly());
        List<Object> fs = new ArrayList<>();
        for (RegisteredForecast f : r.forecasts()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("model", f.model());
            x.put("point", f.point());
            x.put("lo", f.hasInterval() ? f.lo() : null);
            x.put("hi", f.hasInterval() ? f.hi() : null);
            x.put("probability", f.probability());
            x.put("n", f.n());
            x.put("modelErrorLo", f.hasModelErrorInterval() ? f.modelErrorLo() : null);
            x.put("modelErrorHi", f.hasModelErrorInterval() ? f.modelErrorHi() : null);
            fs.add(x);
        }
        m.put("forecasts", fs);
        if (res == null) {
            m.put("resolution", null);
        } else {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", res.id());
            x.put("outcome", res.outcome());
            x.put("date", res.date().toString());
            x.put("source", res.source());
            x.put("author", res.author());
            m.put("resolution", x);
        }
        return m;
    }

    /** A store run id: a number, or the id of a finished web run that was saved in the store. */
    private long runId(JsonNode r) {
        if (r == null || r.isNull()) {
            throw ApiException.badRequest("'run' (a store run id, or a web run id such as run-000001) is required");
        }
        if (r.isIntegralNumber() && r.canConvertToLong() && r.asLong() >= 1) {
            return r.asLong();
        }
        if (r.isTextual()) {
            String s = r.asText().strip();
            if (!s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 18) {
                return Long.parseLong(s);
            }
            Job<?> j = runs.get(s).filter(x -> x.kind() == Job.Kind.FORECAST)
                    .orElseThrow(() -> new ApiException(400, "UNKNOWN_ID", "no run '" + clip(s) + "'"));
            if (j.storedRun() <= 0) {
                throw new ApiException(409, "NOT_READY", "run " + j.id() + " is not saved in the store (yet); "
                        + "only a finished run can be registered");
            }
            return j.storedRun();
        }
        throw ApiException.badRequest("'run' must be a store run id or a web run id");
    }

    private void knownRun(long run) {
        try {
            store.run(run);
        } catch (ParleyException e) {
            if (e.code() == ErrorCode.UNKNOWN_ID) {
                throw new ApiException(400, "UNKNOWN_ID", "no saved run " + run + " in the store");
            }
            throw e;
        }
    }

    private Registration registration(long id) {
        try {
            return registry.registration(id);
        } catch (ParleyException e) {
            if (e.code() == ErrorCode.UNKNOWN_ID) {
                throw ApiException.notFound("registration", Long.toString(id));
            }
            throw e;
        }
    }

    private static long registrationId(String s) {
        try {
            long id = Long.parseLong(s);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.notFound("registration", clip(s));
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode x = n.get(field);
        if (x == null || x.isNull()) {
            if (required) {
                throw ApiException.badRequest("'" + field + "' is required");
            }
            return null;
        }
        if (!x.isTextual() || (required && x.asText().isBlank())) {
            throw ApiException.badRequest("'" + field + "' must be a non-empty text");
        }
        return x.asText();
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field, true);
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + field + "' must be a date YYYY-MM-DD, was '" + clip(s) + "'");
        }
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode x = n.get(field);
        if (x == null || x.isNull()) {
            return false;
        }
        if (!x.isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false");
        }
        return x.asBoolean();
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
