package org.parley.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.io.sweep.SweepWriter;
import org.parley.sweep.SweepEngine;

/**
 * sweep, sensitivity (one-at-a-time and Sobol) and backtest with {@code --engine spark} on
 * {@code local[2]} print and write exactly what {@code --engine local} does; a bad scenario or
 * option exits 2 before any Spark job; Ctrl-C cancels the running job. The methods share one Spark
 * context (the engine borrows it); the Ctrl-C test runs its own JVM.
 */
class CommandsOnSparkIT {

    private static final Path DEU = Path.of(System.getProperty("parley.shared", "../../shared"))
            .resolve("peers/bdm/inputs/blksv_deu3.tsv");

    private static SparkContext context;
    private static final AtomicLong JOBS = new AtomicLong();

    @BeforeAll
    static void start() {
        context = SweepRuns.context("local[2]");
        context.addSparkListener(new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                JOBS.incrementAndGet();
            }
        });
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private static SweepRuns.Result ok(String... args) {
        SweepRuns.Result r = SweepRuns.cli(List.of(args));
        assertThat(r.exit()).as("%s%nstderr:%n%s", String.join(" ", args), r.err()).isZero();
        return r;
    }

    private static List<String> with(List<String> a, String... b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(b));
        return out;
    }

    @Test
    void aSweepWithDealsAndTheBottomLineGivesTheLocalBytes(@TempDir Path tmp) throws Exception {
        List<String> sweep = List.of("sweep", "--runs", "20", "--models", "compromise,median", "--grid",
                "compromise.weights=capability-salience,equal");
        ok(with(sweep, "--out", tmp.resolve("local").toString()).toArray(new String[0]));
        long jobs = JOBS.get();
        SweepRuns.Result s = ok(with(sweep, "--engine", "spark", "--master", "local[2]", "--partitions", "3", "--out",
                tmp.resolve("spark").toString()).toArray(new String[0]));
        assertThat(JOBS.get()).isGreaterThan(jobs);
        assertThat(s.err()).contains("sweep: 10 of 10 cells done");
        for (String f : SweepWriter.FILES) {
            assertThat(Files.readAllBytes(tmp.resolve("spark").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("local").resolve(f)));
        }
        // Spark SQL reads every Parquet file back as its CSV says, row by row
        SparkSession spark = SparkSession.builder().sparkContext(context).getOrCreate();
        for (String name : List.of("cells", "thresholds", "bottomline")) {
            Dataset<Row> table = spark.read().parquet(tmp.resolve("spark").resolve(name + ".parquet").toString());
            List<String> csv = Files.readAllLines(tmp.resolve("spark").resolve(name + ".csv"));
            assertThat(table.columns()).as(name).containsExactly(LocalSparkSweepIT.csv(csv.get(0)).toArray(new String[0]));
            List<Row> rows = table.collectAsList();
            assertThat(rows).as(name).hasSize(csv.size() - 1);
            for (int i = 0; i < rows.size(); i++) {
                List<String> f = LocalSparkSweepIT.csv(csv.get(i + 1));
                for (int c = 0; c < f.size(); c++) {
                    assertThat(String.valueOf(rows.get(i).get(c))).as("%s row %d column %s", name, i,
                            table.columns()[c]).isEqualTo(f.get(c));
                }
            }
        }
        Dataset<Row> cells = spark.read().parquet(tmp.resolve("spark").resolve("cells.parquet").toString());
        assertThat(cells.filter("p_deal > p_talks or deal_share > 1").count()).isZero();
        assertThat(cells.filter("p_deal < 1").count()).isPositive();
    }

    @Test
    void sensitivityOneAtATimeAndSobolOnSparkEqualLocal(@TempDir Path tmp) throws Exception {
        List<String> oat = List.of("sensitivity", "--model", "compromise,median", "--runs", "120", "--levers", "0",
                "--top", "3");
        SweepRuns.Result lo = ok(with(oat, "--csv", tmp.resolve("oat-local.csv").toString()).toArray(new String[0]));
        SweepRuns.Result so = ok(with(oat, "--engine", "spark", "--csv", tmp.resolve("oat-spark.csv").toString())
                .toArray(new String[0]));
        assertThat(so.out()).isEqualTo(lo.out());
        assertThat(Files.readString(tmp.resolve("oat-spark.csv"))).isEqualTo(Files.readString(tmp.resolve("oat-local.csv")));
        assertThat(so.err()).contains("Monte Carlo on spark: 120 of 120 runs done");
        List<String> sobol = List.of("sensitivity", "--method", "sobol", "--model", "compromise", "--runs", "40",
                "--top", "3");
        SweepRuns.Result ls = ok(with(sobol, "--csv", tmp.resolve("sobol-local.csv").toString()).toArray(new String[0]));
        SweepRuns.Result ss = ok(with(sobol, "--engine", "spark", "--partitions", "4", "--csv",
                tmp.resolve("sobol-spark.csv").toString()).toArray(new String[0]));
        assertThat(ss.out()).isEqualTo(ls.out());
        assertThat(Files.readString(tmp.resolve("sobol-spark.csv")))
                .isEqualTo(Files.readString(tmp.resolve("sobol-local.csv")));
    }

    @Test
    void aBacktestOnSparkScoresExactlyAsLocal(@TempDir Path tmp) throws Exception {
        // the DEU III table's first 30 proposals (of 143; the build stays short): its two head lines and their rows
        List<String> lines = Files.readAllLines(DEU);
        List<String> part = new ArrayList<>(lines.subList(0, 2));
        lines.stream().skip(2).filter(l -> Integer.parseInt(l.substring(0, l.indexOf('\t'))) <= 30).forEach(part::add);
        Path deu = Files.write(tmp.resolve("deu3-first-30.tsv"), part);
        List<String> bt = List.of("backtest", deu.toString(), "--model", "compromise,median", "--format", "csv",
                "--resamples", "1000");
        SweepRuns.Result local = ok(with(bt, "--engine", "local").toArray(new String[0]));
        SweepRuns.Result spark = ok(with(bt, "--engine", "spark", "--master", "local[2]").toArray(new String[0]));
        assertThat(spark.out()).isEqualTo(local.out()).contains("compromise,false,ok,lopo,");
        assertThat(spark.err()).contains("backtest on spark: ").contains(" cases done");
    }

    @Test
    void aBadScenarioOrOptionExitsTwoBeforeAnySparkJob(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "id: bad\nissues:\n  - id: x\n    scale: {min: 0, max: 100}\nactors:\n  - id: a\n"
                + "    capability: 1\n    stances:\n      y: {position: 10, salience: 50}\n");
        long jobs = JOBS.get();
        List<List<String>> cases = List.of(
                List.of("sweep", "--engine", "spark", "--grid", "nash.utility=quadratic,cubic", "--out",
                        tmp.resolve("o1").toString()),
                List.of("sweep", bad.toString(), "--engine", "spark", "--out", tmp.resolve("o2").toString()),
                List.of("sensitivity", "--engine", "spark", "--option", "nash.utility=cubic", "--levers", "0"),
                List.of("sensitivity", bad.toString(), "--engine", "spark", "--method", "sobol", "--runs", "10"),
                List.of("backtest", DEU.toString(), "--engine", "spark", "--option", "nash.utility=cubic"),
                List.of("backtest", DEU.toString(), "--engine", "spark", "--model", "no-such-model"));
        for (List<String> c : cases) {
            SweepRuns.Result r = SweepRuns.cli(c);
            assertThat(r.exit()).as(String.join(" ", c) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", c)).doesNotContain("Exception").doesNotContain("cells done");
        }
        assertThat(JOBS.get()).as("Spark jobs started").isEqualTo(jobs);
        assertThat(tmp.resolve("o1")).doesNotExist();
    }

    @Test
    void progressComesFromSparksListenerAsPartitionsFinish() {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(i);
        }
        String caller = Thread.currentThread().getName();
        List<String> reporters = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        SweepEngine.Progress progress = n -> {
            done.addAndGet(n);
            reporters.add(Thread.currentThread().getName());
        };
        List<Integer> out;
        try (SparkSweepEngine engine = SparkSweepEngine.open(new SweepEngine.Settings("local[2]", 6, 0))) {
            out = engine.map(items, i -> {
                try {
                    Thread.sleep(400); // each partition of two items takes 0.8 s: the listener hears of the first ones
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return i * i;
            }, progress);
        }
        assertThat(out).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121);
        assertThat(done.get()).isEqualTo(12);
        assertThat(reporters).as("progress told by Spark's listener thread, not only at the end")
                .anyMatch(t -> !t.equals(caller));
        assertThat(context.isStopped()).as("a borrowed context is left running").isFalse();
    }

    @Test
    void ctrlCCancelsTheSparkJob(@TempDir Path tmp) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        // a build started in the background by a non-interactive shell inherits SIGINT ignored, and
        // the JVM then never sees Ctrl-C: give the child the default disposition back (GNU env)
        if (new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0) {
            cmd.addAll(List.of("env", "--default-signal=INT"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        for (String o : System.getProperty("parley.spark.opens", "").split("\\s+")) {
            if (!o.isEmpty()) {
                cmd.add(o);
            }
        }
        cmd.addAll(List.of("-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1", "-cp", classpath,
                "org.parley.cli.Parley", "sweep", "--engine", "spark", "--master", "local[2]", "--runs", "5000",
                "--grid", "compromise.weights=capability-salience,capability,salience,equal", "--out",
                tmp.resolve("out").toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder err = new StringBuilder();
        boolean started = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            for (String line = r.readLine(); line != null && System.nanoTime() < deadline; line = r.readLine()) {
                err.append(line).append('\n');
                if (line.contains("started in")) {
                    started = true;
                    // the job is running: 20 cells of 5,000 runs of six models, a few seconds on two
                    // idle cores, so Ctrl-C 1.5 s after Spark starts comes while cells are computed
                    Thread.sleep(1500);
                    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
                    break;
                }
            }
            assertThat(started).as(err.toString()).isTrue();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the JVM ended after Ctrl-C").isTrue();
            r.lines().forEach(l -> err.append(l).append('\n'));
        } finally {
            p.destroyForcibly();
        }
        assertThat(err.toString()).contains("parley: interrupted: cancelling the Spark jobs and stopping Spark");
        assertThat(p.exitValue()).isNotZero();
        assertThat(tmp.resolve("out").resolve("cells.csv")).doesNotExist();
    }
}
