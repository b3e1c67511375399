package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
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
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.parley.engine.BargainingModel;
import org.parley.engine.Simulation;
import org.parley.models.Models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The web attacks of issue #20, each reproduced against a real server on loopback and shown to
 * fail: cross-site writes, the option-based round bypass, a large upload running the exchange model
 * for minutes, a cancelled job holding its worker, a client leaving a synchronous request (and a
 * request pipelined behind one still answered), a chunked body past the limit, an unbounded
 * scenario history, slow connections starving the server. (Planted markup in the browser: {@link PlantedMarkupIT}.) Every test is bounded in time
 * and in the connections and bytes it uses.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SecurityIT {

    private static final String SEED = "dprk-us-talks-2024";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private String base;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private WebServer start(WebSettings settings, List<BargainingModel> models) {
        WebServer s = new WebServer(settings, new InMemoryScenarioRepository(InstantSource.system()),
                new Simulation(models), InstantSource.system());
        s.seed();
        s.start();
        closing.add(s);
        base = "http://127.0.0.1:" + s.port();
        return s;
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as this server's own page sends it. */
    private HttpResponse<String> own(String method, String path, String body) throws Exception {
        return send(method, path, body, "Origin", base, "Content-Type", "application/json");
    }

    private static String code(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body()).path("error").path("code").asText();
    }

    @Test
    void crossSiteWritesFail() throws Exception {
        start(WebSettings.local(0), Models.all());
        String scenario = "parley: 1\nid: forged\ntitle: Forged\nissues:\n  - id: x\n    scale: {min: 0, max: 100}\n"
                + "actors:\n  - id: a\n    capability: {value: 1, judgement: t}\n    stances:\n"
                + "      x: {position: {value: 1, judgement: t}, salience: {value: 1, judgement: t}}\n";
        String run = "{\"scenario\": \"" + SEED + "\", \"models\": [\"median\"]}";
        // a form or fetch from another site: its Origin, and the text/plain body such a page may post
        for (String[] attack : List.of(new String[] {"POST", "/api/scenarios", scenario},
                new String[] {"POST", "/api/runs", run}, new String[] {"POST", "/api/montecarlo", run},
                new String[] {"POST", "/api/montecarlo/jobs", run}, new String[] {"DELETE", "/api/scenarios/" + SEED, null},
                new String[] {"POST", "/api/registry", "{\"run\": 1, \"issue\": \"x\", \"resolvesBy\": \"2030-01-01\"}"},
                new String[] {"POST", "/api/registry/1/resolution", "{\"outcome\": 1e300}"})) {
            HttpResponse<String> foreign = send(attack[0], attack[1], attack[2], "Origin", "https://evil.example",
                    "Content-Type", "text/plain");
            assertThat(foreign.statusCode()).as(String.join(" ", attack[0], attack[1])).isEqualTo(403);
            assertThat(code(foreign)).isEqualTo("CROSS_SITE");
            HttpResponse<String> fetchMetadata = send(attack[0], attack[1], attack[2], "Sec-Fetch-Site", "cross-site",
                    "Content-Type", "application/json");
            assertThat(fetchMetadata.statusCode()).isEqualTo(403);
            if (attack[2] != null) {
                HttpResponse<String> plain = send(attack[0], attack[1], attack[2], "Origin", base, "Content-Type",
                        "text/plain");
                assertThat(plain.statusCode()).as(String.join(" ", attack[0], attack[1])).isEqualTo(415);
            }
        }
        assertThat(send("GET", "/api/scenarios/forged", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/scenarios/" + SEED, null).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send("GET", "/api/jobs", null).body()).size()).isZero();
    }

    @Test
    void modelOptionsCannotBypassTheRoundCap() throws Exception {
        start(WebSettings.local(0), Models.all());
        long t0 = System.nanoTime();
        for (String options : List.of("\"expected-utility.max-rounds\": 2e9", "\"max-rounds\": 2000000000",
                "\"spatial.max-turns\": 2e9", "\"expected-utility.max-rounds\": \"1e308\"")) {
            for (String path : List.of("/api/forecast", "/api/runs", "/api/montecarlo/jobs")) {
                HttpResponse<String> r = own("POST", path, "{\"scenario\": \"" + SEED + "\", \"options\": {" + options + "}}");
                assertThat(r.statusCode()).as(path + " " + options + ": " + r.body()).isEqualTo(400);
                assertThat(code(r)).isEqualTo("BAD_OPTION");
            }
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).as("refused before any work").isLessThan(20);
        assertThat(JSON.readTree(send("GET", "/api/jobs", null).body()).size()).isZero();
    }

    @Test
    void aLargeUploadCannotRunTheExchangeModelForMinutes() throws Exception {
        start(WebSettings.local(0), Models.all());
        // 200 actors x 5 issues: 1,000,000 candidate pairs a round (the attack's upload ran 150 s)
        assertThat(own("POST", "/api/scenarios", big("crowd", 200, 5, 0)).statusCode()).isEqualTo(201);
        long t0 = System.nanoTime();
        for (String path : List.of("/api/forecast", "/api/runs", "/api/montecarlo", "/api/montecarlo/jobs")) {
            HttpResponse<String> r = own("POST", path, "{\"scenario\": \"crowd\"}");
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(400);
            assertThat(code(r)).isEqualTo("BAD_OPTION");
            assertThat(r.body()).contains("pairs (actors^2 x issues^2) must be <= 100000 on this server, was 1000000");
        }
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).as("refused before any work").isLessThan(20);
        HttpResponse<String> median = own("POST", "/api/forecast", "{\"scenario\": \"crowd\", \"models\": [\"median\"]}");
        assertThat(median.statusCode()).as(median.body()).isEqualTo(200);
        assertThat(JSON.readTree(send("GET", "/api/jobs", null).body()).size()).isZero();
    }

    @Test
    void aCancelledJobFreesItsWorkerWithinARound() throws Exception {
        start(WebSettings.local(0).withJobThreads(1), Models.all());
        // 80 actors x 8 issues, 10,000 rounds of expected utility: minutes of work on one worker
        assertThat(own("POST", "/api/scenarios", big("big", 80, 8, 0)).statusCode()).isEqualTo(201);
        String a = JSON.readTree(own("POST", "/api/runs", "{\"scenario\": \"big\", \"models\": [\"expected-utility\"], "
                + "\"rounds\": 10000}").body()).get("id").asText();
        waitFor(a, "running", 30);
        String b = JSON.readTree(own("POST", "/api/runs", "{\"scenario\": \"" + SEED + "\", \"models\": [\"median\"], "
                + "\"worlds\": [\"base\"]}").body()).get("id").asText();
        // b waits behind a, which is still computing a second later
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(status(a)).isEqualTo("running");
        assertThat(status(b)).isEqualTo("queued");
        long cancelled = System.nanoTime();
        assertThat(JSON.readTree(send("DELETE", "/api/runs/" + a, null, "Origin", base).body()).get("status").asText())
                .isEqualTo("cancelled");
        waitFor(b, "done", 30);
        double seconds = (System.nanoTime() - cancelled) / 1e9;
        System.out.printf(Locale.ROOT, "SecurityIT: the queued job finished %.3f s after the running one was cancelled%n",
                seconds);
        assertThat(seconds).as("the worker was freed at the next round").isLessThan(2.0);
    }

    @Test
    void aClientLeavingASynchronousRequestFreesItsWorker() throws Exception {
        WebServer s = start(WebSettings.local(0).withJobThreads(1), Models.all());
        assertThat(own("POST", "/api/scenarios", big("big", 80, 8, 0)).statusCode()).isEqualTo(201);
        // synchronous Monte Carlo: 100 runs of 10,000 expected-utility rounds on 80 actors x 8 issues, then the client leaves
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.getOutputStream().write(raw("POST", "/api/montecarlo", "{\"scenario\": \"big\", \"models\": "
                    + "[\"expected-utility\"], \"runs\": 100, \"rounds\": 10000}", s.port()));
            socket.getOutputStream().flush();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (s.busyRequests() == 0) {
                assertThat(System.nanoTime()).as("the Monte Carlo request started").isLessThan(end);
                Thread.sleep(10);
            }
            Thread.sleep(500);
        }
        long left = System.nanoTime();
        HttpResponse<String> r = own("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"models\": [\"median\"], "
                + "\"worlds\": [\"base\"]}");
        double seconds = (System.nanoTime() - left) / 1e9;
        System.out.printf(Locale.ROOT, "SecurityIT: a forecast answered %.3f s after the Monte Carlo client left%n",
                seconds);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(seconds).as("the only worker was freed when the client left").isLessThan(2.0);
        // the forecast's own worker is counted free just after its answer is written: wait for it, briefly
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (s.busyRequests() != 0 && System.nanoTime() < settle) {
            Thread.sleep(10);
        }
        assertThat(s.busyRequests()).as("no request left computing").isZero();
    }

    @Test
    void aPipelinedRequestIsAnsweredWhileTheFirstIsWatched() throws Exception {
        BargainingModel median = Models.all().stream().filter(m -> m.id().equals("median")).findFirst().orElseThrow();
        BargainingModel slow = new BargainingModel() {
            @Override
            public String id() {
                return "slow";
            }

            @Override
            public String description() {
                return "the median after a second's wait";
            }

            @Override
            public List<org.parley.engine.OptionSpec> options() {
                return median.options();
            }

            @Override
            public org.parley.engine.Trajectory run(org.parley.engine.Problem p, org.parley.engine.ModelOptions o,
                                                    org.parley.engine.RunContext c) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
                return median.run(p, o, c);
            }
        };
        WebServer s = start(WebSettings.local(0).withJobThreads(1), List.of(median, slow));
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw("POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"models\": [\"slow\"], "
                    + "\"worlds\": [\"base\"]}", s.port()));
            out.flush();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (s.busyRequests() == 0) {
                assertThat(System.nanoTime()).isLessThan(end);
                Thread.sleep(5);
            }
            Thread.sleep(300); // the first request is being watched when the second arrives on the same connection
            out.write(("GET /api/info HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            String[] first = response(in);
            String[] second = response(in);
            assertThat(first[0]).as(first[1]).startsWith("HTTP/1.1 200");
            assertThat(JSON.readTree(first[1]).get("settings").get("models").toString()).contains("slow");
            assertThat(second[0]).as(second[1]).startsWith("HTTP/1.1 200");
            assertThat(JSON.readTree(second[1]).get("tokenRequired").asBoolean()).isFalse();
        }
    }

    @Test
    void draftsRunOnTheBoundedPoolAndLeaveTheQueueWithTheirClient() throws Exception {
        WebServer s = start(WebSettings.local(0).withJobThreads(1), Models.all());
        String article = org.parley.io.Scenarios.seed().sources().values().iterator().next();
        String body = JSON.writeValueAsString(java.util.Map.of("name", "long.txt",
                "text", (article + "\n\n").repeat(Math.max(1, 250_000 / article.length()))));
        try (Socket first = new Socket("127.0.0.1", s.port()); Socket second = new Socket("127.0.0.1", s.port())) {
            first.getOutputStream().write(raw("POST", "/api/draft", body, s.port()));
            first.getOutputStream().flush();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (s.busyRequests() < 1) {
                assertThat(System.nanoTime()).as("the draft runs on the pool of waiting requests").isLessThan(end);
                Thread.sleep(10);
            }
            second.getOutputStream().write(raw("POST", "/api/draft", body, s.port()));
            second.getOutputStream().flush();
            while (s.busyRequests() < 2) {
                assertThat(System.nanoTime()).as("the second draft waits for the only worker").isLessThan(end);
                Thread.sleep(10);
            }
            second.close();
            while (s.busyRequests() > 1) {
                assertThat(System.nanoTime()).as("the queued draft left with its client").isLessThan(end);
                Thread.sleep(10);
            }
        }
    }

    @Test
    void aChunkedBodyPastTheLimitIs413WithoutBeingRead() throws Exception {
        WebServer s = start(WebSettings.local(0), Models.all());
        long total = 10L << 20;
        AtomicLong written = new AtomicLong();
        AtomicBoolean stopped = new AtomicBoolean();
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.setSendBufferSize(64 * 1024);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nOrigin: " + base
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (written.get() < total) {
                        out.write(head);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        written.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    stopped.set(true); // the server closed the connection
                }
            }, "chunked-writer");
            writer.start();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            writer.join(TimeUnit.SECONDS.toMillis(30));
            System.out.printf(Locale.ROOT, "SecurityIT: chunked body: %d of %d bytes sent when the server stopped it%n",
                    written.get(), total);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
            assertThat(stopped.get()).as("the server stopped reading: the client could not send it all").isTrue();
            assertThat(written.get()).isLessThan(total);
        }
        assertThat(send("GET", "/api/info", null).statusCode()).isEqualTo(200);
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void threeHundredVersionsOfALargeScenarioStayUnderAMemoryBound() throws Exception {
        start(WebSettings.local(0), Models.all());
        assertThat(own("POST", "/api/scenarios", big("huge", 3, 2, 0)).statusCode()).isEqualTo(201);
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(send("GET", "/api/scenarios/huge", null).body()).get("document");
        String filler = "x".repeat(250_000);
        long before = usedHeap();
        long t0 = System.nanoTime();
        for (int v = 2; v <= 300; v++) {
            doc.put("description", filler + v);
            HttpResponse<String> r = own("PUT", "/api/scenarios/huge", JSON.writeValueAsString(doc));
            assertThat(r.statusCode()).as("version %d: %s", v, r.body().length() > 300 ? r.body().substring(0, 300)
                    : r.body()).isEqualTo(200);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long grown = usedHeap() - before;
        System.out.printf(Locale.ROOT, "SecurityIT: 300 versions of a %.1f MB scenario saved in %.1f s: heap grew %.1f MiB%n",
                filler.length() / 1e6, seconds, grown / 1048576.0);
        JsonNode versions = JSON.readTree(send("GET", "/api/scenarios/huge/versions", null).body());
        assertThat(versions.size()).isEqualTo(InMemoryScenarioRepository.KEPT_VERSIONS);
        assertThat(versions.get(versions.size() - 1).get("version").asInt()).isEqualTo(300);
        // every version kept would hold 300 x 250 kB = 75 MB of documents alone, and as much again parsed
        assertThat(grown).isLessThan(48L << 20);
    }

    @Test
    void slowConnectionsDoNotStarveTheServer() throws Exception {
        WebServer s = start(WebSettings.local(0), Models.all());
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 260; i++) {
                Socket socket = new Socket("127.0.0.1", s.port());
                slow.add(socket);
                socket.setSoTimeout(30_000);
                String head = "POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\n";
                if (i % 2 == 0) {
                    // a body that stalls after a few bytes
                    head += "Origin: " + base + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"a";
                }
                // else: headers that never end
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            for (String[] normal : List.of(new String[] {"GET", "/api/info", null},
                    new String[] {"POST", "/api/forecast", "{\"scenario\": \"" + SEED + "\", \"models\": [\"median\"], "
                            + "\"worlds\": [\"base\"]}"},
                    new String[] {"POST", "/api/validate", "{\"parley\": 1}"})) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = normal[0].equals("GET") ? send("GET", normal[1], null)
                        : own(normal[0], normal[1], normal[2]);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "SecurityIT: %s %s answered %d in %.3f s beside 260 slow connections%n",
                        normal[0], normal[1], r.statusCode(), seconds);
                assertThat(r.statusCode()).isLessThan(500);
                assertThat(seconds).isLessThan(2.0);
            }
            // a stalled body is answered 408 once the body timeout passes
            InputStream in = slow.get(0).getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 408");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    // ------------------------------------------------------------ helpers

    /** A request as this server's own page sends it, as bytes for a raw socket. */
    private String rawHead(String method, String path, int port) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + base + "\r\n";
    }

    private byte[] raw(String method, String path, String body, int port) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return (rawHead(method, path, port) + "Content-Type: application/json\r\nContent-Length: " + b.length
                + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** One HTTP/1.1 response from a raw connection: its status line and body (by length or chunked). */
    private static String[] response(InputStream in) throws IOException {
        String status = line(in);
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (chunked) {
            for (int n = Integer.parseInt(line(in).split(";")[0].strip(), 16); n > 0;
                 n = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(n));
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            body.write(in.readNBytes((int) length));
        }
        return new String[] {status, body.toString(StandardCharsets.UTF_8)};
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** A scenario with generated actors and issues; every number by judgement. */
    static String big(String id, int actors, int issues, int seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder("parley: 1\nid: " + id + "\ntitle: " + id + "\nissues:\n");
        for (int k = 0; k < issues; k++) {
            sb.append("  - id: i").append(k).append("\n    scale: {min: 0, max: 100}\n");
        }
        sb.append("actors:\n");
        for (int i = 0; i < actors; i++) {
            sb.append("  - id: a").append(i).append("\n    capability: {value: ").append(1 + random.nextInt(99))
                    .append(", judgement: generated}\n    stances:\n");
            for (int k = 0; k < issues; k++) {
                sb.append("      i").append(k).append(": {position: {value: ").append(random.nextInt(101))
                        .append(", judgement: generated}, salience: {value: ").append(1 + random.nextInt(100))
                        .append(", judgement: generated}}\n");
            }
        }
        return sb.toString();
    }

    private String status(String id) throws Exception {
        return JSON.readTree(send("GET", "/api/runs/" + id, null).body()).get("status").asText();
    }

    private void waitFor(String id, String want, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = status(id);
        while (!s.equals(want)) {
            assertThat(System.nanoTime()).as("job %s still %s", id, s).isLessThan(end);
            assertThat(s).isIn("queued", "running");
            Thread.onSpinWait();
            s = status(id);
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
