package org.parley.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

    /** Work on the indices {@code [lo, hi)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int lo, int hi);
    }

    /**
     * Runs {@code task} over the indices {@code [0, count)} in ranges of at most {@code size}, on
     * {@code threads} threads (0 for every core): the calling thread and {@code threads - 1} new
     * ones, each taking the next range when it finishes one. Near the end the ranges shrink (to an
     * eighth of {@code size} at least), so the threads finish at about the same time. The task must
     * give the same result whichever thread runs a range.
     *
     * <p>With {@code warm > 0} the work starts with a warm-up phase on one thread fewer: the
     * indices below {@code warm} go to the calling thread and all new threads but the last, which
     * first runs index 0 alone and then waits until the phase's last range is taken. That single
     * index matters to the JIT compiler, not to the result: code compiled during the phase treats
     * what a thread does only on its first task (making its thread-local scratch, growing it) as
     * never done, and a thread that started only after it would undo those compiled methods
     * (bench/PROFILE.md, stop 29).
     *
     * @throws RuntimeException the first failure of a range (no new range starts after it), as
     *                          {@link #unwrap} gives it
     */
    public static void ranges(int count, int size, int threads, int warm, RangeTask task) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        int t = Math.max(1, Math.min(threads(threads), count));
        if (t == 1) {
            for (int lo = 0; lo < count; lo += size) {
                task.run(lo, Math.min(count, lo + size));
            }
            return;
        }
        int warmEnd = Math.min(warm, count);
        AtomicInteger warmCursor = new AtomicInteger(1);
        AtomicInteger cursor = new AtomicInteger(Math.max(0, warmEnd));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch warmed = new CountDownLatch(1);
        int minSize = Math.max(1, size / 8);
        Runnable warmPart = () -> {
            try {
                int lo;
                while (failure.get() == null && (lo = warmCursor.getAndAdd(size)) < warmEnd) {
                    task.run(lo, Math.min(warmEnd, lo + size));
                }
            } finally {
                warmed.countDown();
            }
        };
        Runnable rest = () -> {
            int lo;
            while (failure.get() == null && (lo = claim(cursor, count, size, minSize, t)) < count) {
                task.run(lo, Math.min(count, lo + length(count - lo, size, minSize, t)));
            }
        };
        Thread[] workers = new Thread[t - 1];
        for (int j = 1; j < t; j++) {
            boolean waits = warmEnd > 0 && j == t - 1;
            Thread th = new Thread(() -> {
                try {
                    if (waits) {
                        task.run(0, 1);
                        warmed.await();
                    } else if (warmEnd > 0) {
                        warmPart.run();
                    }
                    rest.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "parley-run");
            th.setDaemon(true);
            workers[j - 1] = th;
            th.start();
        }
        try {
            if (warmEnd > 0) {
                warmPart.run();
            }
            rest.run();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
        try {
            for (Thread th : workers) {
                th.join();
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            for (Thread th : workers) {
                th.interrupt();
            }
            Thread.currentThread().interrupt();
            throw new ParleyException(ErrorCode.FAILURE, "interrupted", e);
        }
        Throwable f = failure.get();
        if (f instanceof InterruptedException) {
            throw new ParleyException(ErrorCode.FAILURE, "interrupted", f);
        }
        if (f != null) {
            throw unwrap(new ExecutionException(f));
        }
    }

    /** The length of the next range when {@code left} indices are left: shorter near the end. */
    static int length(int left, int size, int minSize, int threads) {
        int share = (left + 2 * threads - 1) / (2 * threads);
        return Math.min(size, Math.max(minSize, share));
    }

    /** Takes the next range from {@code cursor}: its first index, or {@code count} when none is left. */
    private static int claim(AtomicInteger cursor, int count, int size, int minSize, int threads) {
        while (true) {
            int lo = cursor.get();
            if (lo >= count) {
                return count;
            }
            int hi = lo + length(count - lo, size, minSize, threads);
            if (cursor.compareAndSet(lo, Math.min(count, hi))) {
                return lo;
            }
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
