package org.parley.models.spatial;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs the blocks of one step of a turn on the run's pool and waits for all of them. */
final class SmpThreads {

    private SmpThreads() {
    }

    /**
     * Runs {@code tasks} on {@code pool} and waits for every one; an interruption or a failed task
     * ends the step with an {@link IllegalStateException} naming {@code what} failed.
     */
    static void runAll(ExecutorService pool, List<Callable<Void>> tasks, String what) {
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
