package org.parley.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster (a Master and two Workers on 127.0.0.1, started from the test's
 * classpath, stopped afterwards): {@code parley sweep --engine spark --master spark://...} runs the
 * 2,000-cell sweep of the seed scenario there, an executor is killed by its pid once a fifth of the
 * tasks are done, its tasks are retried, and the files are byte for byte the local engine's. One
 * sweep does both, to keep the build short; the context (and its executors) is started once.
 */
class StandaloneClusterSweepIT {

    private static StandaloneCluster cluster;
    private static SparkContext context;

    @BeforeAll
    static void start() throws Exception {
        cluster = new StandaloneCluster(2);
        context = SweepRuns.context(cluster.masterUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (context != null) {
                context.stop();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void twoWorkersGiveTheLocalEnginesBytesEvenWhenAnExecutorIsKilledMidSweep(@TempDir Path tmp) throws Exception {
        int partitions = 40;
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Long> killed = new AtomicReference<>();
        SparkListener killer = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo() == null) {
                    return;
                }
                if (!end.taskInfo().successful()) {
                    failed.incrementAndGet();
                } else if (succeeded.incrementAndGet() >= partitions / 5 && killed.get() == null) {
                    List<ProcessHandle> executors = cluster.executors();
                    if (!executors.isEmpty()) {
                        ProcessHandle victim = executors.get(0);
                        killed.set(victim.pid());
                        victim.destroyForcibly();
                    }
                }
            }
        };
        context.addSparkListener(killer);
        SweepRuns.Result r;
        try {
            r = SweepRuns.sweep(tmp, "--engine", "spark", "--master", cluster.masterUrl(), "--partitions",
                    String.valueOf(partitions));
        } finally {
            context.removeSparkListener(killer);
        }
        assertThat(r.out()).as(cluster.logs()).contains(SweepRuns.CELLS + " cells x 3 runs on spark " + cluster.masterUrl());
        assertThat(killed.get()).as("an executor was killed while the sweep ran").isNotNull();
        assertThat(failed.get()).as("tasks lost with the executor and run again").isPositive();
        assertThat(ProcessHandle.of(killed.get()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(r.err()).contains("sweep: " + SweepRuns.CELLS + " of " + SweepRuns.CELLS + " cells done");
        SweepRuns.assertSameAsLocal(tmp);
    }
}
