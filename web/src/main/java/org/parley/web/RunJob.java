package org.parley.web;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.parley.engine.ForecastResult;
import org.parley.engine.RunSpec;

/**
 * A forecast running in the background: its settings, its progress in (world, model) steps, and
 * its result or error when it ends. Fields change while it runs; readers see a consistent status.
 */
public final class RunJob {

    /** Where a job is in its life. */
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    private final String id;
    private final String scenarioId;
    private final int scenarioVersion;
    private final RunSpec spec;
    private final Instant created;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile Status status = Status.QUEUED;
    private volatile Instant finished;
    private volatile ForecastResult result;
    private volatile String errorCode;
    private volatile String errorMessage;
    private volatile Future<?> future;
    private volatile boolean cancelRequested;
    private boolean reported;
    private volatile long storedRun;

    public RunJob(String id, String scenarioId, int scenarioVersion, RunSpec spec, int total, Instant created) {
        this.id = Objects.requireNonNull(id, "id");
        this.scenarioId = Objects.requireNonNull(scenarioId, "scenarioId");
        this.scenarioVersion = scenarioVersion;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.total = total;
        this.created = Objects.requireNonNull(created, "created");
    }

    public String id() {
        return id;
    }

    public String scenarioId() {
        return scenarioId;
    }

    public int scenarioVersion() {
        return scenarioVersion;
    }

    public RunSpec spec() {
        return spec;
    }

    public Instant created() {
        return created;
    }

    public Instant finished() {
        return finished;
    }

    public int done() {
        return done.get();
    }

    public int total() {
        return total;
    }

    public Status status() {
        return status;
    }

    public ForecastResult result() {
        return result;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** True the first time it is called after the job finished: the repository hears of each end once. */
    synchronized boolean reportEnd() {
        if (!status.finished() || reported) {
            return false;
        }
        reported = true;
        return true;
    }

    /** The id of the run in the run store once saved there, 0 before (or without a store). */
    public long storedRun() {
        return storedRun;
    }

    void stored(long runId) {
        this.storedRun = runId;
    }

    void attach(Future<?> f) {
        this.future = f;
    }

    synchronized boolean start() {
        if (status != Status.QUEUED) {
            return false;
        }
        status = Status.RUNNING;
        return true;
    }

    void step() {
        done.incrementAndGet();
    }

    synchronized void succeed(ForecastResult r, Instant at) {
        if (status == Status.RUNNING) {
            result = r;
            finished = at;
            status = Status.DONE;
        }
    }

    synchronized void fail(String code, String message, Instant at) {
        if (!status.finished()) {
            errorCode = code;
            errorMessage = message;
            finished = at;
            status = Status.FAILED;
        }
    }

    /** Asks the job to stop; a queued job never starts, a running one stops after its current step. */
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
}
