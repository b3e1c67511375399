package org.parley.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.parley.engine.ErrorCode;
import org.parley.engine.Parallel;
import org.parley.engine.ParleyException;

/** The {@code local} engine: the items run on this JVM's threads, results in item order. */
public final class LocalSweepEngine implements SweepEngine {

    public static final String ID = "local";

    private final int threads;

    /** @param threads worker threads, 0 for every core */
    public LocalSweepEngine(int threads) {
        if (threads < 0) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "threads must be >= 0, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String describe() {
        int t = Parallel.threads(threads);
        return "local, " + t + (t == 1 ? " thread" : " threads");
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, Task<T, R> task,
                                                                         Progress progress) {
        int n = items.size();
        progress.total(n);
        @SuppressWarnings("unchecked")
        R[] out = (R[]) new Serializable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n && !stopped.get(); i = next.getAndIncrement()) {
                if (progress.cancelled()) {
                    stopped.set(true);
                    return;
                }
                out[i] = task.apply(items.get(i));
                progress.done(1);
            }
        };
        int t = Math.max(1, Math.min(Parallel.threads(threads), n));
        if (t == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
                Thread th = new Thread(r, "parley-sweep");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < t; i++) {
                    futures.add(pool.submit(worker));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ParleyException(ErrorCode.FAILURE, "interrupted", e);
            } catch (ExecutionException e) {
                stopped.set(true);
                throw Parallel.unwrap(e);
            } finally {
                pool.shutdownNow();
            }
        }
        if (stopped.get()) {
            throw new ParleyException(ErrorCode.FAILURE, "cancelled");
        }
        return Arrays.asList(out);
    }
}
