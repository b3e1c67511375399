package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.engine.Simulation;
import org.parley.models.Models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/draft} and {@code POST /api/draft/scenario} on a real server: the seed article
 * drafted with its spans, a reviewed draft saved as a scenario, bad articles and reviews refused
 * (400 naming what is wrong), and the saved draft's open values refused by a forecast unless
 * {@code acceptDefaults}.
 */
class DraftApiTest {

    static final Path ARTICLE = Path.of("../examples/01-dprk-us-talks-2024/article.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebServer server;
    private String base;

    @BeforeEach
    void start() {
        server = new WebServer(WebSettings.local(0), new InMemoryScenarioRepository(InstantSource.system()),
                new Simulation(Models.all()), InstantSource.system()).start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private record Answer(int status, JsonNode json) {
        String code() {
            return json.path("error").path("code").asText();
        }

        String message() {
            return json.path("error").path("message").asText();
        }
    }

    private Answer post(String path, Object body) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Origin", base).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
            HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(a.statusCode(), JSON.readTree(a.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> a = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
        return JSON.readTree(a.body());
    }

    private static String seedText() throws IOException {
        return Files.readString(ARTICLE, StandardCharsets.UTF_8);
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.path("id").asText().equals(id)) {
                return n;
            }
        }
        return null;
    }

    @Test
    void draftsTheSeedArticleWithSpansIntoTheTextItAnswers() throws IOException {
        Answer a = post("/api/draft", Map.of("name", "article.txt", "text", seedText()));
        assertThat(a.status()).as(a.json().toString()).isEqualTo(200);
        assertThat(a.json().get("counts").get("actors").asInt()).isEqualTo(6);
        assertThat(a.json().get("counts").get("claims").asInt()).isEqualTo(10);
        String text = a.json().get("text").asText();
        JsonNode draft = a.json().get("draft");
        assertThat(byId(draft.get("actors"), "north-korea")).isNotNull();
        JsonNode c3 = byId(draft.get("draft").get("claims"), "c3");
        assertThat(c3.get("span").get(0).asInt()).isEqualTo(469);
        assertThat(text.substring(c3.get("span").get(0).asInt(), c3.get("span").get(1).asInt())).isEqualTo("lifting sanctions");
        for (JsonNode m : byId(draft.get("draft").get("actors"), "north-korea").get("mentions")) {
            assertThat(text.substring(m.get("span").get(0).asInt(), m.get("span").get(1).asInt()))
                    .isEqualTo(m.get("text").asText());
        }
        assertThat(draft.get("draft").get("places")).extracting(n -> n.get("id").asText()).contains("vietnam", "algeria");
    }

    @Test
    void badArticlesAreRefusedWithWhatIsWrong() {
        Answer empty = post("/api/draft", Map.of("text", " \n\n "));
        assertThat(empty.status()).isEqualTo(400);
        Answer none = post("/api/draft", Map.of("name", "a.txt"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.message()).contains("text");
        Answer binary = post("/api/draft", Map.of("name", "x.bin", "text", "North Korea\u0000\u0001 wants"));
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.code()).isEqualTo("BAD_INPUT");
        assertThat(binary.message()).contains("x.bin").contains("binary");
        Answer german = post("/api/draft", Map.of("name", "artikel.txt", "text", "Nordkorea plant, die Atomverhandlungen mit "
                + "den Vereinigten Staaten wieder aufzunehmen, falls Donald Trump wiedergewählt wird, sagte ein hochrangiger "
                + "nordkoreanischer Diplomat, der kürzlich nach Südkorea übergelaufen ist."));
        assertThat(german.status()).isEqualTo(400);
        assertThat(german.message()).contains("artikel.txt").contains("not English");
        Answer field = post("/api/draft", Map.of("text", "x", "lang", "en"));
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.message()).contains("lang");
    }

    @Test
    void aReviewedDraftIsSavedAndItsOpenValuesAreRefusedByAForecastUnlessDefaultsAreAccepted() throws Exception {
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("actors", Map.of("cuba", Map.of("status", "rejected")));
        review.put("issues", Map.of("aid", Map.of("status", "edited", "name", "Economic assistance")));
        review.put("claims", Map.of("c3", Map.of("status", "rejected"), "c5", Map.of("status", "edited", "value", 80)));
        review.put("mappings", Map.of("vietnam", "new"));
        Map<String, Object> body = Map.of("name", "article.txt", "text", seedText(), "id", "dprk-draft", "review", review);
        Answer a = post("/api/draft/scenario", body);
        assertThat(a.status()).as(a.json().toString()).isEqualTo(201);
        assertThat(a.json().get("id").asText()).isEqualTo("dprk-draft");
        assertThat(a.json().get("open").asInt()).isPositive();

        JsonNode saved = get("/api/scenarios/dprk-draft");
        JsonNode doc = saved.get("document");
        assertThat(doc.get("actors")).extracting(n -> n.get("id").asText()).doesNotContain("cuba").contains("vietnam");
        assertThat(doc.get("issues")).extracting(n -> n.get("id").asText()).doesNotContain("sanctions");
        assertThat(byId(doc.get("issues"), "aid").get("name").asText()).isEqualTo("Economic assistance");
        assertThat(saved.get("sources").get(0).get("sentences").size()).isGreaterThan(10);
        assertThat(post("/api/draft/scenario", body).status()).as("the id is taken").isEqualTo(409);

        Answer refused = post("/api/forecast", Map.of("scenario", "dprk-draft", "models", List.of("compromise")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("problems")).allMatch(p -> p.get("code").asText().equals("OPEN_VALUE"));
        assertThat(refused.json().get("problems").get(0).get("hint").asText()).contains("acceptDefaults");
        Answer ran = post("/api/forecast", Map.of("scenario", "dprk-draft", "models", List.of("compromise"),
                "acceptDefaults", true));
        assertThat(ran.status()).as(ran.json().toString()).isEqualTo(200);
        assertThat(post("/api/sensitivity", Map.of("scenario", "dprk-draft", "model", "compromise")).status()).isEqualTo(422);
        assertThat(post("/api/forecast", Map.of("scenario", "dprk-draft", "acceptDefaults", "yes")).code())
                .isEqualTo("BAD_OPTION");
    }

    @Test
    void badReviewsAreRefusedNamingTheItem() throws IOException {
        String text = seedText();
        Answer unknown = post("/api/draft/scenario", Map.of("text", text, "review",
                Map.of("claims", Map.of("c99", Map.of("status", "rejected")))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).contains("c99");
        Answer status = post("/api/draft/scenario", Map.of("text", text, "review",
                Map.of("actors", Map.of("cuba", Map.of("status", "maybe")))));
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.message()).contains("maybe");
        Answer value = post("/api/draft/scenario", Map.of("text", text, "review",
                Map.of("claims", Map.of("c5", Map.of("status", "edited", "value", 400)))));
        assertThat(value.status()).isEqualTo(400);
        Answer mapping = post("/api/draft/scenario", Map.of("text", text, "review", Map.of("mappings", Map.of("vietnam", "atlantis"))));
        assertThat(mapping.status()).isEqualTo(400);
        assertThat(mapping.message()).contains("atlantis");
        Answer field = post("/api/draft/scenario", Map.of("text", text, "review", Map.of("actorz", Map.of())));
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.message()).contains("actorz");
    }
}
