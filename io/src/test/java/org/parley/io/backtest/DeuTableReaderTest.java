package org.parley.io.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.backtest.BacktestCase;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.Split;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.io.ScenarioFormat;
import org.parley.io.TextFile;
import org.parley.model.DecisionRule;

class DeuTableReaderTest {

    static final String HEADER = q("prnr") + "\t" + q("isnr") + "\t" + q("prname") + "\t" + q("proc") + "\t"
            + q("counvte") + "\t" + q("intro") + "\t" + q("pcom") + "\t" + q("pep") + "\t" + q("pde") + "\t" + q("pfr")
            + "\t" + q("scom") + "\t" + q("sep") + "\t" + q("sde") + "\t" + q("sfr") + "\t" + q("rp") + "\t" + q("out");
    static final String CAPS = "\t\t\t\t\t\t\"2\"\t\"2\"\t\"4\"\t\"2\"\t\t\t\t\t\t";

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    /** Three proposals: P1 (two issues), P2, P3; P2's second issue has no outcome. */
    static String table() {
        return String.join("\n", HEADER, CAPS,
                "\"P1\"\t\"P1i1\"\t\"one\"\t\"COD\"\t\"QMV\"\t\"26-01-00\"\t100\t50\t0\t100\t50\t50\t100\t50\t0\t40",
                "\"P1\"\t\"P1i2\"\t\"one\"\t\"COD\"\t\"QMV\"\t\"26-01-00\"\t0\t\t100\t\t80\t\t20\t\t\t100",
                "\"P2\"\t\"P2i1\"\t\"two\"\t\"CNS\"\t\"Unan\"\t\"14-12-2005\"\t60\t60\t60\t60\t10\t10\t10\t10\t50\t60",
                "\"P2\"\t\"P2i2\"\t\"two\"\t\"CNS\"\t\"Unan\"\t\"14-12-2005\"\t60\t60\t60\t60\t10\t10\t10\t\t50\t",
                "\"P3\"\t\"P3i1\"\t\"three\"\t\"COD\"\t\"QMV\"\t\"2016-07-04\"\t30\t70\t50\t50\t90\t90\t90\t90\t0\t50",
                "");
    }

    @Test
    void readsCasesIssuesCapabilitiesAndSplits() {
        BacktestSet set = DeuTableReader.read(TextFile.of("t.tsv", table()));
        assertThat(set.cases()).extracting(BacktestCase::id).containsExactly("P1", "P2", "P3");
        assertThat(set.cases()).extracting(BacktestCase::split).containsExactly(Split.TRAIN, Split.TEST, Split.TRAIN);
        BacktestCase p1 = set.cases().get(0);
        assertThat(p1.scenario().actors()).extracting(a -> a.capability().value()).containsExactly(0.5, 0.5, 1.0, 0.5);
        assertThat(p1.scenario().actor("de").orElseThrow().name()).isEqualTo("Germany");
        assertThat(p1.outcomes()).containsEntry("P1i1", 40.0).containsEntry("P1i2", 100.0);
        assertThat(p1.scenario().stances()).hasSize(4 + 2);
        assertThat(p1.scenario().issue("P1i1").orElseThrow().statusQuo().value()).isEqualTo(0.0);
        assertThat(p1.scenario().issue("P1i2").orElseThrow().hasStatusQuo()).isFalse();
        assertThat(p1.date()).isEqualTo(LocalDate.of(2000, 1, 26));
        assertThat(p1.procedure()).isEqualTo("COD");
        assertThat(p1.scenario().issue("P1i1").orElseThrow().rule()).isEqualTo(DecisionRule.QUALIFIED_MAJORITY);
        BacktestCase p2 = set.cases().get(1);
        assertThat(p2.date()).isEqualTo(LocalDate.of(2005, 12, 14));
        assertThat(p2.outcomes()).containsOnlyKeys("P2i1");
        assertThat(p2.scenario().issue("P2i1").orElseThrow().rule()).isEqualTo(DecisionRule.UNANIMITY);
        // fr has a position but no salience on P2i2: absent
        assertThat(p2.scenario().stance("fr", "P2i2")).isEmpty();
        // written yyyy-mm-dd: the spreadsheet-mangled dd-mm-yy of the DEU file (16-07-04)
        assertThat(set.cases().get(2).date()).isEqualTo(LocalDate.of(2004, 7, 16));
        assertThat(set.notes()).containsExactly("1 issue(s) have no outcome and are not scored",
                "1 position(s) without a salience are read as absent");
        assertThat(set.proposer()).isEqualTo("com");
        assertThat(set.scoredIssues(Split.TRAIN)).isEqualTo(3);
        assertThat(set.scoredIssues(Split.TEST)).isEqualTo(1);
    }

    private static List<ScenarioProblem> problems(String text) {
        return catchThrowableOfType(() -> DeuTableReader.read(TextFile.of("bad.tsv", text)), ScenarioException.class)
                .problems();
    }

    @Test
    void aShortRowIsAnErrorAtItsLine() {
        String t = table().replace("\t90\t0\t50", "\t90");
        List<ScenarioProblem> ps = problems(t);
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).code()).isEqualTo(ProblemCode.MISSING_FIELD);
        assertThat(ps.get(0).line()).isEqualTo(7);
        assertThat(ps.get(0).format()).startsWith("bad.tsv:7:");
    }

    @Test
    void aNonNumericValueIsAnErrorAtItsLineAndColumn() {
        String t = table().replace("60\t60\t60\t60\t10\t10\t10\t10\t50\t60", "60\t60\tsixty\t60\t10\t10\t10\t10\t50\t60");
        List<ScenarioProblem> ps = problems(t);
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).code()).isEqualTo(ProblemCode.WRONG_TYPE);
        assertThat(ps.get(0).line()).isEqualTo(5);
        String line = t.split("\n")[4];
        assertThat(ps.get(0).column()).isEqualTo(line.indexOf("sixty") + 1);
        assertThat(ps.get(0).path()).isEqualTo("position of de");
    }

    @Test
    void anOutcomeOutsideTheScaleIsAnError() {
        String t = table().replace("\t0\t40\n", "\t0\t140\n");
        List<ScenarioProblem> ps = problems(t);
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).code()).isEqualTo(ProblemCode.POSITION_OUT_OF_SCALE);
        assertThat(ps.get(0).line()).isEqualTo(3);
        assertThat(ps.get(0).message()).contains("outcome (out) is 140, outside the scale 0-100");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        String t = table().replace("\t0\t40\n", "\t0\t140\n").replace("\t90\t0\t50", "\t90");
        assertThat(problems(t)).extracting(ScenarioProblem::line).containsExactly(3, 7);
    }

    @Test
    void aMissingHeaderColumnIsNamed() {
        String t = table().replace(q("out"), q("outcome"));
        assertThat(Backtests.isDeuTable(t)).isFalse();
        String t2 = table().replace(q("rp"), q("ref"));
        List<ScenarioProblem> ps = problems(t2);
        assertThat(ps).extracting(ScenarioProblem::code).containsExactly(ProblemCode.MISSING_FIELD);
        assertThat(ps.get(0).line()).isEqualTo(1);
    }

    @Test
    void aBadCapabilityRowIsAnError() {
        List<ScenarioProblem> ps = problems(table().replace("\"4\"", "\"-4\""));
        assertThat(ps).extracting(ScenarioProblem::code).containsExactly(ProblemCode.BAD_CAPABILITY);
        assertThat(ps.get(0).line()).isEqualTo(2);
    }

    @Test
    void scenarioDetectionSendsTheTableToBacktest() {
        ScenarioException e = catchThrowableOfType(() -> ScenarioFormat.detect(table(), "deu.tsv"),
                ScenarioException.class);
        assertThat(e.problems().get(0).message()).contains("backtest table").contains("parley backtest");
    }
}
