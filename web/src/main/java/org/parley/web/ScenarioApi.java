package org.parley.web;

import static org.parley.web.Http.clip;
import static org.parley.web.Http.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ScenarioException;
import org.parley.engine.Simulation;
import org.parley.io.ImportSettings;
import org.parley.io.ScenarioFormat;
import org.parley.io.ScenarioWriter;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Scenario;

import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Scenarios over the web ({@code /api/scenarios}, {@code /api/validate}): upload, read, save a
 * new version, history, branches, export, source texts, delete. Also the parsed-scenario cache the
 * forecast and analysis APIs read through.
 */
final class ScenarioApi {

    /** Parsed scenarios cached at most, and their documents' characters at most (the least recently used go first). */
    static final int CACHED = 64;
    static final long CACHED_CHARS = 8L << 20;

    private final ScenarioRepository scenarios;
    private final Simulation simulation;
    private final Map<StoredScenario, Scenarios.Loaded> parsed = new LinkedHashMap<>(16, 0.75f, true);

    ScenarioApi(ScenarioRepository scenarios, Simulation simulation) {
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.simulation = Objects.requireNonNull(simulation, "simulation");
    }

    void routes(Javalin app) {
        app.get("/api/scenarios", ctx -> {
            List<Object> out = new ArrayList<>();
            scenarios.list().forEach(s -> out.add(Trees.summary(s)));
            json(ctx, 200, out);
        });
        app.post("/api/scenarios", this::create);
        app.post("/api/validate", this::validate);
        app.get("/api/scenarios/{id}", ctx -> json(ctx, 200, tree(stored(ctx))));
        app.put("/api/scenarios/{id}", this::update);
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
        app.get("/api/scenarios/{id}/versions/{version}", ctx -> json(ctx, 200, tree(stored(ctx))));
        app.get("/api/scenarios/{id}/branches", ctx -> json(ctx, 200, Trees.branches(loaded(stored(ctx)).scenario())));
        app.get("/api/scenarios/{id}/export", this::export);
        app.put("/api/scenarios/{id}/sources/{source}", this::putSource);
    }

    /** Saves the seed scenario (with its article) unless a scenario with its id exists. */
    void seed() {
        Scenarios.Loaded seed = Scenarios.seed();
        Scenario s = seed.scenario();
        java.util.Optional<StoredScenario> have = scenarios.get(s.id());
        if (have.isEmpty()) {
            scenarios.save(s.id(), s.title(), ScenarioWriter.toJson(s), seed.sources(), "seed scenario");
        } else if (have.get().sources().isEmpty() && have.get().document().equals(ScenarioWriter.toJson(s))) {
            scenarios.save(s.id(), s.title(), have.get().document(), seed.sources(), "seed article attached");
        }
    }

    /** The scenario a request body names: {@code scenario} (an id) and optionally {@code version}. */
    StoredScenario named(JsonNode n) {
        String id = Http.requiredText(n, "scenario", "the scenario id");
        if (n.hasNonNull("version")) {
            int v = Http.integer(n, "version", 1, Integer.MAX_VALUE, 1);
            return scenarios.get(id, v).orElseThrow(() -> new ApiException(400, "UNKNOWN_ID",
                    "no version " + v + " of scenario '" + clip(id, 80) + "'"));
        }
        return scenarios.get(id).orElseThrow(() -> new ApiException(400, "UNKNOWN_ID",
                "no scenario '" + clip(id, 80) + "'"));
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
            long chars = 0;
            for (StoredScenario x : parsed.keySet()) {
                chars += x.document().length();
            }
            Iterator<StoredScenario> it = parsed.keySet().iterator();
            while ((parsed.size() > CACHED || chars > CACHED_CHARS) && parsed.size() > 1 && it.hasNext()) {
                chars -= it.next().document().length();
                it.remove();
            }
        }
        return l;
    }

    /**
     * {@code POST /api/scenarios?name=...}: the name is the uploaded file's (a BDM or KTAB table's
     * scenario id is its name without the extension; without a name it is "upload"). The answer
     * carries the import's warnings (e.g. saliences multiplied by 100) as {@code importWarnings}.
     */
    private void create(Context ctx) {
        String name = ctx.queryParam("name");
        Scenarios.Loaded l = parse(ctx, name == null || name.isBlank() ? "upload" : clip(name.strip(), 120));
        Scenario s = l.scenario();
        if (scenarios.get(s.id()).isPresent()) {
            throw new ApiException(409, "CONFLICT", "There is already a scenario called '" + clip(s.id(), 80)
                    + "'. Give this one another name (the name field, or the id in the file), or open '"
                    + clip(s.id(), 80) + "' and save your changes as a new version of it.");
        }
        StoredScenario saved = scenarios.save(s.id(), s.title(), ScenarioWriter.toJson(s), Map.of(), "created");
        ctx.header("Location", "/api/scenarios/" + s.id());
        Map<String, Object> out = tree(saved);
        out.put("importWarnings", Trees.problems(l.warnings()));
        json(ctx, 201, out);
    }

    private void update(Context ctx) {
        StoredScenario old = stored(ctx);
        Scenario s = parse(ctx, old.id() + ".json").scenario();
        if (!s.id().equals(old.id())) {
            throw ApiException.badRequest("the document's id '" + s.id() + "' differs from the URL's '" + old.id() + "'");
        }
        String note = ctx.queryParam("note");
        StoredScenario saved = scenarios.save(s.id(), s.title(), ScenarioWriter.toJson(s), old.sources(),
                note == null || note.isBlank() ? "edited" : clip(note, 200));
        json(ctx, 200, tree(saved));
    }

    private void putSource(Context ctx) {
        StoredScenario old = stored(ctx);
        Scenario s = loaded(old).scenario();
        String source = ctx.pathParam("source");
        if (s.sources().stream().noneMatch(src -> src.id().equals(source))) {
            throw ApiException.notFound("source", source);
        }
        Map<String, String> sources = new LinkedHashMap<>(old.sources());
        sources.put(source, Http.text(ctx, source).text());
        StoredScenario saved = scenarios.save(old.id(), old.title(), old.document(), sources, "source " + source + " attached");
        json(ctx, 200, tree(saved));
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

    private void export(Context ctx) {
        StoredScenario st = stored(ctx);
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault("yaml");
        Scenario s = loaded(st).scenario();
        if (format.equals("yaml")) {
            ctx.contentType("application/yaml; charset=utf-8");
            ctx.header("Content-Disposition", disposition(st.id(), "yaml"));
            ctx.result(ScenarioWriter.toYaml(s));
        } else if (format.equals("json")) {
            ctx.contentType(Http.JSON_TYPE);
            ctx.header("Content-Disposition", disposition(st.id(), "json"));
            ctx.result(ScenarioWriter.toJson(s));
        } else {
            throw new ApiException(400, "BAD_OPTION", "unknown export format '" + clip(format, 40) + "'; formats: yaml, json");
        }
    }

    /** A download name made only of safe characters, whatever the id (ids are checked, but a store may hold older ones). */
    static String disposition(String id, String extension) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "_");
        return "attachment; filename=\"" + Http.clip(safe.isEmpty() ? "scenario" : safe, 100) + "." + extension + "\"";
    }

    private Map<String, Object> tree(StoredScenario st) {
        Scenarios.Loaded l = loaded(st);
        Map<String, Object> m = Trees.summary(st);
        m.put("document", ScenarioWriter.tree(l.scenario()));
        m.put("worlds", l.scenario().worldIds());
        m.put("sources", Trees.sources(l.scenario(), st.sources()));
        m.put("problems", Trees.problems(l.warnings()));
        return m;
    }

    StoredScenario stored(Context ctx) {
        String id = ctx.pathParam("id");
        if (ctx.pathParamMap().containsKey("version")) {
            int v;
            try {
                v = Integer.parseInt(ctx.pathParam("version"));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("version must be a whole number, was '" + clip(ctx.pathParam("version"), 20) + "'");
            }
            return scenarios.get(id, v).orElseThrow(() -> {
                List<StoredScenario> h = scenarios.history(id);
                if (!h.isEmpty() && v >= 1 && v < h.get(0).version()) {
                    return new ApiException(410, "NOT_KEPT", "version " + v + " of '" + id + "' is no longer kept in "
                            + "memory: the server keeps the last " + h.size() + " versions of a scenario (with --store "
                            + "the run store keeps every version)");
                }
                return ApiException.notFound("version", id + "@" + v);
            });
        }
        return scenarios.get(id).orElseThrow(() -> ApiException.notFound("scenario", id));
    }

    /** The uploaded scenario, read and validated, its ids ({@link Ids}) and its {@code options:} checked. */
    private Scenarios.Loaded parse(Context ctx, String name) {
        String format = ctx.queryParam("format");
        ImportSettings settings = new ImportSettings(format == null || format.isBlank() ? null
                : ScenarioFormat.fromId(format), Map.of());
        Scenarios.Loaded l = Scenarios.read(Http.text(ctx, name), settings);
        Ids.check(l);
        return Scenarios.checkOptions(l, simulation);
    }
}
