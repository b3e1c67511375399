package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;

/** Each validation problem the foundation names: its code, and the line it is reported on. */
class ValidationProblemsTest {

    /** A valid minimal scenario; tests break one line of it. Line numbers are 1-based. */
    static final String VALID = String.join("\n",
            "parley: 1",                                   // 1
            "id: t",                                       // 2
            "sources:",                                    // 3
            "  - {id: src, title: A source}",              // 4
            "issues:",                                     // 5
            "  - id: i1",                                  // 6
            "    scale: {min: 0, max: 100, low: none, high: all}", // 7
            "    status-quo: {value: 10, judgement: today}", // 8
            "actors:",                                     // 9
            "  - id: a",                                   // 10
            "    capability: {value: 50, judgement: big}", // 11
            "    stances:",                                // 12
            "      i1:",                                   // 13
            "        position: {value: 80, source: src, quote: q}", // 14
            "        salience: {value: 60, judgement: cares}", // 15
            "  - id: b",                                   // 16
            "    capability: {value: 30, judgement: small}", // 17
            "    stances:",                                // 18
            "      i1:",                                   // 19
            "        position: {value: 20, judgement: low}", // 20
            "        salience: {value: 40, judgement: some}", // 21
            "branches:",                                   // 22
            "  - id: w1",                                  // 23
            "    probability: 0.6",                        // 24
            "    changes:",                                // 25
            "      - {actor: a, issue: i1, position: {value: 70, judgement: softer}}", // 26
            "  - id: w2",                                  // 27
            "    probability: 0.4",                        // 28
            "    changes: []",                             // 29
            "");

    static List<ScenarioProblem> problems(String yaml) {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.read(TextFile.of("t.yaml", yaml), ImportSettings.detect()));
        assertThat(e).as("expected problems").isNotNull();
        return e.problems();
    }

    static String replaceLine(int line, String text) {
        String[] lines = VALID.split("\n", -1);
        lines[line - 1] = text;
        return String.join("\n", lines);
    }

    static void assertProblem(List<ScenarioProblem> ps, ProblemCode code, int line) {
        assertThat(ps).as("problems %s", ps.stream().map(ScenarioProblem::format).toList())
                .anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo(code);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.file()).isEqualTo("t.yaml");
                    assertThat(p.column()).isPositive();
                });
    }

    @Test
    void theBaseFileIsValid() {
        Scenarios.Loaded l = Scenarios.read(TextFile.of("t.yaml", VALID), ImportSettings.detect());
        assertThat(l.scenario().actors()).hasSize(2);
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void unknownActorInABranch() {
        List<ScenarioProblem> ps = problems(replaceLine(26,
                "      - {actor: c, issue: i1, position: {value: 70, judgement: softer}}"));
        assertProblem(ps, ProblemCode.UNKNOWN_ACTOR, 26);
        assertThat(ps.get(0).path()).isEqualTo("branches[0].changes[0].actor");
    }

    @Test
    void unknownActorSuggestsTheNearestId() {
        String yaml = VALID.replace("{actor: a, issue: i1, position", "{actor: aa, issue: i1, position");
        ScenarioProblem p = problems(yaml).get(0);
        assertThat(p.code()).isEqualTo(ProblemCode.UNKNOWN_ACTOR);
        assertThat(p.hint()).startsWith("Maybe").contains("'a'");
    }

    @Test
    void salienceOutsideZeroToHundred() {
        assertProblem(problems(replaceLine(15, "        salience: {value: 150, judgement: cares}")),
                ProblemCode.SALIENCE_OUT_OF_RANGE, 15);
    }

    @Test
    void positionOutsideTheScale() {
        assertProblem(problems(replaceLine(20, "        position: {value: 120, judgement: low}")),
                ProblemCode.POSITION_OUT_OF_SCALE, 20);
    }

    @Test
    void aKeyTwiceIsASyntaxErrorAtTheSecondKey() {
        assertProblem(problems(replaceLine(17, "    capability: {value: 30, judgement: small}\n    name: B\n    name: C")),
                ProblemCode.SYNTAX, 19);
    }

    @Test
    void duplicateActorIds() {
        assertProblem(problems(replaceLine(16, "  - id: a")), ProblemCode.DUPLICATE_ID, 16);
    }

    @Test
    void missingCapability() {
        assertProblem(problems(replaceLine(17, "    name: B")), ProblemCode.MISSING_FIELD, 16);
    }

    @Test
    void emptyFile() {
        List<ScenarioProblem> ps = problems("");
        assertThat(ps).extracting(ScenarioProblem::code).containsExactly(ProblemCode.EMPTY_SCENARIO);
    }

    @Test
    void scenarioWithoutActors() {
        assertProblem(problems("parley: 1\nid: t\nissues:\n  - id: i1\nactors: []\n"), ProblemCode.EMPTY_SCENARIO, 5);
    }

    @Test
    void yamlSyntaxError() {
        List<ScenarioProblem> ps = problems(replaceLine(11, "    capability: {value: 50, judgement: big"));
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).code()).isEqualTo(ProblemCode.SYNTAX);
        assertThat(ps.get(0).line()).isBetween(11, 12);
    }

    @Test
    void wrongTypeNamesTheValue() {
        List<ScenarioProblem> ps = problems(replaceLine(15, "        salience: {value: high, judgement: cares}"));
        assertProblem(ps, ProblemCode.WRONG_TYPE, 15);
        assertThat(ps.get(0).message()).contains("'high'");
    }

    @Test
    void unknownFieldSuggestsTheKnownOne() {
        List<ScenarioProblem> ps = problems(replaceLine(11, "    capabilty: {value: 50, judgement: big}"));
        assertProblem(ps, ProblemCode.UNKNOWN_FIELD, 11);
        assertThat(ps).anySatisfy(p -> assertThat(p.hint()).contains("capability"));
    }

    @Test
    void branchProbabilitiesMustSumToOne() {
        assertThat(problems(replaceLine(28, "    probability: 0.5")))
                .anySatisfy(p -> assertThat(p.code()).isEqualTo(ProblemCode.BAD_PROBABILITY));
    }

    @Test
    void unknownBranchBase() {
        assertProblem(problems(replaceLine(29, "    base: nope")), ProblemCode.UNKNOWN_BRANCH, 29);
    }

    @Test
    void unknownSource() {
        assertProblem(problems(replaceLine(14, "        position: {value: 80, source: nowhere, quote: q}")),
                ProblemCode.UNKNOWN_SOURCE, 14);
    }

    @Test
    void rangeMustHoldItsValue() {
        assertProblem(problems(replaceLine(11, "    capability: {value: 50, low: 60, high: 70, judgement: big}")),
                ProblemCode.BAD_RANGE, 11);
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        String yaml = replaceLine(15, "        salience: {value: 150, judgement: cares}");
        yaml = yaml.replace("        position: {value: 20, judgement: low}", "        position: {value: -5, judgement: low}");
        yaml = yaml.replace("{actor: a, issue: i1, position", "{actor: zz, issue: i1, position");
        List<ScenarioProblem> ps = problems(yaml);
        assertThat(ps).extracting(ScenarioProblem::code).contains(ProblemCode.SALIENCE_OUT_OF_RANGE,
                ProblemCode.POSITION_OUT_OF_SCALE, ProblemCode.UNKNOWN_ACTOR);
        assertThat(ps).extracting(ScenarioProblem::line).isSorted();
    }

    @Test
    void sentenceBeyondTheSourceText(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "One sentence. Two sentences.\n", StandardCharsets.UTF_8);
        String yaml = VALID.replace("  - {id: src, title: A source}", "  - {id: src, title: A source, file: a.txt}")
                .replace("{value: 80, source: src, quote: q}", "{value: 80, source: src, sentence: 7}");
        Files.writeString(dir.resolve("s.yaml"), yaml, StandardCharsets.UTF_8);
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.read(dir.resolve("s.yaml"), ImportSettings.detect()));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.BAD_SENTENCE);
            assertThat(p.line()).isEqualTo(14);
        });
    }

    @Test
    void aQuoteNotInItsSourceIsAWarning(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "One sentence. Two sentences.\n", StandardCharsets.UTF_8);
        String yaml = VALID.replace("  - {id: src, title: A source}", "  - {id: src, title: A source, file: a.txt}")
                .replace("{value: 80, source: src, quote: q}", "{value: 80, source: src, quote: three sentences}");
        Files.writeString(dir.resolve("s.yaml"), yaml, StandardCharsets.UTF_8);
        Scenarios.Loaded l = Scenarios.read(dir.resolve("s.yaml"), ImportSettings.detect());
        assertThat(l.warnings()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(ProblemCode.BAD_SENTENCE);
            assertThat(p.line()).isEqualTo(14);
        });
    }

    @Test
    void binaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.yaml");
        Files.write(f, new byte[] {'i', 'd', ':', 0, 1, 2, 3});
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.read(f, ImportSettings.detect()));
        assertThat(e.problems()).extracting(ScenarioProblem::code).containsExactly(ProblemCode.BINARY_FILE);
    }

    @Test
    void fiftyMegabyteFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("big.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(50L * 1024 * 1024);
        }
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.read(f, ImportSettings.detect()));
        assertThat(e.problems()).extracting(ScenarioProblem::code).containsExactly(ProblemCode.FILE_TOO_LARGE);
        assertThat(e.problems().get(0).file()).isEqualTo(f.toString());
    }

    @Test
    void yamlBombIsRefused() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        assertThat(problems(bomb)).extracting(ScenarioProblem::code).contains(ProblemCode.SYNTAX);
    }
}
