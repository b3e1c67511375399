package org.parley.web;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.slf4j.LoggerFactory;

/**
 * The web app's one job system: a fixed pool of worker threads with a bounded queue (503 BUSY
 * when full) running forecasts, Monte Carlo, sensitivity analyses and backtests with progress,
 * cancellation and results. Jobs submitted with {@link #submit} are kept (the oldest finished
 * ones are forgotten beyond {@link #KEPT}); {@link #call} runs work for a request that waits for
 * its answer, on the same terms, and keeps nothing.
 */
public final class Jobs implements AutoCloseable {

    /** Told on the job's thread when a job starts, steps or ends (e.g. the CLI's progress bar); ends once. */
    public interface Listener {
        void changed(Job<?> job);
    }

    /** The work of one job; it reports progress on the job and stops when {@link Job#cancelled()}. */
    public interface Work<R> {
        R run(Job<R> job);
    }

    /** Jobs remembered at most (finished ones are dropped oldest first; running ones never). */
    static final int KEPT = 500;

    /** How often a waiting request looks whether its client has left. */
    static final Duration WATCH = Duration.ofMillis(100);

    private final String name;
    private final InstantSource clock;
    private final ThreadPoolExecutor pool;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Job<?>> jobs = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param name      what the workers run, for thread names and the BUSY message
     * @param threads   worker threads
     * @param maxQueued jobs that may wait for a worker before new ones are refused
     */
    public Jobs(String name, InstantSource clock, int threads, int maxQueued) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(maxQueued),
                r -> {
                    Thread t = new Thread(r, "parley-" + name);
                    t.setDaemon(true);
                    return t;
                });
    }

    public void addListener(Listener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    /**
     * Starts a job and keeps it; fails at once, nothing kept, when the queue is full.
     *
     * @param scenarioId the scenario it reads, or {@code null}
     * @param settings   what was asked, for the status document
     * @param total      the progress units expected
     */
    public <R> Job<R> submit(Job.Kind kind, String scenarioId, int version, Map<String, Object> settings, long total,
                             Work<R> work) {
        Job<R> job = start(kind, scenarioId, version, settings, total, work, true);
        synchronized (jobs) {
            jobs.put(job.id(), job);
            Iterator<Job<?>> it = jobs.values().iterator();
            while (jobs.size() > KEPT && it.hasNext()) {
                if (it.next().status().finished()) {
                    it.remove();
                }
            }
        }
        return job;
    }

    /**
     * Runs work for a waiting request on the pool (so the pool bounds how much runs at once) and
     * returns its result; cancels it when it takes longer than {@code timeout} (503 TOO_LONG) or
     * the waiting thread is interrupted.
     */
    public <R> R call(Job.Kind kind, Duration timeout, Work<R> work) {
        return call(kind, timeout, ClientWatch.NEVER, work);
    }

    /**
     * {@link #call(Job.Kind, Duration, Work)} for a client that may leave: {@code clientGone} is
     * asked every {@link #WATCH} while the work runs or waits, and once it says so the work is
     * cancelled (its worker, or its place in the queue, freed at once) and nobody is answered.
     */
    <R> R call(Job.Kind kind, Duration timeout, java.util.function.BooleanSupplier clientGone, Work<R> work) {
        Job<R> job = start(kind, null, 0, Map.of(), 1, work, false);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                try {
                    futureOf(job).get(Math.min(left, WATCH.toNanos()), TimeUnit.NANOSECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (clientGone.getAsBoolean()) {
                        drop(job);
                        throw new ApiException(499, "CLIENT_GONE", "the client closed the connection");
                    }
                }
            }
        } catch (TimeoutException e) {
            drop(job);
            throw new ApiException(503, "TOO_LONG", "this request would run longer than " + timeout.toSeconds()
                    + " s; start it as a job instead (see /openapi.json)");
        } catch (InterruptedException e) {
            drop(job);
            Thread.currentThread().interrupt();
            throw new ParleyException(ErrorCode.FAILURE, "interrupted");
        } catch (ExecutionException | CancellationException e) {
            // the job records its own failure
        }
        if (job.failure() != null) {
            throw job.failure();
        }
        if (job.status() != Job.Status.DONE) {
            throw new ParleyException(ErrorCode.FAILURE, job.kind().id() + " " + job.status().id());
        }
        return job.result();
    }

    public Optional<Job<?>> get(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** The jobs kept of one kind (every kind when {@code kind} is null), newest first. */
    public List<Job<?>> list(Job.Kind kind) {
        List<Job<?>> out = new ArrayList<>();
        synchronized (jobs) {
            for (Job<?> j : jobs.values()) {
                if (kind == null || j.kind() == kind) {
                    out.add(j);
                }
            }
        }
        Collections.reverse(out);
        return out;
    }

    /** Cancels a job: a queued one never starts, a running one is interrupted and stops within a round. */
    public boolean cancel(Job<?> job) {
        boolean c = job.cancel(clock.instant());
        if (c) {
            pool.purge(); // a queued job's place is free at once
            ended(job);
        }
        return c;
    }

    /** Cancels a waiting request's work, freeing its queue place; listeners are not told. */
    private void drop(Job<?> job) {
        job.cancel(clock.instant());
        pool.purge();
    }

    /** Jobs waiting for a worker and running, for tests and the info endpoint. */
    int busy() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    private <R> Job<R> start(Job.Kind kind, String scenarioId, int version, Map<String, Object> settings, long total,
                             Work<R> work, boolean kept) {
        String id = String.format(Locale.ROOT, "%s-%06d", kind.prefix(), sequence.incrementAndGet());
        Job<R> job = new Job<>(id, kind, scenarioId, version, settings, total, clock.instant());
        try {
            synchronized (job) {
                job.attach(pool.submit(() -> execute(job, work, kept)));
            }
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "BUSY", "too many " + name + " jobs are waiting; try again shortly");
        }
        return job;
    }

    private static Future<?> futureOf(Job<?> job) {
        synchronized (job) {
            return job.future();
        }
    }

    private <R> void execute(Job<R> job, Work<R> work, boolean kept) {
        if (!job.start()) {
            return;
        }
        if (kept) {
            notify(job);
        }
        try {
            R r = work.run(job);
            job.succeed(r, clock.instant());
        } catch (ParleyException e) {
            job.fail(e, e.code().name(), e.getMessage(), clock.instant());
        } catch (ApiException e) {
            job.fail(e, e.code(), e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            if (kept) {
                LoggerFactory.getLogger(Jobs.class).warn("{} failed", job.id(), e);
            }
            // a waiting request rethrows e: the server logs it and answers 500 without details
            job.fail(e, ErrorCode.FAILURE.name(), "the " + job.kind().id() + " failed: " + e.getClass().getSimpleName(),
                    clock.instant());
        }
        if (kept) {
            ended(job);
        }
    }

    /** Tells the listeners once that a job has ended. */
    private void ended(Job<?> job) {
        if (job.reportEnd()) {
            notify(job);
        }
    }

    /** Tells the listeners of a kept job's change (jobs run by {@link #call} are nobody else's business). */
    void notify(Job<?> job) {
        for (Listener l : listeners) {
            l.changed(job);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
