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
                + "min,p5,p25,median,p75,p95,max");
        assertThat(lines).hasSize(1 + 4 * 2 * 5);
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
        assertThat(th.get(0)).endsWith("model,issue,threshold,side,value,share");
        assertThat(th.stream().filter(l -> l.startsWith("2,") && l.contains(",compromise,sanctions,")).findFirst()
                .orElseThrow()).endsWith("," + s.shares().get(0).share());
        byte[] parquet = Files.readAllBytes(tmp.resolve("cells.parquet"));
        assertThat(new String(parquet, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(parquet, parquet.length - 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PAR1");
    }

    @Test
    void theSameSeedGivesTheSameBytesOnOneOrThreeThreadsAndAnyTaskSize(@TempDir Path tmp) throws Exception {
        List<String> base = List.of("sweep", "--runs", "30", "--models", "compromise,nash", "--grid",
                "nash.utility=quadratic,linear");
        CliRun a = CliRun.of(concat(base, "--threads", "1", "--out", tmp.resolve("a").toString()));
        CliRun b = CliRun.of(concat(base, "--threads", "3", "--runs-per-task", "7", "--out", tmp.resolve("b").toString()));
        assertThat(a.exit()).isZero();
        assertThat(b.exit()).isZero();
        for (String f : List.of("cells.csv", "cells.parquet", "thresholds.csv", "thresholds.parquet")) {
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
