package org.parley.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs indexed tasks on a fixed number of threads and returns their results by index, so the
 * outcome does not depend on the thread count or on which thread finished first.
 *
 * <p>Task {@code i} must depend only on {@code i} (and on read-only shared data): randomness comes
 * from a seed derived from the index, never from a shared generator.
 */
public final class Parallel {

    private Parallel() {
    }

    /** The number of worker threads for a setting: 0 means every core. */
    public static int threads(int setting) {
        return setting == 0 ? Runtime.getRuntime().availableProcessors() : setting;
    }

    /**
     * Computes {@code task.apply(i)} for {@code i = 0..count-1}.
     *
     * @param threads worker threads (0 for every core); 1 runs on the calling thread
     * @return the results in index order
     */
    public static <T> List<T> map(int count, int threads, IntFunction<T> task) {
        @SuppressWarnings("unchecked")
        T[] out = (T[]) new Object[count];
        int t = Math.max(1, Math.min(threads(threads), count));
        if (t == 1) {
            for (int i = 0; i < count; i++) {
                out[i] = task.apply(i);
            }
            return Arrays.asList(out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "parley-run");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            for (int i = 0; i < count; i++) {
                out[i] = futures.get(i).get();
            }
            return Arrays.asList(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParleyException(ErrorCode.FAILURE, "interrupted", e);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A failed task's cause as the exception to throw: itself when unchecked (an Error is rethrown). */
    public static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new ParleyException(ErrorCode.FAILURE, String.valueOf(cause), cause);
    }
}
