package org.parley.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests (Debian's chromium + chromium-driver), with the helpers
 * they share: waiting, screenshots to {@code target/screenshots/}, typing into a field, running a
 * script.
 *
 * <p>Chromium comes from {@code PARLEY_CHROMIUM} / {@code PARLEY_CHROMEDRIVER} (set by CI) or the
 * Debian paths. When those variables are set the browser must work: a broken one fails the test.
 * When no Chromium is installed at all the test is skipped, loudly.
 */
final class Browser implements AutoCloseable {

    static final Path SHOTS = Paths.get("target", "screenshots");

    /** Held so the level set on it is not lost with a collected logger. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts headless Chromium, or skips the calling test class when none is installed (and none is required). */
    static Browser start() throws IOException {
        String chromium = find("PARLEY_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        String chromedriver = find("PARLEY_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium == null || chromedriver == null) {
            String why = "headless Chromium not found (chromium=" + chromium + ", chromedriver=" + chromedriver
                    + "); install Debian's chromium and chromium-driver or set PARLEY_CHROMIUM and PARLEY_CHROMEDRIVER";
            if (required()) {
                throw new AssertionError("PARLEY_CHROMIUM is set but " + why);
            }
            System.err.println("WARNING: SKIPPING the browser tests: " + why);
            Assumptions.abort(why);
        }
        // Selenium warns that it has no DevTools bindings for this Chromium: the tests do not use them
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Files.createDirectories(SHOTS);
        Path profile = Files.createTempDirectory("parley-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1500,1100", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        // a broken browser or driver throws here, and fails the test: it is not skipped
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, profile);
    }

    /** True when CI says Chromium is there ({@code PARLEY_CHROMIUM} set): then what the browser tests need must work. */
    static boolean required() {
        return !blank(System.getenv("PARLEY_CHROMIUM"));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
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

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    void shot(String name) throws IOException {
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    WebElement field(String path) {
        return driver.findElement(By.cssSelector("input[data-path='" + path + "']"));
    }

    void type(WebElement input, String value) {
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value, Keys.TAB);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void tab(String name) {
        driver.findElement(By.cssSelector("#tabs button[data-tab='" + name + "']")).click();
    }

    /** Waits until the status line starts with or contains the text. */
    void status(String text) {
        waiting().until(d -> d.findElement(By.id("status")).getText().contains(text));
    }
}
