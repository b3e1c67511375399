package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.engine.BargainingModel;
import org.parley.engine.Budget;
import org.parley.engine.ErrorCode;
import org.parley.engine.ModelOptions;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Simulation;
import org.parley.engine.Trajectory;
import org.parley.models.Models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every endpoint against a real server on a free port, including bad input and the token check. */
class WebServerTest {

    private static final String SEED = "dprk-us-talks-2024";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A pseudo-header for {@link #send}: send no Origin (as a non-browser client that forgot it). */
    private static final String NO_ORIGIN = "no-origin";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blocking = new CountDownLatch(1);
    private WebServer server;
    private String base;

    /** A model that waits until the test releases it: lets a test see a job running. */
    private final class Blocker implements BargainingModel {
        @Override
        public String id() {
            return "blocker";
        }

        @Override
        public String description() {
            return "waits for the test";
        }

        @Override
        public Trajectory run(Problem p, ModelOptions o, RunContext c) {
            blocking.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Trajectory.staticForecast(p, new double[p.issueCount()], List.of());
        }
    }

    /** A model that fails with an internal message the client must never see. */
    private static final class Boom implements BargainingModel {
        @Override
        public String id() {
            return "boom";
        }

        @Override
        public String description() {
            return "fails";
        }

        @Override
        public Trajectory run(Problem p, ModelOptions o, RunContext c) {
            throw new IllegalStateException("secret internal detail");
        }
    }

    @BeforeEach
    void start() {
        server = server(WebSettings.local(0)).start();
        base = "http://127.0.0.1:" + server.port();
    }

    private WebServer server(WebSettings settings) {
        List<BargainingModel> models = new ArrayList<>(Models.all());
        models.add(new Blocker());
        models.add(new Boom());
        WebServer s = new WebServer(settings.withMaxBodyBytes(64 * 1024), new InMemoryScenarioRepository(InstantSource.system()),
                new Simulation(models), InstantSource.system());
        s.seed();
        return s;
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    // ------------------------------------------------------------ helpers

    private record Answer(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("error").path("code").asText();
        }
    }

    private Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        boolean origin = false;
        boolean type = false;
        for (int i = 0; i < headers.length; i += 2) {
            if (!headers[i].equals(NO_ORIGIN)) {
                b.header(headers[i], headers[i + 1]);
            }
            origin |= headers[i].equalsIgnoreCase("Origin") || headers[i].equalsIgnoreCase("Sec-Fetch-Site")
                    || headers[i].equalsIgnoreCase(NO_ORIGIN);
            type |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!origin && !method.equals("GET")) {
            b.header("Origin", base); // as the browser UI sends it
        }
        if (!type && body != null) {
            String t = body.stripLeading();
            b.header("Content-Type", t.isEmpty() || t.startsWith("{") || t.startsWith("[") ? "application/json"
                    : "application/yaml");
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Answer get(String path) {
        return send("GET", path, null);
    }

    private static void assertError(Answer a, int status, String code) {
        assertThat(a.status()).as(a.body().length() > 400 ? a.body().substring(0, 400) : a.body()).isEqualTo(status);
        assertThat(a.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(a.code()).as(a.body()).isEqualTo(code);
        assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("secret internal detail");
    }

    private JsonNode seedDocument() {
        return get("/api/scenarios/" + SEED).json().get("document");
    }

    private int scenarioCount() {
        return get("/api/scenarios").json().size();
    }

    private JsonNode waitFor(String runId, String status) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode j = get("/api/runs/" + runId).json();
        while (!j.get("status").asText().equals(status)) {
            assertThat(System.nanoTime()).as("run %s still %s", runId, j.get("status")).isLessThan(end);
            Thread.onSpinWait();
            j = get("/api/runs/" + runId).json();
        }
        return j;
    }

    private static final String MINIMAL = """
            parley: 1
            id: tiny
            title: Tiny
            issues:
              - id: tax
                scale: {min: 0, max: 100}
            actors:
              - id: a
                capability: {value: 10, judgement: test}
                stances:
                  tax: {position: {value: 20, judgement: test}, salience: {value: 50, judgement: test}}
              - id: b
                capability: {value: 20, judgement: test}
                stances:
                  tax: {position: {value: 80, judgement: test}, salience: {value: 70, judgement: test}}
            """;

    // ------------------------------------------------------------ info, models, ui

    @Test
    void infoSaysTheBuildsVersionAsTheCliDoes() throws IOException {
        // the parent POM's version, which the CLI's --version prints too
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<parent>.*?<version>([^<]+)</version>",
                java.util.regex.Pattern.DOTALL).matcher(pom);
        assertThat(m.find()).isTrue();
        assertThat(get("/api/info").json().get("parley").asText()).isEqualTo(m.group(1)).isNotEqualTo("dev");
    }

    @Test
    void infoAndModels() {
        Answer info = get("/api/info");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("tokenRequired").asBoolean()).isFalse();
        Answer models = get("/api/models");
        assertThat(models.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        models.json().forEach(m -> ids.add(m.get("id").asText()));
        assertThat(ids).contains("compromise", "median", "nash", "blocker");
    }

    @Test
    void servesUiOpenApiAndSwagger() {
        assertThat(get("/").body()).contains("<title>Parley</title>");
        assertThat(get("/app.js").status()).isEqualTo(200);
        Answer api = get("/openapi.json");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("paths").has("/api/runs/{id}/result")).isTrue();
        assertThat(get("/swagger").body()).contains("swagger-ui-bundle.js");
        Answer echarts = get("/vendor/echarts.js");
        assertThat(echarts.status()).isEqualTo(302);
        String target = echarts.raw().headers().firstValue("Location").orElseThrow();
        assertThat(target).contains("/webjars/echarts/").endsWith("echarts.esm.min.js");
        assertThat(get(target.replaceFirst("^https?://[^/]+", "")).status()).isEqualTo(200);
    }

    @Test
    void unknownEndpointIsJson404() {
        assertError(get("/api/nothing-here"), 404, "NOT_FOUND");
    }

    // ------------------------------------------------------------ scenarios

    @Test
    void listsAndReadsTheSeedWithSourcesAndHistory() {
        JsonNode list = get("/api/scenarios").json();
        assertThat(list.get(0).get("id").asText()).isEqualTo(SEED);
        JsonNode s = get("/api/scenarios/" + SEED).json();
        assertThat(s.get("version").asInt()).isEqualTo(1);
        assertThat(s.get("worlds").toString()).contains("base", "trump-wins");
        assertThat(s.get("sources").get(0).get("sentences").size()).isGreaterThan(10);
        assertThat(get("/api/scenarios/" + SEED + "/versions").json().size()).isEqualTo(1);
        assertThat(get("/api/scenarios/" + SEED + "/versions/1").json().get("version").asInt()).isEqualTo(1);
        assertThat(get("/api/scenarios/" + SEED + "/branches").json().get(0).get("id").asText()).isEqualTo("trump-wins");
    }

    @Test
    void unknownScenarioAndVersionAre404() {
        assertError(get("/api/scenarios/nope"), 404, "UNKNOWN_ID");
        assertError(get("/api/scenarios/nope/versions"), 404, "UNKNOWN_ID");
        assertError(get("/api/scenarios/" + SEED + "/versions/9"), 404, "UNKNOWN_ID");
        assertError(get("/api/scenarios/" + SEED + "/versions/x"), 400, "BAD_INPUT");
        assertError(get("/api/scenarios/nope/branches"), 404, "UNKNOWN_ID");
        assertError(send("DELETE", "/api/scenarios/nope", null), 404, "UNKNOWN_ID");
    }

    @Test
    void deepNestingAndHugeNumbersAreClientErrorsNotCrashes() {
        StringBuilder block = new StringBuilder(); // 300 levels: 46 kB, under this server's 64 KiB limit
        for (int i = 0; i < 300; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        String flow = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        for (String deep : List.of(block.toString(), flow)) {
            Answer v = send("POST", "/api/validate", deep, "Content-Type", "application/yaml");
            assertThat(v.status()).as(v.body()).isEqualTo(200);
            assertThat(v.json().get("valid").asBoolean()).isFalse();
            assertThat(v.json().get("problems").get(0).get("code").asText()).isEqualTo("TOO_DEEP");
            assertError(send("POST", "/api/scenarios", deep, "Content-Type", "application/yaml"), 422, "INVALID_SCENARIO");
        }
        String nested = "{\"scenario\": \"" + SEED + "\", \"options\": " + "{\"a\": ".repeat(5000) + "1" + "}".repeat(5001);
        Answer a = send("POST", "/api/forecast", nested);
        assertThat(a.status()).as(a.body().length() > 300 ? a.body().substring(0, 300) : a.body()).isEqualTo(400);
        String huge = MINIMAL.replace("id: tiny", "id: huge").replaceFirst("max: 100", "max: 1e309");
        Answer h = send("POST", "/api/scenarios", huge, "Content-Type", "application/yaml");
        assertError(h, 422, "INVALID_SCENARIO");
        assertThat(h.body()).contains("BAD_VALUE").contains("1e309");
        assertError(send("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"seed\": 1e309}"), 400, "BAD_OPTION");
    }

    @Test
    void badScenarioOptionsAreRefusedWithTheirPlace() {
        String bad = MINIMAL.replace("id: tiny", "id: opts") + "options:\n  median.weights: capability\n"
                + "  spatial.max-turns: -1\n";
        int line = (int) bad.lines().count();
        Answer v = send("POST", "/api/validate", bad, "Content-Type", "application/yaml");
        assertThat(v.status()).as(v.body()).isEqualTo(200);
        assertThat(v.json().get("valid").asBoolean()).isFalse();
        JsonNode p = v.json().get("problems").get(0);
        assertThat(p.get("code").asText()).isEqualTo("BAD_VALUE");
        assertThat(p.get("path").asText()).isEqualTo("options.spatial.max-turns");
        assertThat(p.get("line").asInt()).isEqualTo(line);
        assertThat(p.get("message").asText()).contains("'max-turns' must be a whole number >= 1, was '-1'");
        assertError(send("POST", "/api/scenarios", bad, "Content-Type", "application/yaml"), 422, "INVALID_SCENARIO");
        assertThat(get("/api/scenarios/opts").status()).isEqualTo(404);
    }

    @Test
    void peerNamesBecomeSafeIdsOnUploadWithAWarning() {
        String csv = "Crowd,\"peer names\",3,1,\nActor,Description,Power,Pstn1,Sal1,\nUnited States,us,100,10,50,\n"
                + "<b>EUR/JPN</b>,x,50,90,50,\nkim,k,20,40,60,\n";
        Answer checked = send("POST", "/api/validate", csv, "Content-Type", "text/csv");
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().get("valid").asBoolean()).isTrue();
        assertThat(checked.body()).contains("BAD_ID").contains("imported as 'United_States'")
                .contains("imported as '_b_EUR_JPN__b_'");
        Answer created = send("POST", "/api/scenarios", csv, "Content-Type", "text/csv");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode actors = get("/api/scenarios/crowd").json().get("document").get("actors");
        assertThat(actors.get(0).get("id").asText()).isEqualTo("United_States");
        assertThat(actors.get(0).get("name").asText()).isEqualTo("us"); // KTAB's description column
        assertThat(actors.get(1).get("id").asText()).isEqualTo("_b_EUR_JPN__b_");
        assertThat(actors.get(2).get("id").asText()).isEqualTo("kim");
        assertThat(send("DELETE", "/api/scenarios/crowd", null).status()).isLessThan(300);
    }

    @Test
    void createsUpdatesExportsAndDeletes() {
        Answer created = send("POST", "/api/scenarios", MINIMAL, "Content-Type", "application/yaml");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/scenarios/tiny");
        assertError(send("POST", "/api/scenarios", MINIMAL), 409, "CONFLICT");

        Answer updated = send("PUT", "/api/scenarios/tiny?note=retitled", MINIMAL.replace("title: Tiny", "title: Tiny 2"));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asInt()).isEqualTo(2);
        assertThat(updated.json().get("note").asText()).isEqualTo("retitled");
        assertThat(get("/api/scenarios/tiny/versions").json().size()).isEqualTo(2);
        assertThat(get("/api/scenarios/tiny/versions/1").json().get("title").asText()).isEqualTo("Tiny");

        Answer yaml = get("/api/scenarios/tiny/export?format=yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("id: tiny");
        assertThat(get("/api/scenarios/tiny/export?format=json").body()).contains("\"id\": \"tiny\"");
        assertError(get("/api/scenarios/tiny/export?format=exe"), 400, "BAD_OPTION");

        assertThat(send("DELETE", "/api/scenarios/tiny", null).status()).isEqualTo(204);
        assertError(get("/api/scenarios/tiny"), 404, "UNKNOWN_ID");
    }

    @Test
    void theBriefDownloadsAsOneHtmlPageWithTheArticleSentences() {
        Answer brief = get("/api/scenarios/" + SEED + "/brief?models=compromise,expected-utility");
        assertThat(brief.status()).as(brief.body()).isEqualTo(200);
        assertThat(brief.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(brief.raw().headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + SEED + "-brief.html\"");
        for (String id : org.parley.io.report.Brief.SECTIONS) {
            assertThat(brief.body()).contains("<section id=\"" + id + "\">");
        }
        // the provenance appendix quotes the stored article, not only the sentence number
        assertThat(brief.body()).containsPattern("&ldquo;[^<]+&rdquo; <span class=\"meta\">\\(reuters-ri-2024, sentence [0-9]+\\)").contains("<svg").doesNotContain("<script");
        assertThat(get("/api/scenarios/" + SEED + "/versions/1/brief?models=compromise").status()).isEqualTo(200);
        assertError(get("/api/scenarios/" + SEED + "/brief?runs=0"), 400, "BAD_OPTION");
        assertError(get("/api/scenarios/nope/brief"), 404, "UNKNOWN_ID");
    }

    @Test
    void aScenarioCreatedAgainAfterDeleteIsReadAnew() {
        assertThat(send("POST", "/api/scenarios", MINIMAL).status()).isEqualTo(201);
        assertThat(get("/api/scenarios/tiny/branches").json().size()).isZero();
        assertThat(send("DELETE", "/api/scenarios/tiny", null).status()).isEqualTo(204);
        Answer again = send("POST", "/api/scenarios", MINIMAL.replace("title: Tiny", "title: Tiny again"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("version").asInt()).isEqualTo(1);
        assertThat(get("/api/scenarios/tiny").json().get("document").get("title").asText()).isEqualTo("Tiny again");
    }

    @Test
    void everyDocumentedOperationExists() {
        JsonNode paths = get("/openapi.json").json().get("paths");
        List<String> checked = new ArrayList<>();
        paths.properties().forEach(p -> p.getValue().properties().stream().map(Map.Entry::getKey).forEach(method -> {
            String path = p.getKey().replace("{id}", method.equals("delete") && p.getKey().startsWith("/api/runs")
                    ? "run-999999" : "nope").replace("{version}", "1").replace("{source}", "nope");
            Answer a = send(method.toUpperCase(java.util.Locale.ROOT), path, method.equals("get") || method.equals("delete") ? null : "{}");
            assertThat(a.code()).as("%s %s: %s", method, path, a.body()).isNotEqualTo("NOT_FOUND").isNotEqualTo("METHOD_NOT_ALLOWED");
            assertThat(a.status()).as("%s %s", method, path).isNotEqualTo(405).isLessThan(500);
            checked.add(method + " " + path);
        }));
        assertThat(checked).hasSizeGreaterThanOrEqualTo(19);
    }

    /**
     * The documented result schemas match what the server answers: every required property is
     * there, every property answered is documented (forecast, Monte Carlo, and their bottom line).
     */
    @Test
    void forecastAndMonteCarloAnswersMatchTheirDocumentedSchemas() {
        JsonNode schemas = get("/openapi.json").json().get("components").get("schemas");
        JsonNode forecast = send("POST", "/api/forecast", "{\"scenario\": \"" + SEED
                + "\", \"models\": [\"compromise\", \"exchange\"]}").json();
        assertMatches(forecast, schemas.get("ForecastResult"), "ForecastResult");
        assertMatches(forecast.get("bottomLine"), schemas.get("BottomLine"), "BottomLine");
        assertMatches(forecast.get("worlds").get(0).get("modelError"), schemas.get("ModelErrorIntervals"),
                "ModelErrorIntervals");
        JsonNode documentedWorld = schemas.get("ForecastResult").get("properties").get("worlds").get("items");
        assertMatches(forecast.get("worlds").get(0), documentedWorld, "ForecastResult.worlds[]");
        JsonNode mc = send("POST", "/api/montecarlo", "{\"scenario\": \"" + SEED
                + "\", \"models\": [\"compromise\"], \"runs\": 20}").json();
        assertMatches(mc, schemas.get("MonteCarloSummary"), "MonteCarloSummary");
        assertMatches(mc.get("worlds").get(0).get("forecasts").get(0), schemas.get("MonteCarloSummary")
                .get("properties").get("worlds").get("items").get("properties").get("forecasts").get("items"),
                "MonteCarloSummary.worlds[].forecasts[]");
        JsonNode forecastPath = get("/openapi.json").json().get("paths").get("/api/forecast").get("post");
        assertThat(forecastPath.at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ForecastResult");
    }

    private static void assertMatches(JsonNode answer, JsonNode schema, String name) {
        assertThat(answer).as(name + " answered").isNotNull();
        assertThat(schema).as(name + " documented").isNotNull();
        JsonNode props = schema.get("properties");
        List<String> answered = new ArrayList<>();
        answer.fieldNames().forEachRemaining(answered::add);
        for (String f : answered) {
            assertThat(props.has(f)).as(name + "." + f + " documented").isTrue();
        }
        if (schema.has("required")) {
            schema.get("required").forEach(r -> assertThat(answered).as(name + " requires").contains(r.asText()));
        }
    }

    @Test
    void everyStateChangingRouteRefusesCrossSiteRequests() {
        JsonNode paths = get("/openapi.json").json().get("paths");
        int scenarios = scenarioCount();
        List<String> checked = new ArrayList<>();
        paths.properties().forEach(p -> p.getValue().properties().stream().map(Map.Entry::getKey)
                .filter(m -> List.of("post", "put", "delete", "patch").contains(m)).forEach(method -> {
            String path = p.getKey().replace("{id}", p.getKey().startsWith("/api/scenarios") ? SEED : "run-000001")
                    .replace("{version}", "1").replace("{source}", "reuters-ri-2024");
            String m = method.toUpperCase(java.util.Locale.ROOT);
            String body = m.equals("DELETE") ? null : "{\"scenario\": \"" + SEED + "\"}";
            String what = m + " " + path;
            assertError(send(m, path, body, "Origin", "https://evil.example"), 403, "CROSS_SITE");
            assertError(send(m, path, body, "Origin", "null"), 403, "CROSS_SITE");
            assertError(send(m, path, body, "Origin", base.replace("127.0.0.1", "127.0.0.2")), 403, "CROSS_SITE");
            assertError(send(m, path, body, "Sec-Fetch-Site", "cross-site"), 403, "CROSS_SITE");
            assertError(send(m, path, body, "Sec-Fetch-Site", "same-site"), 403, "CROSS_SITE");
            assertError(send(m, path, body, NO_ORIGIN, "1"), 403, "CROSS_SITE");
            if (body != null) {
                // the bodies a foreign page may post without asking
                for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "text/plain; charset=utf-8")) {
                    Answer a = send(m, path, body, "Content-Type", type);
                    assertThat(a.status()).as(what + " as " + type).isEqualTo(415);
                    assertThat(a.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
                }
                Answer none = send(m, path, body, "Content-Type", "");
                assertThat(none.status()).as(what + " without a type").isIn(400, 415);
            }
            checked.add(what);
        }));
        assertThat(checked).hasSizeGreaterThanOrEqualTo(15);
        assertThat(scenarioCount()).isEqualTo(scenarios);
        assertThat(get("/api/jobs").json().size()).isZero();
        assertThat(get("/api/scenarios/" + SEED + "/versions").json().size()).isEqualTo(1);
        // the same request from the page itself passes the guard (browsers send Sec-Fetch-Site too)
        Answer same = send("POST", "/api/validate", MINIMAL, "Origin", base, "Sec-Fetch-Site", "same-origin",
                "Content-Type", "application/yaml");
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        Answer site = send("POST", "/api/validate", MINIMAL, "Sec-Fetch-Site", "same-origin", "Content-Type", "text/yaml");
        assertThat(site.status()).as(site.body()).isEqualTo(200);
    }

    @Test
    void modelOptionsCannotBypassTheRoundBudget() {
        int before = get("/api/jobs").json().size();
        for (String options : List.of("{\"expected-utility.max-rounds\": 2000000000}", "{\"max-rounds\": \"2e9\"}",
                "{\"spatial.max-turns\": 1e9}", "{\"spatial.threads\": 0}")) {
            String body = "{\"scenario\": \"" + SEED + "\", \"options\": " + options + "}";
            assertError(send("POST", "/api/runs", body), 400, "BAD_OPTION");
            assertError(send("POST", "/api/forecast", body), 400, "BAD_OPTION");
            assertError(send("POST", "/api/montecarlo/jobs", body.replace("}}", "}, \"runs\": 10}")), 400, "BAD_OPTION");
            String model = options.contains("spatial") ? "spatial" : "expected-utility";
            assertError(send("POST", "/api/sensitivity", body.replace("\"options\"", "\"model\": \"" + model
                    + "\", \"options\"")), 400, "BAD_OPTION");
        }
        // the same cap through the scenario's own options
        String capped = MINIMAL.replace("id: tiny", "id: capped\noptions:\n  expected-utility.max-rounds: 999999999");
        assertThat(send("POST", "/api/scenarios", capped).status()).isEqualTo(201);
        Answer a = send("POST", "/api/forecast", "{\"scenario\": \"capped\", \"models\": [\"expected-utility\"]}");
        assertError(a, 400, "BAD_OPTION");
        assertThat(a.json().get("error").get("message").asText()).contains("expected-utility.max-rounds", "10000");
        assertThat(get("/api/jobs").json().size()).isEqualTo(before);
    }

    @Test
    void theServersBudgetIsASetting() {
        WebServer small = server(WebSettings.local(0).withBudget(new Budget(50, 20, 1000))).start();
        try {
            String smallBase = "http://127.0.0.1:" + small.port();
            String memoryBase = base;
            base = smallBase;
            try {
                assertError(send("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"rounds\": 21}"), 400,
                        "BAD_OPTION");
                assertError(send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"runs\": 51}"), 400, "BAD_OPTION");
                Answer cells = send("POST", "/api/montecarlo", "{\"scenario\": \"" + SEED + "\", \"runs\": 50, "
                        + "\"rounds\": 5}");
                assertError(cells, 400, "BAD_OPTION");
                assertThat(cells.json().get("error").get("message").asText()).contains("actors x issues x runs");
                Answer caps = send("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"models\": [\"spatial\"]}");
                assertError(caps, 400, "BAD_OPTION");
                assertThat(caps.json().get("error").get("message").asText()).contains("spatial.max-turns must be <= 20");
                assertThat(send("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"rounds\": 20, "
                        + "\"models\": [\"expected-utility\"]}").status()).isEqualTo(200);
                // a backtest's cases are checked too: each case's spatial turn cap (default 100) is over 20
                for (String path : List.of("/api/backtests?models=spatial", "/api/backtests/jobs?models=spatial")) {
                    Answer bt = send("POST", path, BACKTEST);
                    assertError(bt, 400, "BAD_OPTION");
                    assertThat(bt.json().get("error").get("message").asText()).contains("spatial.max-turns must be <= 20");
                }
                assertThat(send("POST", "/api/backtests?models=median", BACKTEST).status()).isEqualTo(200);
            } finally {
                base = memoryBase;
            }
        } finally {
            small.close();
        }
    }

    @Test
    void idsOutsideTheSafeAlphabetAreRefusedWithTheirPlace() {
        int before = scenarioCount();
        Answer a = send("POST", "/api/scenarios", MINIMAL.replace("id: tiny", "id: \"<img src=x>\"")
                .replace("- id: a\n", "- id: \"a b\"\n"));
        assertThat(a.status()).as(a.body()).isEqualTo(422);
        JsonNode problems = a.json().get("problems");
        assertThat(problems.get(0).get("path").asText()).isEqualTo("id");
        assertThat(problems.get(0).get("message").asText()).contains("<img src=x>", "letters, digits");
        assertThat(problems.get(1).get("path").asText()).isEqualTo("actors[0].id");
        assertThat(problems.get(1).get("line").asInt()).as(problems.toString()).isEqualTo(8);
        assertThat(scenarioCount()).isEqualTo(before);
        JsonNode v = send("POST", "/api/validate", MINIMAL.replace("- id: tax", "- id: \"tax/../x\"")
                .replace("    tax:", "    \"tax/../x\":")).json();
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("problems").toString()).contains("issues[0].id");
        assertThat(ScenarioApi.disposition("a\"b\r\nc", "yaml")).isEqualTo("attachment; filename=\"a_b__c.yaml\"");
    }

    @Test
    void historyInMemoryKeepsTheNewestVersions() {
        assertThat(send("POST", "/api/scenarios", MINIMAL).status()).isEqualTo(201);
        int saves = InMemoryScenarioRepository.KEPT_VERSIONS + 15;
        for (int i = 2; i <= saves; i++) {
            assertThat(send("PUT", "/api/scenarios/tiny", MINIMAL.replace("title: Tiny", "title: Tiny " + i)).status())
                    .isEqualTo(200);
        }
        JsonNode h = get("/api/scenarios/tiny/versions").json();
        assertThat(h.size()).isEqualTo(InMemoryScenarioRepository.KEPT_VERSIONS);
        assertThat(h.get(h.size() - 1).get("version").asInt()).isEqualTo(saves);
        assertThat(h.get(0).get("version").asInt()).isEqualTo(saves - InMemoryScenarioRepository.KEPT_VERSIONS + 1);
        assertError(get("/api/scenarios/tiny/versions/1"), 410, "NOT_KEPT");
        assertThat(get("/api/scenarios/tiny/versions/" + saves).json().get("title").asText()).isEqualTo("Tiny " + saves);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WithoutBeingRead() throws IOException {
        // 64 KiB limit here; the client streams far more, in chunks, and stops when answered
        long[] sent = new long[1];
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/validate")).timeout(Duration.ofSeconds(20))
                .header("Origin", base).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    @Override
                    public int read() {
                        sent[0]++;
                        return sent[0] > 64L << 20 ? -1 : ' ';
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (sent[0] > 64L << 20) {
                            return -1;
                        }
                        java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                        sent[0] += len;
                        return len;
                    }
                })).build();
        try {
            HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
            assertThat(a.statusCode()).isEqualTo(413);
            assertThat(a.body()).contains("TOO_LARGE");
        } catch (IOException e) {
            // the server closed the connection after answering; the client may see that first
            assertThat(e.getMessage()).isNotNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(sent[0]).as("bytes sent before the server stopped reading").isLessThan(64L << 20);
        assertThat(get("/api/info").status()).isEqualTo(200);
    }

    @Test
    void everyStaticFileCarriesTheSecurityHeaders() throws java.io.IOException {
        List<String> paths = new ArrayList<>(List.of("/", "/api/info", "/openapi.json", "/swagger"));
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/org/parley/web/ui"))) {
            files.map(f -> "/" + f.getFileName()).sorted().forEach(paths::add); // every file the UI has, new ones too
        }
        assertThat(paths).contains("/app.js", "/review.js", "/index.html");
        for (String path : paths) {
            HttpResponse<String> r = get(path).raw();
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValue(Guard.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void putWithAnotherIdIsRefused() {
        assertError(send("PUT", "/api/scenarios/" + SEED, MINIMAL), 400, "BAD_INPUT");
        assertThat(get("/api/scenarios/" + SEED + "/versions").json().size()).isEqualTo(1);
    }

    @Test
    void attachesSourceText() {
        Answer a = send("PUT", "/api/scenarios/" + SEED + "/sources/reuters-ri-2024", "One sentence. Another one.",
                "Content-Type", "application/octet-stream");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("sources").get(0).get("sentences").size()).isEqualTo(2);
        assertError(send("PUT", "/api/scenarios/" + SEED + "/sources/nope", "x"), 404, "UNKNOWN_ID");
    }

    @Test
    void malformedJsonIs400AndNothingIsStored() {
        int before = scenarioCount();
        Answer a = send("POST", "/api/scenarios", "{\"parley\": 1, \"id\": \"x\", ", "Content-Type", "application/json");
        assertError(a, 400, "INVALID_SCENARIO");
        assertThat(a.json().get("problems").get(0).get("code").asText()).isEqualTo("SYNTAX");
        assertThat(scenarioCount()).isEqualTo(before);
        assertError(send("POST", "/api/scenarios", ""), 400, "BAD_INPUT");
        assertError(send("POST", "/api/scenarios", "\u0000\u0001binary"), 400, "INVALID_SCENARIO");
        assertThat(scenarioCount()).isEqualTo(before);
    }

    @Test
    void invalidScenarioIs422WithLocatedProblemsAndNothingIsStored() throws IOException {
        JsonNode doc = seedDocument();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("actors").get(0).get("stances").get("sanctions")
                .get("salience")).put("value", 150);
        Answer a = send("PUT", "/api/scenarios/" + SEED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        assertError(a, 422, "INVALID_SCENARIO");
        JsonNode p = a.json().get("problems").get(0);
        assertThat(p.get("code").asText()).isEqualTo("SALIENCE_OUT_OF_RANGE");
        assertThat(p.get("path").asText()).isEqualTo("actors[0].stances.sanctions.salience");
        assertThat(p.get("line").asInt()).isPositive();
        assertThat(p.get("column").asInt()).isPositive();
        assertThat(get("/api/scenarios/" + SEED + "/versions").json().size()).isEqualTo(1);
    }

    @Test
    void oversizedBodyIs413AndNothingIsStored() {
        int before = scenarioCount();
        String big = MINIMAL + "#" + "x".repeat(70 * 1024) + "\n";
        assertError(send("POST", "/api/scenarios", big), 413, "TOO_LARGE");
        assertError(send("POST", "/api/validate", big), 413, "TOO_LARGE");
        assertThat(scenarioCount()).isEqualTo(before);
    }

    @Test
    void validateReportsProblemsWithoutStoring() throws IOException {
        Answer ok = send("POST", "/api/validate", JSON.writeValueAsString(seedDocument()));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        Answer bad = send("POST", "/api/validate", MINIMAL.replace("value: 70", "value: -5"));
        assertThat(bad.json().get("valid").asBoolean()).isFalse();
        assertThat(bad.json().get("problems").get(0).get("code").asText()).isEqualTo("SALIENCE_OUT_OF_RANGE");
        assertThat(bad.json().get("problems").get(0).get("line").asInt()).isEqualTo(15);
        assertError(send("POST", "/api/validate?format=nope", MINIMAL), 400, "BAD_OPTION");
        assertThat(get("/api/scenarios/tiny").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------ runs

    @Test
    void runsAJobToItsResult() {
        Answer started = send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"models\": [\"compromise\", \"nash\"]}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        assertThat(started.raw().headers().firstValue("Location")).contains("/api/runs/" + id);
        JsonNode done = waitFor(id, "done");
        assertThat(done.get("progress").get("done").asInt()).isEqualTo(10).isEqualTo(done.get("progress").get("total").asInt()); // 5 worlds x 2 models
        JsonNode result = get("/api/runs/" + id + "/result").json();
        assertThat(result.get("worlds").size()).isEqualTo(5);
        assertThat(result.get("settings").get("models").toString()).isEqualTo("[\"compromise\",\"nash\"]");
        // what the app shows beside each forecast and P(yes): the calibrated model-error interval and range
        assertThat(result.get("worlds").get(0).get("modelError").get("intervals").get("compromise").size()).isPositive();
        JsonNode q0 = result.get("bottomLine").get("questions").get(0);
        assertThat(q0.get("pYesModelError").get("nash").size()).isEqualTo(2);
        assertThat(q0.get("pYesModelError").get("nash").get(0).asDouble())
                .isLessThanOrEqualTo(q0.get("pYes").get("nash").asDouble());
        assertThat(get("/api/runs/" + id + "/result?format=csv").body()).startsWith("branch,model,run,round,actor,issue,position");
        assertError(get("/api/runs/" + id + "/result?format=pdf"), 400, "BAD_OPTION");
        assertThat(get("/api/runs").json().get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void jobResultEqualsTheWholeSimulation() throws IOException {
        String id = send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"models\": [\"compromise\", \"median\", \"nash\"]}")
                .json().get("id").asText();
        waitFor(id, "done");
        JsonNode job = get("/api/runs/" + id + "/result").json();
        JsonNode now = send("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"models\": [\"compromise\", \"median\", \"nash\"]}").json();
        assertThat(job.get("worlds")).isEqualTo(now.get("worlds"));
    }

    @Test
    void runningJobReportsProgressAndCancels() throws InterruptedException {
        String id = send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"models\": [\"blocker\"], \"worlds\": [\"base\", \"trump-wins\"]}")
                .json().get("id").asText();
        assertThat(blocking.await(20, TimeUnit.SECONDS)).isTrue();
        JsonNode running = waitFor(id, "running");
        assertThat(running.get("progress").get("total").asInt()).isEqualTo(2);
        assertError(get("/api/runs/" + id + "/result"), 409, "NOT_READY");
        Answer cancelled = send("DELETE", "/api/runs/" + id, null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        release.countDown();
        assertThat(get("/api/runs/" + id).json().get("status").asText()).isEqualTo("cancelled");
        assertError(get("/api/runs/" + id + "/result"), 409, "NOT_READY");
    }

    @Test
    void badRunRequestsAre400AndUnknownRunsAre404() {
        int before = get("/api/runs").json().size();
        assertError(send("POST", "/api/runs", "{not json"), 400, "MALFORMED_JSON");
        assertError(send("POST", "/api/runs", "[]"), 400, "BAD_INPUT");
        assertError(send("POST", "/api/runs", ""), 400, "BAD_INPUT");
        assertError(send("POST", "/api/runs", "{}"), 400, "BAD_INPUT");
        assertError(send("POST", "/api/runs", "{\"scenario\": \"nope\"}"), 400, "UNKNOWN_ID");
        assertError(send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"version\": 7}"), 400, "UNKNOWN_ID");
        assertError(send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"models\": [\"nope\"]}"), 400, "UNKNOWN_ID");
        assertError(send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"worlds\": [\"mars\"]}"), 400, "UNKNOWN_ID");
        assertError(send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"runs\": 0}"), 400, "BAD_OPTION");
        assertError(send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"rounds\": 1.5}"), 400, "BAD_OPTION");
        assertError(send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"options\": {\"nope\": 1}}"), 400, "BAD_OPTION");
        assertError(send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"colour\": \"red\"}"), 400, "BAD_INPUT");
        assertError(send("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"runs\": 1000}"), 400, "BAD_OPTION");
        assertThat(get("/api/runs").json().size()).isEqualTo(before);
        assertError(get("/api/runs/run-999999"), 404, "UNKNOWN_ID");
        assertError(get("/api/runs/run-999999/result"), 404, "UNKNOWN_ID");
        assertError(send("DELETE", "/api/runs/run-999999", null), 404, "UNKNOWN_ID");
    }

    @Test
    void failuresNeverLeakStackTraces() {
        Answer a = send("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"models\": [\"boom\"]}");
        assertError(a, 500, "FAILURE");
        String id = send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"models\": [\"boom\"]}").json().get("id").asText();
        JsonNode failed = waitFor(id, "failed");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("FAILURE");
        assertThat(failed.toString()).doesNotContain("secret internal detail");
    }

    @Test
    void monteCarloGivesBandsAroundThePointForecast() {
        Answer a = send("POST", "/api/montecarlo", "{\"scenario\": \"" + SEED + "\", \"models\": [\"median\"], "
                + "\"worlds\": [\"base\"], \"runs\": 200}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode row = a.json().get("worlds").get(0).get("forecasts").get(0);
        assertThat(row.get("model").asText()).isEqualTo("median");
        assertThat(row.get("p5").asDouble()).isLessThanOrEqualTo(row.get("median").asDouble());
        assertThat(row.get("median").asDouble()).isLessThanOrEqualTo(row.get("p95").asDouble());
        assertThat(row.get("p95").asDouble()).isGreaterThan(row.get("p5").asDouble());
        assertThat(a.json().get("runs").asInt()).isEqualTo(200);
        assertError(send("POST", "/api/montecarlo", "{\"scenario\": \"" + SEED + "\", \"runs\": 999999}"), 400, "BAD_OPTION");
        assertError(send("POST", "/api/montecarlo", "{oops"), 400, "MALFORMED_JSON");
    }

    private JsonNode waitForMonteCarlo(String location, String status) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        JsonNode j = get(location).json();
        while (!j.get("status").asText().equals(status)) {
            assertThat(System.nanoTime()).as("job %s still %s", location, j.get("status")).isLessThan(end);
            assertThat(j.get("status").asText()).as(j.toString()).isIn("queued", "running");
            Thread.onSpinWait();
            j = get(location).json();
        }
        return j;
    }

    @Test
    void monteCarloJobReachesItsTotalAndAnswersLikeTheSynchronousEndpoint() {
        String spec = "{\"scenario\": \"" + SEED + "\", \"models\": [\"median\", \"compromise\"], \"runs\": 300, \"seed\": 5}";
        Answer started = send("POST", "/api/montecarlo/jobs", spec);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/montecarlo/jobs/" + started.json().get("id").asText());
        JsonNode done = waitForMonteCarlo(location, "done");
        Answer result = get(location + "/result");
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        int worlds = result.json().get("worlds").size();
        assertThat(worlds).isPositive();
        assertThat(done.get("progress").get("total").asLong()).isEqualTo(300L * worlds);
        assertThat(done.get("progress").get("done").asLong()).isEqualTo(300L * worlds);
        Answer now = send("POST", "/api/montecarlo", spec);
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        assertThat(result.json()).isEqualTo(now.json());
        assertThat(get("/api/montecarlo/jobs").json().get(0).get("id").asText()).isEqualTo(done.get("id").asText());
        assertError(send("POST", "/api/montecarlo/jobs", "{\"scenario\": \"" + SEED + "\", \"runs\": 999999}"), 400, "BAD_OPTION");
        assertError(send("POST", "/api/montecarlo/jobs", "{oops"), 400, "MALFORMED_JSON");
    }

    @Test
    void aCancelledMonteCarloJobStopsAndHasNoResult() throws Exception {
        Answer started = send("POST", "/api/montecarlo/jobs", "{\"scenario\": \"" + SEED + "\", \"models\": [\"blocker\"], "
                + "\"worlds\": [\"base\"], \"runs\": 5000}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.raw().headers().firstValue("Location").orElseThrow();
        assertThat(blocking.await(20, TimeUnit.SECONDS)).isTrue();
        Answer cancelled = send("DELETE", location, null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        release.countDown();
        JsonNode j = get(location).json();
        assertThat(j.get("status").asText()).isEqualTo("cancelled");
        assertThat(j.get("progress").get("total").asLong()).isEqualTo(5000L);
        assertThat(j.get("progress").get("done").asLong()).isLessThan(5000L);
        assertError(get(location + "/result"), 409, "NOT_READY");
    }

    @Test
    void unknownMonteCarloJobsAre404() {
        assertError(get("/api/montecarlo/jobs/mc-999999"), 404, "UNKNOWN_ID");
        assertError(send("DELETE", "/api/montecarlo/jobs/nope", null), 404, "UNKNOWN_ID");
        assertError(get("/api/montecarlo/jobs/nope/result"), 404, "UNKNOWN_ID");
    }

    /** Two one-issue cases: a at 0 (capability 1), b at 100 (capability 3); outcomes 70 and 20. */
    private static final String BACKTEST = """
            parley-backtest: 1
            name: tiny
            cases:
              - id: A
                proposal: p1
                scenario:
                  id: case-a
                  issues:
                    - id: x
                      scale: {min: 0, max: 100}
                      status-quo: 0
                  actors:
                    - id: a
                      capability: 1
                      stances:
                        x: {position: 0, salience: 100}
                    - id: b
                      capability: 3
                      stances:
                        x: {position: 100, salience: 100}
                outcomes:
                  x: 70
              - id: B
                proposal: p2
                scenario:
                  id: case-b
                  issues:
                    - id: x
                      scale: {min: 0, max: 100}
                      status-quo: 0
                  actors:
                    - id: a
                      capability: 1
                      stances:
                        x: {position: 0, salience: 100}
                    - id: b
                      capability: 3
                      stances:
                        x: {position: 100, salience: 100}
                outcomes:
                  x: 20
            """;

    @Test
    void sensitivityAndBacktestJobsAnswerLikeTheirSynchronousEndpoints() {
        String sens = "{\"scenario\": \"" + SEED + "\", \"model\": \"compromise\", \"issue\": \"sanctions\"}";
        Answer started = send("POST", "/api/sensitivity/jobs", sens);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("kind").asText()).isEqualTo("sensitivity");
        String location = started.raw().headers().firstValue("Location").orElseThrow();
        JsonNode done = waitForMonteCarlo(location, "done");
        // progress counts model runs: the stated values, then each ranged input at its low and high end
        long runs = done.get("progress").get("total").asLong();
        assertThat(runs).isGreaterThan(1).isOdd();
        assertThat(done.get("progress").get("done").asLong()).isEqualTo(runs);
        assertThat(get(location + "/result").json()).isEqualTo(send("POST", "/api/sensitivity", sens).json());

        Answer bt = send("POST", "/api/backtests/jobs?models=compromise,median&split=all", BACKTEST);
        assertThat(bt.status()).as(bt.body()).isEqualTo(202);
        String btLocation = bt.raw().headers().firstValue("Location").orElseThrow();
        JsonNode btDone = waitForMonteCarlo(btLocation, "done");
        assertThat(btDone.get("progress").get("total").asLong()).isEqualTo(2); // one step per case
        assertThat(btDone.get("progress").get("done").asLong()).isEqualTo(2);
        assertThat(get(btLocation + "/result").json())
                .isEqualTo(send("POST", "/api/backtests?models=compromise,median&split=all", BACKTEST).json());

        // every kind is listed under /api/jobs; a job is not found under another kind's path
        String btId = bt.json().get("id").asText();
        assertThat(get("/api/jobs/" + btId).json().get("kind").asText()).isEqualTo("backtest");
        assertThat(get("/api/jobs/" + btId + "/result").json().get("scores").size()).isPositive();
        assertThat(get("/api/jobs").json().get(0).get("id").asText()).isEqualTo(btId);
        assertError(get("/api/sensitivity/jobs/" + btId), 404, "UNKNOWN_ID");
        assertError(get("/api/runs/" + btId), 404, "UNKNOWN_ID");
        assertError(send("POST", "/api/sensitivity/jobs", "{\"scenario\": \"" + SEED + "\"}"), 400, "BAD_INPUT");
    }

    @Test
    void aJobCancelledThroughTheGenericPathStops() {
        String id = send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"models\": [\"blocker\"]}")
                .json().get("id").asText();
        waitFor(id, "running");
        Answer cancelled = send("DELETE", "/api/jobs/" + id, null);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("kind").asText()).isEqualTo("forecast");
        assertError(get("/api/jobs/" + id + "/result"), 409, "NOT_READY");
    }

    @Test
    void backtestAnswersTheScoreTable() {
        int before = scenarioCount();
        Answer a = send("POST", "/api/backtests?models=compromise,median&split=all", BACKTEST, "Content-Type", "application/yaml");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode root = a.json();
        assertThat(root.get("split").asText()).isEqualTo("all");
        assertThat(root.get("models").toString()).isEqualTo("[\"compromise\",\"median\"]");
        List<String> labels = new ArrayList<>();
        root.get("scores").forEach(r -> labels.add(r.get("label").asText()));
        assertThat(labels).startsWith("compromise", "median").contains("baseline-midpoint", "baseline-reference-point");
        JsonNode midpoint = root.get("scores").get(labels.indexOf("baseline-midpoint"));
        // midpoint 50 against outcomes 70 and 20: errors 20 and 30
        assertThat(midpoint.get("n").asInt()).isEqualTo(2);
        assertThat(midpoint.get("mae").asDouble()).isEqualTo(25.0);
        assertThat(midpoint.get("median_ae").asDouble()).isEqualTo(25.0);
        assertThat(midpoint.get("rmse").asDouble()).isCloseTo(Math.sqrt((400 + 900) / 2.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(midpoint.get("within10").asDouble()).isEqualTo(0.0);
        JsonNode compromise = root.get("scores").get(0);
        // compromise: capability x salience weighted mean = 75 in both cases: errors 5 and 55
        assertThat(compromise.get("mae").asDouble()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(compromise.get("within10").asDouble()).isEqualTo(0.5);
        Answer train = send("POST", "/api/backtests?models=median&split=train", BACKTEST);
        assertThat(train.status()).as(train.body()).isEqualTo(200);
        assertThat(train.json().get("scores").get(0).get("n").asInt()).isEqualTo(1);
        assertThat(scenarioCount()).isEqualTo(before);
        assertThat(get("/api/runs").json().size()).isZero();
    }

    @Test
    void badBacktestsAre4xxWithLocatedProblems() {
        Answer bad = send("POST", "/api/backtests?models=median", BACKTEST.replace("x: 70", "x: 170"));
        assertError(bad, 422, "INVALID_SCENARIO");
        JsonNode p = bad.json().get("problems").get(0);
        assertThat(p.get("code").asText()).isEqualTo("POSITION_OUT_OF_SCALE");
        assertThat(p.get("line").asInt()).isEqualTo(22);
        Answer syntax = send("POST", "/api/backtests?models=median", "parley-backtest: 1\ncases: [\n  - {id: A\n");
        assertError(syntax, 400, "INVALID_SCENARIO");
        assertThat(syntax.json().get("problems").get(0).get("line").asInt()).isPositive();
        Answer file = send("POST", "/api/backtests?models=median",
                "parley-backtest: 1\ncases:\n  - id: A\n    scenario: ../../etc/passwd\n    outcomes:\n      x: 70\n");
        assertError(file, 422, "INVALID_SCENARIO");
        assertThat(file.json().get("problems").get(0).get("line").asInt()).isEqualTo(4);
        assertError(send("POST", "/api/backtests?models=nope", BACKTEST), 400, "UNKNOWN_ID");
        assertError(send("POST", "/api/backtests?models=median&split=sideways", BACKTEST), 400, "BAD_OPTION");
        assertError(send("POST", "/api/backtests?models=median&capability=gdp", BACKTEST), 400, "BAD_OPTION");
        assertError(send("POST", "/api/backtests", ""), 400, "BAD_INPUT");
        assertError(send("POST", "/api/backtests", BACKTEST + "#" + "x".repeat(70 * 1024) + "\n"), 413, "TOO_LARGE");
        assertThat(get("/api/runs").json().size()).isZero();
    }

    @Test
    void registryNeedsAStore() {
        assertError(get("/api/registry"), 409, "NO_STORE");
        assertError(get("/api/score"), 409, "NO_STORE");
        assertError(send("POST", "/api/registry", "{\"run\": 1}"), 409, "NO_STORE");
        assertError(send("POST", "/api/registry/1/resolution", "{\"outcome\": 1}"), 409, "NO_STORE");
        assertThat(get("/api/info").json().get("features").get("registry").asBoolean()).isFalse();
    }

    @Test
    void registersResolvesAndScoresOnAStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String memoryBase = base;
        org.parley.store.Store store = org.parley.store.Store.open("jdbc:sqlite:" + dir.resolve("runs.db"));
        try (WebServer stored = WebServer.stored(WebSettings.local(0), new Simulation(Models.all()), store).start()) {
            stored.onClose(store::close);
            base = "http://127.0.0.1:" + stored.port();
            assertThat(get("/api/info").json().get("features").get("registry").asBoolean()).isTrue();
            assertThat(get("/api/registry").json().size()).isZero();
            String runId = send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"models\": [\"median\", "
                    + "\"compromise\"], \"worlds\": [\"base\"]}").json().get("id").asText();
            waitFor(runId, "done");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            JsonNode run = get("/api/runs/" + runId).json();
            while (!run.has("storeRun")) {
                assertThat(System.nanoTime()).as("run %s never saved", runId).isLessThan(end);
                Thread.onSpinWait();
                run = get("/api/runs/" + runId).json();
            }
            long storeRun = run.get("storeRun").asLong();

            // bad registrations: 4xx, nothing stored
            String good = "\"issue\": \"sanctions\", \"question\": \"Where will sanctions stand?\", "
                    + "\"resolvesBy\": \"2025-06-30\"";
            assertError(send("POST", "/api/registry", "{\"run\": 999, " + good + "}"), 400, "UNKNOWN_ID");
            assertError(send("POST", "/api/registry", "{\"run\": \"run-999999\", " + good + "}"), 400, "UNKNOWN_ID");
            assertError(send("POST", "/api/registry", "{\"run\": " + storeRun + ", " + good.replace("sanctions\"", "nope\"")
                    + "}"), 400, "UNKNOWN_ID");
            assertError(send("POST", "/api/registry", "{\"run\": " + storeRun + ", " + good.replace("2025-06-30", "June")
                    + "}"), 400, "BAD_INPUT");
            assertError(send("POST", "/api/registry", "{\"run\": " + storeRun + ", \"issue\": \"sanctions\", "
                    + "\"resolvesBy\": \"2025-06-30\"}"), 400, "BAD_OPTION");
            assertError(send("POST", "/api/registry", "{\"run\": " + storeRun + ", " + good + ", \"threshold\": \"lots\"}"),
                    400, "BAD_OPTION");
            assertError(send("POST", "/api/registry", "{\"run\": " + storeRun + ", " + good + ", \"extra\": 1}"),
                    400, "BAD_INPUT");
            assertError(send("POST", "/api/registry", "{\"run\": " + storeRun + ", "), 400, "MALFORMED_JSON");
            assertError(send("POST", "/api/registry", ""), 400, "BAD_INPUT");
            assertThat(get("/api/registry").json().size()).isZero();

            // register by the web run id and by the store run id
            Answer reg = send("POST", "/api/registry", "{\"run\": \"" + runId + "\", " + good + "}");
            assertThat(reg.status()).as(reg.body()).isEqualTo(201);
            JsonNode r = reg.json();
            assertThat(r.get("run").asLong()).isEqualTo(storeRun);
            assertThat(r.get("world").asText()).isEqualTo("base");
            assertThat(r.get("forecasts").size()).isEqualTo(2);
            assertThat(r.get("resolution").isNull()).isTrue();
            // a probability from a run without Monte Carlo is refused; pointOnly registers the points instead
            assertError(send("POST", "/api/registry", "{\"run\": " + storeRun + ", " + good + ", \"threshold\": 1000, "
                    + "\"branch\": \"base\"}"), 400, "BAD_OPTION");
            Answer th = send("POST", "/api/registry", "{\"run\": " + storeRun + ", " + good + ", \"threshold\": 1000, "
                    + "\"branch\": \"base\", \"pointOnly\": true}");
            assertThat(th.status()).as(th.body()).isEqualTo(201);
            assertThat(th.json().get("threshold").get("value").asDouble()).isEqualTo(1000.0);
            assertThat(th.json().get("pointOnly").asBoolean()).isTrue();
            assertThat(th.json().get("calibration").asText()).isEqualTo("deu3-lopo-v2");
            JsonNode p = th.json().get("forecasts").get(0).get("probability");
            assertThat(p == null || p.isNull() || !Double.isFinite(p.asDouble())).as(String.valueOf(p)).isTrue();
            assertThat(th.json().get("forecasts").get(0).get("modelErrorLo").isNumber()).isTrue();
            assertThat(get("/api/registry").json().size()).isEqualTo(2);

            // resolve
            long id = r.get("id").asLong();
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            String res = "{\"outcome\": 40, \"date\": \"" + today + "\", \"source\": \"Reuters, 1 May 2025\"}";
            // outcomes off the issue's scale, dates before the registration and invented authors are refused
            assertError(send("POST", "/api/registry/" + id + "/resolution", res.replace("40", "1e300")), 400, "BAD_OPTION");
            assertError(send("POST", "/api/registry/" + id + "/resolution", res.replace("40", "-1")), 400, "BAD_OPTION");
            assertError(send("POST", "/api/registry/" + id + "/resolution", res.replace(today, "2020-05-01")), 400,
                    "BAD_OPTION");
            assertError(send("POST", "/api/registry/" + id + "/resolution", res.replace("}", ", \"author\": \"Mallory\"}")),
                    400, "BAD_INPUT");
            assertError(send("POST", "/api/registry", "{\"run\": " + storeRun + ", " + good + ", \"author\": \"Mallory\"}"),
                    400, "BAD_INPUT");
            assertThat(r.get("author").asText()).isEqualTo("web:" + System.getProperty("user.name") + "@localhost");
            assertError(send("POST", "/api/registry/999/resolution", res), 404, "UNKNOWN_ID");
            assertError(send("POST", "/api/registry/abc/resolution", res), 404, "UNKNOWN_ID");
            assertError(send("POST", "/api/registry/" + id + "/resolution", res.replace("40", "\"forty\"")), 400, "BAD_INPUT");
            assertError(send("POST", "/api/registry/" + id + "/resolution", res.replace("\"Reuters, 1 May 2025\"", "\" \"")),
                    400, "BAD_INPUT");
            assertError(send("POST", "/api/registry/" + id + "/resolution", "{oops"), 400, "MALFORMED_JSON");
            assertThat(send("GET", "/api/score", null).json().get("lines").size()).isZero();
            Answer resolved = send("POST", "/api/registry/" + id + "/resolution", res);
            assertThat(resolved.status()).as(resolved.body()).isEqualTo(201);
            assertThat(resolved.json().get("resolution").get("outcome").asDouble()).isEqualTo(40.0);
            assertThat(resolved.json().get("resolution").get("author").asText()).isEqualTo(r.get("author").asText());
            assertThat(get("/api/registry").json().get(0).get("resolution").get("source").asText())
                    .isEqualTo("Reuters, 1 May 2025");

            // score: |point - 40| per model, as parley score computes it
            JsonNode score = get("/api/score").json();
            assertThat(score.get("lines").size()).isEqualTo(2);
            for (JsonNode line : score.get("lines")) {
                assertThat(line.get("outcome").asDouble()).isEqualTo(40.0);
                assertThat(line.get("absError").asDouble()).isCloseTo(Math.abs(line.get("forecast").asDouble() - 40),
                        org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(score.get("models").size()).isEqualTo(2);
            assertThat(score.get("models").get(0).get("resolved").asInt()).isEqualTo(1);
        } finally {
            base = memoryBase;
        }
    }

    @Test
    void sensitivityRanksInputsBySwing() {
        Answer a = send("POST", "/api/sensitivity", "{\"scenario\": \"" + SEED + "\", \"model\": \"compromise\", "
                + "\"world\": \"base\", \"issue\": \"sanctions\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode root = a.json();
        assertThat(root.get("model").asText()).isEqualTo("compromise");
        assertThat(root.get("issues").size()).isEqualTo(1);
        JsonNode issue = root.get("issues").get(0);
        assertThat(issue.get("issue").asText()).isEqualTo("sanctions");
        JsonNode inputs = issue.get("inputs");
        assertThat(inputs.size()).isPositive();
        double previous = Double.POSITIVE_INFINITY;
        boolean someSwing = false;
        for (JsonNode x : inputs) {
            double lo = Math.min(Math.min(x.get("atLow").asDouble(), x.get("atHigh").asDouble()), issue.get("stated").asDouble());
            double hi = Math.max(Math.max(x.get("atLow").asDouble(), x.get("atHigh").asDouble()), issue.get("stated").asDouble());
            assertThat(x.get("swing").asDouble()).isCloseTo(hi - lo, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(x.get("swing").asDouble()).isLessThanOrEqualTo(previous);
            assertThat(x.get("low").asDouble()).isLessThanOrEqualTo(x.get("high").asDouble());
            previous = x.get("swing").asDouble();
            someSwing |= previous > 0;
        }
        assertThat(someSwing).isTrue();
        // the stated forecast is the forecast itself
        Answer f = send("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"worlds\": [\"base\"], "
                + "\"models\": [\"compromise\"]}");
        assertThat(issue.get("stated").asDouble()).isCloseTo(f.json().get("worlds").get(0).get("runs").get(0)
                .get("forecast").get("sanctions").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        Answer all = send("POST", "/api/sensitivity", "{\"scenario\": \"" + SEED + "\", \"model\": \"median\"}");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("world").asText()).isEqualTo("base");
        assertThat(all.json().get("issues").size()).isGreaterThan(1);
    }

    @Test
    void badSensitivityRequestsAre400() {
        String seed = "\"scenario\": \"" + SEED + "\"";
        assertError(send("POST", "/api/sensitivity", "{" + seed + "}"), 400, "BAD_INPUT");
        assertError(send("POST", "/api/sensitivity", "{" + seed + ", \"model\": \"median\", \"issue\": \"nope\"}"),
                400, "UNKNOWN_ID");
        assertError(send("POST", "/api/sensitivity", "{\"scenario\": \"nope\", \"model\": \"median\"}"), 400, "UNKNOWN_ID");
        assertThat(send("POST", "/api/sensitivity", "{" + seed + ", \"model\": \"nope\"}").status()).isEqualTo(400);
        assertThat(send("POST", "/api/sensitivity", "{" + seed + ", \"model\": \"median\", \"world\": \"nope\"}")
                .status()).isEqualTo(400);
        assertError(send("POST", "/api/sensitivity", "{" + seed + ", \"model\": \"median\", \"extra\": 1}"),
                400, "BAD_INPUT");
        assertError(send("POST", "/api/sensitivity", "{" + seed + ", \"model\": \"median\", \"rounds\": -1}"),
                400, "BAD_OPTION");
        assertError(send("POST", "/api/sensitivity", "{oops"), 400, "MALFORMED_JSON");
        assertError(send("POST", "/api/sensitivity", "[1]"), 400, "BAD_INPUT");
        assertError(send("POST", "/api/sensitivity", ""), 400, "BAD_INPUT");
        assertThat(get("/api/runs").json().size()).isZero();
    }

    @Test
    void forecastAnswersAtOnce() {
        Answer a = send("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"worlds\": [\"base\"], \"models\": [\"median\"]}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("worlds").get(0).get("runs").get(0).get("forecast").has("sanctions")).isTrue();
    }

    // ------------------------------------------------------------ security

    @Test
    void tokenIsCheckedOnEveryApiCall() {
        server.close();
        server = server(WebSettings.local(0).withToken("s3cret-token")).start();
        base = "http://127.0.0.1:" + server.port();
        for (String path : List.of("/api/info", "/api/scenarios", "/api/models", "/api/runs", "/api/scenarios/" + SEED)) {
            assertError(get(path), 401, "UNAUTHORIZED");
            assertError(send("GET", path, null, "Authorization", "Bearer wrong"), 401, "UNAUTHORIZED");
            assertThat(send("GET", path, null, "Authorization", "Bearer s3cret-token").status()).isEqualTo(200);
            assertThat(send("GET", path, null, "X-Parley-Token", "s3cret-token").status()).isEqualTo(200);
        }
        int before = send("GET", "/api/scenarios", null, "X-Parley-Token", "s3cret-token").json().size();
        assertError(send("POST", "/api/scenarios", MINIMAL), 401, "UNAUTHORIZED");
        assertError(send("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\"}"), 401, "UNAUTHORIZED");
        assertThat(send("GET", "/api/scenarios", null, "X-Parley-Token", "s3cret-token").json().size()).isEqualTo(before);
        assertThat(get("/").status()).isEqualTo(200); // the page itself holds no data
    }

    @Test
    void withoutTokenOnlyLoopbackHostNamesAreAnswered() throws IOException {
        assertThat(rawStatus("127.0.0.1:" + server.port())).isEqualTo(200);
        assertThat(rawStatus("localhost:" + server.port())).isEqualTo(200);
        assertThat(rawStatus("evil.example:" + server.port())).isEqualTo(403);
    }

    private int rawStatus(String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/info HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    @Test
    void exposingTheServerNeedsAToken() {
        assertThatThrownBy(() -> new WebSettings("0.0.0.0", 0, null, WebSettings.DEFAULT_MAX_BODY, 1, 1))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_OPTION));
        assertThat(new WebSettings("0.0.0.0", 0, "t", WebSettings.DEFAULT_MAX_BODY, 1, 1).token()).isEqualTo("t");
        assertThat(WebSettings.isLoopback("127.0.0.1")).isTrue();
        assertThat(WebSettings.isLoopback("::1")).isTrue();
        assertThat(WebSettings.isLiteralLoopback("127.0.0.1")).isTrue();
        assertThat(WebSettings.isLiteralLoopback("127.0.0.1.evil.example")).isFalse();
    }
}
