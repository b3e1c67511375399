package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.parley.io.Scenarios;
import org.parley.models.Models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A 10,000-run Monte Carlo job on the seed scenario with the four fast models (compromise,
 * median, nash, expected-utility), every world: the result holds aggregates only (percentiles per
 * world, model and issue, threshold shares, the branch mixture, the bottom line), so it stays
 * under 1 MB whatever the run count. Its wall and CPU time go to
 * {@code target/montecarlo-job-report.txt} (a figure for the README, not an assertion: timings
 * on a shared machine are not a test).
 */
class MonteCarloJobIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tenThousandRunsAnswerAggregatesUnderOneMegabyte() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (WebServer s = WebServer.inMemory(WebSettings.local(0), Models.simulation()).start()) {
            String base = "http://127.0.0.1:" + s.port();
            String id = Scenarios.seed().scenario().id();
            String body = "{\"scenario\": \"" + id + "\", \"runs\": 10000, "
                    + "\"models\": [\"compromise\", \"median\", \"nash\", \"expected-utility\"]}";
            long cpu0 = ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
            long t0 = System.nanoTime();
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/montecarlo/jobs"))
                    .header("Content-Type", "application/json").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String location = started.headers().firstValue("Location").orElseThrow();
            JsonNode job = JSON.readTree(started.body());
            while (!job.get("status").asText().equals("done")) {
                assertThat(job.get("status").asText()).isIn("queued", "running");
                assertThat(System.nanoTime() - t0).as("still running after 10 minutes").isLessThan(Duration.ofMinutes(10).toNanos());
                Thread.sleep(50);
                job = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + location)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                    .getProcessCpuTime() - cpu0) / 1e9;
            HttpResponse<byte[]> result = http.send(HttpRequest.newBuilder(URI.create(base + location + "/result")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(result.statusCode()).isEqualTo(200);
            int bytes = result.body().length;
            JsonNode r = JSON.readTree(new String(result.body(), StandardCharsets.UTF_8));
            int worlds = Scenarios.seed().scenario().worldIds().size();
            assertThat(r.get("runs").asInt()).isEqualTo(10000);
            assertThat(r.get("worlds").size()).isEqualTo(worlds);
            assertThat(job.get("progress").get("done").asLong()).isEqualTo(10000L * worlds);
            JsonNode row = r.get("worlds").get(0).get("forecasts").get(0);
            assertThat(row.has("p5") && row.has("p95") && row.has("thresholds")).isTrue();
            assertThat(r.get("bottomLine").get("questions").size()).isPositive();
            assertThat(r.get("mixture").get("forecasts").size()).isPositive();
            assertThat(bytes).as("result bytes").isLessThan(1 << 20);
            String line = String.format(Locale.ROOT, "Monte Carlo job, seed scenario, %d worlds, 10,000 runs, 4 fast models: "
                    + "result %,d bytes, %.1f s wall, %.1f s CPU (server process), %d cores, load average %.1f%n", worlds,
                    bytes, wall, cpu, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            Path report = Paths.get("target", "montecarlo-job-report.txt");
            Files.writeString(report, line);
            System.out.print(line);
        }
    }
}
