package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.model.Change;
import org.parley.model.DecisionRule;
import org.parley.model.Issue;
import org.parley.model.Scenario;

/** The decision-rule, consent, outside-option and talks fields: read, validated with their line, written back. */
class ConsentFormatTest {

    /** A valid scenario using every new field. Line numbers are 1-based. */
    static final String VALID = String.join("\n",
            "parley: 1",                                                  // 1
            "id: t",                                                      // 2
            "talks: {probability: 0.7, judgement: talks are likely}",     // 3
            "issues:",                                                    // 4
            "  - id: i1",                                                 // 5
            "    status-quo: {value: 10, judgement: today}",              // 6
            "    rule: qualified-majority",                               // 7
            "    quota: 0.65",                                            // 8
            "    votes: council-votes",                                   // 9
            "    consent: [b]",                                           // 10
            "actors:",                                                    // 11
            "  - id: a",                                                  // 12
            "    capability: {value: 50, judgement: big}",                // 13
            "    attributes: {council-votes: 29}",                        // 14
            "    stances:",                                               // 15
            "      i1:",                                                  // 16
            "        position: {value: 80, judgement: high}",             // 17
            "        salience: {value: 60, judgement: cares}",            // 18
            "  - id: b",                                                  // 19
            "    capability: {value: 30, judgement: small}",              // 20
            "    attributes: {council-votes: 10}",                        // 21
            "    stances:",                                               // 22
            "      i1:",                                                  // 23
            "        position: {value: 20, judgement: low}",              // 24
            "        salience: {value: 40, judgement: some}",             // 25
            "        outside-option: {value: 30, low: 20, high: 40, judgement: walks away}", // 26
            "branches:",                                                  // 27
            "  - id: w1",                                                 // 28
            "    probability: 0.6",                                       // 29
            "    talks: {probability: 0.9, judgement: more likely}",      // 30
            "    changes:",                                               // 31
            "      - {actor: a, name: A after the election}",             // 32
            "      - {actor: a, attributes: {council-votes: 12, party: x}}", // 33
            "      - {actor: b, issue: i1, outside-option: {value: 15, judgement: weaker}}", // 34
            "  - id: w2",                                                 // 35
            "    probability: 0.4",                                       // 36
            "    changes: []",                                            // 37
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

    static void assertProblem(List<ScenarioProblem> ps, ProblemCode code, int line, String path) {
        assertThat(ps).as("problems %s", ps.stream().map(ScenarioProblem::format).toList())
                .anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo(code);
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.file()).isEqualTo("t.yaml");
                    assertThat(p.column()).isPositive();
                    assertThat(p.path()).isEqualTo(path);
                });
    }

    @Test
    void readsEveryNewField() {
        Scenarios.Loaded l = Scenarios.read(TextFile.of("t.yaml", VALID), ImportSettings.detect());
        assertThat(l.warnings()).isEmpty();
        Scenario s = l.scenario();
        assertThat(s.talksProbability()).isEqualTo(0.7);
        Issue i = s.issues().get(0);
        assertThat(i.rule()).isEqualTo(DecisionRule.QUALIFIED_MAJORITY);
        assertThat(i.quota()).isEqualTo(0.65);
        assertThat(i.votes()).isEqualTo("council-votes");
        assertThat(i.consent()).containsExactly("b");
        assertThat(s.stance("b", "i1").orElseThrow().outsideOption().value()).isEqualTo(30);
        assertThat(s.stance("b", "i1").orElseThrow().outsideOption().range().low()).isEqualTo(20);
        assertThat(s.declaresConsent()).isTrue();

        Scenario w1 = s.resolve("w1");
        assertThat(w1.talksProbability()).isEqualTo(0.9);
        assertThat(w1.actor("a").orElseThrow().name()).isEqualTo("A after the election");
        assertThat(w1.actor("a").orElseThrow().attributes()).containsEntry("council-votes", "12").containsEntry("party", "x");
        assertThat(w1.stance("b", "i1").orElseThrow().outsideOption().value()).isEqualTo(15);
        assertThat(s.resolve("w2").talksProbability()).isEqualTo(0.7);
        assertThat(s.branches().get(0).changes()).extracting(Change::field)
                .containsExactly(Change.Field.NAME, Change.Field.ATTRIBUTES, Change.Field.OUTSIDE_OPTION);
    }

    @Test
    void withoutTheNewFieldsNothingIsDeclared() {
        Scenario s = Scenarios.read(TextFile.of("t.yaml", ValidationProblemsTest.VALID), ImportSettings.detect()).scenario();
        assertThat(s.talks()).isNull();
        assertThat(s.talksProbability()).isEqualTo(1.0);
        assertThat(s.issues().get(0).rule()).isEqualTo(DecisionRule.BARGAINING);
        assertThat(s.declaresConsent()).isFalse();
    }

    @Test
    void roundTripIsLosslessInYamlAndJson() {
        Scenario s = Scenarios.read(TextFile.of("t.yaml", VALID), ImportSettings.detect()).scenario();
        String yaml = ScenarioWriter.toYaml(s);
        assertThat(YamlScenarioReader.read(TextFile.of("r.yaml", yaml)).scenario()).isEqualTo(s);
        String json = ScenarioWriter.toJson(s);
        assertThat(Scenarios.read(TextFile.of("r.json", json), ImportSettings.detect()).scenario()).isEqualTo(s);
        assertThat(yaml).contains("quota: 0.65").contains("votes: council-votes").contains("outside-option:")
                .contains("talks:");
    }

    @Test
    void unknownActorInConsent() {
        assertProblem(problems(replaceLine(10, "    consent: [b, zz]")), ProblemCode.UNKNOWN_ACTOR, 10,
                "issues[0].consent[1]");
    }

    @Test
    void quotaOutsideHalfToOne() {
        assertProblem(problems(replaceLine(8, "    quota: 0.5")), ProblemCode.BAD_QUOTA, 8, "issues[0].quota");
        assertProblem(problems(replaceLine(8, "    quota: 65")), ProblemCode.BAD_QUOTA, 8, "issues[0].quota");
    }

    @Test
    void qualifiedMajorityNeedsAQuota() {
        assertProblem(problems(replaceLine(8, "    name: I1")), ProblemCode.BAD_QUOTA, 7, "issues[0].rule");
    }

    @Test
    void quotaWithARuleThatTakesNone() {
        assertProblem(problems(replaceLine(7, "    rule: unanimity")), ProblemCode.BAD_QUOTA, 8, "issues[0].quota");
    }

    @Test
    void votesAttributeMissing() {
        List<ScenarioProblem> ps = problems(replaceLine(21, "    attributes: {other: 10}"));
        assertProblem(ps, ProblemCode.BAD_VOTES, 9, "issues[0].votes");
        assertThat(ps.get(0).message()).contains("'b'");
    }

    @Test
    void votesAttributeNotANumber() {
        assertProblem(problems(replaceLine(21, "    attributes: {council-votes: ten}")), ProblemCode.BAD_VOTES, 9,
                "issues[0].votes");
    }

    @Test
    void votesAttributeSetByABranchNotANumber() {
        assertProblem(problems(replaceLine(33, "      - {actor: a, attributes: {council-votes: many}}")),
                ProblemCode.BAD_VOTES, 33, "branches[0].changes[1].attributes.council-votes");
    }

    @Test
    void talksProbabilityOutsideZeroToOne() {
        assertProblem(problems(replaceLine(3, "talks: {probability: 1.2, judgement: x}")), ProblemCode.BAD_PROBABILITY, 3,
                "talks.probability");
        assertProblem(problems(replaceLine(30, "    talks: {probability: -0.1, judgement: x}")),
                ProblemCode.BAD_PROBABILITY, 30, "branches[0].talks.probability");
    }

    @Test
    void talksNeedAProbability() {
        assertProblem(problems(replaceLine(3, "talks: {judgement: x}")), ProblemCode.MISSING_FIELD, 3,
                "talks.probability");
    }

    @Test
    void outsideOptionOutsideTheScale() {
        assertProblem(problems(replaceLine(26, "        outside-option: {value: 130, judgement: walks away}")),
                ProblemCode.POSITION_OUT_OF_SCALE, 26, "actors[1].stances.i1.outside-option");
        assertProblem(problems(replaceLine(34, "      - {actor: b, issue: i1, outside-option: {value: -3, judgement: w}}")),
                ProblemCode.POSITION_OUT_OF_SCALE, 34, "branches[0].changes[2].outside-option");
    }

    @Test
    void aChangeSetsOneField() {
        assertProblem(problems(replaceLine(32, "      - {actor: a, name: A, attributes: {x: 1}}")), ProblemCode.MISSING_FIELD,
                32, "branches[0].changes[0]");
    }

    @Test
    void unknownRule() {
        assertProblem(problems(replaceLine(7, "    rule: plurality")), ProblemCode.BAD_VALUE, 7, "issues[0].rule");
    }

    @Test
    void changeFieldsInTheModel() {
        assertThat(Change.name("a", "x").field()).isEqualTo(Change.Field.NAME);
        assertThat(Change.attributes("a", Map.of("k", "v")).attributes()).containsEntry("k", "v");
    }
}
