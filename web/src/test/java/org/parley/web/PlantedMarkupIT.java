package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.RunContext;
import org.parley.engine.Simulation;
import org.parley.engine.Trajectory;
import org.parley.models.Models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue #20's HTML injection, in headless Chromium: markup planted in every free-text field of a
 * scenario (title, description, names, scale labels, branch names, source titles, judgements,
 * questions) and in a model's move reason is shown as text everywhere the UI draws it, tooltips
 * included: no element is created from it and no script runs. Markup in an id is refused.
 */
class PlantedMarkupIT {

    private static final String PLANT = "<img src=x data-planted=1 onerror=\"window.planted=1\"><i data-planted=1>P</i>";
    private static final Set<String> TEXT_FIELDS = Set.of("title", "name", "description", "label", "judgement",
            "question", "note", "quote");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WebServer server;
    private static ChromeDriver driver;
    private static Path profile;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        String chromium = System.getenv("PARLEY_CHROMIUM");
        String chromedriver = System.getenv("PARLEY_CHROMEDRIVER");
        if (chromium == null || chromium.isBlank() || chromedriver == null || chromedriver.isBlank()) {
            System.err.println("WARNING: SKIPPING the planted-markup browser test: set PARLEY_CHROMIUM and PARLEY_CHROMEDRIVER");
            Assumptions.abort("PARLEY_CHROMIUM and PARLEY_CHROMEDRIVER are not set");
        }
        List<BargainingModel> models = new ArrayList<>(Models.all());
        models.add(new Quoter());
        server = WebServer.inMemory(WebSettings.local(0), new Simulation(models)).start();
        base = "http://127.0.0.1:" + server.port();
        profile = Files.createTempDirectory("parley-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,1100", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build(), options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void plantedMarkupInEveryFieldRendersAsText() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode seed = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/scenarios/dprk-us-talks-2024"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).get("document");
        ObjectNode doc = (ObjectNode) seed.deepCopy();
        int planted = plant(doc);
        assertThat(planted).isGreaterThan(20);

        // markup in an id is refused
        ObjectNode badId = doc.deepCopy();
        badId.put("id", "x" + PLANT);
        assertThat(post(http, badId).statusCode()).isEqualTo(422);

        doc.put("id", "planted");
        HttpResponse<String> created = post(http, doc);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        driver.get(base + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> "true".equals(js("return document.body.dataset.ready")));
        driver.findElement(By.cssSelector("#scenario-list li[data-id='planted']")).click();
        wait.until(d -> d.findElement(By.id("scenario-title")).getText().contains("data-planted"));
        driver.findElement(By.cssSelector("#tabs button[data-tab='forecast']")).click();
        driver.findElement(By.id("run-all")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().contains("done"));
        wait.until(d -> Boolean.TRUE.equals(js("const c = window.parleyCharts.tornado; "
                + "return !!c && c.getOption().series.length === 2 && c.getOption().series[0].data.length > 0")));
        new Select(driver.findElement(By.id("model"))).selectByValue("quoter");
        wait.until(d -> Boolean.TRUE.equals(js("const c = window.parleyCharts.network; "
                + "return !!c && c.getOption().series.length > 0 && c.getOption().series[0].links.length > 0")));
        // every tooltip that draws user text, shown as a user's hover shows it: the pointer on the edge's middle
        js("document.getElementById('chart-network').scrollIntoView()");
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) js("const p = [...document.querySelectorAll('#chart-network path')]"
                + ".filter(x => ['#0072b2', '#d55e00', '#555555'].includes((x.getAttribute('stroke') || '').toLowerCase())"
                + " && x.getAttribute('fill') === 'none')"
                + ".sort((a, b) => b.getTotalLength() - a.getTotalLength())[0];"
                + "const m = p.getPointAtLength(p.getTotalLength() / 2).matrixTransform(p.getScreenCTM());"
                + "return [Math.round(m.x), Math.round(m.y)];");
        new org.openqa.selenium.interactions.Actions(driver).moveToLocation(at.get(0).intValue(), at.get(1).intValue())
                .perform();
        // the tooltip is up: with the reason as text, or (the failure this test is for) as elements
        wait.until(d -> Boolean.TRUE.equals(js("const n = document.getElementById('chart-network');"
                + "return n.textContent.includes('quoted') || !!n.querySelector('[data-planted]');")));
        assertThat(String.valueOf(js("return document.getElementById('chart-network').textContent")))
                .contains("quoted <img src=x data-planted=1");
        js("const c = window.parleyCharts;"
                + "c.tornado.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});"
                + "c.trajectory.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});"
                + "c.forecast.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});");
        for (String tab : List.of("editor", "forecast")) {
            driver.findElement(By.cssSelector("#tabs button[data-tab='" + tab + "']")).click();
            assertThat(js("return document.querySelectorAll('[data-planted]').length")).as(tab).isEqualTo(0L);
            assertThat(js("return window.planted === undefined")).as(tab).isEqualTo(true);
        }
        String text = String.valueOf(js("return document.body.innerText"));
        assertThat(text).contains("<i data-planted=1>P</i>");
    }

    private HttpResponse<String> post(HttpClient http, JsonNode doc) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/scenarios")).header("Origin", base)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(doc)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Appends the markup to every free-text field (scale ends' labels, quotes and attributes too); returns how many. */
    private static int plant(JsonNode n) {
        int count = 0;
        if (n instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                boolean scaleEnd = (k.equals("low") || k.equals("high")) && v.isTextual();
                if (k.equals("attributes") && v instanceof ObjectNode attributes) { // every textual attribute
                    for (Map.Entry<String, JsonNode> a : attributes.properties()) {
                        if (a.getValue().isTextual()) {
                            attributes.put(a.getKey(), a.getValue().asText() + " " + PLANT);
                            count++;
                        }
                    }
                } else if (v.isTextual() && (TEXT_FIELDS.contains(k) || scaleEnd)) {
                    o.put(k, v.asText() + " " + PLANT);
                    count++;
                } else {
                    count += plant(v);
                }
            }
        } else if (n != null && n.isArray()) {
            for (JsonNode x : n) {
                count += plant(x);
            }
        }
        return count;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** A model whose move reason quotes planted markup, as a model quoting user text would. */
    private static final class Quoter implements BargainingModel {
        @Override
        public String id() {
            return "quoter";
        }

        @Override
        public String description() {
            return "test double: one move whose reason carries markup";
        }

        @Override
        public Trajectory run(Problem p, ModelOptions o, RunContext c) {
            double[][] start = p.copyPositions();
            double[] mean = new double[p.issueCount()];
            Move m = new Move(1, "challenge", p.actorId(0), p.actorId(1), p.issueId(0), start[0][0], start[0][0], Map.of(),
                    "quoted " + PLANT);
            Round r1 = new Round(1, start, mean.clone(), List.of(m), Map.of());
            return new Trajectory(List.of(Round.initial(p.copyPositions(), mean.clone()), r1), mean, "1 round", List.of());
        }
    }
}
