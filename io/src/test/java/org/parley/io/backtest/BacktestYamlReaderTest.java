package org.parley.io.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.backtest.Backtest;
import org.parley.backtest.BacktestCase;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.Score;
import org.parley.backtest.Split;
import org.parley.engine.ProblemCode;
import org.parley.engine.RunSpec;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.engine.Simulation;
import org.parley.io.ScenarioFormat;
import org.parley.io.TextFile;
import org.parley.models.Models;

class BacktestYamlReaderTest {

    static Path synthetic() {
        try {
            return Path.of(BacktestYamlReaderTest.class.getResource("/backtest/synthetic.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsInlineAndFileScenarios() {
        BacktestSet set = Backtests.read(synthetic());
        assertThat(set.name()).isEqualTo("synthetic");
        assertThat(set.proposer()).isEqualTo("a");
        assertThat(set.cases()).extracting(BacktestCase::id).containsExactly("A", "B");
        assertThat(set.cases()).extracting(BacktestCase::split).containsExactly(Split.TRAIN, Split.TEST);
        assertThat(set.cases().get(0).scenario().id()).isEqualTo("case-a");
        assertThat(set.cases().get(1).scenario().id()).isEqualTo("case-b");
        assertThat(set.capabilityOptions()).containsExactly("scenario", "equal");
    }

    @Test
    void knownAnswers() {
        // A: compromise 75 vs outcome 70 (5 points); B: 2.5 vs 5 on 0-10 (25 points)
        BacktestSet set = Backtests.read(synthetic());
        Backtest.Result r = new Backtest(new Simulation(List.of(Models.compromise())))
                .run(set, CapabilityRule.forSet(null, set), RunSpec.defaults().withThreads(1), false);
        Score s = Score.of("compromise", Split.ALL, "scenario", r.issues());
        assertThat(s.mae()).isCloseTo(15, within(1e-9));
        assertThat(s.rmse()).isCloseTo(Math.sqrt(325), within(1e-9));
    }

    private static List<ScenarioProblem> problems(String yaml) {
        return catchThrowableOfType(() -> Backtests.read(TextFile.of("bt.yaml", yaml), null), ScenarioException.class)
                .problems();
    }

    private static final String ONE = String.join("\n", "parley-backtest: 1", "cases:", "  - id: A", "    scenario:",
            "      id: s", "      issues:", "        - id: x", "      actors:", "        - id: a", "          capability: 1",
            "          stances:", "            x: {position: 10, salience: 50}", "    outcomes:", "      x: 70", "");

    @Test
    void aKeyTwiceIsASyntaxErrorAtTheSecondKeyAsInAScenario() {
        // the same reader as the scenario file: YAML forbids a key twice; DUPLICATE_ID is for two things with one id
        List<ScenarioProblem> ps = problems(ONE.replace("  - id: A\n", "  - id: A\n    id: B\n"));
        assertThat(ps).extracting(ScenarioProblem::code).containsExactly(ProblemCode.SYNTAX);
        assertThat(ps.get(0).line()).isEqualTo(4);
        assertThat(ps.get(0).path()).isEqualTo("cases[0].id");
    }

    @Test
    void anOutcomeOutsideTheScaleIsAnErrorAtItsLine() {
        List<ScenarioProblem> ps = problems(ONE.replace("x: 70", "x: 170"));
        assertThat(ps).extracting(ScenarioProblem::code).containsExactly(ProblemCode.POSITION_OUT_OF_SCALE);
        assertThat(ps.get(0).line()).isEqualTo(14);
        assertThat(ps.get(0).column()).isEqualTo(10);
    }

    @Test
    void aNonNumericOutcomeAndAnUnknownIssueAreErrors() {
        assertThat(problems(ONE.replace("x: 70", "x: seventy"))).extracting(ScenarioProblem::code)
                .containsExactly(ProblemCode.WRONG_TYPE);
        assertThat(problems(ONE.replace("      x: 70", "      z: 70"))).extracting(ScenarioProblem::code)
                .containsExactly(ProblemCode.UNKNOWN_ISSUE);
    }

    @Test
    void anInlineScenarioKeepsItsLineNumbers() {
        List<ScenarioProblem> ps = problems(ONE.replace("salience: 50", "salience: 500"));
        assertThat(ps).isNotEmpty();
        assertThat(ps.get(0).code()).isEqualTo(ProblemCode.SALIENCE_OUT_OF_RANGE);
        assertThat(ps.get(0).line()).isEqualTo(12);
    }

    @Test
    void unknownFieldsAndAMissingMarkerAreErrors() {
        assertThat(problems(ONE.replace("    outcomes:", "    outcome:"))).extracting(ScenarioProblem::code)
                .contains(ProblemCode.UNKNOWN_FIELD);
        ScenarioException e = catchThrowableOfType(() -> BacktestYamlReader.read(TextFile.of("bt.yaml",
                ONE.replace("parley-backtest: 1", "parley-backtest: 2")), null), ScenarioException.class);
        assertThat(e.problems()).extracting(ScenarioProblem::code).contains(ProblemCode.BAD_VALUE);
    }

    @Test
    void forecastDetectionSendsBacktestYamlToBacktest() {
        ScenarioException e = catchThrowableOfType(() -> ScenarioFormat.detect(ONE, "bt.yaml"), ScenarioException.class);
        assertThat(e.problems().get(0).message()).contains("parley backtest");
    }
}
