package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioProblem;
import org.parley.model.Condition;
import org.parley.model.Estimate;
import org.parley.model.Scenario;

/** Conditional positions in the file format: read, written back, and each bad input at its line. */
class ConditionalPositionsTest {

    static final String VALID = String.join("\n",
            "parley: 1",                                                  // 1
            "id: t",                                                      // 2
            "issues:",                                                    // 3
            "  - {id: x, status-quo: {value: 0, judgement: now}}",        // 4
            "  - {id: y, status-quo: {value: 0, judgement: now}}",        // 5
            "actors:",                                                    // 6
            "  - id: a",                                                  // 7
            "    capability: {value: 1, judgement: equal}",               // 8
            "    stances:",                                               // 9
            "      x: {position: {value: 80, judgement: j}, salience: {value: 100, judgement: j}}", // 10
            "      y:",                                                   // 11
            "        position:",                                          // 12
            "          value: 60",                                        // 13
            "          judgement: offers only for x",                     // 14
            "          if: {issue: x, at-least: 50}",                     // 15
            "          otherwise: 20",                                    // 16
            "        salience: {value: 100, judgement: j}",               // 17
            "  - id: b",                                                  // 18
            "    capability: {value: 1, judgement: equal}",               // 19
            "    stances:",                                               // 20
            "      x:",                                                   // 21
            "        position:",                                          // 22
            "          value: 30",                                        // 23
            "          judgement: j",                                     // 24
            "          if: {all: [{issue: y, at-least: 20}, {any: [{issue: y, at-most: 90}]}]}", // 25
            "          otherwise: {value: 0, low: 0, high: 10, judgement: walks away}", // 26
            "        salience: {value: 100, judgement: j}",               // 27
            "      y: {position: {value: 40, judgement: j}, salience: {value: 100, judgement: j}}", // 28
            "branches:",                                                  // 29
            "  - id: w",                                                  // 30
            "    changes:",                                               // 31
            "      - {actor: a, issue: y, position: {value: 70, judgement: k, if: {issue: x, at-most: 60}, otherwise: 10}}", // 32
            "");

    static String replaceLine(int line, String text) {
        String[] lines = VALID.split("\n", -1);
        lines[line - 1] = text;
        return String.join("\n", lines);
    }

    @Test
    void readsConditionsAndWritesThemBack() {
        Scenarios.Loaded l = Scenarios.read(TextFile.of("t.yaml", VALID), ImportSettings.detect());
        assertThat(l.warnings()).isEmpty();
        Scenario s = l.scenario();
        Estimate ay = s.stance("a", "y").orElseThrow().position();
        assertThat(ay.value()).isEqualTo(60);
        assertThat(ay.conditional().when()).isEqualTo(Condition.atLeast("x", 50));
        assertThat(ay.conditional().otherwise().value()).isEqualTo(20);
        assertThat(ay.conditional().otherwise().provenance()).isEqualTo(ay.provenance());
        Estimate bx = s.stance("b", "x").orElseThrow().position();
        assertThat(bx.conditional().when().describe()).isEqualTo("all of (y >= 20, any of (y <= 90))");
        assertThat(bx.conditional().otherwise().range().high()).isEqualTo(10);
        assertThat(bx.conditional().otherwise().provenance().judgement()).isEqualTo("walks away");
        Estimate branch = s.resolve("w").stance("a", "y").orElseThrow().position();
        assertThat(branch.conditional().when()).isEqualTo(Condition.atMost("x", 60));
        for (String text : List.of(ScenarioWriter.toYaml(s), ScenarioWriter.toJson(s))) {
            Scenario back = Scenarios.read(TextFile.of("back.yaml", text), ImportSettings.detect()).scenario();
            assertThat(back).isEqualTo(s);
        }
    }

    private static List<ScenarioProblem> problems(String yaml) {
        return ValidationProblemsTest.problems(yaml);
    }

    private static void assertProblem(List<ScenarioProblem> ps, ProblemCode code, int line, String path) {
        assertThat(ps).as("problems %s", ps.stream().map(ScenarioProblem::format).toList())
                .anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo(code);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.column()).isPositive();
                    assertThat(p.file()).isEqualTo("t.yaml");
                    assertThat(p.path()).isEqualTo(path);
                });
    }

    @Test
    void conditionOnAnUnknownIssue() {
        assertProblem(problems(replaceLine(15, "          if: {issue: z, at-least: 50}")), ProblemCode.UNKNOWN_ISSUE, 15,
                "actors[0].stances.y.position.if.issue");
    }

    @Test
    void conditionOnItsOwnIssue() {
        assertProblem(problems(replaceLine(15, "          if: {issue: y, at-least: 50}")), ProblemCode.BAD_CONDITION, 15,
                "actors[0].stances.y.position.if.issue");
    }

    @Test
    void nonNumericBound() {
        assertProblem(problems(replaceLine(15, "          if: {issue: x, at-least: half}")), ProblemCode.WRONG_TYPE, 15,
                "actors[0].stances.y.position.if.at-least");
    }

    @Test
    void nestedConditionOnItsOwnIssueInABranch() {
        assertProblem(problems(replaceLine(32, "      - {actor: a, issue: y, position: {value: 70, judgement: k, "
                + "if: {any: [{issue: y, at-most: 60}]}, otherwise: 10}}")), ProblemCode.BAD_CONDITION, 32,
                "branches[0].changes[0].position.if.any[0].issue");
    }

    @Test
    void boundOutsideTheScaleAndMissingPieces() {
        assertProblem(problems(replaceLine(15, "          if: {issue: x, at-least: 150}")),
                ProblemCode.POSITION_OUT_OF_SCALE, 15, "actors[0].stances.y.position.if.at-least");
        assertProblem(problems(replaceLine(15, "          if: {issue: x}")), ProblemCode.MISSING_FIELD, 15,
                "actors[0].stances.y.position.if");
        assertProblem(problems(replaceLine(16, "          salience: 3")), ProblemCode.UNKNOWN_FIELD, 16,
                "actors[0].stances.y.position.salience");
        assertProblem(problems(replaceLine(16, "          otherwise: 120")), ProblemCode.POSITION_OUT_OF_SCALE, 16,
                "actors[0].stances.y.position.otherwise");
    }

    @Test
    void onlyPositionsAreConditional() {
        assertProblem(problems(replaceLine(17, "        salience: {value: 100, judgement: j, if: {issue: x, at-least: 1}}")),
                ProblemCode.UNKNOWN_FIELD, 17, "actors[0].stances.y.salience.if");
    }
}
