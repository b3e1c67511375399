package org.parley.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * Where a sweep's tasks run. An engine applies one serializable task to every item of a list and
 * gives the results back in item order; it knows nothing of sweeps, so Monte Carlo sweeps, Sobol
 * designs and backtests all go through the same two engines: {@code local} (this JVM's threads,
 * {@link LocalSweepEngine}) and {@code spark} (the {@code parley-spark} module, found with
 * {@link java.util.ServiceLoader} through {@link Provider}).
 *
 * <p>Contract: a task is a pure function of its item (and of what it carries); an engine may run
 * it more than once (a retried task) and on any thread or machine; the result list is in item
 * order. So results never depend on the engine, the number of threads, partitions or executors.
 */
public interface SweepEngine extends AutoCloseable {

    /** The engine's id ({@code local}, {@code spark}). */
    String id();

    /** Where it runs, in words (for the summary line), e.g. {@code local, 2 threads}. */
    String describe();

    /**
     * Applies {@code task} to every item.
     *
     * @return the results, in item order
     * @throws org.parley.engine.ParleyException {@code FAILURE} "cancelled" when {@code progress}
     *                                           cancelled the work
     */
    <T extends Serializable, R extends Serializable> List<R> map(List<T> items, Task<T, R> task, Progress progress);

    /** Releases what the engine holds (a Spark context it started). */
    @Override
    default void close() {
    }

    /** A function that can travel to a worker. */
    @FunctionalInterface
    interface Task<T, R> extends Serializable {
        R apply(T item);
    }

    /** Progress and cancellation; implementations must be thread-safe. */
    interface Progress {

        /** No reporting, never cancelled. */
        Progress NONE = n -> { };

        /** Called once, before any item, with the number of items. */
        default void total(long items) {
        }

        /** Called as items finish (possibly in batches, possibly from several threads). */
        void done(long items);

        /** Asked now and then: true stops the work. */
        default boolean cancelled() {
            return false;
        }
    }

    /**
     * How to start an engine.
     *
     * @param master     the Spark master URL ({@code local[2]}, {@code spark://host:7077}); null
     *                   for what {@code spark-submit} set, else {@code local[*]}
     * @param partitions number of partitions, 0 for the engine's default parallelism
     * @param threads    worker threads of the local engine, 0 for every core
     */
    record Settings(String master, int partitions, int threads) {
    }

    /** An engine found on the classpath with {@link java.util.ServiceLoader}. */
    interface Provider {
        String id();

        SweepEngine open(Settings settings);
    }
}
