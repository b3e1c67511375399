package org.parley.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.SparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine spark --master local[2]}: the same bytes as {@code --engine local}, on any
 * partition count. The test methods share one Spark context (the CLI's engine borrows it).
 */
class LocalSparkSweepIT {

    private static SparkContext context;

    @BeforeAll
    static void start() {
        context = SweepRuns.context("local[2]");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void localTwoGivesTheLocalEnginesBytesOnAnyPartitionCount(@TempDir Path tmp) throws Exception {
        // 64 partitions, and every cell cut into tasks of 2 runs (2 tasks per cell, put back together on the driver)
        SweepRuns.Result r = SweepRuns.sweep(tmp, "--engine", "spark", "--master", "local[2]", "--partitions", "64",
                "--runs-per-task", "2");
        assertThat(r.out()).contains(SweepRuns.CELLS + " cells x 3 runs on spark local[2]");
        assertThat(r.err()).contains("sweep: " + SweepRuns.CELLS + " of " + SweepRuns.CELLS + " cells done");
        SweepRuns.assertSameAsLocal(tmp);
    }

    /** One CSV line's fields (quoted fields unquoted). */
    static List<String> csv(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        out.add(b.toString());
        return out;
    }
}
