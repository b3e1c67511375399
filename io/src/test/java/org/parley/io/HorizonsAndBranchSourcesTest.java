package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.parley.engine.ProblemCode;
import org.parley.model.Scenario;

/** Threshold horizons ({@code by}) and branch probabilities with provenance: read, written back, checked. */
class HorizonsAndBranchSourcesTest {

    static final String VALID = String.join("\n",
            "parley: 1",                                                    // 1
            "id: t",                                                        // 2
            "date: 2024-08-01",                                             // 3
            "sources: [{id: poll, title: A poll, date: 2024-07-30}]",       // 4
            "issues:",                                                      // 5
            "  - id: x",                                                    // 6
            "    thresholds: [{id: deal, above: 50, question: A deal?, by: 2025-12-31}]", // 7
            "actors:",                                                      // 8
            "  - id: a",                                                    // 9
            "    capability: {value: 1, judgement: j}",                     // 10
            "    stances: {x: {position: {value: 80, judgement: j}, salience: {value: 100, judgement: j}}}", // 11
            "branches:",                                                    // 12
            "  - id: w1",                                                   // 13
            "    probability: {value: 0.6, source: poll}",                  // 14
            "  - id: w2",                                                   // 15
            "    probability: {value: 0.4, judgement: the rest}",           // 16
            "");

    @Test
    void readsAndWritesBack() {
        Scenarios.Loaded l = Scenarios.read(TextFile.of("t.yaml", VALID), ImportSettings.detect());
        assertThat(l.warnings()).isEmpty();
        Scenario s = l.scenario();
        assertThat(s.issues().get(0).thresholds().get(0).by()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(s.branches().get(0).probability()).isEqualTo(0.6);
        assertThat(s.branches().get(0).probabilitySource().source()).isEqualTo("poll");
        assertThat(s.branches().get(1).probabilitySource().judgement()).isEqualTo("the rest");
        for (String text : new String[] {ScenarioWriter.toYaml(s), ScenarioWriter.toJson(s)}) {
            assertThat(Scenarios.read(TextFile.of("back.yaml", text), ImportSettings.detect()).scenario()).isEqualTo(s);
        }
    }

    private static String replaceLine(int line, String text) {
        String[] lines = VALID.split("\n", -1);
        lines[line - 1] = text;
        return String.join("\n", lines);
    }

    private static void assertProblem(String yaml, ProblemCode code, int line) {
        assertThat(ValidationProblemsTest.problems(yaml)).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void badInput() {
        assertProblem(replaceLine(7, "    thresholds: [{id: deal, above: 50, by: 2023-01-01}]"), ProblemCode.BAD_VALUE, 7);
        assertProblem(replaceLine(7, "    thresholds: [{id: deal, above: 50, by: soon}]"), ProblemCode.WRONG_TYPE, 7);
        assertProblem(replaceLine(14, "    probability: {value: 0.6, source: pol}"), ProblemCode.UNKNOWN_SOURCE, 14);
        assertProblem(replaceLine(14, "    probability: {value: 0.7, judgement: j}"), ProblemCode.BAD_PROBABILITY, 13);
        assertProblem(replaceLine(14, "    probability: {source: poll}"), ProblemCode.MISSING_FIELD, 14);
    }
}
