package org.parley.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.parley.cli.Parley;
import org.parley.io.sweep.SweepWriter;

import picocli.CommandLine;

/** The sweep the ITs run, and running it through the CLI. */
final class SweepRuns {

    /**
     * 2,000 cells of the seed scenario: 5 x 5 x 5 expected-utility readings x 4 compromise weightings
     * = 500 grid points, x 4 worlds (base, the two election branches, one what-if); 3 Monte Carlo runs
     * each, four models, nine issues.
     */
    static final List<String> SWEEP = List.of("sweep", "--runs", "3",
            "--models", "compromise,median,nash,expected-utility",
            "--branches", "base,trump-wins,trump-loses,russia-deepens",
            "--grid", "expected-utility.q=0.5,0.625,0.75,0.875,1",
            "--grid", "expected-utility.max-rounds=1,2,3,4,5",
            "--grid", "expected-utility.zero-band=0,0.0001,0.001,0.01,0.1",
            "--grid", "compromise.weights=capability-salience,capability,salience,equal");

    static final int CELLS = 2000;

    private static Path localBaseline;

    private SweepRuns() {
    }

    /** What one CLI run printed and returned. */
    record Result(int exit, String out, String err) {
    }

    static Result cli(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Parley.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args.toArray(new String[0]));
        return new Result(exit, out.toString(), err.toString());
    }

    static Result sweep(Path out, String... extra) {
        List<String> args = new ArrayList<>(SWEEP);
        args.add("--out");
        args.add(out.toString());
        args.addAll(List.of(extra));
        Result r = cli(args);
        assertThat(r.exit()).as("exit code; stderr:%n%s", r.err()).isZero();
        return r;
    }

    /** A Spark context for a test class to share (the CLI's spark engine borrows it); the caller stops it. */
    static org.apache.spark.SparkContext context(String master) {
        org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf().setMaster(master).setAppName("parley tests")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        return new org.apache.spark.SparkContext(conf);
    }

    /** The 2,000-cell sweep on the local engine (run once per JVM). */
    static synchronized Path localBaseline() throws IOException {
        if (localBaseline == null) {
            Path dir = Files.createTempDirectory("parley-sweep-local");
            Result r = sweep(dir, "--engine", "local");
            assertThat(r.out()).contains(CELLS + " cells x 3 runs on local");
            localBaseline = dir;
        }
        return localBaseline;
    }

    /** Every output file of {@code dir} has the same bytes as the local engine's. */
    static void assertSameAsLocal(Path dir) throws IOException {
        Path local = localBaseline();
        for (String f : SweepWriter.FILES) {
            assertThat(Files.readAllBytes(dir.resolve(f))).as(f).isEqualTo(Files.readAllBytes(local.resolve(f)));
        }
        assertThat(Files.readAllLines(local.resolve("cells.csv"))).hasSize(1 + CELLS * 4 * 9);
        // 500 grid points x 9 issues' thresholds x 4 models, mixed over the two election branches
        assertThat(Files.readAllLines(local.resolve("bottomline.csv")).get(1)).contains("trump-wins ").contains("trump-loses ");
    }
}
