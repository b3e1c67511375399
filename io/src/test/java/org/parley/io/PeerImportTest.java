package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.engine.Peers;
import org.parley.engine.Problem;
import org.parley.engine.ProblemCode;
import org.parley.engine.RunSpec;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.model.Scenario;
import org.parley.models.Models;

/**
 * Every peer input the foundation must read (KTAB SMP CSV, BDM tables, exchange files), read from
 * {@code ../shared/peers} (their licences keep most of them out of this repository).
 */
class PeerImportTest {

    static Stream<Path> peerInputs() throws IOException {
        Path shared = Peers.require("peers");
        List<Path> files = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.list(shared.resolve("ktab/inputs/smp"))) {
            s.filter(p -> p.toString().endsWith(".csv")).forEach(files::add);
        }
        try (Stream<Path> s = Files.list(shared.resolve("bdm/inputs"))) {
            s.filter(p -> !p.getFileName().toString().startsWith("blksv_deu3")).forEach(files::add);
        }
        try (Stream<Path> s = Files.list(shared.resolve("exchange/inputs"))) {
            s.forEach(files::add);
        }
        files.sort(null);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("peerInputs")
    void everyPeerInputReadsAndForecasts(Path file) {
        Scenarios.Loaded loaded = Scenarios.read(file, ImportSettings.detect());
        assertThat(loaded.format()).isIn(ScenarioFormat.KTAB_CSV, ScenarioFormat.BDM, ScenarioFormat.EXCHANGE);
        assertThat(loaded.scenario().actors()).isNotEmpty();
        var result = Models.simulation().run(loaded.scenario(),
                RunSpec.defaults().withModels(List.of("compromise", "median", "nash")), loaded.warningLines());
        assertThat(result.runs()).hasSize(3);
    }

    @Test
    void compromiseOnJmckibEmissionIsTheReferenceRoundZeroMean() {
        Path f = Peers.require("peers/bdm/inputs/jmckib_ExampleActors_emission1994.csv");
        Scenarios.Loaded loaded = Scenarios.read(f, ImportSettings.detect());
        assertThat(loaded.warnings()).anySatisfy(w -> assertThat(w.message()).contains("0-1"));
        var result = Models.simulation().run(loaded.scenario(), RunSpec.defaults().withModels(List.of("compromise")));
        // jmckib_emission_rounds.csv, round 0 mean (initial positions)
        assertThat(result.run("base", "compromise").orElseThrow().trajectory().forecast()[0])
                .isCloseTo(7.389955687, within(1e-9));
    }

    @Test
    void ktabCsvWithAndWithoutFinalCommaAreTheSame() {
        Scenario a = Scenarios.read(Peers.require("peers/ktab/inputs/smp/dummyData_3Dim.csv"), ImportSettings.detect())
                .scenario();
        Scenario b = Scenarios.read(Peers.require("peers/ktab/inputs/smp/dummyData_3Dim-no-final-comma.csv"),
                ImportSettings.detect()).scenario();
        assertThat(b.actors()).isEqualTo(a.actors().stream()
                .map(x -> x.withCapability(b.actor(x.id()).orElseThrow().capability())).toList());
        Problem pa = Problem.of(a);
        Problem pb = Problem.of(b);
        assertThat(pb.position()).isDeepEqualTo(pa.position());
        assertThat(pb.salience()).isDeepEqualTo(pa.salience());
        assertThat(pa.issueIds()).containsExactly("dim1", "dim2", "dim3");
        assertThat(pa.actorCount()).isEqualTo(7);
    }

    @Test
    void bdmTablesWithCrLinesBomAndTabsReadTheSame() {
        Problem jm = Problem.of(Scenarios.read(Peers.require("peers/bdm/inputs/jmckib_ExampleActors_emission1994.csv"),
                ImportSettings.detect()).scenario());
        Problem dm = Problem.of(Scenarios.read(Peers.require("peers/bdm/inputs/dmasad_ExampleActors_emission1994_CRlines.csv"),
                ImportSettings.detect()).scenario());
        Problem eum = Problem.of(Scenarios.read(Peers.require("peers/bdm/inputs/eum_emission-standards.tsv"),
                ImportSettings.detect()).scenario());
        Problem bl = Problem.of(Scenarios.read(Peers.require("peers/bdm/inputs/blksv_emission.dat"),
                ImportSettings.detect()).scenario());
        for (Problem p : List.of(dm, eum, bl)) {
            assertThat(p.actorIds()).isEqualTo(jm.actorIds());
            for (int i = 0; i < jm.actorCount(); i++) {
                assertThat(p.position()[i][0]).isEqualTo(jm.position()[i][0]);
                assertThat(p.salience()[i][0]).isCloseTo(jm.salience()[i][0], within(1e-12));
                assertThat(p.capability()[i]).isEqualTo(jm.capability()[i]);
            }
        }
        assertThat(jm.scaleMin(0)).isEqualTo(0);
        assertThat(jm.scaleMax(0)).isEqualTo(10);
    }

    @Test
    void salienceScaleCanBeForced() {
        Path f = Peers.require("peers/bdm/inputs/jmckib_ExampleActors_emission1994.csv");
        Problem asWritten = Problem.of(Scenarios.read(f, new ImportSettings(null, Map.of("salience-scale", "100")))
                .scenario());
        assertThat(asWritten.salience()[0][0]).isCloseTo(0.008, within(1e-12));
        Problem given = Problem.of(Scenarios.read(f, new ImportSettings(null, Map.of("salience-scale", "1", "scale", "0:20")))
                .scenario());
        assertThat(given.salience()[0][0]).isCloseTo(0.8, within(1e-12));
        assertThat(given.scaleMax(0)).isEqualTo(20);
    }

    @Test
    void exchangeFilesKeepTheirScalesAndSkipBlankPositions() {
        Scenario s = Scenarios.read(Peers.require("peers/exchange/inputs/sample_data.txt"), ImportSettings.detect())
                .scenario();
        assertThat(s.actors()).hasSize(10);
        var tol = s.issue("tol-hoogte").orElseThrow();
        assertThat(tol.scale().min()).isEqualTo(0.5);
        assertThat(tol.scale().max()).isEqualTo(7);
        Scenario cop = Scenarios.read(Peers.require("peers/exchange/inputs/cop21.csv"), ImportSettings.detect()).scenario();
        assertThat(cop.actors()).hasSize(15);
        assertThat(cop.issues()).hasSize(13);
        assertThat(cop.stances()).hasSize(181);
    }

    @Test
    void bdmShortRowAndNonNumericValueNameTheirLine() {
        String text = "Actor,Capability,Position,Salience\nA,1,2,3\nB,1,x,3\nC,1\n";
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.read(TextFile.of("t.csv", text), ImportSettings.detect()));
        assertThat(e.problems()).extracting(ScenarioProblem::code, ScenarioProblem::line, ScenarioProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemCode.WRONG_TYPE, 3, 5),
                        org.assertj.core.groups.Tuple.tuple(ProblemCode.MISSING_FIELD, 4, 4));
    }

    @Test
    void ktabRowCountMustMatchTheScenarioLine() {
        String text = "S,desc,3,1,\nActor,Description,Influence,X Position,X Salience,\nA,a,1,20,30,\nB,b,1,40,50,\n";
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.read(TextFile.of("k.csv", text), ImportSettings.detect()));
        assertThat(e.problems()).extracting(ScenarioProblem::code).containsExactly(ProblemCode.MISSING_FIELD);
    }

    @Test
    void exchangeUnknownActorNamesItsLine() {
        String text = "#A;a;A\n#P;p;P\n#D;a;p;50;0.5;1\n#D;zz;p;50;0.5;1\n";
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.read(TextFile.of("e.csv", text), ImportSettings.detect()));
        assertThat(e.problems()).extracting(ScenarioProblem::code, ScenarioProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemCode.UNKNOWN_ACTOR, 4));
    }

    @Test
    void formatCanBeGivenInsteadOfDetected() {
        String text = "Actor,Capability,Position,Salience\nA,1,20,30\nB,2,40,50\n";
        Scenarios.Loaded l = Scenarios.read(TextFile.of("t.txt", text), new ImportSettings(ScenarioFormat.BDM, Map.of()));
        assertThat(l.scenario().actors()).hasSize(2);
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Scenarios.read(TextFile.of("t.txt", text), new ImportSettings(ScenarioFormat.YAML, Map.of())));
        assertThat(e.problems()).isNotEmpty();
    }
}
