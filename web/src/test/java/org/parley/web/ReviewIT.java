package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.engine.Simulation;
import org.parley.models.Models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The review screen ({@code /review.html}) in headless Chromium: reach it from the main page, draft
 * the seed article, see its spans highlighted (pointing at a claim marks its words), reject one
 * item (Cuba, a party by one mention), edit a claim's value, map a name (Vietnam, drafted as a
 * place) to an actor of its own, create the scenario and find it saved as reviewed; markup in the
 * article shows as text. Needs
 * {@code PARLEY_CHROMIUM} and {@code PARLEY_CHROMEDRIVER}, else it is skipped, loudly.
 * Screenshots go to {@code target/screenshots/review-*.png}.
 */
class ReviewIT {

    private static final Path ARTICLE = Path.of("../examples/01-dprk-us-talks-2024/article.txt");
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** Held so the level set on it is not lost with a collected logger. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    private static WebServer server;
    private static ChromeDriver driver;
    private static Path profile;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        String chromium = System.getenv("PARLEY_CHROMIUM");
        String chromedriver = System.getenv("PARLEY_CHROMEDRIVER");
        if (chromium == null || chromium.isBlank() || chromedriver == null || chromedriver.isBlank()) {
            System.err.println("WARNING: SKIPPING the review screen browser test: set PARLEY_CHROMIUM and PARLEY_CHROMEDRIVER");
            Assumptions.abort("PARLEY_CHROMIUM and PARLEY_CHROMEDRIVER are not set");
        }
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        server = WebServer.inMemory(WebSettings.local(0), new Simulation(Models.all())).start();
        base = "http://127.0.0.1:" + server.port();
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("parley-review-");
        ChromeOptions options = new ChromeOptions().setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
                "--window-size=1600,1100", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build(), options);
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
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private static void shot(String name) throws IOException {
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve("review-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebElement row(String kind, String id) {
        return driver.findElement(By.cssSelector("tr[data-kind='" + kind + "'][data-id='" + id + "']"));
    }

    @Test
    void draftRejectMapCreate() throws Exception {
        driver.get(base + "/");
        waiting().until(d -> !d.findElements(By.id("review-link")).isEmpty());
        driver.findElement(By.id("review-link")).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/review.html"));

        // 1. draft the seed article (pasted), with markup planted at its end: it must show as text
        String text = Files.readString(ARTICLE, StandardCharsets.UTF_8)
                + "\n\n<img src=x data-planted=1 onerror=\"window.planted=1\"><i data-planted=1>planted</i>\n";
        ((JavascriptExecutor) driver).executeScript("document.getElementById('article-text').value = arguments[0]", text);
        driver.findElement(By.id("draft")).click();
        waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("drafted"));
        assertThat(driver.findElement(By.id("counts")).getText()).contains("6 actors").contains("10 claims");
        assertThat(driver.findElement(By.id("article")).getText()).startsWith("North Korea Eyes Nuclear Talks");
        assertThat(driver.findElements(By.cssSelector("#article .seg.m-party"))).hasSizeGreaterThan(20);
        assertThat(driver.findElements(By.cssSelector("#article .seg.m-source"))).isNotEmpty();
        assertThat(driver.findElement(By.id("sources")).getText()).contains("Reuters").contains("Ri Il Gyu");
        assertThat(driver.findElements(By.cssSelector("[data-planted]"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.planted === undefined")).isEqualTo(true);
        assertThat(driver.findElement(By.id("article")).getText()).contains("<img src=x data-planted=1");

        // 2. pointing at a claim marks its words in the article
        new Actions(driver).moveToElement(row("claims", "c3")).perform();
        waiting().until(d -> !d.findElements(By.cssSelector("#article .seg.focus")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("#article .seg.focus")).stream().map(WebElement::getText)
                .reduce("", String::concat)).isEqualTo("lifting sanctions");
        shot("1-drafted");

        // 3. reject Cuba, edit a claim's value, map Vietnam (a place) to an actor of its own
        row("actors", "cuba").findElement(By.cssSelector("button.reject")).click();
        assertThat(row("actors", "cuba").getAttribute("class")).isEqualTo("rejected");
        row("claims", "c5").findElement(By.cssSelector("input.value")).sendKeys("80", Keys.TAB);
        assertThat(row("claims", "c5").getAttribute("class")).isEqualTo("edited");
        new Select(driver.findElement(By.cssSelector("select[data-map='vietnam']"))).selectByValue("new");
        WebElement id = driver.findElement(By.id("scenario-id"));
        id.clear();
        id.sendKeys("reviewed-draft");
        shot("2-reviewed");

        // 4. create the scenario
        driver.findElement(By.id("create")).click();
        WebElement created = waiting().until(d -> d.findElement(By.id("created-id")));
        assertThat(created.getText()).contains("reviewed-draft").contains("values left open");
        shot("3-created");

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/scenarios/reviewed-draft")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = new ObjectMapper().readTree(r.body()).get("document");
        assertThat(doc.get("actors")).extracting(n -> n.get("id").asText())
                .contains("north-korea", "united-states", "russia", "japan", "south-korea", "vietnam").doesNotContain("cuba");
        JsonNode aid = null;
        for (JsonNode a : doc.get("actors")) {
            if (a.get("id").asText().equals("north-korea")) {
                aid = a.get("stances").get("aid");
            }
        }
        assertThat(aid.get("position").get("value").asDouble()).isEqualTo(80.0);
    }
}
