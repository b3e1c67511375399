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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.parley.models.Models;

/**
 * An analyst's walk through the web app in headless Chromium, from nothing to a brief: a new
 * scenario from blank, two actors and two issues, a question, an article pasted in, a sentence of
 * it cited by clicking, a branch with a probability, a run, the answer panel's bottom line, a click
 * on a trajectory point for that move's reason, the brief exported. A screenshot per step goes to
 * {@code target/screenshots/walk-*.png}. axe-core then checks the editor, the forecast view and the
 * brief at 1400 and 420 px wide: no serious or critical violation.
 */
class AnalystWalkIT {

    private static final String ARTICLE = "Brussels, 3 March 2025. The European Union will cap its tariff on imported "
            + "steel at 25 percent, the trade commissioner said on Monday. Washington wants every tariff on steel "
            + "removed by the summer. Officials on both sides expect a compromise near 40 percent before the deadline.";

    /** The serious and critical violations found on every page, asserted empty at the end of the walk. */
    private static final List<String> SEVERE = new ArrayList<>();

    private static WebServer server;
    private static Browser b;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        server = WebServer.inMemory(WebSettings.local(0), Models.simulation()).start();
        base = "http://127.0.0.1:" + server.port() + "/";
        b = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (b != null) {
            b.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void add(String form, String id, String name) {
        b.driver.findElement(By.id(form + "-id")).sendKeys(id);
        b.driver.findElement(By.id(form + "-name")).sendKeys(name);
        b.driver.findElement(By.id("add-" + form)).click();
    }

    private static void valid() throws IOException {
        try {
            b.waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("Valid"));
        } catch (org.openqa.selenium.TimeoutException e) {
            b.shot("walk-failed");
            throw new AssertionError("not valid: " + b.driver.findElement(By.id("status")).getText() + "; "
                    + b.driver.findElement(By.id("problems")).getText(), e);
        }
    }

    @Test
    void fromBlankToBrief() throws Exception {
        String axe = Axe.source();
        b.driver.manage().window().setSize(new Dimension(1400, 1000));
        b.driver.get(base);
        b.waiting().until(d -> "true".equals(b.js("return document.body.dataset.ready")));

        // 1. a new scenario from blank
        b.driver.findElement(By.cssSelector("#new-scenario-box summary")).click();
        b.driver.findElement(By.id("new-id")).sendKeys("steel-tariffs");
        new Select(b.driver.findElement(By.id("new-from"))).selectByValue("blank");
        b.driver.findElement(By.id("new-create")).click();
        b.status("New scenario steel-tariffs");
        assertThat(b.driver.findElement(By.id("scenario-title")).getText()).contains("steel-tariffs", "not saved");
        assertThat(b.driver.findElements(By.cssSelector("#grid tr[data-actor]"))).isEmpty();
        b.shot("walk-01-new-blank");

        // 2. two issues, two actors, positions apart, and a question for the bottom line
        add("issue", "tariff", "EU tariff on US steel (percent)");
        add("issue", "quota", "EU import quota on US steel");
        add("actor", "eu", "European Union");
        add("actor", "us", "United States");
        assertThat(b.driver.findElements(By.cssSelector("#grid tr[data-actor]"))).hasSize(2);
        assertThat(b.driver.findElements(By.cssSelector("#issues tr[data-issue]"))).hasSize(2);
        b.type(b.field("actors[0].stances.tariff.position"), "25");
        b.type(b.field("actors[1].stances.tariff.position"), "0");
        b.type(b.field("actors[0].stances.quota.position"), "70");
        b.type(b.field("actors[1].stances.quota.position"), "20");
        new Select(b.driver.findElement(By.id("question-issue"))).selectByValue("tariff");
        new Select(b.driver.findElement(By.id("question-dir"))).selectByValue("below");
        b.driver.findElement(By.id("question-value")).sendKeys("20");
        b.driver.findElement(By.id("question-text")).sendKeys("Does the EU cut its steel tariff below 20 percent?");
        b.driver.findElement(By.id("add-question")).click();
        valid();
        b.shot("walk-02-actors-and-issues");

        // rename an issue's id: its stances follow
        b.driver.findElement(By.cssSelector("button.rename[aria-label='rename issue quota']")).click();
        org.openqa.selenium.Alert rename = b.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        rename.sendKeys("import-quota");
        rename.accept();
        b.waiting().until(d -> !d.findElements(By.cssSelector("#issues tr[data-issue='import-quota']")).isEmpty());
        assertThat(b.field("actors[1].stances.import-quota.position").getAttribute("value")).isEqualTo("20");
        valid();

        // unsaved edits are not dropped without asking: opening another scenario asks first
        b.driver.findElement(By.cssSelector("#scenario-list button[data-id='dprk-us-talks-2024']")).click();
        org.openqa.selenium.Alert ask = b.waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
        assertThat(ask.getText()).contains("steel-tariffs", "unsaved changes");
        ask.dismiss();
        assertThat(b.driver.findElement(By.id("scenario-title")).getText()).contains("steel-tariffs");
        assertThat(b.driver.findElements(By.cssSelector("#grid tr[data-actor]"))).hasSize(2);

        // 3. paste an article (attaching it saves the scenario: version 1 and 2)
        b.driver.findElement(By.id("article-id")).sendKeys("wire-2025-03-03");
        b.driver.findElement(By.id("article-title")).sendKeys("EU caps its steel tariff");
        b.driver.findElement(By.id("article-text")).sendKeys(ARTICLE);
        b.driver.findElement(By.id("attach-article")).click();
        b.status("Attached wire-2025-03-03 (4 sentences)");
        assertThat(b.driver.findElement(By.id("articles")).getText()).contains("4 sentences");
        b.shot("walk-03-article-pasted");

        // 4. cite a sentence by clicking it: the EU's tariff position comes from sentence 2
        b.field("actors[0].stances.tariff.position").click();
        b.waiting().until(d -> d.findElement(By.cssSelector("button.sentence[data-n='2']"))).click();
        WebElement cited = b.waiting().until(d -> d.findElement(By.id("cited-sentence")));
        assertThat(cited.getText()).startsWith("[2]").contains("cap its tariff on imported steel at 25 percent");
        assertThat(b.field("actors[0].stances.tariff.position").getAttribute("class")).contains("sourced");
        valid();
        assertThat(b.js("return window.parleyState && document.querySelector('#problems').textContent"))
                .asString().doesNotContain("actors[0].stances.tariff.position");
        b.shot("walk-04-sentence-cited");

        // 5. a branch with a probability and its change; alone its probability is an error (the
        // alternatives sum to 1), shown by the form; the complement branch fixes it
        b.driver.findElement(By.id("branch-id")).sendKeys("us-relents");
        b.driver.findElement(By.id("branch-probability")).sendKeys("0.4");
        b.driver.findElement(By.id("add-branch")).click();
        WebElement sum = b.waiting().until(d -> d.findElement(By.cssSelector(".field-error[data-path='branches']")));
        assertThat(sum.getText()).contains("sum to 0.4");
        WebElement row = b.driver.findElement(By.cssSelector("details[data-branch='us-relents'] tr.add-change"));
        List<WebElement> selects = row.findElements(By.tagName("select"));
        new Select(selects.get(0)).selectByValue("us");
        new Select(selects.get(1)).selectByValue("tariff");
        new Select(selects.get(2)).selectByValue("position");
        row.findElement(By.cssSelector("input[type=number]")).sendKeys("30");
        row.findElement(By.tagName("button")).click();
        b.driver.findElement(By.id("branch-id")).sendKeys("us-holds");
        b.driver.findElement(By.id("branch-probability")).sendKeys("0.6");
        b.driver.findElement(By.id("add-branch")).click();
        valid();
        assertThat(b.driver.findElement(By.cssSelector("details[data-branch='us-relents']")).getText())
                .contains("us", "tariff", "position", "p = 0.4");
        b.shot("walk-05-branch");
        severe("editor", axe);

        // 6. run every model (the tabs are reachable by keyboard: arrow right moves to the forecast)
        b.driver.findElement(By.id("tab-button-editor")).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
        b.waiting().until(d -> d.findElement(By.id("tab-forecast")).isDisplayed());
        assertThat(b.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("tab-button-forecast");
        assertThat(b.driver.findElement(By.id("tab-button-forecast")).getAttribute("aria-selected")).isEqualTo("true");
        b.driver.findElement(By.id("run-all")).click();
        b.waiting().until(d -> d.findElement(By.id("status")).getText().contains("done"));
        b.shot("walk-06-run");

        // 7. the answer panel shows the bottom line: P(yes) of the question per model
        String bottom = b.driver.findElement(By.id("bottom-line")).getText();
        assertThat(bottom).contains("tariff < 20").containsPattern("\\d+\\.\\d%");
        assertThat(b.driver.findElement(By.id("answer-questions")).getText()).contains("Does the EU cut its steel tariff");
        assertThat(b.driver.findElement(By.id("answer-table")).getText()).contains("EU tariff on US steel");
        b.js("document.getElementById('answer-panel').scrollIntoView()");
        b.shot("walk-07-answer-bottom-line");

        // 8. click a trajectory point: that round's moves and their reasons
        String model = new Select(b.driver.findElement(By.id("model"))).getFirstSelectedOption().getText();
        new Select(b.driver.findElement(By.id("issue"))).selectByValue("tariff");
        b.js("document.getElementById('chart-trajectory').scrollIntoView({block: 'center'})");
        @SuppressWarnings("unchecked")
        Map<String, Object> px = (Map<String, Object>) b.js("const c = window.parleyCharts.trajectory;"
                + "const o = c.getOption(); const out = o.series.find(s => s.name === 'outcome').data[1];"
                + "let k = 0; o.series.forEach((s, i) => { if (s.name !== 'outcome' && Math.abs(s.data[1] - out)"
                + " > Math.abs(o.series[k].data[1] - out)) k = i; });"
                + "const p = c.convertToPixel({seriesIndex: k}, [1, o.series[k].data[1]]);"
                + "const r = document.getElementById('chart-trajectory').getBoundingClientRect();"
                + "return {x: p[0] - r.width / 2, y: p[1] - r.height / 2, actor: o.series[k].name};");
        new Actions(b.driver).moveToElement(b.driver.findElement(By.id("chart-trajectory")),
                ((Number) px.get("x")).intValue(), ((Number) px.get("y")).intValue()).click().perform();
        WebElement head = b.waiting().until(d -> d.findElement(By.id("point-head")));
        assertThat(head.getText()).startsWith(px.get("actor") + ", round 1: tariff at");
        assertThat(b.driver.findElement(By.id("point-moves")).getText()).isNotBlank();
        b.shot("walk-08-trajectory-point-" + model);
        severe("forecast", axe);

        // the run is listed under past runs and re-opens from there
        b.driver.findElement(By.cssSelector("#past-runs button[data-run]")).click();
        b.status("Opened run-");
        assertThat(b.driver.findElement(By.id("bottom-line")).getText()).contains("tariff < 20");

        // 9. export the brief
        b.driver.findElement(By.id("export-brief")).click();
        b.status("Brief downloaded");
        b.shot("walk-09-brief-exported");
        HttpResponse<String> brief = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "api/scenarios/steel-tariffs/brief")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(brief.statusCode()).isEqualTo(200);
        assertThat(brief.body()).contains("Does the EU cut its steel tariff", "cap its tariff on imported steel at 25 percent");
        Path page = Files.createTempFile("parley-brief-", ".html");
        try {
            Files.writeString(page, brief.body(), StandardCharsets.UTF_8);
            b.driver.get(page.toUri().toString());
            b.shot("walk-10-brief");
            severe("brief", axe);
        } finally {
            Files.deleteIfExists(page);
        }
        assertThat(SEVERE).as("serious or critical axe-core violations (editor, forecast, brief)").isEmpty();
    }

    /** axe-core on the page at 1400 and 420 px: no serious or critical violation; screenshots of both widths. */
    private static void severe(String page, String axe) throws IOException {
        List<String> found = SEVERE;
        for (int width : new int[] {1400, 420}) {
            b.driver.manage().window().setSize(new Dimension(width, 1000));
            b.js("window.dispatchEvent(new Event('resize'))");
            List<Axe.Violation> all = Axe.run(b, axe);
            Object wide = b.js("const w = document.documentElement.clientWidth; return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.scroll, #answer-panel, #bottom-line-figure'))"
                    + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')");
            b.shot("walk-axe-" + page + "-" + width);
            Files.writeString(Browser.SHOTS.resolve("walk-axe-" + page + "-" + width + ".txt"),
                    String.join("\n", all.stream().map(Axe.Violation::toString).toList()) + "\nwider than the page: " + wide + "\n");
            Axe.severe(all).forEach(v -> found.add(page + " at " + width + " px: " + v));
        }
        b.driver.manage().window().setSize(new Dimension(1400, 1000));
    }
}
