package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The store commands end to end on an SQLite store in a temporary folder. */
class StoreCommandsTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run parley(String... args) {
        CommandLine cl = Parley.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(Parley.route(args));
        return new Run(code, out.toString(), err.toString());
    }

    String store() {
        return "jdbc:sqlite:" + dir.resolve("parley.db");
    }

    long saved(Run r) {
        assertThat(r.code()).as(r.err()).isZero();
        String line = r.err().lines().filter(l -> l.startsWith("saved run ")).findFirst().orElseThrow();
        return Long.parseLong(line.split(" ")[2]);
    }

    @Test
    void forecastSaveThenListShowAndDiff() {
        long a = saved(parley("forecast", "--save", "--store", store(), "--author", "ann", "--format", "csv"));
        long b = saved(parley("forecast", "--save", "--store", store(), "--author", "ann", "-o", "nash.utility=linear"));
        assertThat(b).isGreaterThan(a);

        Run list = parley("runs", "list", "--store", store());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("dprk-us-talks-2024 v1").contains("ann");
        assertThat(list.out().lines().count()).isEqualTo(3);

        Run show = parley("runs", "show", Long.toString(a), "--store", store());
        assertThat(show.code()).isZero();
        assertThat(show.out()).contains("models    compromise, median, nash").contains("base               median");

        Run csv = parley("runs", "show", Long.toString(a), "--store", store(), "--format", "csv");
        assertThat(csv.code()).isZero();
        assertThat(csv.out()).startsWith("branch,model,run,round,actor,issue,position");

        Run diff = parley("runs", "diff", Long.toString(a), Long.toString(b), "--store", store(), "--changed");
        assertThat(diff.code()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("resolved option nash.utility: quadratic -> linear")
                .contains("20 of 60 forecasts moved").doesNotContain("compromise");

        Run scenarios = parley("scenarios", "list", "--store", store());
        assertThat(scenarios.out()).contains("dprk-us-talks-2024").contains("North Korea");
        Run history = parley("scenarios", "history", "dprk-us-talks-2024", "--store", store());
        assertThat(history.out()).contains("v1");
    }

    @Test
    void registerResolveAndScore() {
        long run = saved(parley("forecast", "--save", "--store", store(), "--model", "median", "--branch", "base"));
        Run reg = parley("register", Long.toString(run), "--issue", "sanctions", "--threshold", "substantial-relief",
                "--resolves-by", "2025-06-30", "--store", store());
        assertThat(reg.code()).as(reg.err()).isZero();
        assertThat(reg.out()).contains("registered forecast 1").contains("P(above 50) = 0.00");
        Run none = parley("score", "--store", store());
        assertThat(none.out()).contains("no resolved forecasts");
        Run res = parley("resolve", "1", "--outcome", "10", "--date", "2025-06-30", "--source", "Reuters", "--store",
                store());
        assertThat(res.code()).as(res.err()).isZero();
        Run score = parley("score", "--store", store(), "--all");
        assertThat(score.code()).isZero();
        // median forecasts 15 for sanctions in the base world: error 5; P(above 50) = 0 and 10 is not above 50: Brier 0
        assertThat(score.out()).containsPattern("median\\s+1\\s+5\\.00\\s+-\\s+1\\s+0\\.00");
    }

    @Test
    void mistakesExitWithTwo() throws Exception {
        assertThat(parley("runs", "show", "7", "--store", store()).code()).isEqualTo(2);
        long run = saved(parley("forecast", "--save", "--store", store(), "--model", "median"));
        assertThat(parley("register", Long.toString(run), "--issue", "nope", "--question", "q", "--resolves-by",
                "2025-01-01", "--store", store()).code()).isEqualTo(2);
        assertThat(parley("register", Long.toString(run), "--issue", "aid", "--question", "q", "--resolves-by",
                "soon", "--store", store()).code()).isEqualTo(2);
        assertThat(parley("resolve", "3", "--outcome", "1", "--date", "2025-01-01", "--source", "s", "--store",
                store()).code()).isEqualTo(2);
        try (Connection c = DriverManager.getConnection(store()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE parley_schema SET version = version + 1");
        }
        Run newer = parley("runs", "list", "--store", store());
        assertThat(newer.code()).isEqualTo(2);
        assertThat(newer.err()).contains("newer Parley");
        Run refused = parley("forecast", "--save", "--store", store());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.out()).isEmpty();

        Path junk = dir.resolve("notes.db");
        Files.writeString(junk, "not a database", StandardCharsets.UTF_8);
        Run corrupt = parley("runs", "list", "--store", junk.toString());
        assertThat(corrupt.code()).isEqualTo(2);
        assertThat(corrupt.err()).contains("left untouched");
        assertThat(Files.readString(junk, StandardCharsets.UTF_8)).isEqualTo("not a database");
    }
}
