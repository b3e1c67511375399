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
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.parley.models.Models;

/**
 * A bounded load test on loopback: {@code parley.load.clients} clients (default 50) each post the
 * seed scenario's baseline forecast (every world, the three baseline models) to {@code POST /api/forecast} in a
 * loop for {@code parley.load.seconds} seconds (default 30), at most {@code parley.load.max}
 * requests in all. Every answer must be 200 with a forecast. Latency percentiles are printed and
 * written to {@code target/load-report.txt}.
 *
 * <p>Rerun: {@code mvn -B -pl web -am verify -Dit.test=LoadIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
class LoadIT {

    /** The baseline models: the seed scenario's baseline forecast, every world. */
    private static final List<String> BASELINES = List.of("compromise", "median", "nash");

    @Test
    void fiftyClientsForThirtySecondsWithoutErrors() throws Exception {
        int clients = Integer.getInteger("parley.load.clients", 50);
        int seconds = Integer.getInteger("parley.load.seconds", 30);
        long max = Long.getLong("parley.load.max", 2_000_000L);
        try (WebServer server = WebServer.inMemory(WebSettings.local(0), Models.simulation()).start()) {
            String url = "http://127.0.0.1:" + server.port() + "/api/forecast";
            String body = "{\"scenario\": \"dprk-us-talks-2024\", \"models\": [" + String.join(", ",
                    BASELINES.stream().map(m -> "\"" + m + "\"").toList()) + "]}";
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Origin", url.replaceFirst("(https?://[^/]+).*", "$1"))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            // warm-up (JIT, first parse), not measured
            for (int i = 0; i < 50; i++) {
                assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }

            AtomicLong issued = new AtomicLong();
            AtomicInteger errors = new AtomicInteger();
            ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            CountDownLatch finished = new CountDownLatch(clients);
            for (int c = 0; c < clients; c++) {
                long[][] holder = new long[1][];
                Thread t = new Thread(() -> {
                    long[] lat = new long[1024];
                    int n = 0;
                    try {
                        while (System.nanoTime() < end && issued.incrementAndGet() <= max) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200 || !r.body().contains("\"forecast\"")) {
                                    errors.incrementAndGet();
                                    if (firstErrors.size() < 5) {
                                        firstErrors.add(r.statusCode() + " " + r.body());
                                    }
                                }
                            } catch (IOException e) {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 5) {
                                    firstErrors.add(e.toString());
                                }
                            }
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = System.nanoTime() - t0;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        holder[0] = Arrays.copyOf(lat, n);
                        finished.countDown();
                    }
                }, "load-client-" + c);
                t.start();
                clientsHolders.add(holder);
            }
            finished.await();
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] all = clientsHolders.stream().flatMapToLong(h -> Arrays.stream(h[0])).sorted().toArray();

            String report = String.format(Locale.ROOT,
                    "load test: %d clients, %.1f s, POST /api/forecast (seed scenario, every world, models %s)%n"
                            + "requests %d, errors %d, throughput %.0f req/s%n"
                            + "latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n"
                            + "machine: %d cores, Java %s%n",
                    clients, elapsed, String.join(",", BASELINES),
                    all.length, errors.get(), all.length / elapsed,
                    pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            System.out.print(report);
            Path out = Paths.get("target", "load-report.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertThat(errors.get()).as("errors; first: %s", firstErrors).isZero();
            assertThat(all.length).isPositive();
        }
    }

    private final List<long[][]> clientsHolders = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
