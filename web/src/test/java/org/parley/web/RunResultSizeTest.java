package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.parley.models.Models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A forecast job of many runs (of a stochastic model) answers the trajectories of run 0 only (each other run keeps its
 * forecast), unless {@code ?trajectories=all} asks for every one: the web app's "Runs" box no
 * longer downloads every run's rounds.
 */
class RunResultSizeTest {

    @Test
    void onlyRunZeroKeepsItsRounds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newHttpClient();
        try (WebServer s = WebServer.inMemory(WebSettings.local(0), Models.simulation()).start()) {
            String base = "http://127.0.0.1:" + s.port();
            String body = "{\"scenario\": \"dprk-us-talks-2024\", \"models\": [\"median\", \"exchange\"], "
                    + "\"worlds\": [\"base\"], \"runs\": 20}";
            JsonNode job = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                    .header("Content-Type", "application/json").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
            String id = job.get("id").asText();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!job.get("status").asText().equals("done")) {
                assertThat(job.get("status").asText()).isIn("queued", "running");
                assertThat(System.nanoTime()).isLessThan(end);
                Thread.sleep(20);
                job = json.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            String lean = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/result")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String full = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/result?trajectories=all"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            JsonNode runs = json.readTree(lean).get("worlds").get(0).get("runs");
            assertThat(runs.size()).isEqualTo(21); // a deterministic model runs once, the stochastic exchange model 20 times
            for (JsonNode r : runs) {
                assertThat(r.has("rounds")).as("run %s of %s", r.get("run"), r.get("model")).isEqualTo(r.get("run").asInt() == 0);
                assertThat(r.get("forecast").size()).isPositive();
            }
            assertThat(json.readTree(full).get("worlds").get(0).get("runs").findValues("rounds")).hasSize(21);
            assertThat(lean.length()).isLessThan(full.length() / 4);
        }
    }
}
