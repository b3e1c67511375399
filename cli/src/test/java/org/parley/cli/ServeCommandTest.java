package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parley.web.WebServer;

import picocli.CommandLine;

class ServeCommandTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private static ServeCommand parse(String... args) {
        ServeCommand c = new ServeCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    private int status(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void servesOnLoopbackWithoutToken() throws Exception {
        StringWriter out = new StringWriter();
        try (WebServer s = parse("--port", "0").open(new PrintWriter(out), new PrintWriter(new StringWriter()))) {
            assertThat(out.toString()).contains("Parley is serving http://127.0.0.1:" + s.port() + "/");
            assertThat(status("http://127.0.0.1:" + s.port() + "/api/info", null)).isEqualTo(200);
        }
    }

    @Test
    void bindErrorsSayWhatHappened() throws Exception {
        StringWriter out = new StringWriter();
        try (WebServer first = parse("--port", "0").open(new PrintWriter(out), new PrintWriter(new StringWriter()))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--port", Integer.toString(first.port()))
                    .open(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
                    .isInstanceOfSatisfying(org.parley.engine.ParleyException.class, e -> {
                        assertThat(e.code()).isEqualTo(org.parley.engine.ErrorCode.BAD_OPTION);
                        assertThat(e.getMessage()).contains("port " + first.port() + " is in use");
                    });
        }
        // 192.0.2.1 (TEST-NET-1) is nobody's own address
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse("--port", "0", "--bind", "192.0.2.1")
                .open(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
                .isInstanceOfSatisfying(org.parley.engine.ParleyException.class, e -> {
                    assertThat(e.getMessage()).contains("this machine has no address 192.0.2.1").doesNotContain("port 0");
                });
    }

    @Test
    void theWorkBudgetIsAFlag() throws Exception {
        try (WebServer s = parse("--port", "0", "--max-rounds", "7").open(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))) {
            String base = "http://127.0.0.1:" + s.port();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/forecast"))
                    .header("Origin", base).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\": \"dprk-us-talks-2024\", \"rounds\": 8}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("BAD_OPTION");
        }
        // the seed's 9 issues and its actors are more than 1,000 exchange pairs
        try (WebServer s = parse("--port", "0", "--max-pairs", "1000").open(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))) {
            String base = "http://127.0.0.1:" + s.port();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/forecast"))
                    .header("Origin", base).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\": \"dprk-us-talks-2024\", "
                            + "\"models\": [\"exchange\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("BAD_OPTION").contains("pairs (actors^2 x issues^2) must be <= 1000 on this server");
        }
    }

    @Test
    void exposedServerGeneratesAndPrintsAToken() throws Exception {
        Assumptions.assumeTrue(System.getenv("PARLEY_TOKEN") == null, "PARLEY_TOKEN is set in this environment");
        StringWriter out = new StringWriter();
        try (WebServer s = parse("--port", "0", "--bind", "0.0.0.0").open(new PrintWriter(out), new PrintWriter(new StringWriter()))) {
            Matcher m = Pattern.compile("Generated access token: (\\S+)").matcher(out.toString());
            assertThat(m.find()).as(out.toString()).isTrue();
            String api = "http://127.0.0.1:" + s.port() + "/api/info";
            assertThat(status(api, null)).isEqualTo(401);
            assertThat(status(api, "wrong")).isEqualTo(401);
            assertThat(status(api, m.group(1))).isEqualTo(200);
        }
    }

    @Test
    void withAStoreFinishedRunsAreSavedThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path db = dir.resolve("web.db");
        StringWriter out = new StringWriter();
        try (WebServer s = parse("--port", "0", "--store", db.toString()).open(new PrintWriter(out), new PrintWriter(new StringWriter()))) {
            String base = "http://127.0.0.1:" + s.port();
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                    .header("Origin", base).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scenario\": \"dprk-us-talks-2024\", \"models\": [\"median\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String id = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            String status = "";
            long end = System.nanoTime() + 30_000_000_000L;
            while (!status.contains("\"storeRun\"") && System.nanoTime() < end) {
                status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(status).contains("\"status\":\"done\"", "\"storeRun\":1");
        }
        CliRun runs = CliRun.of("runs", "list", "--store", db.toString());
        assertThat(runs.exit()).as(runs.err()).isZero();
        assertThat(runs.out()).contains("dprk-us-talks-2024");
    }

    @Test
    void badPortIsABadOption() {
        assertThat(CliRun.of("serve", "--port", "70000").exit()).isEqualTo(2);
        assertThat(CliRun.of("serve", "--help").out()).contains("--bind", "--port", "--store");
    }

    @Test
    void progressBarLine() {
        assertThat(ProgressBar.line("run-000001", 3, 12)).isEqualTo("run-000001 [########----------------------] 3/12  25%");
        assertThat(ProgressBar.line("x", 0, 0)).isEqualTo("x [------------------------------] 0/0   0%");
        StringWriter w = new StringWriter();
        ProgressBar piped = new ProgressBar(new PrintWriter(w), false);
        piped.update("r", 1, 2);
        piped.finish("r", "done");
        assertThat(w.toString()).isEqualTo("r: done" + System.lineSeparator());
    }
}
