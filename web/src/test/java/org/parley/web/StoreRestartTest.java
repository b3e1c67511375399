package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.Simulation;
import org.parley.models.Models;
import org.parley.store.Store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scenario versions and runs survive a restart of {@code parley serve --store}, with one
 * numbering: the web app's version numbers are the store's, a run of an older version refers to
 * that version (no duplicate), and after a restart every version and every run is listed, the
 * runs re-open and the attached articles' texts are there.
 */
class StoreRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json").header("Origin", base);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    private WebServer start(Store store) {
        WebServer s = WebServer.stored(WebSettings.local(0), new Simulation(Models.all()), store).start();
        s.onClose(store::close);
        base = "http://127.0.0.1:" + s.port();
        return s;
    }

    /** Runs the median model on one version and waits until the run is in the store; its store run id. */
    private long run(String id, int version) throws IOException, InterruptedException {
        String job = call("POST", "/api/runs", "{\"scenario\": \"" + id + "\", \"version\": " + version
                + ", \"models\": [\"median\"]}").get("id").asText();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode j = call("GET", "/api/runs/" + job, null);
        while (!j.has("storeRun")) {
            assertThat(j.get("status").asText()).isIn("queued", "running", "done");
            assertThat(System.nanoTime()).as("run %s never saved", job).isLessThan(end);
            Thread.sleep(20);
            j = call("GET", "/api/runs/" + job, null);
        }
        return j.get("storeRun").asLong();
    }

    private static List<Integer> versions(JsonNode list) {
        List<Integer> out = new ArrayList<>();
        list.forEach(v -> out.add(v.get("version").asInt()));
        return out;
    }

    @Test
    void versionsAndRunsSurviveARestartWithOneNumbering(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("team.db");
        String id;
        long first;
        long older;
        try (WebServer s = start(Store.open(url))) {
            JsonNode seed = call("GET", "/api/scenarios", null).get(0);
            id = seed.get("id").asText();
            assertThat(seed.get("version").asInt()).isEqualTo(1);
            // two edits: versions 2 and 3, the store's numbers
            ObjectNode doc = (ObjectNode) call("GET", "/api/scenarios/" + id, null).get("document");
            doc.put("title", "edit one");
            assertThat(call("PUT", "/api/scenarios/" + id, doc.toString()).get("version").asInt()).isEqualTo(2);
            doc.put("title", "edit two");
            assertThat(call("PUT", "/api/scenarios/" + id, doc.toString()).get("version").asInt()).isEqualTo(3);
            // saving the same content again is the same version
            assertThat(call("PUT", "/api/scenarios/" + id, doc.toString()).get("version").asInt()).isEqualTo(3);
            first = run(id, 3);
            older = run(id, 1); // a run of an older version: no new version in the store
            assertThat(versions(call("GET", "/api/scenarios/" + id + "/versions", null))).containsExactly(1, 2, 3);
        }
        try (WebServer s = start(Store.open(url))) {
            JsonNode list = call("GET", "/api/scenarios", null);
            assertThat(list.size()).isEqualTo(1);
            assertThat(list.get(0).get("version").asInt()).isEqualTo(3);
            assertThat(list.get(0).get("title").asText()).isEqualTo("edit two");
            assertThat(versions(call("GET", "/api/scenarios/" + id + "/versions", null))).containsExactly(1, 2, 3);
            assertThat(call("GET", "/api/scenarios/" + id + "/versions/2", null).get("title").asText()).isEqualTo("edit one");
            // the attached articles' texts survive too (the edited scenario is not the seed any more)
            JsonNode latest = call("GET", "/api/scenarios/" + id, null);
            assertThat(latest.get("version").asInt()).isEqualTo(3);
            assertThat(latest.get("sources").get(0).get("sentences").size()).isGreaterThan(5);

            JsonNode runs = call("GET", "/api/store/runs?scenario=" + id, null);
            assertThat(runs.size()).isEqualTo(2);
            assertThat(runs.findValues("id").stream().map(JsonNode::asLong).toList()).containsExactlyInAnyOrder(first, older);
            for (JsonNode r : runs) {
                assertThat(r.get("version").asInt()).isEqualTo(r.get("id").asLong() == first ? 3 : 1);
            }
            JsonNode result = call("GET", "/api/store/runs/" + first + "/result", null);
            assertThat(result.get("version").asInt()).isEqualTo(3);
            assertThat(result.get("worlds").size()).isGreaterThan(0);
            assertThat(result.get("worlds").get(0).get("runs").get(0).get("model").asText()).isEqualTo("median");

            // the numbering goes on from the store's
            ObjectNode doc = (ObjectNode) latest.get("document");
            doc.put("title", "edit three");
            assertThat(call("PUT", "/api/scenarios/" + id, doc.toString()).get("version").asInt()).isEqualTo(4);
        }
    }
}
