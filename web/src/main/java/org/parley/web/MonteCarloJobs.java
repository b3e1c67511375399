package org.parley.web;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.montecarlo.MonteCarlo;

/**
 * Monte Carlo runs as background jobs: progress counted in runs (per world), cancellation between
 * blocks of runs, and the answer kept as the same JSON tree {@code POST /api/montecarlo} gives.
 * Jobs live in memory only; the oldest finished jobs are forgotten beyond {@link #KEPT}.
 */
final class MonteCarloJobs implements AutoCloseable {

    /** Jobs remembered at most (finished ones are dropped oldest first). */
    static final int KEPT = 100;

    /** One Monte Carlo job. Fields change while it runs; readers see a consistent status. */
    static final class Job implements MonteCarlo.Progress {
        private final String id;
        private final String scenarioId;
        private final int version;
        private final int runs;
        private final long seed;
        private final Instant created;
        private final AtomicLong done = new AtomicLong();
        private volatile long total;
        private volatile RunJob.Status status = RunJob.Status.QUEUED;
        private volatile Instant finished;
        private volatile Map<String, Object> result;
        private volatile String errorCode;
        private volatile String errorMessage;
        private volatile boolean cancelRequested;

        Job(String id, String scenarioId, int version, int runs, long seed, long total, Instant created) {
            this.id = id;
            this.scenarioId = scenarioId;
            this.version = version;
            this.runs = runs;
            this.seed = seed;
            this.total = total;
            this.created = created;
        }

        String id() {
            return id;
        }

        RunJob.Status status() {
            return status;
        }

        Map<String, Object> result() {
            return result;
        }

        @Override
        public void total(long n) {
            total = n;
        }

        @Override
        public void completed(long n) {
            done.addAndGet(n);
        }

        @Override
        public boolean cancelled() {
            return cancelRequested || Thread.currentThread().isInterrupted();
        }

        synchronized boolean start() {
            if (status != RunJob.Status.QUEUED) {
                return false;
            }
            status = RunJob.Status.RUNNING;
            return true;
        }

        synchronized void succeed(Map<String, Object> r, Instant at) {
            if (status == RunJob.Status.RUNNING) {
                result = r;
                finished = at;
                status = RunJob.Status.DONE;
            }
        }

        synchronized void fail(String code, String message, Instant at) {
            if (!status.finished()) {
                errorCode = code;
                errorMessage = message;
                finished = at;
                status = RunJob.Status.FAILED;
            }
        }

        synchronized boolean cancel(Instant at) {
            if (status.finished()) {
                return false;
            }
            cancelRequested = true;
            status = RunJob.Status.CANCELLED;
            finished = at;
            return true;
        }

        /** The status document: id, scenario, status, progress {done, total}, spec, times, error. */
        Map<String, Object> tree() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("scenario", scenarioId);
            m.put("version", version);
            m.put("status", status.name().toLowerCase(Locale.ROOT));
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("done", done.get());
            p.put("total", total);
            m.put("progress", p);
            m.put("runs", runs);
            m.put("seed", seed);
            m.put("created", created.toString());
            m.put("finished", finished == null ? null : finished.toString());
            if (errorCode != null) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("code", errorCode);
                e.put("message", errorMessage);
                m.put("error", e);
            }
            return m;
        }
    }

    private final InstantSource clock;
    private final ExecutorService pool;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    MonteCarloJobs(InstantSource clock, int threads, int maxQueued) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(maxQueued),
                r -> {
                    Thread t = new Thread(r, "parley-montecarlo");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Starts a job computing {@code work} (given the job as its progress listener); fails at once,
     * nothing kept, when the queue is full.
     */
    Job submit(String scenarioId, int version, int runs, long seed, long total,
               Function<MonteCarlo.Progress, Map<String, Object>> work) {
        String id = String.format(Locale.ROOT, "mc-%06d", sequence.incrementAndGet());
        Job job = new Job(id, scenarioId, version, runs, seed, total, clock.instant());
        try {
            pool.execute(() -> execute(job, work));
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "BUSY", "too many Monte Carlo jobs are waiting; try again shortly");
        }
        synchronized (jobs) {
            jobs.put(id, job);
            Iterator<Job> it = jobs.values().iterator();
            while (jobs.size() > KEPT && it.hasNext()) {
                if (it.next().status().finished()) {
                    it.remove();
                }
            }
        }
        return job;
    }

    Optional<Job> get(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    List<Job> list() {
        synchronized (jobs) {
            return new ArrayList<>(jobs.values());
        }
    }

    boolean cancel(Job job) {
        return job.cancel(clock.instant());
    }

    private void execute(Job job, Function<MonteCarlo.Progress, Map<String, Object>> work) {
        if (!job.start()) {
            return;
        }
        try {
            job.succeed(work.apply(job), clock.instant());
        } catch (ParleyException e) {
            job.fail(e.code().name(), e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            job.fail(ErrorCode.FAILURE.name(), "the Monte Carlo failed: " + e.getClass().getSimpleName(), clock.instant());
            org.slf4j.LoggerFactory.getLogger(MonteCarloJobs.class).warn("Monte Carlo {} failed", job.id(), e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
