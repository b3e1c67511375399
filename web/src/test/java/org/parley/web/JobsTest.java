package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/** The one job system: progress, one end per job, bounded queue, cancel, waiting calls. */
class JobsTest {

    @Test
    void aJobReportsProgressAndEndsOnce() throws InterruptedException {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        try (Jobs jobs = new Jobs("test", InstantSource.system(), 2, 4)) {
            jobs.addListener(j -> {
                events.add(j.status() + " " + j.done() + "/" + j.total());
                if (j.status().finished()) {
                    ended.countDown();
                }
            });
            Job<String> job = jobs.submit(Job.Kind.FORECAST, "s", 1, Map.of(), 3, j -> {
                for (int i = 0; i < 3; i++) {
                    j.completed(1);
                    jobs.notify(j);
                }
                return "answer";
            });
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(job.status()).isEqualTo(Job.Status.DONE);
            assertThat(job.result()).isEqualTo("answer");
            assertThat(events.stream().filter(e -> e.startsWith("DONE"))).hasSize(1);
            assertThat(events).contains("RUNNING 3/3");
            assertThat(jobs.get(job.id())).containsSame(job);
            assertThat(jobs.list(Job.Kind.MONTE_CARLO)).isEmpty();
            assertThat(job.tree().get("progress")).isEqualTo(Map.of("done", 3L, "total", 3L));
        }
    }

    @Test
    void aFullQueueIsRefusedAndNothingIsKept() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Jobs jobs = new Jobs("test", InstantSource.system(), 1, 1)) {
            jobs.submit(Job.Kind.BACKTEST, null, 0, Map.of(), 1, holding(running, release));
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            jobs.submit(Job.Kind.BACKTEST, null, 0, Map.of(), 1, j -> 2);
            assertThatThrownBy(() -> jobs.submit(Job.Kind.BACKTEST, null, 0, Map.of(), 1, j -> 3))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("BUSY"));
            assertThat(jobs.list(null)).hasSize(2);
            release.countDown();
        }
    }

    @Test
    void cancellingARunningJobInterruptsItsWorker() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Jobs jobs = new Jobs("test", InstantSource.system(), 1, 1)) {
            Job<Integer> job = jobs.submit(Job.Kind.SENSITIVITY, "s", 1, Map.of(), 1, j -> {
                running.countDown();
                try {
                    new CountDownLatch(1).await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    stopped.countDown();
                }
                return 0;
            });
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(jobs.cancel(job)).isTrue();
            assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(job.status()).isEqualTo(Job.Status.CANCELLED);
            assertThat(jobs.cancel(job)).isFalse();
        }
    }

    @Test
    void aWaitingCallAnswersOrRethrowsAndKeepsNothing() {
        try (Jobs jobs = new Jobs("test", InstantSource.system(), 1, 1)) {
            Integer answer = jobs.call(Job.Kind.FORECAST, Duration.ofSeconds(30), (Job<Integer> j) -> 42);
            assertThat(answer).isEqualTo(42);
            assertThatThrownBy(() -> jobs.call(Job.Kind.FORECAST, Duration.ofSeconds(30), (Job<Integer> j) -> {
                throw new ParleyException(ErrorCode.BAD_OPTION, "no");
            })).isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_OPTION));
            assertThat(jobs.list(null)).isEmpty();
        }
    }

    @Test
    void aJobCancelledInTheQueueFreesItsPlace() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Jobs jobs = new Jobs("test", InstantSource.system(), 1, 1)) {
            jobs.submit(Job.Kind.BACKTEST, null, 0, Map.of(), 1, holding(running, release));
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            Job<Integer> queued = jobs.submit(Job.Kind.BACKTEST, null, 0, Map.of(), 1, j -> 2);
            assertThat(jobs.busy()).isEqualTo(2);
            assertThat(jobs.cancel(queued)).isTrue();
            assertThat(jobs.busy()).as("the cancelled job left the queue").isEqualTo(1);
            Job<Integer> next = jobs.submit(Job.Kind.BACKTEST, null, 0, Map.of(), 1, j -> 3); // not BUSY
            release.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!next.status().finished() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(next.result()).isEqualTo(3);
            assertThat(queued.status()).isEqualTo(Job.Status.CANCELLED);
        }
    }

    @Test
    void aWaitingCallWhoseClientLeavesIsCancelled() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        try (Jobs jobs = new Jobs("test", InstantSource.system(), 1, 1)) {
            Thread leaves = new Thread(() -> {
                try {
                    running.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                gone.set(true);
            });
            leaves.start();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> jobs.call(Job.Kind.MONTE_CARLO, Duration.ofSeconds(60), gone::get, (Job<Integer> j) -> {
                running.countDown();
                try {
                    new CountDownLatch(1).await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    stopped.countDown();
                }
                return 0;
            })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("CLIENT_GONE"));
            assertThat(stopped.await(30, TimeUnit.SECONDS)).as("the work was interrupted").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(30);
            assertThat(jobs.call(Job.Kind.FORECAST, Duration.ofSeconds(30), (Job<Integer> j) -> 42)).isEqualTo(42);
        }
    }

    /** Work that says it runs and holds its worker until released. */
    private static Jobs.Work<Integer> holding(CountDownLatch running, CountDownLatch release) {
        return j -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        };
    }
}
