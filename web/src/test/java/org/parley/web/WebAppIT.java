package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
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
import org.parley.io.Scenarios;
import org.parley.model.Scenario;
import org.parley.models.Models;

/**
 * The web app in headless Chromium (Debian's chromium + chromium-driver): open the seed scenario,
 * change a salience, see the validation error of an out-of-range value, run all models, see the
 * trajectory chart with one series per actor, open a value's provenance and see its sentence,
 * compare two branches. Screenshots of each step go to {@code target/screenshots/}.
 *
 * <p>Chromium comes from {@code PARLEY_CHROMIUM} / {@code PARLEY_CHROMEDRIVER} (set by CI) or the
 * Debian paths. When those variables are set the browser must work: a broken one fails the test.
 * When no Chromium is installed at all the test is skipped, loudly.
 */
class WebAppIT {

    private static final String SALIENCE = "actors[0].stances.sanctions.salience";
    private static final String POSITION = "actors[0].stances.sanctions.position";
    private static final Path SHOTS = Paths.get("target", "screenshots");

    /** Held so the level set on it is not lost with a collected logger. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private static WebServer server;
    private static ChromeDriver driver;
    private static Path profile;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        String chromium = find("PARLEY_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        String chromedriver = find("PARLEY_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        boolean required = !blank(System.getenv("PARLEY_CHROMIUM"));
        if (chromium == null || chromedriver == null) {
            String why = "headless Chromium not found (chromium=" + chromium + ", chromedriver=" + chromedriver
                    + "); install Debian's chromium and chromium-driver or set PARLEY_CHROMIUM and PARLEY_CHROMEDRIVER";
            if (required) {
                throw new AssertionError("PARLEY_CHROMIUM is set but " + why);
            }
            System.err.println("WARNING: SKIPPING the browser tests: " + why);
            Assumptions.abort(why);
        }
        // Selenium warns that it has no DevTools bindings for this Chromium: this test does not use them
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("parley-chromium-");
        List<BargainingModel> models = new ArrayList<>(Models.all());
        models.add(new Mover());
        server = WebServer.inMemory(WebSettings.local(0), new Simulation(models)).start();
        base = "http://127.0.0.1:" + server.port() + "/";

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        // a broken browser or driver throws here, and fails the test: it is not skipped
        driver = new ChromeDriver(service, options);
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

    private static String find(String env, String... paths) {
        String v = System.getenv(env);
        if (!blank(v)) {
            return v;
        }
        for (String p : paths) {
            if (Files.isExecutable(Paths.get(p))) {
                return p;
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static void shot(String name) throws IOException {
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebElement field(String path) {
        return driver.findElement(By.cssSelector("input[data-path='" + path + "']"));
    }

    private static void type(WebElement input, String value) {
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void tab(String name) {
        driver.findElement(By.cssSelector("#tabs button[data-tab='" + name + "']")).click();
    }

    @Test
    void editRunExplainCompare() throws IOException {
        // 1. open the seed scenario
        driver.get(base);
        waiting().until(d -> "true".equals(js("return document.body.dataset.ready")));
        Scenario seed = Scenarios.seed().scenario();
        assertThat(driver.findElement(By.id("scenario-title")).getText()).contains(seed.title());
        assertThat(driver.findElements(By.cssSelector("#grid tr[data-actor]"))).hasSize(seed.actors().size());
        shot("01-seed-scenario");

        // 2. change one salience
        type(field(SALIENCE), "80");
        waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("Valid"));
        shot("02-salience-changed");

        // 3. an out-of-range value shows its error at the field
        type(field(SALIENCE), "150");
        WebElement error = waiting().until(d -> d.findElement(By.cssSelector(".field-error[data-path='" + SALIENCE + "']")));
        assertThat(error.getText()).contains("150").contains("outside");
        assertThat(field(SALIENCE).getAttribute("class")).contains("invalid");
        assertThat(driver.findElement(By.id("problems")).getText()).contains("SALIENCE_OUT_OF_RANGE").contains("line");
        shot("03-validation-error");
        type(field(SALIENCE), "80");
        waiting().until(d -> d.findElements(By.cssSelector(".field-error")).isEmpty());

        // 3b. add a what-if branch in which the United States wants no sanctions relief at all
        driver.findElement(By.id("branch-id")).sendKeys("usa-hawk");
        driver.findElement(By.id("add-branch")).click();
        WebElement row = waiting().until(d -> d.findElement(By.cssSelector("details[data-branch='usa-hawk'] tr.add-change")));
        List<WebElement> selects = row.findElements(By.tagName("select"));
        new Select(selects.get(0)).selectByValue("usa");
        new Select(selects.get(1)).selectByValue("sanctions");
        new Select(selects.get(2)).selectByValue("position");
        row.findElement(By.cssSelector("input[type=number]")).sendKeys("0");
        row.findElement(By.tagName("button")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("Valid"));
        assertThat(driver.findElement(By.cssSelector("details[data-branch='usa-hawk']")).getText()).contains("usa", "sanctions", "position");

        // 4. run all models
        tab("forecast");
        driver.findElement(By.id("run-all")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("done"));
        assertThat(driver.findElement(By.id("run-status")).getText()).contains("done");
        assertThat(driver.findElement(By.id("history")).getText()).contains("v2");
        shot("04-run-all-models");

        // 4b. the answer panel comes first: the description, the questions, issues x models with the
        // scale's words, P(deal) and P(talks); a dynamic model is selected; the brief downloads
        WebElement panel = driver.findElement(By.id("answer-panel"));
        assertThat(driver.findElements(By.cssSelector(".charts > figure")).get(0).getAttribute("id")).isEqualTo("answer-panel");
        assertThat(panel.findElement(By.id("answer-description")).getText()).contains(seed.description().strip().substring(0, 40));
        assertThat(panel.findElement(By.id("answer-questions")).getText())
                .contains(seed.issues().get(0).thresholds().get(0).question());
        String answer = panel.findElement(By.id("answer-table")).getText();
        assertThat(answer).contains("P(talks)", "P(deal)", seed.issues().get(0).name(), "expected-utility", "90% model error");
        assertThat(new Select(driver.findElement(By.id("world"))).getFirstSelectedOption().getText())
                .as("the most probable mixed world, not the base world without talks").isEqualTo("trump-wins");
        String selected = new Select(driver.findElement(By.id("model"))).getFirstSelectedOption().getText();
        Object rounds = js("const w = window.parleyState.result.worlds.find(x => x.id === document.getElementById('world').value);"
                + " return w.runs.find(x => x.model === arguments[0]).rounds.length", selected);
        assertThat(((Number) rounds).intValue()).as("model %s after Run all", selected).isGreaterThan(1);
        String brief = (String) ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(`/api/scenarios/${window.parleyState.scenario.id}/versions/${window.parleyState.scenario.version}/brief?models=compromise`)"
                + ".then(r => r.text()).then(done, e => done('failed: ' + e))");
        assertThat(brief).contains("<section id=\"bottom-line\">", "<section id=\"provenance\">", "<svg");
        driver.findElement(By.id("export-brief")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("Brief downloaded"));
        js("document.getElementById('answer-panel').scrollIntoView()");
        shot("04b-answer-panel");

        // 5. the trajectory chart has one series per actor of the issue, and the outcome
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) js("return window.parleyCharts.trajectory.getOption().series.map(s => s.name)");
        String issue = new Select(driver.findElement(By.id("issue"))).getFirstSelectedOption().getText();
        List<String> actors = seed.actors().stream().map(a -> a.id())
                .filter(a -> seed.stance(a, issue).isPresent()).toList();
        assertThat(names).containsExactlyElementsOf(concat(actors, "outcome"));
        assertThat(driver.findElements(By.cssSelector("#chart-trajectory svg"))).isNotEmpty();
        shot("05-trajectory-chart");

        // 5b. a Monte Carlo band on the selected model's final forecast
        driver.findElement(By.id("run-mc")).click();
        // the status says "Monte Carlo: 500 runs ..." while the request runs; wait for its answer
        waiting().until(d -> d.findElement(By.id("status")).getText().contains("the band is the 5-95% range"));
        @SuppressWarnings("unchecked")
        List<String> forecastSeries = (List<String>) js("return window.parleyCharts.forecast.getOption().series.map(s => s.name)");
        assertThat(forecastSeries).contains("forecast", "5-95% band (Monte Carlo)");
        shot("05b-monte-carlo-band");

        // 5c. the sensitivity tornado of the selected model and issue (POST /api/sensitivity)
        assertThat(driver.findElement(By.id("tornado-figure")).isDisplayed()).isTrue();
        waiting().until(d -> Boolean.TRUE.equals(js("const c = window.parleyCharts.tornado; "
                + "return !!c && c.getOption().series.length === 2 && c.getOption().series[0].data.length > 0")));
        @SuppressWarnings("unchecked")
        List<String> tornado = (List<String>) js("return window.parleyCharts.tornado.getOption().series.map(s => s.name)");
        assertThat(tornado).containsExactly("input at its low end", "input at its high end");
        js("document.getElementById('chart-tornado').scrollIntoView()");
        shot("05c-sensitivity-tornado");

        // 6. the provenance of a value: its sentence, highlighted in the article
        tab("editor");
        field(POSITION).click();
        WebElement cited = waiting().until(d -> d.findElement(By.id("cited-sentence")));
        assertThat(cited.getText()).contains("with a focus on lifting sanctions").startsWith("[4]");
        shot("06-provenance");

        // 7. compare two branches
        tab("forecast");
        new Select(driver.findElement(By.id("compare-a"))).selectByValue("trump-wins");
        new Select(driver.findElement(By.id("compare-b"))).selectByValue("trump-loses");
        assertThat(new Select(driver.findElement(By.id("compare-b"))).getOptions()).extracting(WebElement::getText)
                .contains("base", "trump-wins", "trump-loses", "russia-withdraws", "usa-hawk");
        waiting().until(d -> d.findElement(By.id("compare-table")).getText().contains("trump-loses"));
        @SuppressWarnings("unchecked")
        List<String> worlds = (List<String>) js("return window.parleyCharts.compare.getOption().series.map(s => s.name)");
        assertThat(worlds).containsExactly("trump-wins", "trump-loses");
        assertThat(driver.findElements(By.cssSelector("#compare-table tr"))).hasSize(seed.issues().size() + 1);
        js("document.getElementById('chart-compare').scrollIntoView()");
        shot("07-branch-comparison");

        // 8. the network of a round and the reasons of an actor's moves (from a model that moves)
        new Select(driver.findElement(By.id("model"))).selectByValue("mover");
        new Select(driver.findElement(By.id("why-actor"))).selectByValue("usa");
        waiting().until(d -> d.findElement(By.id("why")).getText().contains("Round 1: usa moved"));
        @SuppressWarnings("unchecked")
        List<Object> links = (List<Object>) js("return window.parleyCharts.network.getOption().series[0].links");
        assertThat(links).hasSize(1);
        assertThat(driver.findElement(By.id("why")).getText()).contains("because kim offered a compromise");
        js("document.getElementById('chart-network').scrollIntoView()");
        shot("08-network-and-reasons");

        // 9. Swagger UI renders the API description (under the server's Content-Security-Policy)
        driver.get(base + "swagger");
        WebElement title = waiting().until(d -> d.findElement(By.cssSelector(".swagger-ui .info .title")));
        assertThat(title.getText()).contains("Parley API");
        waiting().until(d -> !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
        shot("09-swagger");
    }

    @Test
    void aServerWithATokenIsOpenedThroughTheTokenLink() throws IOException {
        try (WebServer guarded = WebServer.inMemory(WebSettings.local(0).withToken("it-token-42"), Models.simulation()).start()) {
            String url = "http://127.0.0.1:" + guarded.port() + "/";
            driver.get(url + "#token=it-token-42");
            waiting().until(d -> "true".equals(js("return document.body.dataset.ready")));
            assertThat(driver.getCurrentUrl()).doesNotContain("it-token-42");
            assertThat(driver.findElements(By.cssSelector("#grid tr[data-actor]"))).isNotEmpty();
            shot("10-token-link");
        } finally {
            js("sessionStorage.clear()");
        }
    }

    /**
     * A test model that moves: in round 1 each actor moves halfway to the capability-weighted mean
     * and challenges the actor farthest from it, with a one-sentence reason (as the dynamic models
     * record them).
     */
    private static final class Mover implements BargainingModel {
        @Override
        public String id() {
            return "mover";
        }

        @Override
        public String description() {
            return "test double: one round of moves toward the mean";
        }

        @Override
        public Trajectory run(Problem p, ModelOptions o, RunContext c) {
            double[][] start = p.copyPositions();
            double[][] next = p.copyPositions();
            double[] mean = new double[p.issueCount()];
            List<Move> moves = new ArrayList<>();
            int k = 0;
            double sum = 0;
            double w = 0;
            for (int i = 0; i < p.actorCount(); i++) {
                if (p.present(i, k)) {
                    sum += p.capability()[i] * start[i][k];
                    w += p.capability()[i];
                }
            }
            mean[k] = sum / w;
            int usa = p.actorIndex("usa");
            int kim = p.actorIndex("kim");
            next[usa][k] = (start[usa][k] + mean[k]) / 2;
            moves.add(new Move(1, "challenge", "usa", "kim", p.issueId(k), start[usa][k], next[usa][k], Map.of(),
                    String.format(java.util.Locale.ROOT, "usa moved from %.1f to %.1f because kim offered a compromise",
                            start[usa][k], next[usa][k])));
            Round r1 = new Round(1, next, mean.clone(), moves, Map.of());
            return new Trajectory(List.of(Round.initial(start, mean.clone()), r1), mean, "1 round", List.of());
        }
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}
