package org.parley.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.Numbers;
import org.parley.engine.RunSpec;
import org.parley.io.Scenarios;
import org.parley.model.Actor;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Sentences;
import org.parley.model.Stance;
import org.parley.model.Threshold;
import org.parley.models.Models;
import org.parley.uncertainty.ModelErrorCalibration;
import org.w3c.dom.Document;

class BriefTest {

    private static Scenarios.Loaded seed;
    private static String html;

    @BeforeAll
    static void build() {
        seed = Scenarios.seed();
        html = Brief.build(seed, Models.simulation(), RunSpec.defaults().withThreads(1));
    }

    @Test
    void everySectionInOrder() {
        int at = -1;
        for (String id : Brief.SECTIONS) {
            int i = html.indexOf("<section id=\"" + id + "\">");
            assertTrue(i > at, "section " + id + " missing or out of order");
            at = i;
        }
    }

    @Test
    void selfContained() {
        assertFalse(html.contains("<script"), "no script");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external asset");
        assertFalse(html.contains("<link"), "no linked stylesheet");
    }

    @Test
    void everyChartIsAnSvgThatParses() throws Exception {
        Matcher m = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(html);
        List<String> svgs = new ArrayList<>();
        while (m.find()) {
            svgs.add(m.group());
        }
        assertEquals(1, svgs.size(), "one chart: the trajectories");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        for (String svg : svgs) {
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", d.getDocumentElement().getLocalName());
            assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
            assertTrue(d.getElementsByTagNameNS("*", "polyline").getLength()
                    + d.getElementsByTagNameNS("*", "path").getLength() > 0, "the chart draws lines");
        }
        String issue = Brief.mostSalient(seed.scenario());
        assertTrue(svgs.get(0).contains("data-issue=\"" + issue + "\""), "the chart shows the most salient issue");
    }

    @Test
    void questionsAndDescriptionAndBottomLine() {
        Scenario s = seed.scenario();
        String questions = section("questions");
        assertTrue(questions.contains(Brief.esc(s.description().strip())));
        String bottom = section("bottom-line");
        for (Issue i : s.issues()) {
            for (Threshold t : i.thresholds()) {
                assertTrue(questions.contains(Brief.esc(t.question())), t.question());
                String label = i.id() + (t.above() ? " &gt; " : " &lt; ") + Numbers.format(t.value());
                assertTrue(bottom.contains(label), label);
            }
        }
    }

    @Test
    void answerTableHasEveryIssueAndTheScaleWords() {
        String answer = section("answer");
        for (Issue i : seed.scenario().issues()) {
            assertTrue(answer.contains(Brief.esc(i.name())), i.name());
        }
        assertTrue(answer.contains("P(deal)"));
        assertTrue(answer.contains("P(talks)"));
        Issue sanctions = seed.scenario().issue("sanctions").orElseThrow();
        var point = sanctions.scale().points().get(sanctions.scale().points().size() - 1);
        assertEquals(point.label(), Brief.words(sanctions, point.value() + 0.5));
        assertEquals(sanctions.scale().minLabel(), Brief.words(sanctions, 3));
    }

    /** The answer table and the bottom line carry the shipped model-error intervals, labelled. */
    @Test
    void modelErrorIntervalsInTheAnswerAndTheBottomLine() {
        ModelErrorCalibration cal = ModelErrorCalibration.shipped();
        String answer = section("answer");
        assertTrue(answer.contains(Brief.esc(cal.label())), "the interval's label");
        assertTrue(count(answer, "title=\"90% model-error interval\">[") >= seed.scenario().issues().size(),
                "an interval under the forecasts of every issue");
        assertTrue(Pattern.compile("interval\">\\[\\d+, \\d+\\]").matcher(answer).find(), "an interval [low, high]");
        String bottom = section("bottom-line");
        assertTrue(bottom.contains("allowing for model error"));
        assertTrue(Pattern.compile("\\(\\d+-\\d+%\\)").matcher(bottom).find(), "a P(yes) range in brackets");
    }

    /**
     * The answer, the drivers and the trajectories show the most probable world (trump-wins, 0.55),
     * not the base world, which on the seed has no talks (every forecast the status quo, every
     * swing 0).
     */
    @Test
    void focusOnTheMostProbableWorldWithSwingsThatMove() {
        for (String id : List.of("answer", "drivers", "trajectories")) {
            assertTrue(section(id).contains("trump-wins"), id);
        }
        Matcher swing = Pattern.compile("<td class=\"num\">([0-9.]+)</td></tr>").matcher(section("drivers"));
        double largest = 0;
        while (swing.find()) {
            largest = Math.max(largest, Double.parseDouble(swing.group(1)));
        }
        assertTrue(largest > 0, "a driver that moves the forecast");
    }

    /**
     * Who blocks a deal: one row per world, issue and reason in the worlds the bottom line mixes
     * (the six models blocked for one reason are one row), the other worlds counted in a sentence.
     */
    @Test
    void blockersGroupedByReasonInTheMixedWorlds() {
        String blockers = section("blockers");
        assertTrue(blockers.contains("<td><b>trump-loses</b></td>"), "a consent row in a mixed world");
        assertTrue(blockers.contains("all models: "), "one row for a reason every model meets");
        assertFalse(blockers.contains("<td><b>base</b></td>"), "the base world is not mixed on the seed");
        assertTrue(blockers.contains("In the other worlds (base, russia-deepens, russia-withdraws)"));
        int rows = count(blockers, "<tr><td>");
        assertTrue(rows > 0 && rows < seed.scenario().issues().size() * 2, rows + " rows for two worlds");
    }

    @Test
    void driversAndBranches() {
        String drivers = section("drivers");
        assertTrue(drivers.contains("<td>"), "the seed has ranged inputs: a drivers table");
        // the drivers and the trajectories show the world the answer table shows (the seed's base world
        // has every US-DPRK issue at the status quo: a drivers table of zero swings)
        assertTrue(drivers.contains("(world trump-wins)"), "drivers of the answer's world");
        Matcher swing = Pattern.compile("<td class=\"num\">([0-9.]+)</td>").matcher(drivers);
        assertTrue(swing.find() && Double.parseDouble(swing.group(1)) > 0, "the top driver moves the forecast");
        assertTrue(section("trajectories").contains("world trump-wins)"), "trajectories of the answer's world");
        String branches = section("branches");
        for (String w : seed.scenario().worldIds()) {
            assertTrue(branches.contains("<b>" + w + "</b>"), w);
        }
    }

    /** Every value of the seed, counted from the scenario here, has a row with its source sentence. */
    @Test
    void provenanceListsEveryValue() {
        Scenario s = seed.scenario();
        String appendix = section("provenance");
        int expected = 0;
        for (Issue i : s.issues()) {
            expected += i.statusQuo() == null ? 0 : 1;
        }
        for (Actor a : s.actors()) {
            expected++;
            assertTrue(appendix.contains(">" + a.id() + ": capability<"), a.id());
        }
        for (Stance st : s.stances()) {
            expected += st.outsideOption() == null ? 2 : 3;
            assertTrue(appendix.contains(">" + st.actor() + " on " + st.issue() + ": position<"));
            assertTrue(appendix.contains(">" + st.actor() + " on " + st.issue() + ": salience<"));
        }
        expected += s.talks() == null ? 0 : 1;
        for (var b : s.branches()) {
            expected += b.talks() == null ? 0 : 1;
            expected += (int) b.changes().stream().filter(c -> c.value() != null).count();
        }
        assertEquals(expected, count(appendix, "<tr class=\"value\">"));
        assertFalse(appendix.contains("no source given"), "every seed value has a source or a judgement");
        List<String> sentences = Sentences.split(seed.sources().values().iterator().next());
        for (Stance st : s.stances()) {
            var p = st.position().provenance();
            if (p.sentence() > 0) {
                assertTrue(appendix.contains(Brief.esc(sentences.get(p.sentence() - 1))), "sentence " + p.sentence());
            } else if (p.quote() != null) {
                assertTrue(appendix.contains(Brief.esc(p.quote())), p.quote());
            } else {
                assertTrue(p.judgement() != null && appendix.contains(Brief.esc(p.judgement())));
            }
        }
    }

    /** Runs when PARLEY_CHROMIUM is set: the page prints to a PDF of a few A4 pages. */
    @Test
    void printsToPdf(@TempDir Path dir) throws Exception {
        String chromium = System.getenv("PARLEY_CHROMIUM");
        Assumptions.assumeTrue(chromium != null && !chromium.isBlank(), "PARLEY_CHROMIUM not set");
        Path in = dir.resolve("brief.html");
        Path out = dir.resolve("brief.pdf");
        Files.writeString(in, html);
        Pdf.print(Path.of(chromium), in, out);
        byte[] pdf = Files.readAllBytes(out);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.ISO_8859_1));
        assertTrue(pdf.length > 20_000, "a PDF with content, was " + pdf.length + " bytes");
        int pages = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(new String(pdf, StandardCharsets.ISO_8859_1))
                .results().mapToInt(r -> 1).sum();
        assertTrue(pages >= 2, "at least two pages, was " + pages);
    }

    private static String section(String id) {
        int from = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(from >= 0, id);
        return html.substring(from, html.indexOf("</section>", from));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
