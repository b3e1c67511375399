package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store commands end to end on an SQLite store in a temporary folder. */
class StoreCommandsTest {

    @TempDir
    Path dir;

    CliRun parley(String... args) {
        return CliRun.of(args);
    }

    String store() {
        return "jdbc:sqlite:" + dir.resolve("parley.db");
    }

    long saved(CliRun r) {
        assertThat(r.exit()).as(r.err()).isZero();
        String line = r.err().lines().filter(l -> l.startsWith("saved run ")).findFirst().orElseThrow();
        return Long.parseLong(line.split(" ")[2]);
    }

    @Test
    void runsListColumnsStayAlignedWhateverTheirContent() {
        saved(parley("forecast", "--save", "--store", store(), "--author", "ann", "--format", "csv",
                "--model", "compromise"));
        saved(parley("forecast", "--save", "--store", store(), "--author", "a-much-longer-author-name",
                "--format", "csv"));
        CliRun list = parley("runs", "list", "--store", store());
        assertThat(list.exit()).as(list.err()).isZero();
        java.util.List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("compromise,median,nash,expected-utility,spatial,exchange");
        int status = lines.get(0).indexOf("status");
        int author = lines.get(0).indexOf("author");
        for (String l : lines.subList(1, lines.size())) {
            assertThat(l.indexOf("complete")).as(l).isEqualTo(status);
            int at = l.contains(" ann ") ? l.indexOf(" ann ") + 1 : l.indexOf(" a-much") + 1;
            assertThat(at).as(l).isEqualTo(author);
        }
    }

    @Test
    void forecastSaveThenListShowAndDiff() {
        long a = saved(parley("forecast", "--save", "--store", store(), "--author", "ann", "--format", "csv",
                "--model", "compromise,median,nash"));
        long b = saved(parley("forecast", "--save", "--store", store(), "--author", "ann", "-o", "nash.utility=linear",
                "--model", "compromise,median,nash"));
        assertThat(b).isGreaterThan(a);

        CliRun list = parley("runs", "list", "--store", store());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("dprk-us-talks-2024 v1").contains("ann");
        assertThat(list.out().lines().count()).isEqualTo(3);

        CliRun show = parley("runs", "show", Long.toString(a), "--store", store());
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("models    compromise, median, nash").contains("base               median");

        CliRun csv = parley("runs", "show", Long.toString(a), "--store", store(), "--format", "csv");
        assertThat(csv.exit()).isZero();
        assertThat(csv.out()).startsWith("branch,model,run,round,actor,issue,position");

        CliRun diff = parley("runs", "diff", Long.toString(a), Long.toString(b), "--store", store(), "--changed");
        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("resolved option nash.utility: quadratic -> linear")
                .contains("24 of 135 forecasts moved").doesNotContain("compromise");

        CliRun scenarios = parley("scenarios", "list", "--store", store());
        assertThat(scenarios.out()).contains("dprk-us-talks-2024").contains("North Korea");
        CliRun history = parley("scenarios", "history", "dprk-us-talks-2024", "--store", store());
        assertThat(history.out()).contains("v1");
    }

    @Test
    void aWorldsProbabilityIsGivenTalksAndSaysSo() {
        // trump-wins has talks 0.6: the share of its runs past the line is P(yes | talks), not P(yes)
        long run = saved(parley("forecast", "--save", "--store", store(), "--model", "median", "--branch",
                "trump-wins", "--runs", "20"));
        CliRun reg = parley("register", Long.toString(run), "--branch", "trump-wins", "--issue", "sanctions",
                "--threshold", "substantial-relief", "--resolves-by", "2025-12-31", "--store", store());
        assertThat(reg.exit()).as(reg.err()).isZero();
        assertThat(reg.out()).contains("P(above 50 | talks) = ", "talks probability 0.6", "--branch mixture");
        long base = saved(parley("forecast", "--save", "--store", store(), "--model", "median", "--branch",
                "trump-wins,trump-loses", "--runs", "20"));
        CliRun mixed = parley("register", Long.toString(base), "--branch", "mixture", "--issue", "sanctions",
                "--threshold", "substantial-relief", "--resolves-by", "2025-12-31", "--store", store());
        assertThat(mixed.exit()).as(mixed.err()).isZero();
        assertThat(mixed.out()).contains("P(above 50) = ").doesNotContain("| talks");
    }

    @Test
    void registerResolveAndScore() {
        long run = saved(parley("forecast", "--save", "--store", store(), "--model", "median", "--branch", "base"));
        // a probability from a run without Monte Carlo is 0 or 1: refused
        CliRun refused = parley("register", Long.toString(run), "--issue", "sanctions", "--threshold",
                "substantial-relief", "--resolves-by", "2025-06-30", "--store", store());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("has no Monte Carlo runs").contains("--point-only");
        CliRun reg = parley("register", Long.toString(run), "--issue", "sanctions", "--threshold", "substantial-relief",
                "--resolves-by", "2025-06-30", "--point-only", "--store", store());
        assertThat(reg.exit()).as(reg.err()).isZero();
        assertThat(reg.out()).contains("registered forecast 1").contains("model-error calibration deu3-lopo-v2")
                .contains("points only").contains("90% model error 0.00 to 73.65").doesNotContain("P(above 50)");
        CliRun none = parley("score", "--store", store());
        assertThat(none.out()).contains("no resolved forecasts");
        // off the scale, or before the registration: refused as on the web
        CliRun off = parley("resolve", "1", "--outcome", "1e300", "--date", "2030-06-30", "--source", "Reuters",
                "--store", store());
        assertThat(off.exit()).isEqualTo(2);
        assertThat(off.err()).contains("is off the scale of issue 'sanctions' (0 to 100)");
        CliRun early = parley("resolve", "1", "--outcome", "10", "--date", "2000-01-01", "--source", "Reuters",
                "--store", store());
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.err()).contains("the resolution's date 2000-01-01 is before the forecast was registered");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(); // on or after the registration
        CliRun res = parley("resolve", "1", "--outcome", "10", "--date", today, "--source", "Reuters", "--store",
                store());
        assertThat(res.exit()).as(res.err()).isZero();
        CliRun score = parley("score", "--store", store(), "--all");
        assertThat(score.exit()).isZero();
        // median forecasts 5 for sanctions in the base world (no deal: the status quo): error 5; its model-error
        // interval is 0-73.65, so 10 lies inside: interval score = the width 73.65; no probability, no Brier
        assertThat(score.out()).containsPattern("median\\s+1\\s+5\\.00\\s+-\\s+-\\s+100(\\.0)?% \\(1/1\\)\\s+73\\.65");
        assertThat(score.out()).contains("interval score");
    }

    @Test
    void mistakesExitWithTwo() throws Exception {
        assertThat(parley("runs", "show", "7", "--store", store()).exit()).isEqualTo(2);
        long run = saved(parley("forecast", "--save", "--store", store(), "--model", "median"));
        assertThat(parley("register", Long.toString(run), "--issue", "nope", "--question", "q", "--resolves-by",
                "2025-01-01", "--store", store()).exit()).isEqualTo(2);
        assertThat(parley("register", Long.toString(run), "--issue", "aid", "--question", "q", "--resolves-by",
                "soon", "--store", store()).exit()).isEqualTo(2);
        assertThat(parley("resolve", "3", "--outcome", "1", "--date", "2025-01-01", "--source", "s", "--store",
                store()).exit()).isEqualTo(2);
        try (Connection c = DriverManager.getConnection(store()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE parley_schema SET version = version + 1");
        }
        CliRun newer = parley("runs", "list", "--store", store());
        assertThat(newer.exit()).isEqualTo(2);
        assertThat(newer.err()).contains("newer Parley");
        CliRun refused = parley("forecast", "--save", "--store", store());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();

        Path junk = dir.resolve("notes.db");
        Files.writeString(junk, "not a database", StandardCharsets.UTF_8);
        CliRun corrupt = parley("runs", "list", "--store", junk.toString());
        assertThat(corrupt.exit()).isEqualTo(2);
        assertThat(corrupt.err()).contains("left untouched");
        assertThat(Files.readString(junk, StandardCharsets.UTF_8)).isEqualTo("not a database");
    }
}
