package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.Peers;
import org.parley.models.Models;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class ParleyCliTest {

    static final Path SEED = Paths.get("../examples/01-dprk-us-talks-2024/scenario.yaml");

    @Test
    void noArgumentsForecastsTheSeedScenarioWithEveryModelAndWorld() {
        CliRun r = CliRun.of();
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("World: base", "World: trump-wins", "World: trump-loses", "World: russia-withdraws");
        assertThat(r.out()).contains("compromise", "median", "nash", "status quo", "sanctions", "abductees");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    }

    static java.util.stream.Stream<Path> examples() throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(Paths.get("../examples"))) {
            return s.filter(p -> Files.exists(p.resolve("expected/forecast-baselines.txt"))).sorted().toList().stream();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("examples")
    void baselineTableMatchesTheExamplesExpectedOutput(Path example) throws IOException {
        CliRun r = CliRun.of("forecast", example.resolve("scenario.yaml").toString(), "--model", "compromise,median,nash");
        assertThat(r.exit()).as(r.err()).isZero();
        String expected = Files.readString(example.resolve("expected/forecast-baselines.txt"), StandardCharsets.UTF_8);
        assertThat(r.out()).isEqualTo(expected);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("examples")
    void everyModelsTableMatchesTheExamplesExpectedOutput(Path example) throws IOException {
        Path expectedFile = example.resolve("expected/forecast.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(expectedFile), "no expected/forecast.txt");
        CliRun r = CliRun.of("forecast", example.resolve("scenario.yaml").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }

    @Test
    void theSeedInTheJarIsTheFirstExample() {
        assertThat(CliRun.of("forecast", "--model", "compromise,median,nash").out())
                .isEqualTo(CliRun.of("forecast", SEED.toString(), "--model", "compromise,median,nash").out());
    }

    @Test
    void csvIsTheLongFormWithOutcomeRows() {
        CliRun r = CliRun.of("--format", "csv", "--model", "compromise");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("branch,model,run,round,actor,issue,position");
        assertThat(lines).contains("base,compromise,0,0,kim,sanctions,100");
        assertThat(lines).anyMatch(l -> l.startsWith("trump-wins,compromise,0,0,_outcome,sanctions,"));
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(7));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonParsesAndHoldsEveryWorld() {
        CliRun r = CliRun.of("forecast", "--format", "json");
        assertThat(r.exit()).isZero();
        Map<String, Object> json = (Map<String, Object>) new Load(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build())
                .loadFromString(r.out());
        assertThat(json).containsEntry("scenario", "dprk-us-talks-2024");
        List<Map<String, Object>> worlds = (List<Map<String, Object>>) json.get("worlds");
        assertThat(worlds).extracting(w -> w.get("id")).containsExactly("base", "trump-wins", "trump-loses",
                "russia-deepens", "russia-withdraws");
        List<Map<String, Object>> runs = (List<Map<String, Object>>) worlds.get(0).get("runs");
        assertThat(runs).hasSize(Models.all().size());
        assertThat((Map<String, Object>) runs.get(0).get("forecast")).containsKeys("sanctions", "abductees");
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            CliRun r = CliRun.of("--model", "compromise");
            assertThat(r.out()).containsPattern("\\d+\\.\\d ");
            assertThat(r.out()).doesNotContainPattern("\\d+,\\d ");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void unknownModelBranchAndOptionExitTwo() {
        CliRun m = CliRun.of("forecast", "--model", "oracle");
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.err()).contains("unknown model 'oracle'", "compromise");
        CliRun b = CliRun.of("forecast", "--branch", "biden-wins");
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("unknown branch 'biden-wins'");
        CliRun o = CliRun.of("forecast", "--option", "nash.utility=cubic");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("utility");
        CliRun f = CliRun.of("forecast", "--format", "pdf");
        assertThat(f.exit()).isEqualTo(2);
        CliRun u = CliRun.of("forecast", "--no-such-flag");
        assertThat(u.exit()).isEqualTo(2);
    }

    @Test
    void validateReportsEveryProblemWithLineAndExitsTwo(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(SEED, StandardCharsets.UTF_8)
                .replaceFirst("salience: \\{value: 60, low: 45, high: 75", "salience: {value: 160, low: 45, high: 75");
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("validate", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).containsPattern("bad\\.yaml:\\d+:\\d+: error SALIENCE_OUT_OF_RANGE at actors\\[1\\]\\.stances"
                + "\\.sanctions\\.salience");
        CliRun ok = CliRun.of("validate", SEED.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("OK (yaml): 6 actors, 9 issues");
    }

    @Test
    void validateShowsWarningsWithErrorsInLineOrder(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mixed.yaml");
        Files.writeString(f, String.join("\n", "id: mixed", "issues:", "  - id: x", "actors:", "  - id: a",
                "    capability: 3", "    stances:", "      x: {position: 10, salience: 160}", "  - id: b",
                "    capability: 2", "    stances:", "      x: {position: 90, salience: 50}", ""), StandardCharsets.UTF_8);
        CliRun r = CliRun.of("validate", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.contains("error SALIENCE_OUT_OF_RANGE"));
        assertThat(lines).anyMatch(l -> l.contains("warning MISSING_PROVENANCE"));
        List<int[]> places = new java.util.ArrayList<>();
        for (String l : lines.subList(0, lines.size() - 1)) {
            String[] at = l.substring(f.toString().length() + 1).split(":");
            places.add(new int[] {Integer.parseInt(at[0]), Integer.parseInt(at[1])});
        }
        for (int i = 1; i < places.size(); i++) {
            int[] a = places.get(i - 1);
            int[] b = places.get(i);
            assertThat(a[0] < b[0] || a[0] == b[0] && a[1] <= b[1]).as(lines.get(i)).isTrue();
        }
        assertThat(lines.get(lines.size() - 1)).matches(".*mixed\\.yaml: 1 error, \\d+ warnings");
    }

    @Test
    void movesCsvHeaderIsTheReadmes() throws IOException {
        String readme = Files.readString(Paths.get("../README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("`--format moves-csv --model expected-utility` has the header `([^`]+)`").matcher(readme);
        assertThat(m.find()).as("the README states the header").isTrue();
        CliRun eu = CliRun.of("forecast", "--model", "expected-utility", "--format", "moves-csv", "--branch", "base");
        assertThat(eu.exit()).as(eu.err()).isZero();
        assertThat(eu.out().lines().findFirst().orElseThrow()).isEqualTo(m.group(1));
        CliRun two = CliRun.of("forecast", "--model", "expected-utility,exchange", "--format", "moves-csv");
        assertThat(two.out().lines().findFirst().orElseThrow()).startsWith("branch,model,run,round,issue,actor,"
                + "counterpart,kind,").endsWith(",from,to");
    }

    @Test
    void forecastOnABadFileExitsTwoWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "id: x\nactors: [\n", StandardCharsets.UTF_8);
        CliRun r = CliRun.of("forecast", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("broken.yaml:", "SYNTAX").doesNotContain("at org.");
        CliRun missing = CliRun.of("forecast", dir.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void modelsListsIdsOptionsAndDefaults() {
        CliRun r = CliRun.of("models");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("compromise", "median", "nash", "nash.utility=quadratic", "median.ties=midpoint");
    }

    @Test
    void convertWritesYamlThatReadsBack(@TempDir Path dir) {
        Path out = dir.resolve("seed.json");
        CliRun r = CliRun.of("convert", SEED.toString(), "--to", "json", "--out", out.toString());
        assertThat(r.exit()).isZero();
        assertThat(out).exists();
        CliRun back = CliRun.of("validate", out.toString());
        assertThat(back.exit()).as(back.out()).isZero();
        CliRun bad = CliRun.of("convert", "--to", "xml");
        assertThat(bad.exit()).isEqualTo(2);
    }

    @Test
    void convertsAPeerTableToYaml() {
        Path f = Peers.require("peers/ktab/inputs/smp/SOE-Pol-Comp.csv");
        CliRun r = CliRun.of("convert", f.toString(), "--to", "yaml");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("id: XJ", "policy:", "competitive:");
    }

    @Test
    void explainGivesEachActorsPull() {
        CliRun r = CliRun.of("explain", "--model", "compromise", "--actor", "japan", "--branch", "trump-wins");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("World: trump-wins", "japan (Japan", "abductees: position 100.0", "pulls it +");
        CliRun unknown = CliRun.of("explain", "--model", "compromise", "--actor", "atlantis");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown actor 'atlantis'");
    }

    @Test
    void explainNamesTheIssueOfAConsentStageMove() {
        // the consent stage runs after the model: its moves are not a round, and the line names the issue
        CliRun r = CliRun.of("explain", "--model", "compromise", "--actor", "kim", "--branch", "trump-wins");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("    consent stage, denuclearisation: moved to 70, the nearest point kim accepts")
                .doesNotContain("round 1: moved to");
    }

    @Test
    void helpTextsExistForEveryCommand() {
        for (String c : List.of("forecast", "validate", "models", "convert", "explain")) {
            CliRun r = CliRun.of(c, "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Usage: parley " + c);
        }
    }
}
