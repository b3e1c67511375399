package org.parley.io.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.BottomLine;
import org.parley.engine.ForecastResult;
import org.parley.engine.RunSpec;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.uncertainty.ModelErrorCalibration;

/** The bottom line's P(yes) allowing for model error, worked by hand. */
class ModelErrorBottomLineTest {

    /**
     * Two actors at 10 and 70 (capability x salience 1.5 and 1.6): compromise 40.97, median 70; status
     * quo 0; talks 0.5.
     */
    private static Scenario scenario() {
        String yaml = String.join("\n", "id: t", "title: Bottom line test", "talks:", "  probability: 0.5", "issues:",
                "  - id: points", "    status-quo:", "      value: 0", "    thresholds:",
                "      - {id: low, above: 5}", "      - {id: mid, above: 30}", "      - {id: high, above: 90}",
                "actors:",
                "  - id: a", "    capability: 3", "    stances:", "      points: {position: 10, salience: 50}",
                "  - id: b", "    capability: 2", "    stances:", "      points: {position: 70, salience: 80}", "");
        return Scenarios.read(TextFile.of("t.yaml", yaml), org.parley.io.ImportSettings.detect()).scenario();
    }

    @Test
    void aWideIntervalTurnsEachAnswerIntoItsRange() {
        ForecastResult r = Models.simulation().run(scenario(),
                RunSpec.defaults().withModels(List.of("compromise", "median")));
        // q = 100: the compromise interval is the whole positions' range [10, 70]; median is not calibrated
        ModelErrorCalibration cal = ModelErrorCalibration.parse("version=t\nlevel=0.9\nmodel.compromise.q=100\n", "t");
        BottomLine b = BottomLine.of(r);
        List<Map<String, double[]>> ranges = ModelErrorBottomLine.ranges(r, b, cal);
        // talks 0.5, no talks: the status quo 0, below every threshold; so P = 0.5 x P(yes | talks)
        // above 5: [10, 70] wholly past -> [0.9, 1]; above 30: straddles -> [0, 1]; above 90: wholly short -> [0, 0.1]
        assertThat(ranges.get(0).get("compromise")).containsExactly(new double[] {0.45, 0.5}, within(1e-12));
        assertThat(ranges.get(1).get("compromise")).containsExactly(new double[] {0, 0.5}, within(1e-12));
        assertThat(ranges.get(2).get("compromise")).containsExactly(new double[] {0, 0.05}, within(1e-12));
        // the median (70) keeps its point answer: yes, yes, no
        assertThat(ranges.get(0).get("median")).containsExactly(0.5, 0.5);
        assertThat(ranges.get(1).get("median")).containsExactly(0.5, 0.5);
        assertThat(ranges.get(2).get("median")).containsExactly(0.0, 0.0);
        StringWriter out = new StringWriter();
        TableWriter.write(r, new TableWriter.Annotations(cal, List.of(), false), new PrintWriter(out));
        assertThat(out.toString()).contains("P(yes) allowing for model error (90% model-error intervals, calibration t")
                .containsPattern("points > 30\\s+0-50%\\s+50-50%");
    }
}
