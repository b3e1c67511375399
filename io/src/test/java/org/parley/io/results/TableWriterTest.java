package org.parley.io.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.engine.BargainingModel;
import org.parley.engine.ForecastResult;
import org.parley.engine.ModelOptions;
import org.parley.engine.OptionSpec;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.engine.Trajectory;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Scenario;
import org.parley.models.Models;

class TableWriterTest {

    /** A registered model under another id, so that a table can have any number of model columns. */
    private record Renamed(String id, BargainingModel model) implements BargainingModel {
        @Override
        public String description() {
            return model.description();
        }

        @Override
        public List<OptionSpec> options() {
            return model.options();
        }

        @Override
        public Trajectory run(Problem problem, ModelOptions options, RunContext context) {
            return model.run(problem, options, context);
        }
    }

    private static Scenario scenario() {
        String yaml = String.join("\n", "id: t", "title: Table test", "issues:", "  - id: share",
                "    scale: {min: 0, max: 1}", "  - id: points", "actors:",
                "  - id: a", "    capability: 3", "    stances:", "      share: {position: 0.2, salience: 50}",
                "      points: {position: 10, salience: 50}",
                "  - id: b", "    capability: 2", "    stances:", "      share: {position: 0.7, salience: 80}",
                "      points: {position: 70, salience: 80}", "");
        return Scenarios.read(TextFile.of("t.yaml", yaml), org.parley.io.ImportSettings.detect()).scenario();
    }

    private static String table(int models) {
        List<BargainingModel> list = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            BargainingModel m = i % 2 == 0 ? Models.compromise() : Models.median();
            list.add(new Renamed("model-" + (i + 1), m));
            ids.add("model-" + (i + 1));
        }
        ForecastResult r = new Simulation(list).run(scenario(), RunSpec.defaults().withModels(ids));
        StringWriter out = new StringWriter();
        TableWriter.write(r, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void anyNumberOfModelsStaysWithinTheWidthAndEveryModelIsShown() {
        for (int n : new int[] {1, 6, 7, 13}) {
            String t = table(n);
            assertThat(t.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(TableWriter.WIDTH));
            for (int i = 1; i <= n; i++) {
                assertThat(t).as("%d models", n).containsPattern("\\bmodel-" + i + "\\b");
            }
            long headers = t.lines().filter(l -> l.startsWith("issue ")).count();
            assertThat(headers).as("%d models", n).isEqualTo((n + TableWriter.PER_BLOCK - 1) / TableWriter.PER_BLOCK);
        }
    }

    @Test
    void theBottomLineNamesOneWorldAsSuchAndTalksOnlyWhenUncertain() {
        // "mixed over base 1 and the chance of talks" read oddly for a scenario without branches and
        // with certain talks (three of the four examples)
        String t = table(1);
        assertThat(t).contains("Bottom line: P(yes) per model in world base (point forecasts")
                .doesNotContain("mixed over base 1").doesNotContain("chance of talks");
        ForecastResult talks = Models.simulation().run(scenario().withTalks(
                org.parley.model.Estimate.of(0.5, org.parley.model.Provenance.judgement("t"))), RunSpec.defaults());
        StringWriter out = new StringWriter();
        TableWriter.write(talks, new PrintWriter(out));
        assertThat(out.toString()).contains("Bottom line: P(yes) per model in world base, over the chance of talks (");
        ForecastResult seed = Models.simulation().run(Scenarios.seed().scenario(),
                RunSpec.defaults().withModels(List.of("compromise")).withThreads(1));
        StringWriter so = new StringWriter();
        TableWriter.write(seed, new PrintWriter(so));
        assertThat(so.toString()).contains("Bottom line: P(yes) per model, mixed over trump-wins 0.55, trump-loses 0.45 "
                + "and the chance of talks");
    }

    @Test
    void aConsentMovePastTheBindingActorsOwnPositionSaysSo() {
        // the seed: Kim offers a freeze (35) at most, and the stage's symmetric reading takes him to
        // accept up to 70 ("verified dismantling"): the note says what a one-sided reading gives
        ForecastResult seed = Models.simulation().run(Scenarios.seed().scenario(), RunSpec.defaults()
                .withModels(List.of("compromise")).withWorlds(List.of("trump-wins")).withThreads(1));
        StringWriter so = new StringWriter();
        TableWriter.write(seed, new PrintWriter(so));
        String t = so.toString().replaceAll("\\s+", " ");
        assertThat(t).contains("denuclearisation: moved to 70, the nearest point kim accepts (it prefers no deal, the "
                + "status quo 0, to anything beyond) (71.9 -> 70.0); kim's own position is 35: if no actor accepts more "
                + "than it offers, the outcome is 35, not 70");
        // south-korea stands at the status quo: moving the exercises there is not past its position
        assertThat(t).contains("(50.5 -> 0.0) * compromise:").doesNotContain("south-korea's own position");
    }

    @Test
    void valuesShowThreeDigitsOfTheirScale() {
        String t = table(1);
        // compromise: share (3*0.5*0.2 + 2*0.8*0.7) / 3.1 = 0.458; points (15 + 112) / 3.1 = 40.97
        assertThat(t).containsPattern("share\\s+\\S+\\s+0\\.458\\b");
        assertThat(t).containsPattern("points\\s+\\S+\\s+41\\.0\\b");
    }
}
