package org.parley.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.parley.montecarlo.MonteCarlo;

/**
 * Work running in the background for the web app (a forecast, a Monte Carlo, a sensitivity
 * analysis or a backtest): its kind and settings, its progress {@code {done, total}}, and its
 * result or error when it ends. Fields change while it runs; readers see a consistent status.
 *
 * @param <R> the result: a {@link org.parley.engine.ForecastResult} for a forecast, the JSON tree
 *            the API answers for the others
 */
public final class Job<R> implements MonteCarlo.Progress {

    /** Where a job is in its life. */
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a job computes; its ids start with the prefix. */
    public enum Kind {
        FORECAST("run", "forecast"), MONTE_CARLO("mc", "montecarlo"), SENSITIVITY("sens", "sensitivity"),
        BACKTEST("bt", "backtest"), DRAFT("draft", "draft");

        private final String prefix;
        private final String id;

        Kind(String prefix, String id) {
            this.prefix = prefix;
            this.id = id;
        }

        public String id() {
            return id;
        }

        String prefix() {
            return prefix;
        }
    }

    private final String id;
    private final Kind kind;
    private final String scenarioId;
    private final int scenarioVersion;
    private final Map<String, Object> settings;
    private final Instant created;
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile Status status = Status.QUEUED;
    private volatile Instant finished;
    private volatile R result;
    private volatile String errorCode;
    private volatile String errorMessage;
    private volatile Future<?> future;
    private volatile boolean cancelRequested;
    private volatile long storedRun;
    private volatile RuntimeException failure;
    private boolean reported;

    /**
     * @param scenarioId      the scenario the job reads, or {@code null} (a backtest brings its own)
     * @param scenarioVersion its version, 0 without a scenario
     * @param settings        what was asked, as shown in the status document
     * @param total           the units of progress the job expects (steps, runs)
     */
    public Job(String id, Kind kind, String scenarioId, int scenarioVersion, Map<String, Object> settings, long total,
               Instant created) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.scenarioId = scenarioId;
        this.scenarioVersion = scenarioVersion;
        this.settings = new LinkedHashMap<>(settings);
        this.total = total;
        this.created = Objects.requireNonNull(created, "created");
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String scenarioId() {
        return scenarioId;
    }

    public int scenarioVersion() {
        return scenarioVersion;
    }

    public Instant created() {
        return created;
    }

    public Instant finished() {
        return finished;
    }

    public long done() {
        return done.get();
    }

    public long total() {
        return total;
    }

    public Status status() {
        return status;
    }

    public R result() {
        return result;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** True once cancelled: the work stops at its next check (between rounds, steps or blocks). */
    @Override
    public boolean cancelled() {
        return cancelRequested || Thread.currentThread().isInterrupted();
    }

    @Override
    public void total(long n) {
        total = n;
    }

    @Override
    public void completed(long n) {
        done.addAndGet(n);
    }

    /** The id of the run in the run store once a finished forecast was saved there, 0 before (or without a store). */
    public long storedRun() {
        return storedRun;
    }

    void stored(long runId) {
        this.storedRun = runId;
    }

    void attach(Future<?> f) {
        this.future = f;
    }

    Future<?> future() {
        return future;
    }

    /** The exception the work ended with, for a waiting request to answer with; null otherwise. */
    RuntimeException failure() {
        return failure;
    }

    /** True the first time it is called after the job finished: listeners hear of each end once. */
    synchronized boolean reportEnd() {
        if (!status.finished() || reported) {
            return false;
        }
        reported = true;
        return true;
    }

    synchronized boolean start() {
        if (status != Status.QUEUED) {
            return false;
        }
        status = Status.RUNNING;
        return true;
    }

    synchronized void succeed(R r, Instant at) {
        if (status == Status.RUNNING) {
            result = r;
            finished = at;
            status = Status.DONE;
        }
    }

    synchronized void fail(RuntimeException e, String code, String message, Instant at) {
        if (!status.finished()) {
            failure = e;
            errorCode = code;
            errorMessage = message;
            finished = at;
            status = Status.FAILED;
        }
    }

    /**
     * Asks the job to stop: a queued job never starts; a running one is interrupted and stops at the
     * next round of the model it runs (or the next step or block).
     */
    synchronized boolean cancel(Instant at) {
        if (status.finished()) {
            return false;
        }
        cancelRequested = true;
        status = Status.CANCELLED;
        finished = at;
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
        return true;
    }

    /** The status document: id, kind, scenario, status, progress {done, total}, settings, times, error. */
    Map<String, Object> tree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind.id());
        m.put("scenario", scenarioId);
        m.put("version", scenarioVersion);
        m.put("status", status.id());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("done", done.get());
        p.put("total", total);
        m.put("progress", p);
        m.putAll(settings);
        m.put("created", created.toString());
        m.put("finished", finished == null ? null : finished.toString());
        if (storedRun > 0) {
            m.put("storeRun", storedRun);
        }
        if (errorCode != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", errorCode);
            e.put("message", errorMessage);
            m.put("error", e);
        }
        return m;
    }
}
