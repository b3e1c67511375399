package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.engine.Locator;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.engine.ScenarioValidator;
import org.parley.model.OpenValues;
import org.parley.model.Scenario;

/** {@code value: open}: read, warned about with its line, refused by runs, accepted with its default, written back. */
class OpenValueTest {

    static final String YAML = """
            parley: 1
            id: open
            talks: {probability: open, default: 0.4}
            issues:
              - id: x
                status-quo: {value: open, default: 10, judgement: not in the article}
            actors:
              - id: a
                capability: {value: open}
                stances:
                  x: {position: 80, salience: {value: open, default: 50}}
              - id: b
                capability: 20
                stances:
                  x: {position: open, salience: 30}
            """;

    private static Imported read(String yaml) {
        return YamlScenarioReader.read(TextFile.of("open.yaml", yaml));
    }

    @Test
    void everyOpenValueIsAWarningWithItsLineAndNoOtherProblem() {
        Imported im = read(YAML);
        List<ScenarioProblem> all = ScenarioValidator.validate(im.scenario(), im.locator());
        assertThat(all).noneMatch(ScenarioProblem::isError);
        List<ScenarioProblem> ps = all.stream().filter(p -> p.code() == ProblemCode.OPEN_VALUE).toList();
        assertThat(ps).extracting(ScenarioProblem::path).containsExactlyInAnyOrder("talks.probability",
                "issues[0].status-quo", "actors[0].capability", "actors[0].stances.x.salience",
                "actors[1].stances.x.position");
        assertThat(ps).allMatch(p -> p.line() > 0);
        assertThat(ps).filteredOn(p -> p.path().equals("actors[0].capability")).first()
                .satisfies(p -> assertThat(p.message()).contains("no default"));
    }

    @Test
    void runsRefuseOpenValuesAndAcceptingDefaultsLeavesOnlyThoseWithout() {
        Scenario s = read(YAML).scenario();
        assertThat(ScenarioValidator.openValues(s, Locator.none())).hasSize(5).allMatch(ScenarioProblem::isError);
        Scenario accepted = OpenValues.acceptDefaults(s);
        assertThat(OpenValues.of(accepted)).containsOnlyKeys("actors[0].capability", "stances[1].position");
        assertThat(accepted.talks().value()).isEqualTo(0.4);
        assertThat(accepted.issues().get(0).statusQuo().value()).isEqualTo(10.0);
        assertThat(accepted.issues().get(0).statusQuo().open()).isFalse();
    }

    @Test
    void writtenBackAsOpen() {
        String back = ScenarioWriter.toYaml(read(YAML).scenario());
        assertThat(back).contains("value: open, default: 10").contains("probability: open, default: 0.4");
        assertThat(OpenValues.of(read(back).scenario())).hasSize(5);
    }

    @Test
    void aDefaultOnAStatedValueIsAnError() {
        assertThatThrownBy(() -> read(YAML.replace("capability: 20", "capability: {value: 20, default: 5}")))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.code() == ProblemCode.UNKNOWN_FIELD && p.path().endsWith("capability.default")));
    }
}
