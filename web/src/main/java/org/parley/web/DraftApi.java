package org.parley.web;

import static org.parley.web.Http.clip;
import static org.parley.web.Http.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ProblemCode;
import org.parley.io.ImportSettings;
import org.parley.io.ScenarioFormat;
import org.parley.io.ScenarioWriter;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Scenario;
import org.parley.nlp.ArticleInput;
import org.parley.nlp.Draft;
import org.parley.nlp.DraftFormat;
import org.parley.nlp.DraftReview;
import org.parley.nlp.DraftWriter;
import org.parley.nlp.Drafter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * Drafting a scenario from a news article over the web (the review screen, {@code /review.html}):
 * {@code POST /api/draft} drafts an article as {@code parley draft} does and answers the draft
 * tree (the scenario and its {@code draft:} evidence block) with the text its spans point into;
 * {@code POST /api/draft/scenario} drafts the same text again (the drafter is deterministic),
 * applies the analyst's review ({@link DraftReview}: accept, edit or reject each actor, issue and
 * claim; map names to actors) and saves the result as a new scenario with the article attached.
 * Values the article does not give stay open: the saved scenario validates with warnings and
 * forecasts only with {@code acceptDefaults}.
 */
final class DraftApi {

    static final List<String> DRAFT_FIELDS = List.of("name", "text");
    static final List<String> SCENARIO_FIELDS = List.of("name", "text", "id", "title", "review");
    private static final List<String> REVIEW_FIELDS = List.of("actors", "issues", "claims", "mappings");
    private static final List<String> DECISION_FIELDS = List.of("status", "name", "value");

    private final ScenarioRepository scenarios;
    private final Jobs interactive;
    private final java.time.Duration timeout;
    private Drafter drafter;

    /** Drafts run on the pool of waiting requests ({@code interactive}): bounded, cancelled past {@code timeout}. */
    DraftApi(ScenarioRepository scenarios, Jobs interactive, java.time.Duration timeout) {
        this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
        this.interactive = Objects.requireNonNull(interactive, "interactive");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Drafts an article on the bounded pool (a 2 MiB article takes tens of seconds and near 1 GB). */
    private Draft draft(Context ctx, Article a) {
        return interactive.call(Job.Kind.DRAFT, timeout, ClientWatch.of(ctx), job -> drafter().draft(a.name(), a.text()));
    }

    void routes(Javalin app) {
        app.post("/api/draft", this::draft);
        app.post("/api/draft/scenario", this::create);
    }

    /** The drafter, loaded on first use (its tokenizer model costs a few hundred milliseconds). */
    private synchronized Drafter drafter() {
        if (drafter == null) {
            drafter = Drafter.defaults();
        }
        return drafter;
    }

    private record Article(String name, String text) {
    }

    private static Article article(JsonNode n) {
        String name = n.hasNonNull("name") ? n.get("name").asText().strip() : "";
        name = name.isEmpty() ? "article.txt" : clip(name.replaceAll("[\\p{Cntrl}/\\\\]", "_"), 100);
        String text = Http.requiredText(n, "text", "the article's text");
        return new Article(name, ArticleInput.text(name, text));
    }

    private void draft(Context ctx) throws JsonProcessingException {
        Article a = article(Http.object(ctx, DRAFT_FIELDS));
        Draft d = draft(ctx, a);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", a.name());
        out.put("text", a.text());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("sentences", d.article().sentences().size());
        counts.put("actors", d.parties().size());
        counts.put("sources", d.sources().size());
        counts.put("issues", d.issues().size());
        counts.put("claims", d.claims().size());
        counts.put("unresolved", d.unresolved().size());
        out.put("counts", counts);
        out.put("draft", DraftWriter.tree(d, a.name()));
        json(ctx, 200, out);
    }

    private void create(Context ctx) throws JsonProcessingException {
        JsonNode n = Http.object(ctx, SCENARIO_FIELDS);
        Article a = article(n);
        Map<String, Object> tree = review(n.get("review")).apply(DraftWriter.tree(draft(ctx, a), a.name()));
        if (n.hasNonNull("id")) {
            tree.put("id", Http.requiredText(n, "id", "the new scenario's id").strip());
        }
        if (n.hasNonNull("title")) {
            tree.put("title", Http.requiredText(n, "title", "the new scenario's title").strip());
        }
        String id = String.valueOf(tree.get("id"));
        Scenarios.Loaded l = Scenarios.read(TextFile.of(clip(id, 100) + ".json", DraftFormat.JSON.write(tree)),
                new ImportSettings(ScenarioFormat.JSON, Map.of()));
        Ids.check(l);
        Scenario s = l.scenario();
        if (scenarios.get(s.id()).isPresent()) {
            throw new ApiException(409, "CONFLICT", "a scenario with id '" + clip(s.id(), 80)
                    + "' exists; give the draft another id");
        }
        StoredScenario saved = scenarios.save(s.id(), s.title(), ScenarioWriter.toJson(s), Map.of("article", a.text()),
                "drafted from " + a.name() + " and reviewed");
        Map<String, Object> out = Trees.summary(saved);
        out.put("open", l.warnings().stream().filter(p -> p.code() == ProblemCode.OPEN_VALUE).count());
        out.put("problems", Trees.problems(l.warnings()));
        ctx.header("Location", "/api/scenarios/" + s.id());
        json(ctx, 201, out);
    }

    /** The review part of a request: every field checked, a wrong one is a 400 naming it. */
    static DraftReview review(JsonNode r) {
        if (r == null || r.isNull()) {
            return new DraftReview(Map.of(), Map.of(), Map.of(), Map.of());
        }
        Http.fields(r, REVIEW_FIELDS);
        Map<String, String> mappings = new LinkedHashMap<>();
        JsonNode m = r.get("mappings");
        if (m != null && !m.isNull()) {
            if (!m.isObject()) {
                throw ApiException.badRequest("'review.mappings' must be an object of name id: actor id (or \""
                        + DraftReview.NEW_ACTOR + "\")");
            }
            for (Map.Entry<String, JsonNode> e : m.properties()) {
                if (!e.getValue().isTextual()) {
                    throw ApiException.badRequest("'review.mappings." + clip(e.getKey(), 40) + "' must be an actor id");
                }
                mappings.put(e.getKey(), e.getValue().asText());
            }
        }
        return new DraftReview(decisions(r, "actors"), decisions(r, "issues"), decisions(r, "claims"), mappings);
    }

    private static Map<String, DraftReview.Decision> decisions(JsonNode r, String field) {
        Map<String, DraftReview.Decision> out = new LinkedHashMap<>();
        JsonNode d = r.get(field);
        if (d == null || d.isNull()) {
            return out;
        }
        if (!d.isObject()) {
            throw ApiException.badRequest("'review." + field + "' must be an object of id: {status, name, value}");
        }
        for (Map.Entry<String, JsonNode> e : d.properties()) {
            String where = "review." + field + "." + clip(e.getKey(), 40);
            JsonNode x = e.getValue();
            if (!x.isObject()) {
                throw ApiException.badRequest("'" + where + "' must be an object {status, name, value}");
            }
            Http.fields(x, DECISION_FIELDS);
            if (!x.path("status").isTextual()) {
                throw ApiException.badRequest("'" + where + ".status' is required: accepted, edited or rejected");
            }
            String name = null;
            if (x.hasNonNull("name")) {
                if (!x.get("name").isTextual()) {
                    throw ApiException.badRequest("'" + where + ".name' must be a text");
                }
                name = clip(x.get("name").asText(), 200);
            }
            Double value = null;
            if (x.hasNonNull("value")) {
                if (!x.get("value").isNumber()) {
                    throw ApiException.badRequest("'" + where + ".value' must be a number from 0 to 100");
                }
                value = x.get("value").asDouble();
            }
            out.put(e.getKey(), new DraftReview.Decision(DraftReview.Status.fromId(x.get("status").asText()), name, value));
        }
        return out;
    }
}
