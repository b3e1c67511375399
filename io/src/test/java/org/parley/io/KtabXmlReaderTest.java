package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.ProblemCode;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.ScenarioException;
import org.parley.engine.Trajectory;
import org.parley.model.Scenario;
import org.parley.models.Models;

class KtabXmlReaderTest {

    private static Path resource(String name) throws Exception {
        return Paths.get(KtabXmlReaderTest.class.getResource("/ktab/" + name).toURI());
    }

    private static Scenario read(String name) throws Exception {
        return Scenarios.read(resource(name), ImportSettings.detect()).scenario();
    }

    private static Trajectory spatial(Scenario s) {
        BargainingModel m = Models.spatial();
        Map<String, String> given = new java.util.LinkedHashMap<>();
        s.options().forEach((k, v) -> given.put(k.substring(k.indexOf('.') + 1), v));
        return m.run(Problem.of(s), ModelOptions.resolve(m.id(), m.options(), m.presets(), given), RunContext.of(0, 1));
    }

    @Test
    void readsTheDerivedSoeExampleWithItsParameters() throws Exception {
        Scenario s = read("SOE-Pol-Comp-as-xml.xml");
        assertThat(s.actors()).hasSize(13);
        assertThat(s.issues()).hasSize(2);
        assertThat(s.options()).containsEntry("spatial.victory-prob", "linear")
                .containsEntry("spatial.voting-rule", "prop").containsEntry("spatial.bargain-model", "init-only")
                .hasSize(9);
    }

    @Test
    void theXmlAndTheCsvGiveTheSameTrajectory() throws Exception {
        Trajectory xml = spatial(read("SOE-Pol-Comp-as-xml.xml"));
        Trajectory csv = spatial(read("SOE-Pol-Comp.csv"));
        assertThat(xml.rounds()).hasSize(28).hasSameSizeAs(csv.rounds());
        for (int r = 0; r < xml.rounds().size(); r++) {
            assertThat(xml.rounds().get(r).positions()).isDeepEqualTo(csv.rounds().get(r).positions());
        }
    }

    @Test
    void ktabsShippedExampleWithAnEmptyCoordinateIsAPreciseError() throws Exception {
        Path p = resource("smpExample.xml");
        assertThatThrownBy(() -> Scenarios.read(p, ImportSettings.detect()))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> {
                    var problems = ((ScenarioException) e).problems();
                    assertThat(problems).hasSize(1);
                    assertThat(problems.get(0).code()).isEqualTo(ProblemCode.MISSING_FIELD);
                    assertThat(problems.get(0).line()).isEqualTo(33);
                    assertThat(problems.get(0).message()).contains("Alice").contains("dCoord");
                });
    }

    /** KTAB's own stochastic example (Markov-incentive PCE, accommodation): reproducible from the seed. */
    @Test
    void ktabsStochasticExampleIsReproducibleFromTheSeed() throws Exception {
        Scenario s = read("smpExample-fixed.xml");
        assertThat(s.options()).containsEntry("spatial.transitions", "stochastic")
                .containsEntry("spatial.pce", "markov-incentive").containsKey("spatial.accommodation");
        BargainingModel m = Models.spatial();
        Map<String, String> given = new java.util.LinkedHashMap<>();
        s.options().forEach((k, v) -> given.put(k.substring(k.indexOf('.') + 1), v));
        ModelOptions o = ModelOptions.resolve(m.id(), m.options(), m.presets(), given);
        Trajectory a = m.run(Problem.of(s), o, RunContext.of(0, 3507583219545544127L));
        Trajectory b = m.run(Problem.of(s), o, RunContext.of(0, 3507583219545544127L));
        assertThat(b.rounds()).hasSameSizeAs(a.rounds());
        assertThat(b.lastRound().positions()).isDeepEqualTo(a.lastRound().positions());
        assertThat(a.rounds().get(1).series()).containsKeys("ideal_firstdim", "ideal_seconddim", "ideal_yadn");
    }

    @Test
    void missingIdealAdjustmentIsTheIdentityWithAWarning() throws Exception {
        var loaded = Scenarios.read(resource("dummyData_3Dim.xml"), ImportSettings.detect());
        assertThat(loaded.warnings()).anyMatch(w -> w.message().contains("IdealAdjustment"));
        assertThat(loaded.scenario().options()).doesNotContainKey("spatial.accommodation");
        assertThat(loaded.scenario().issues().get(0).id()).isEqualTo("dim1");
    }

    @Test
    void schemaAndCodeEnumNamesAndAccommodationPairs() {
        String xml = """
                <?xml version="1.0"?>
                <Scenario><name>t</name><desc>d</desc><prngSeed>7</prngSeed>
                <ModelParameters><VotingRule>Proportional</VotingRule><BigRAdjust>No</BigRAdjust></ModelParameters>
                <Dimensions><dName>A</dName></Dimensions>
                <Actors>
                <Actor><name>x</name><description>x</description><capability>10</capability>
                  <Position><dCoord>20</dCoord></Position><Salience><dSal>50</dSal></Salience></Actor>
                <Actor><name>y</name><description>y</description><capability>20</capability>
                  <Position><dCoord>80</dCoord></Position><Salience><dSal>60</dSal></Salience></Actor>
                <Actor><name>z</name><description>z</description><capability>15</capability>
                  <Position><dCoord>50</dCoord></Position><Salience><dSal>40</dSal></Salience></Actor>
                </Actors>
                <IdealAdjustment><iaPair><adjustingIdeal>x</adjustingIdeal><referencePos>x</referencePos>
                <adjust>0.5</adjust></iaPair></IdealAdjustment>
                </Scenario>
                """;
        Scenario s = Scenarios.read(TextFile.of("t.xml", xml), new ImportSettings(ScenarioFormat.KTAB_XML, Map.of()))
                .scenario();
        assertThat(s.options()).containsEntry("spatial.voting-rule", "prop")
                .containsEntry("spatial.big-r-adjust", "none")
                .containsEntry("spatial.accommodation", "x:x=0.5");
        Trajectory t = spatial(s);
        assertThat(t.rounds().get(1).series()).containsKey("ideal_a");
    }

    @Test
    void anUnknownParameterValueIsAnError() {
        String xml = "<Scenario><name>t</name><prngSeed>1</prngSeed><ModelParameters><PCEModel>Bogus</PCEModel>"
                + "</ModelParameters><Dimensions><dName>A</dName></Dimensions><Actors><Actor><name>x</name>"
                + "<capability>1</capability><Position><dCoord>1</dCoord></Position><Salience><dSal>1</dSal>"
                + "</Salience></Actor></Actors></Scenario>";
        assertThatThrownBy(() -> Scenarios.read(TextFile.of("b.xml", xml), ImportSettings.detect()))
                .isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).problems().get(0).code())
                        .isEqualTo(ProblemCode.BAD_VALUE));
    }
}
