package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.engine.ProblemCode;
import org.parley.model.Scenario;

/** Every example reads without errors, writes back losslessly as YAML and JSON, and matches its golden JSON. */
class ExamplesRoundTripTest {

    static Stream<Path> examples() throws IOException {
        Path dir = Paths.get("../examples");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.exists(p.resolve("scenario.yaml"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void readsWithoutErrorsOrWarnings(Path example) {
        Scenarios.Loaded loaded = Scenarios.read(example.resolve("scenario.yaml"), ImportSettings.detect());
        assertThat(loaded.warnings()).as("warnings of %s", example).isEmpty();
        assertThat(loaded.scenario().actors()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void yamlRoundTripIsLossless(Path example) {
        Scenario s = Scenarios.read(example.resolve("scenario.yaml"), ImportSettings.detect()).scenario();
        String yaml = ScenarioWriter.toYaml(s);
        Scenario back = YamlScenarioReader.read(TextFile.of("roundtrip.yaml", yaml)).scenario();
        assertThat(back).isEqualTo(s);
        assertThat(ScenarioWriter.toYaml(back)).isEqualTo(yaml);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void jsonRoundTripIsLossless(Path example) {
        Scenario s = Scenarios.read(example.resolve("scenario.yaml"), ImportSettings.detect()).scenario();
        String json = ScenarioWriter.toJson(s);
        Scenarios.Loaded back = Scenarios.read(TextFile.of("roundtrip.json", json), ImportSettings.detect());
        assertThat(back.format()).isEqualTo(ScenarioFormat.JSON);
        assertThat(back.scenario()).isEqualTo(s);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void jsonMatchesGolden(Path example) throws IOException {
        Path golden = example.resolve("expected/scenario.json");
        assertThat(golden).exists();
        Scenario s = Scenarios.read(example.resolve("scenario.yaml"), ImportSettings.detect()).scenario();
        assertThat(ScenarioWriter.toJson(s)).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void seedScenarioShipsInTheJarWithItsArticle() {
        Scenarios.Loaded seed = Scenarios.seed();
        assertThat(seed.scenario().id()).isEqualTo("dprk-us-talks-2024");
        assertThat(seed.sources()).containsKey("reuters-ri-2024");
        assertThat(seed.sources().get("reuters-ri-2024")).contains("Ri Il Gyu");
        assertThat(seed.warnings()).isEmpty();
    }

    @Test
    void seedScenarioHasWhatTheIssueAsksFor() {
        Scenario s = Scenarios.seed().scenario();
        assertThat(s.issues()).extracting(i -> i.id()).containsExactly("sanctions", "us-sanctions", "terror-list",
                "denuclearisation", "nuclear-status", "exercises", "aid", "abductees", "japan-aid");
        // one North Korean actor; the others in their roles
        assertThat(s.actors()).extracting(a -> a.id())
                .containsExactly("kim", "usa", "south-korea", "japan", "china", "russia");
        assertThat(s.branchIds()).containsExactly("trump-wins", "trump-loses", "russia-deepens", "russia-withdraws");
        assertThat(s.actor("china").orElseThrow().attributes()).containsEntry("analyst-added", "true");
        // who must agree: North Korea and the US on their issues, the Security Council vetoes on UN sanctions,
        // Japan on its own track; Russia and China take part only where they hold a veto
        assertThat(s.issue("sanctions").orElseThrow().consent()).containsExactly("kim", "usa", "china", "russia");
        assertThat(s.issue("abductees").orElseThrow().consent()).containsExactly("kim", "japan");
        assertThat(s.stances()).filteredOn(st -> st.actor().equals("russia") || st.actor().equals("china"))
                .extracting(st -> st.issue()).containsOnly("sanctions");
        assertThat(s.stances()).filteredOn(st -> st.issue().equals("abductees"))
                .extracting(st -> st.actor()).containsExactlyInAnyOrder("kim", "japan");
        // the trades are conditional positions; the US government is renamed per world
        assertThat(s.stance("kim", "abductees").orElseThrow().position().isConditional()).isTrue();
        assertThat(s.stance("japan", "japan-aid").orElseThrow().position().isConditional()).isTrue();
        assertThat(s.resolve("trump-wins").actor("usa").orElseThrow().name()).contains("Trump administration");
        assertThat(s.resolve("trump-loses").actor("usa").orElseThrow().name()).contains("Harris administration");
        assertThat(s.resolve("trump-wins").talks().value()).isGreaterThan(s.resolve("trump-loses").talks().value());
        for (var i : s.issues()) {
            assertThat(i.scale().minLabel()).as(i.id()).isNotBlank();
            assertThat(i.scale().maxLabel()).as(i.id()).isNotBlank();
            assertThat(i.hasStatusQuo()).as(i.id()).isTrue();
        }
        // every number carries provenance: the article or a judgement
        List<String> missing = new java.util.ArrayList<>();
        org.parley.model.Estimates.each(s, (path, e) -> {
            if (!e.provenance().isPresent()) {
                missing.add(path);
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyQuoteOfTheSeedIsInTheArticle() {
        Scenarios.Loaded seed = Scenarios.seed();
        assertThat(seed.warnings()).noneMatch(w -> w.code() == ProblemCode.BAD_SENTENCE);
    }
}
