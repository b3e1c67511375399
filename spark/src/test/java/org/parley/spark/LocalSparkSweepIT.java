package org.parley.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine spark --master local[2]}: the same bytes as {@code --engine local}, on any partition count. */
class LocalSparkSweepIT {

    @BeforeAll
    static void loopback() {
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    }

    @Test
    void localTwoGivesTheLocalEnginesBytesOnAnyPartitionCount(@TempDir Path tmp) throws Exception {
        // 64 partitions, and every cell cut into tasks of 2 runs (3 tasks per cell, put back together on the driver)
        SweepRuns.Result r = SweepRuns.sweep(tmp, "--engine", "spark", "--master", "local[2]", "--partitions", "64",
                "--runs-per-task", "2");
        assertThat(r.out()).contains("2000 cells x 5 runs on spark local[2]");
        SweepRuns.assertSameAsLocal(tmp);
    }

    @Test
    void theParquetFilesReadBackInSparkAsTheCsvSays(@TempDir Path tmp) throws Exception {
        Path local = SweepRuns.localBaseline();
        SparkSession spark = SparkSession.builder().master("local[1]").appName("parquet check")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            Dataset<Row> cells = spark.read().parquet(local.resolve("cells.parquet").toString());
            List<String> csv = Files.readAllLines(local.resolve("cells.csv"));
            assertThat(cells.columns()).containsExactly(csv.get(0).split(","));
            assertThat(cells.count()).isEqualTo(csv.size() - 1);
            List<Row> rows = cells.collectAsList();
            for (int i : new int[] {0, 1, 777, rows.size() - 1}) {
                String[] f = csv.get(i + 1).split(",");
                Row r = rows.get(i);
                assertThat(r.getInt(0)).isEqualTo(Integer.parseInt(f[0]));
                assertThat(r.getString(1)).isEqualTo(f[1]);
                for (int c = 2; c < f.length; c++) {
                    assertThat(String.valueOf(r.get(c))).as("row %d column %s", i, cells.columns()[c]).isEqualTo(f[c]);
                }
            }
            Dataset<Row> th = spark.read().parquet(local.resolve("thresholds.parquet").toString());
            assertThat(th.count()).isEqualTo(Files.readAllLines(local.resolve("thresholds.csv")).size() - 1);
            assertThat(th.filter("share > 1 or share < 0").count()).isZero();
        } finally {
            spark.stop();
        }
    }

    @Test
    void aBadOptionValueFailsWithExitTwoBeforeSparkStarts(@TempDir Path tmp) {
        SweepRuns.Result r = SweepRuns.cli(List.of("sweep", "--engine", "spark", "--master", "local[2]", "--grid",
                "nash.utility=quadratic,cubic", "--out", tmp.toString()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cubic").doesNotContain("sweep: ");
        assertThat(tmp.resolve("cells.csv")).doesNotExist();
    }
}
