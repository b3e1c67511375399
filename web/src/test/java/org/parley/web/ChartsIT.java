package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.parley.models.Models;

/**
 * The forecast view's charts on the seed scenario in headless Chromium, at 1400 and 1024 px: every
 * model name on the forecast chart's axis, inside the chart and overlapping no other; the status
 * quo labelled in full; the Monte Carlo band a labelled error bar; the colour-blind-safe palette
 * with a different marker per actor; the network's nodes sized by effective power with accepted and
 * rejected edges apart; the effective-power, quad-map and conflict charts drawn; a text table under
 * every chart; an exported SVG with the caption as its title and every legend entry.
 */
class ChartsIT {

    private static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#B07800",
            "#2F86B8", "#8F7F00", "#000000");

    private static WebServer server;
    private static Browser b;

    @BeforeAll
    static void start() throws IOException {
        server = WebServer.inMemory(WebSettings.local(0), Models.simulation()).start();
        b = Browser.start();
        b.driver.get("http://127.0.0.1:" + server.port() + "/");
        b.waiting().until(d -> "true".equals(b.js("return document.body.dataset.ready")));
        b.tab("forecast");
        b.driver.findElement(By.id("run-all")).click();
        b.waiting().until(d -> d.findElement(By.id("status")).getText().contains("done"));
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

    /**
     * The on-screen boxes of the names among a chart's SVG texts: [x, y, width, height, inside]. A
     * name wrapped at its hyphens is drawn as one text per line; its box is their union.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Number>> boxes(String chart, List<String> names) {
        return (Map<String, List<Number>>) b.js("const host = document.getElementById(arguments[0]);"
                + "const h = host.getBoundingClientRect(); const out = {};"
                + "const texts = [...host.querySelectorAll('svg text')].map(t => [t.textContent.trim(), t.getBoundingClientRect()]);"
                + "for (const name of arguments[1]) {"
                + "  const parts = name.replace(/-/g, '-\\n').split('\\n');"
                + "  for (let i = 0; i < texts.length; i++) {"
                + "    let k = 0, rs = [];"
                + "    if (texts[i][0] === name) { rs = [texts[i][1]]; k = parts.length; }"
                + "    else while (k < parts.length && i + k < texts.length && texts[i + k][0] === parts[k]) { rs.push(texts[i + k][1]); k++; }"
                + "    if (k < parts.length || !rs.length) continue;"
                + "    const l = Math.min(...rs.map(r => r.left)), t = Math.min(...rs.map(r => r.top));"
                + "    const r = Math.max(...rs.map(r => r.right)), bo = Math.max(...rs.map(r => r.bottom));"
                + "    out[name] = [l, t, r - l, bo - t, l >= h.left - 1 && r <= h.right + 1 && t >= h.top - 1 && bo <= h.bottom + 1 ? 1 : 0];"
                + "    break; } }"
                + "return out;", chart, names);
    }

    private static boolean overlap(List<Number> a, List<Number> c) {
        double ax = a.get(0).doubleValue(), ay = a.get(1).doubleValue(), aw = a.get(2).doubleValue(), ah = a.get(3).doubleValue();
        double cx = c.get(0).doubleValue(), cy = c.get(1).doubleValue(), cw = c.get(2).doubleValue(), ch = c.get(3).doubleValue();
        return ax < cx + cw - 0.5 && cx < ax + aw - 0.5 && ay < cy + ch - 0.5 && cy < ay + ah - 0.5;
    }

    @Test
    void everyLabelReadsAt1400And1024() throws IOException {
        @SuppressWarnings("unchecked")
        List<String> models = (List<String>) b.js("return window.parleyState.result.settings.models");
        for (int width : new int[] {1400, 1024}) {
            b.driver.manage().window().setSize(new Dimension(width, 1000));
            b.js("window.dispatchEvent(new Event('resize'))");
            new Select(b.driver.findElement(By.id("issue"))).selectByIndex(1); // redraw at this width
            new Select(b.driver.findElement(By.id("issue"))).selectByIndex(0);
            b.js("document.getElementById('chart-forecast').scrollIntoView()");
            Map<String, List<Number>> at = boxes("chart-forecast", models);
            assertThat(at.keySet()).as("model names on the axis at %d px", width).containsExactlyInAnyOrderElementsOf(models);
            for (String m : models) {
                assertThat(at.get(m).get(4).intValue()).as("%s inside the chart at %d px", m, width).isEqualTo(1);
                for (String o : models) {
                    if (!m.equals(o)) {
                        assertThat(overlap(at.get(m), at.get(o))).as("%s overlaps %s at %d px", m, o, width).isFalse();
                    }
                }
            }
            String text = String.valueOf(b.js("return document.getElementById('chart-forecast').textContent"));
            assertThat(text).containsPattern("status quo \\d");
            b.shot("charts-forecast-" + width);
        }
        b.driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    @Test
    void bandsPaletteNetworkAnalysisTablesAndSvg() throws IOException {
        // the Monte Carlo band: a labelled error bar series
        b.driver.findElement(By.id("run-mc")).click();
        b.status("the band is the 5-95% range");
        @SuppressWarnings("unchecked")
        List<String> series = (List<String>) b.js("return window.parleyCharts.forecast.getOption().series.map(s => s.type + ':' + s.name)");
        assertThat(series).contains("bar:forecast", "custom:5-95% band (Monte Carlo)");
        assertThat(String.valueOf(b.js("return document.getElementById('chart-forecast').textContent"))).containsPattern("\\d+(\\.\\d+)?-\\d");

        // the palette, and a marker per actor on the trajectories
        @SuppressWarnings("unchecked")
        List<String> colours = (List<String>) b.js("return window.parleyCharts.trajectory.getOption().color");
        assertThat(colours).containsExactlyElementsOf(PALETTE);
        @SuppressWarnings("unchecked")
        List<String> symbols = (List<String>) b.js("return window.parleyCharts.trajectory.getOption().series"
                + ".filter(s => s.name !== 'outcome').map(s => s.symbol)");
        assertThat(symbols.subList(0, Math.min(8, symbols.size()))).doesNotHaveDuplicates();

        // the network of a dynamic model: nodes sized by effective power, accepted and rejected edges apart
        new Select(b.driver.findElement(By.id("model"))).selectByValue("expected-utility");
        b.waiting().until(d -> Boolean.TRUE.equals(b.js("const c = window.parleyCharts.network;"
                + "return c.getOption().series.length > 0 && c.getOption().series[0].links.length > 0")));
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) b.js("return window.parleyCharts.network.getOption().series[0].data.map(n => n.symbolSize)");
        assertThat(sizes.stream().map(Number::doubleValue).distinct().count()).isGreaterThan(2);
        @SuppressWarnings("unchecked")
        List<String> edges = (List<String>) b.js("return [...new Set(window.parleyCharts.network.getOption().series[0].links"
                + ".map(l => l.lineStyle.type))]");
        assertThat(edges).isNotEmpty().allMatch(t -> List.of("solid", "dashed", "dotted").contains(t));
        assertThat(String.valueOf(b.js("return document.getElementById('chart-network').textContent")))
                .contains("accepted (a move made)", "rejected (an offer not taken)");
        // "kim moved" lists kim's own moves only: no offer it turned down, none of the others' moves
        new Select(b.driver.findElement(By.id("why-actor"))).selectByValue("kim");
        @SuppressWarnings("unchecked")
        List<String> own = (List<String>) b.js("return [...document.querySelectorAll('#why li')].map(li => li.textContent)");
        assertThat(own).isNotEmpty().noneMatch(t -> t.contains("did not take"));
        assertThat(b.driver.findElement(By.id("why-own-heading")).getText()).startsWith("kim moved");

        // the nodes' labels: every actor named, no two labels overlapping
        @SuppressWarnings("unchecked")
        List<String> everyone = (List<String>) b.js("return window.parleyState.result.worlds[0].actors");
        b.js("document.getElementById('chart-network').scrollIntoView()");
        Map<String, List<Number>> labels = boxes("chart-network", everyone);
        assertThat(labels.keySet()).containsExactlyInAnyOrderElementsOf(everyone);
        for (String x : everyone) {
            for (String y : everyone) {
                if (!x.equals(y)) {
                    assertThat(overlap(labels.get(x), labels.get(y))).as("network labels %s and %s overlap", x, y).isFalse();
                }
            }
        }
        // the filter by actor keeps only that actor's moves
        String actor = new Select(b.driver.findElement(By.id("net-actor"))).getOptions().get(1).getAttribute("value");
        new Select(b.driver.findElement(By.id("net-actor"))).selectByValue(actor);
        @SuppressWarnings("unchecked")
        List<String> rows = (List<String>) b.js("return [...document.querySelectorAll('#table-network tr')].slice(1)"
                + ".map(r => r.cells[1].textContent + ' ' + r.cells[2].textContent)");
        for (String r : rows) {
            assertThat(List.of(r.split(" "))).contains(actor);
        }
        new Select(b.driver.findElement(By.id("net-actor"))).selectByValue("");

        // the KTAB-style charts: effective power by position, quad map (expected utility), conflict per issue
        for (String chart : List.of("power", "quad", "conflict")) {
            assertThat(b.js("return window.parleyCharts['" + chart + "'].getOption().series.length")).as(chart).isNotEqualTo(0L);
        }
        assertThat(b.driver.findElements(By.cssSelector("#table-quad tr"))).hasSizeGreaterThan(1);
        assertThat(b.driver.findElements(By.cssSelector("#table-conflict tr")).size())
                .isEqualTo(1 + ((Number) b.js("return window.parleyState.result.worlds[0].issues.length")).intValue());

        // a text table under every chart
        for (String chart : List.of("trajectory", "forecast", "network", "power", "quad", "conflict", "tornado")) {
            b.waiting().until(d -> d.findElements(By.cssSelector("#table-" + chart + " tr")).size() > 1);
        }
        assertThat(b.driver.findElements(By.cssSelector("#compare-table tr"))).hasSizeGreaterThan(1);

        // the exported SVG: the caption as its title and every legend entry
        String svg = String.valueOf(b.js("return window.parleyExportSvg('trajectory')"));
        assertThat(svg).startsWith("<svg").contains("Positions over rounds");
        @SuppressWarnings("unchecked")
        List<String> actors = (List<String>) b.js("return window.parleyState.result.worlds[0].actors");
        for (String a : actors) {
            assertThat(svg).as("legend entry %s", a).contains(">" + a + "<");
        }
        b.js("document.getElementById('chart-network').scrollIntoView()");
        b.shot("charts-network-analysis");
    }
}
