package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.RunSpec;
import org.parley.io.Scenarios;
import org.parley.models.Models;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.MonteCarloResult;
import org.parley.montecarlo.Summary;

/** parley sweep on the local engine (no Spark on this module's classpath). */
class SweepCommandTest {

    @Test
    void aCellHasTheStatisticsOfForecastRunsWithItsOptions(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("sweep", "--runs", "60", "--models", "compromise,median", "--branches", "trump-wins,base",
                "--grid", "compromise.weights=capability-salience,equal", "--out", tmp.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("2 grid points x 1 scenario x worlds = 4 cells, 60 runs each");
        assertThat(r.out()).contains("4 cells x 60 runs on local, 2 threads").contains("wrote " + tmp.resolve("cells.csv"));
        List<String> lines = Files.readAllLines(tmp.resolve("cells.csv"));
        assertThat(lines.get(0)).isEqualTo("cell,scenario,world,compromise.weights,model,issue,runs,valid,point,mean,sd,"
                + "min,p5,p25,median,p75,p95,max,p_talks,deal_share,p_deal");
        assertThat(lines).hasSize(1 + 4 * 2 * Scenarios.seed().scenario().issues().size());
        // cell 2 = grid point 1 (equal weights), world trump-wins; its first row is compromise / sanctions
        String[] f = lines.stream().filter(l -> l.startsWith("2,")).findFirst().orElseThrow().split(",");
        assertThat(f[2]).isEqualTo("trump-wins");
        assertThat(f[3]).isEqualTo("equal");
        MonteCarloResult mc = new MonteCarlo(Models.simulation()).run(Scenarios.seed().scenario(), RunSpec.defaults()
                .withModels(List.of("compromise", "median")).withWorlds(List.of("trump-wins"))
                .withOptions(java.util.Map.of("compromise.weights", "equal")).withRuns(60).withThreads(1));
        Summary s = mc.summary("trump-wins", "compromise", "sanctions");
        assertThat(Double.parseDouble(f[9])).isEqualTo(s.mean());
        assertThat(Double.parseDouble(f[12])).isEqualTo(s.p5());
        assertThat(Double.parseDouble(f[16])).isEqualTo(s.p95());
        assertThat(Double.parseDouble(f[8])).isEqualTo(mc.point("trump-wins", "compromise", "sanctions"));
        List<String> th = Files.readAllLines(tmp.resolve("thresholds.csv"));
        assertThat(th.get(0)).endsWith("model,issue,threshold,side,value,share,past");
        assertThat(th.stream().filter(l -> l.startsWith("2,") && l.contains(",compromise,sanctions,")).findFirst()
                .orElseThrow()).contains("," + s.shares().get(0).share() + ",");
        byte[] parquet = Files.readAllBytes(tmp.resolve("cells.parquet"));
        assertThat(new String(parquet, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(parquet, parquet.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");
    }

    @Test
    void dealsTalksAndTheBottomLineAreThoseOfForecastRuns(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("sweep", "--runs", "40", "--models", "compromise,median", "--grid",
                "compromise.weights=capability-salience,equal", "--out", tmp.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        org.parley.model.Scenario seed = Scenarios.seed().scenario();
        MonteCarloResult mc = new MonteCarlo(Models.simulation()).run(seed, RunSpec.defaults()
                .withModels(List.of("compromise", "median")).withOptions(java.util.Map.of("compromise.weights", "equal"))
                .withRuns(40).withThreads(1));
        org.parley.engine.BottomLine bl = mc.bottomLine();
        List<String> cells = Files.readAllLines(tmp.resolve("cells.csv"));
        List<String> head = csv(cells.get(0));
        int checked = 0;
        boolean partial = false;
        for (org.parley.engine.BottomLine.Detail d : bl.details()) {
            List<String> row = cells.stream().map(SweepCommandTest::csv).filter(f -> f.get(2).equals(d.world())
                    && f.get(3).equals("equal") && f.get(4).equals(d.model()) && f.get(5).equals(d.issue()))
                    .findFirst().orElseThrow();
            assertThat(Double.parseDouble(row.get(head.indexOf("p_talks")))).isEqualTo(d.talks());
            assertThat(Double.parseDouble(row.get(head.indexOf("deal_share")))).isEqualTo(d.dealShare());
            assertThat(Double.parseDouble(row.get(head.indexOf("p_deal")))).isEqualTo(d.pDeal());
            partial |= d.pDeal() > 0 && d.pDeal() < 1;
            checked++;
        }
        assertThat(checked).isEqualTo(seed.worldIds().size() * 2 * seed.issues().size());
        assertThat(partial).as("some P(deal) strictly between 0 and 1").isTrue();
        List<String> bottom = Files.readAllLines(tmp.resolve("bottomline.csv"));
        assertThat(bottom.get(0)).isEqualTo("scenario,compromise.weights,mixed,model,issue,threshold,side,value,p_yes");
        int questions = 0;
        for (org.parley.engine.BottomLine.Question q : bl.questions()) {
            for (String model : List.of("compromise", "median")) {
                List<String> row = bottom.stream().skip(1).map(SweepCommandTest::csv).filter(f -> f.get(1).equals("equal")
                        && f.get(3).equals(model) && f.get(4).equals(q.issue())
                        && f.get(5).equals(q.threshold().id())).findFirst().orElseThrow();
                assertThat(row.get(2)).isEqualTo(bl.mixedText());
                assertThat(Double.parseDouble(row.get(8))).as(q.label() + " " + model).isEqualTo(q.pYes().get(model));
                questions++;
            }
        }
        assertThat(questions).isPositive();
        assertThat(bottom).hasSize(1 + 2 * questions);
    }

    /** One CSV line's fields (quoted fields unquoted). */
    private static List<String> csv(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        out.add(b.toString());
        return out;
    }

    @Test
    void theProgressSaysCellsDoneRateAndTimeLeft() {
        assertThat(SweepBar.text("sweep", "cells", 10, 40, 2.0)).isEqualTo("sweep 5.0 cells/s, 6 s left");
        assertThat(SweepBar.text("sweep", "cells", 0, 40, 0.5)).isEqualTo("sweep 0.0 cells/s, ? left");
        assertThat(SweepBar.text("sweep", "cells", 40, 40, 8.0)).isEqualTo("sweep 5.0 cells/s, 0 s left");
        java.io.StringWriter err = new java.io.StringWriter();
        SweepBar bar = new SweepBar(new java.io.PrintWriter(err), "sweep", "cells", 4, 12); // 3 tasks per cell
        bar.done(5);
        bar.done(7);
        bar.finish();
        assertThat(err.toString()).endsWith("sweep: 4 of 4 cells done" + System.lineSeparator());
    }

    @Test
    void aSweepOverTheBudgetIsRefusedBeforeAnyTask(@TempDir Path tmp) {
        CliRun r = CliRun.of("sweep", "--runs", "1000000", "--models", "compromise", "--out", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("runs must be <= 100000 without --allow-large, was 1000000");
        assertThat(tmp.resolve("cells.csv")).doesNotExist();
        CliRun o = CliRun.of("sweep", "--runs", "10", "--models", "expected-utility", "--grid",
                "expected-utility.max-rounds=10,2000000000", "--out", tmp.toString());
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("max-rounds").doesNotContain("Exception");
    }

    @Test
    void theSameSeedGivesTheSameBytesOnOneOrThreeThreadsAndAnyTaskSize(@TempDir Path tmp) throws Exception {
        List<String> base = List.of("sweep", "--runs", "30", "--models", "compromise,nash", "--grid",
                "nash.utility=quadratic,linear");
        CliRun a = CliRun.of(concat(base, "--threads", "1", "--out", tmp.resolve("a").toString()));
        CliRun b = CliRun.of(concat(base, "--threads", "3", "--runs-per-task", "7", "--out", tmp.resolve("b").toString()));
        assertThat(a.exit()).isZero();
        assertThat(b.exit()).isZero();
        for (String f : org.parley.io.sweep.SweepWriter.FILES) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(f)));
        }
    }

    @Test
    void sparkWithoutTheSparkModuleSaysHowToGetIt(@TempDir Path tmp) {
        CliRun r = CliRun.of("sweep", "--engine", "spark", "--out", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("spark sweep engine is not on the classpath").contains("spark-submit --class "
                + "org.parley.cli.Parley spark/target/parley-spark.jar");
        CliRun s = CliRun.of("sensitivity", "--method", "sobol", "--engine", "spark");
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).contains("not on the classpath");
    }

    @Test
    void badInputFailsWithExitTwoAndWritesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        assertThat(CliRun.of("sweep", "--grid", "nash.utility=quadratic,cubic", "--out", out.toString()).exit())
                .isEqualTo(2);
        assertThat(CliRun.of("sweep", "--grid", "no-such-option=1,2", "--out", out.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("sweep", "--branches", "no-such-branch", "--out", out.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("sweep", "--grid", "nash.utility", "--out", out.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("sweep", "--engine", "hadoop", "--out", out.toString()).exit()).isEqualTo(2);
        assertThat(CliRun.of("sweep", tmp.resolve("missing.yaml").toString(), "--out", out.toString()).exit())
                .isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void aFolderOfScenariosAndTheRunStore(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("scenarios"));
        Path examples = Path.of(System.getProperty("user.dir")).getParent().resolve("examples");
        Files.copy(examples.resolve("01-dprk-us-talks-2024/scenario.yaml"), dir.resolve("a-dprk.yaml"));
        Files.createDirectories(dir.resolve("b-ec"));
        Files.copy(examples.resolve("02-ec-car-emissions-1994/scenario.yaml"), dir.resolve("b-ec/scenario.yaml"));
        Path db = tmp.resolve("runs.db");
        CliRun r = CliRun.of("sweep", dir.toString(), "--runs", "5", "--models", "compromise", "--branches", "base",
                "--grid", "compromise.weights=capability,equal", "--out", tmp.resolve("out").toString(), "--store",
                "jdbc:sqlite:" + db);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("2 grid points x 2 scenarios x worlds = 4 cells").contains("saved 4 runs");
        List<String> lines = Files.readAllLines(tmp.resolve("out/cells.csv"));
        assertThat(lines.get(1)).startsWith("0,a-dprk.yaml,base,capability,compromise,");
        assertThat(lines.get(lines.size() - 1)).startsWith("3,b-ec/scenario.yaml,base,equal,compromise,");
        CliRun list = CliRun.of("runs", "list", "--store", "jdbc:sqlite:" + db);
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines().filter(l -> l.matches("\\s*\\d+\\s.*")).count()).isEqualTo(4);
    }

    private static String[] concat(List<String> a, String... b) {
        java.util.List<String> all = new java.util.ArrayList<>(a);
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }
}
