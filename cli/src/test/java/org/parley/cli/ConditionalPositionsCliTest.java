package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditional positions through the command line: bad input exits 2 at its line; explain shows them. */
class ConditionalPositionsCliTest {

    static final String SCENARIO = String.join("\n",
            "parley: 1",
            "id: t",
            "issues:",
            "  - {id: x, status-quo: {value: 0, judgement: now}}",
            "  - {id: y, status-quo: {value: 0, judgement: now}}",
            "actors:",
            "  - id: a",
            "    capability: {value: 1, judgement: equal}",
            "    stances:",
            "      x: {position: {value: 80, judgement: j}, salience: {value: 100, judgement: j}}",
            "      y:",
            "        position: {value: 60, judgement: only for x, if: {issue: x, at-least: 50}, otherwise: 20}", // 12
            "        salience: {value: 100, judgement: j}",
            "  - id: b",
            "    capability: {value: 1, judgement: equal}",
            "    stances:",
            "      x: {position: {value: 0, judgement: j}, salience: {value: 100, judgement: j}}",
            "      y: {position: {value: 40, judgement: j}, salience: {value: 100, judgement: j}}",
            "");

    private static Path write(Path dir, String text) throws IOException {
        Path f = dir.resolve("t.yaml");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void badConditionsExitTwoWithLineColumnCodeAndPath(@TempDir Path dir) throws IOException {
        String[][] cases = {
                {"issue: y, at-least: 50", "12:", "error BAD_CONDITION at actors[0].stances.y.position.if.issue"},
                {"issue: z, at-least: 50", "12:", "error UNKNOWN_ISSUE at actors[0].stances.y.position.if.issue"},
                {"issue: x, at-least: lots", "12:", "error WRONG_TYPE at actors[0].stances.y.position.if.at-least"},
        };
        for (String[] c : cases) {
            Path f = write(dir, SCENARIO.replace("issue: x, at-least: 50", c[0]));
            for (String command : new String[] {"validate", "forecast"}) {
                CliRun r = CliRun.of(command, f.toString());
                assertThat(r.exit()).as(command + " " + c[0] + ": " + r.err()).isEqualTo(2);
                assertThat(r.out() + r.err()).contains(f + ":" + c[1]).contains(c[2]);
            }
        }
    }

    @Test
    void forecastAndExplainShowTheResolution(@TempDir Path dir) throws IOException {
        Path f = write(dir, SCENARIO);
        CliRun r = CliRun.of("forecast", f.toString(), "--model", "compromise");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().replaceAll("\\s+", " "))
                .contains("conditional positions: fixed point after 2 runs: 1 conditional, unmet: a on y (none met)");
        CliRun e = CliRun.of("explain", f.toString(), "--model", "compromise", "--actor", "a");
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(e.out()).contains("conditional: 60 if x >= 50, otherwise 20; the model ran with 20.0 "
                + "(condition taken as unmet); on the forecast (x 40.0) the condition fails");
    }
}
