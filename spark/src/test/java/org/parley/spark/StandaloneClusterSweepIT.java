package org.parley.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.io.Scenarios;
import org.parley.io.sweep.SweepWriter;
import org.parley.io.sweep.TextScenarioSource;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.sweep.CellResult;
import org.parley.sweep.Grid;
import org.parley.sweep.Sweep;
import org.parley.sweep.SweepEngine;
import org.parley.sweep.SweepRunner;
import org.parley.sweep.SweepSpec;

/**
 * A real standalone cluster (a Master and two Workers on 127.0.0.1, started from the test's
 * classpath): the 2,000-cell sweep gives the local engine's bytes; an executor killed by its pid in
 * the middle of the sweep costs a retry and changes nothing.
 */
class StandaloneClusterSweepIT {

    private static StandaloneCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        cluster = new StandaloneCluster(2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoWorkersGiveTheLocalEnginesBytes(@TempDir Path tmp) throws Exception {
        SweepRuns.Result r = SweepRuns.sweep(tmp, "--engine", "spark", "--master", cluster.masterUrl(),
                "--partitions", "16");
        assertThat(r.out()).as(cluster.logs()).contains("2000 cells x 5 runs on spark " + cluster.masterUrl());
        SweepRuns.assertSameAsLocal(tmp);
    }

    @Test
    void anExecutorKilledMidSweepIsReplacedAndTheResultIsUnchanged(@TempDir Path tmp) throws Exception {
        Scenario seed = Scenarios.seed().scenario();
        List<String> axes = List.of("expected-utility.q=0.5,0.625,0.75,0.875,1", "expected-utility.max-rounds=1,2,3,4,5",
                "expected-utility.zero-band=0,0.0001,0.001,0.01,0.1",
                "compromise.weights=capability-salience,capability,salience,equal");
        SweepSpec spec = new SweepSpec(List.of(TextScenarioSource.of(Scenarios.SEED, seed)), Grid.parse(axes),
                List.of("compromise", "median", "nash", "expected-utility"), List.of(), 0, java.util.Map.of(),
                org.parley.engine.RunSpec.DEFAULT_SEED, 5, SweepSpec.DEFAULT_BLOCK, false);
        Sweep sweep = Sweep.of(spec, List.of(seed), Models.simulation());
        sweep.validate();
        int units = sweep.units().size();
        AtomicLong done = new AtomicLong();
        AtomicReference<Long> killed = new AtomicReference<>();
        CountDownLatch killNow = new CountDownLatch(1);
        SweepEngine.Progress progress = n -> {
            if (done.addAndGet(n) >= units / 5) {
                killNow.countDown();
            }
        };
        Thread killer = new Thread(() -> {
            try {
                if (killNow.await(300, TimeUnit.SECONDS)) {
                    List<ProcessHandle> executors = cluster.executors();
                    if (!executors.isEmpty()) {
                        ProcessHandle victim = executors.get(0);
                        killed.set(victim.pid());
                        victim.destroyForcibly();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        List<CellResult> results;
        AtomicLong failedTasks = new AtomicLong();
        try (SparkSweepEngine engine = SparkSweepEngine.open(new SweepEngine.Settings(cluster.masterUrl(), 40, 0))) {
            engine.context().sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (end.taskInfo() != null && !end.taskInfo().successful()) {
                        failedTasks.incrementAndGet();
                    }
                }
            });
            results = SweepRunner.run(sweep, engine, progress);
        } finally {
            killNow.countDown();
            killer.join();
        }
        assertThat(killed.get()).as("an executor was killed while the sweep ran; done %d of %d", done.get(), units)
                .isNotNull();
        assertThat(failedTasks.get()).as("tasks lost with the executor and run again").isPositive();
        assertThat(done.get()).isEqualTo(units);
        assertThat(ProcessHandle.of(killed.get()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        SweepWriter.write(sweep, results, tmp);
        SweepRuns.assertSameAsLocal(tmp);
    }
}
