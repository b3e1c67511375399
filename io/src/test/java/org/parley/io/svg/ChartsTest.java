package org.parley.io.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.ForecastResult;
import org.parley.engine.Numbers;
import org.parley.engine.RunSpec;
import org.parley.model.Scenario;
import org.parley.models.TestModels;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.MonteCarloResult;
import org.parley.montecarlo.Sensitivity;
import org.parley.montecarlo.Summary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every chart is well-formed SVG whose series carry the numbers they draw. */
class ChartsTest {

    private static final Scenario S = TestScenario.scenario();

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return d;
    }

    static List<Element> series(Document d) {
        List<Element> out = new ArrayList<>();
        NodeList gs = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (g.getAttribute("class").equals("series")) {
                out.add(g);
            }
        }
        return out;
    }

    @Test
    void trajectoriesHaveOneSeriesPerPresentActorAndIssuePlusTheOutcome() throws Exception {
        ForecastResult r = TestModels.baselines().run(S, RunSpec.defaults().withModels(List.of("compromise")));
        var run = r.run("base", "compromise").orElseThrow();
        Document d = parse(Charts.trajectories("t", r.problem("base"), run.trajectory()));
        List<Element> s = series(d);
        // 3 actors + outcome on each of 2 issues
        assertThat(s).hasSize(8);
        assertThat(s.subList(0, 4)).extracting(e -> e.getAttribute("data-series"))
                .containsExactly("actor:kim", "actor:usa", "actor:china", "outcome");
        double outcome = run.trajectory().forecast()[0];
        assertThat(Double.parseDouble(s.get(3).getAttribute("data-values"))).isEqualTo(outcome);
        assertThat(s.get(0).getElementsByTagNameNS("*", "polyline").getLength()).isEqualTo(1);
    }

    @Test
    void distributionsHaveOneSeriesPerWorldAndModelPlusTheMixture() throws Exception {
        MonteCarloResult r = new MonteCarlo(TestModels.baselines()).run(S, RunSpec.defaults().withRuns(300).withThreads(2));
        Document d = parse(Charts.distributions(r, "relief"));
        List<Element> s = series(d);
        assertThat(s).hasSize((4 + 1) * 3);
        assertThat(s.get(0).getAttribute("data-series")).isEqualTo("base/compromise");
        assertThat(s.get(s.size() - 1).getAttribute("data-series")).isEqualTo("mixture/nash");
        Summary sum = r.summary("base", "compromise", "relief");
        assertThat(s.get(0).getAttribute("data-median")).isEqualTo(Numbers.format(sum.median()));
        assertThat(s.get(0).getAttribute("data-p5")).isEqualTo(Numbers.format(sum.p5()));
        assertThat(s.get(0).getAttribute("data-p95")).isEqualTo(Numbers.format(sum.p95()));
        // two bands, a median line, a mean dot and a point diamond
        assertThat(s.get(0).getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(2);
        assertThat(s.get(0).getElementsByTagNameNS("*", "polygon").getLength()).isEqualTo(1);
        NodeList lines = d.getElementsByTagNameNS("*", "line");
        boolean threshold = false;
        for (int i = 0; i < lines.getLength(); i++) {
            threshold |= ((Element) lines.item(i)).getAttribute("data-threshold").equals("substantial");
        }
        assertThat(threshold).isTrue();
    }

    @Test
    void tornadoBarsAreRankedBySwing() throws Exception {
        var plan = TestModels.baselines().plan(S, RunSpec.defaults().withModels(List.of("compromise")));
        List<Sensitivity.OneAtATime> rows = Sensitivity.oneAtATime(plan, "base").stream()
                .filter(o -> o.issue().equals("relief")).toList();
        Document d = parse(Charts.tornado(rows, 3, java.util.Map.of("relief", new double[] {0, 100})));
        List<Element> s = series(d);
        assertThat(s).hasSize(3);
        for (int j = 0; j < 3; j++) {
            assertThat(s.get(j).getAttribute("data-series")).isEqualTo(rows.get(j).input().id());
        }
        double prev = Double.POSITIVE_INFINITY;
        for (Element e : s) {
            double swing = Double.parseDouble(e.getAttribute("data-swing"));
            assertThat(swing).isLessThanOrEqualTo(prev);
            prev = swing;
        }
    }

    @Test
    void thePlotWriterWritesParseableFiles(@TempDir Path dir) throws Exception {
        PlotWriter w = new PlotWriter(dir.resolve("plots"));
        RunSpec spec = RunSpec.defaults().withRuns(50);
        w.trajectories(TestModels.baselines().run(S, spec.withRuns(1)));
        w.distributions(new MonteCarlo(TestModels.baselines()).run(S, spec));
        w.tornadoes(S, Sensitivity.oneAtATime(TestModels.baselines().plan(S, spec.withWorlds(List.of("base"))), "base"));
        assertThat(w.written()).extracting(p -> p.getFileName().toString())
                .contains("trajectories-base-compromise.svg", "trajectories-china-out-nash.svg", "distribution-relief.svg",
                        "tornado-base-median-freeze.svg");
        for (Path p : w.written()) {
            assertThat(series(parse(Files.readString(p)))).as(p.toString()).isNotEmpty();
        }
    }
}
