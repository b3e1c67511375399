package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.parley.store.Store;

/** Issue #20, the command line's part: bad input, oversized work and secrets give clear exit-2 errors. */
class HardeningTest {

    static final Path SEED = ParleyCliTest.SEED;

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Exit 2 with a message and no Java exception in it. */
    static CliRun refused(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err() + r.out()).doesNotContain("Exception").doesNotContain("\tat ");
        return r;
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDeviceIsReadOnlyUpToTheLimit() {
        assertThat(refused("validate", "/dev/zero").err() + CliRun.of("validate", "/dev/zero").out())
                .contains("FILE_TOO_LARGE");
    }

    @Test
    void deepNestingIsRefusedWithItsPlace() throws IOException {
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        CliRun b = refused("validate", write("block.yaml", block.toString()).toString());
        assertThat(b.out() + b.err()).contains("block.yaml:101:101: error TOO_DEEP");
        CliRun f = refused("validate", write("flow.yaml", "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n").toString());
        assertThat(f.out() + f.err()).contains("flow.yaml:1:103: error TOO_DEEP");
        CliRun j = refused("validate", write("deep.json", "{\"a\": " + "{\"b\": ".repeat(5000) + "1" + "}".repeat(5001)).toString());
        assertThat(j.out() + j.err()).contains("error TOO_DEEP");
        // the depth is checked as the text is composed; a problem the composer finds first (an undefined
        // alias) still gives way to the nesting further on, as when the whole text was checked first
        CliRun a = refused("validate", write("alias.yaml", "a: *nope\nb: " + "[".repeat(200) + "]".repeat(200) + "\n")
                .toString());
        assertThat(a.out() + a.err()).contains("alias.yaml:2:103: error TOO_DEEP");
        CliRun u = refused("validate", write("undefined.yaml", "a: *nope\nb: [[1]]\n").toString());
        assertThat(u.out() + u.err()).contains("undefined.yaml:1:4: error SYNTAX");
        CliRun m = refused("validate", write("multi.yaml", "a: 1\n---\nb: " + "[".repeat(200) + "]".repeat(200) + "\n")
                .toString());
        assertThat(m.out() + m.err()).contains("multi.yaml:3:103: error TOO_DEEP");
    }

    @Test
    void aNumberBeyondDoubleIsABadValueAtItsField() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(SEED));
        int at = 0;
        while (!lines.get(at).matches(" +high: \\d+")) {
            at++;
        }
        int col = lines.get(at).indexOf("high:") + 7;
        lines.set(at, lines.get(at).replaceAll("\\d+$", "1e309"));
        CliRun r = refused("validate", write("big.yaml", String.join("\n", lines)).toString());
        assertThat(r.out() + r.err()).containsPattern("big.yaml:" + (at + 1) + ":" + col + ": error BAD_VALUE at [a-z\\[\\]0-9.-]+high: ")
                .contains("'1e309'");
    }

    @Test
    void controlCharactersFromInputAreEscaped() throws IOException {
        CliRun r = refused("validate", write("esc.yaml", "\"x\\e[31m\\a\": 1\nid: a\n").toString());
        String all = r.out() + r.err();
        assertThat(all).contains("x\\u001b[31m\\u0007").doesNotContain("\u001b").doesNotContain("\u0007");
        CliRun missing = refused("validate", dir.resolve("no\u001b]0;title\u0007.yaml").toString());
        assertThat(missing.err()).contains("\\u001b]0;title\\u0007").doesNotContain("\u001b");
    }

    @Test
    void idsOutsideTheSafeCharactersAreNamed() throws IOException {
        String text = Files.readString(SEED).replace("  - id: sanctions\n", "  - id: \"sanc tions<b>\"\n");
        CliRun r = refused("validate", write("id.yaml", text).toString());
        assertThat(r.out() + r.err()).containsPattern("id.yaml:\\d+:5: error BAD_ID at issues\\[0\\]\\.id: issue id 'sanc tions<b>'");
    }

    @Test
    void peerNamesBecomeSafeIdsWithAWarning() {
        String sultan = org.parley.engine.Peers.require("peers/bdm/inputs/jmckib_Sultan.csv").toString();
        CliRun v = CliRun.of("validate", sultan);
        assertThat(v.exit()).as(v.err()).isZero();
        assertThat(v.out() + v.err()).containsPattern("jmckib_Sultan.csv:\\d+:1: warning BAD_ID at actors\\[\\d+\\]\\.id: "
                + "actor name 'EUR/JPN' is not an id").contains("imported as 'EUR_JPN'")
                .contains("imported as 'RELIGIOUS_LEADERS'");
        CliRun f = CliRun.of("forecast", sultan, "--model", "median", "--format", "csv");
        assertThat(f.exit()).as(f.err()).isZero();
        CliRun e = CliRun.of("explain", sultan, "--model", "median", "--actor", "EUR_JPN");
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(e.out()).contains("EUR_JPN");
    }

    @Test
    void validateChecksTheScenariosOptions() throws IOException {
        Path ec = Path.of("../examples/02-ec-car-emissions-1994/scenario.yaml");
        int lines = Files.readAllLines(ec).size();
        String base = Files.readString(ec);
        CliRun unknown = refused("validate", write("o1.yaml", base + "options:\n  median.weights: capability\n"
                + "  expected-utility.max-roundz: 5\n").toString());
        assertThat(unknown.out()).contains("o1.yaml:" + (lines + 3) + ":32: error BAD_VALUE at "
                + "options.expected-utility.max-roundz: model 'expected-utility' has no option 'max-roundz'");
        Path o2 = write("o2.yaml", base + "options:\n  spatial.max-turns: -1\n");
        String at = "o2.yaml:" + (lines + 2) + ":22: error BAD_VALUE at options.spatial.max-turns: model 'spatial': "
                + "option 'max-turns' must be a whole number >= 1, was '-1'";
        assertThat(refused("validate", o2.toString()).out()).contains(at);
        // every command that reads a scenario to run it names the same place
        for (List<String> command : List.of(List.of("forecast"), List.of("compare"), List.of("sensitivity", "--runs", "1"),
                List.of("explain", "--model", "median"), List.of("report", "--out", dir.resolve("b.html").toString()),
                List.of("sweep", "--runs", "2", "--out", dir.resolve("sweep").toString()))) {
            List<String> args = new ArrayList<>(command);
            args.add(1, o2.toString());
            CliRun r = refused(args.toArray(String[]::new));
            assertThat(r.out() + r.err()).as(String.join(" ", command)).contains(at);
        }
    }

    @Test
    void workOverTheBudgetIsRefusedBeforeItRuns() {
        assertThat(refused("forecast", "--runs", "10000000").err()).contains("runs must be <= 100000 without --allow-large");
        assertThat(refused("forecast", "--rounds", "2000000000").err()).contains("rounds must be <= 100000");
        assertThat(refused("forecast", "-o", "expected-utility.max-rounds=2e9").err())
                .contains("expected-utility.max-rounds must be <= 100000");
        assertThat(refused("forecast", "-o", "spatial.max-turns=-1").err()).contains("max-turns");
        assertThat(refused("compare", "--runs", "10000000").err()).contains("runs must be <= 100000");
        assertThat(refused("sensitivity", "--runs", "10000000").err()).contains("runs must be <= 100000");
        CliRun lifted = CliRun.of("forecast", "--allow-large", "--model", "median", "--rounds", "200000", "--format", "csv");
        assertThat(lifted.exit()).as(lifted.err()).isZero();
    }

    @Test
    void everyCommandThatRunsModelsHasTheBudget() throws IOException {
        assertThat(refused("sensitivity", "--method", "sobol", "--runs", "10000000").err())
                .contains("runs must be <= 100000 without --allow-large");
        assertThat(refused("sensitivity", "--method", "sobol", "--runs", "10", "-o", "expected-utility.max-rounds=2e9")
                .err()).contains("expected-utility.max-rounds must be <= 100000");
        assertThat(refused("report", "--runs", "10000000", "--out", dir.resolve("b.html").toString()).err())
                .contains("runs must be <= 100000");
        assertThat(refused("explain", "--model", "expected-utility", "-o", "expected-utility.max-rounds=2e9").err())
                .contains("expected-utility.max-rounds must be <= 100000");
        assertThat(refused("explain", "--model", "median", "--rounds", "2000000000").err()).contains("rounds must be <= 100000");
        String deu = org.parley.engine.Peers.require("peers/bdm/inputs/blksv_deu3.tsv").toString();
        assertThat(refused("backtest", deu, "--rounds", "2000000000").err()).contains("rounds must be <= 100000");
        assertThat(refused("backtest", deu, "--model", "compromise", "--calibration-runs", "10000000").err())
                .contains("runs must be <= 100000");
        // the protocol's own work: these ran on for minutes
        assertThat(refused("backtest", deu, "--model", "compromise", "--protocol", "kfold", "--folds", "100000").err())
                .contains("--folds must be at most the").contains("proposals the folds split, was 100000");
        assertThat(refused("backtest", deu, "--model", "compromise", "--protocol", "kfold", "--repeats", "2000000000")
                .err()).contains("--repeats must be <= 1000 without --allow-large, was 2000000000");
        assertThat(refused("backtest", deu, "--model", "compromise", "--resamples", "2000000000").err())
                .contains("--resamples must be <= 100000 without --allow-large, was 2000000000");
        // the exchange model weighs actors^2 x issues^2 pairs: 120 actors on 9 issues are 1,166,400
        Path big = write("big.yaml", big(120, 9));
        assertThat(refused("forecast", big.toString(), "--model", "exchange").err()).contains(
                "the exchange model's pairs (actors^2 x issues^2) must be <= 1000000 without --allow-large, was 1166400 "
                        + "(120^2 x 9^2");
        assertThat(refused("sensitivity", big.toString(), "--model", "exchange", "--runs", "1").err()).contains("pairs");
        CliRun other = CliRun.of("forecast", big.toString(), "--model", "median", "--format", "csv");
        assertThat(other.exit()).as(other.err()).isZero();
    }

    /** A scenario with generated actors and issues, every number by judgement. */
    static String big(int actors, int issues) {
        StringBuilder sb = new StringBuilder("parley: 1\nid: big\ntitle: big\nissues:\n");
        for (int k = 0; k < issues; k++) {
            sb.append("  - id: i").append(k).append("\n    scale: {min: 0, max: 100}\n");
        }
        sb.append("actors:\n");
        for (int i = 0; i < actors; i++) {
            sb.append("  - id: a").append(i).append("\n    capability: {value: ").append(1 + (i * 37) % 99)
                    .append(", judgement: generated}\n    stances:\n");
            for (int k = 0; k < issues; k++) {
                sb.append("      i").append(k).append(": {position: {value: ").append((i * 13 + k * 29) % 101)
                        .append(", judgement: generated}, salience: {value: ").append(1 + (i * 7 + k * 11) % 100)
                        .append(", judgement: generated}}\n");
            }
        }
        return sb.toString();
    }

    @Test
    void passwordsInStoreUrlsAreMasked() {
        assertThat(Store.mask("jdbc:postgresql://h/db?user=u&password=sekret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(Store.mask("jdbc:postgresql://u:sekret@h:5432/db")).isEqualTo("jdbc:postgresql://u:***@h:5432/db");
        assertThat(Store.mask("jdbc:sqlite:/tmp/a.db")).isEqualTo("jdbc:sqlite:/tmp/a.db");
        // port 1 refuses at once: the error names the store, without its password
        CliRun r = CliRun.of("runs", "list", "--store", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=sekret");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("password=***").doesNotContain("sekret");
    }

    @Test
    void passwordsAreMaskedWhenTheStoreAnswersToo() throws Exception {
        String pg = System.getenv("PARLEY_TEST_PG_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(pg != null && pg.contains("password="),
                "PARLEY_TEST_PG_URL with a password is not set");
        String password = pg.replaceAll(".*password=([^&]*).*", "$1");
        String schema = "parley_mask_" + ProcessHandle.current().pid();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("CREATE SCHEMA " + schema);
        }
        String url = pg + "&currentSchema=" + schema;
        try {
            CliRun saved = CliRun.of("forecast", "--model", "median", "--format", "csv", "--save", "--store", url);
            assertThat(saved.exit()).as(saved.err()).isZero();
            assertThat(saved.err()).contains("saved run 1 in ").contains("password=***");
            CliRun listed = CliRun.of("runs", "list", "--store", url);
            assertThat(listed.exit()).as(listed.err()).isZero();
            for (CliRun r : List.of(saved, listed)) {
                assertThat(r.out() + r.err()).doesNotContain("password=" + password);
            }
            ServeCommand serve = new ServeCommand();
            new picocli.CommandLine(serve).parseArgs("--port", "0", "--store", url);
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            try (org.parley.web.WebServer s = serve.open(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))) {
                assertThat(s.port()).isPositive();
            }
            assertThat(out.toString()).contains("password=***").doesNotContain("password=" + password);
            assertThat(err.toString()).doesNotContain("password=" + password);
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg); java.sql.Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aDatabaseThatNeverAnswersTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accept and never answer
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            CliRun r = CliRun.of("runs", "list", "--store", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/x?user=u&password=sekret");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("did not answer in time").doesNotContain("sekret");
        }
    }

    @Test
    void anInMemoryStoreIsRefusedForSaving() {
        assertThat(refused("forecast", "--model", "median", "--save", "--store", "jdbc:sqlite::memory:").err())
                .contains("kept in memory only").doesNotContain("saved run 1");
        assertThat(refused("forecast", "--model", "median", "--save", "--store", "jdbc:sqlite:").err())
                .contains("kept in memory only");
    }

    @Test
    void readOnlyCommandsDoNotCreateTheStore() {
        Path db = dir.resolve("sub").resolve("parley.db");
        CliRun list = CliRun.of("runs", "list", "--store", db.toString());
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("no saved runs");
        assertThat(refused("runs", "show", "1", "--store", db.toString()).err()).contains("there is no store at");
        assertThat(db.getParent()).doesNotExist();
    }

    @Test
    void theDefaultStoreFollowsHome() {
        String home = System.getenv("HOME");
        String url = new StoreOptions().url();
        if (home != null && System.getenv(Store.ENV) == null) {
            assertThat(url).isEqualTo("jdbc:sqlite:" + Path.of(home).resolve(".parley").resolve("parley.db"));
        }
        assertThat(StoreOptions.home()).isEqualTo(Path.of(home != null && !home.isBlank() ? home
                : System.getProperty("user.home")));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void unwritablePathsGetMessagesInWords() {
        assertThat(refused("convert", "--to", "yaml", "--out", "/proc/nope/x.yaml").err())
                .contains("cannot write /proc/nope/x.yaml: no such file or folder");
        assertThat(refused("sensitivity", "--runs", "1", "--levers", "0", "--model", "median", "--csv",
                dir.toString()).err()).contains("cannot write " + dir);
        CliRun proc = CliRun.of("forecast", "--model", "median", "--save", "--store", "/proc/nope/parley.db");
        assertThat(proc.exit()).isEqualTo(2);
        assertThat(proc.err()).contains("cannot use the store").doesNotContain("Exception");
    }

    @Test
    void storesInTheWrongPlaceAreExplained() throws IOException {
        Path file = write("afile", "x");
        assertThat(refused("forecast", "--model", "median", "--save", "--store", file.resolve("parley.db").toString())
                .err()).contains("a file is in the way where a folder must be (" + file + ")");
        assertThat(refused("runs", "list", "--store", dir.toString()).err())
                .contains(dir + " is a folder, not a store file").doesNotContain("SQLITE_CANTOPEN");
    }
}
