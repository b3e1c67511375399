package org.parley.web;

import java.util.List;
import java.util.Optional;

/**
 * Where the web app keeps runs. {@link InMemoryRunRepository} keeps the most recent ones for the
 * life of the server; a store-backed one keeps finished runs across restarts.
 */
public interface RunRepository {

    /** Adds a new job (queued). */
    void add(RunJob job);

    /** Called once when a job has finished (done, failed or cancelled). */
    void finished(RunJob job);

    Optional<RunJob> get(String id);

    /** Every run kept, newest first. */
    List<RunJob> list();
}
