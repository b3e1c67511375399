package org.parley.spark;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.sweep.SweepEngine;

/**
 * The {@code spark} engine: the items become an RDD of {@code P} partitions, every partition runs
 * the task on its items on an executor, and the results come back to the driver in item order
 * ({@code collect} keeps partition order). Spark retries a failed task (a lost executor) on another
 * executor; since a task is a pure function of its items the retried result is the same.
 *
 * <p>The master is {@link SweepEngine.Settings#master()} if given, else what {@code spark-submit}
 * set ({@code spark.master}), else {@code local[*]}. When this JVM already runs a Spark context (a
 * notebook, an application embedding Parley, the tests) the engine uses it and leaves it running;
 * otherwise it starts one and {@link #close()} stops it. Progress comes from a
 * {@link org.apache.spark.scheduler.SparkListener} (finished partitions). Cancelling the progress
 * cancels the job group; Ctrl-C (a shutdown hook while a job runs) cancels every job of a context
 * the engine started and stops it, or only the engine's job group on a context it borrowed. A
 * Parley error thrown in a task (a bad scenario or option found on an executor) comes back with
 * its own error code.
 */
public final class SparkSweepEngine implements SweepEngine {

    public static final String ID = "spark";

    private final JavaSparkContext jsc;
    private final boolean owned;
    private final int partitions;

    private SparkSweepEngine(JavaSparkContext jsc, boolean owned, int partitions) {
        this.jsc = jsc;
        this.owned = owned;
        this.partitions = partitions;
    }

    /** Opens the engine: starts a Spark context. */
    public static SparkSweepEngine open(Settings settings) {
        if (settings.partitions() < 0) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "partitions must be >= 0, was " + settings.partitions());
        }
        scala.Option<org.apache.spark.SparkContext> active = org.apache.spark.SparkContext$.MODULE$.getActive();
        if (active.isDefined()) {
            org.apache.spark.SparkContext sc = active.get();
            if (settings.master() != null && !settings.master().equals(sc.master())) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "--master " + settings.master() + ": this JVM already "
                        + "runs a Spark context on " + sc.master());
            }
            return new SparkSweepEngine(JavaSparkContext.fromSparkContext(sc), false, settings.partitions());
        }
        SparkConf conf = new SparkConf().setAppName("parley sweep");
        if (settings.master() != null) {
            conf.setMaster(settings.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        conf.setIfMissing("spark.ui.enabled", "false");
        try {
            return new SparkSweepEngine(new JavaSparkContext(conf), true, settings.partitions());
        } catch (IllegalAccessError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new ParleyException(ErrorCode.FAILURE, "Spark could not start: " + e + ". On Java 17 Spark needs "
                    + "--add-opens flags: run through spark-submit, or give java the flags in "
                    + "spark/target/java17-opens.txt (README, 'Sweeps on Apache Spark')", e);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String describe() {
        return "spark " + jsc.sc().master() + ", default parallelism " + jsc.defaultParallelism();
    }

    /** The Spark context (for tests). */
    public JavaSparkContext context() {
        return jsc;
    }

    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(List<T> items, Task<T, R> task,
                                                                         Progress progress) {
        int n = items.size();
        progress.total(n);
        if (n == 0) {
            return List.of();
        }
        int p = Math.max(1, Math.min(n, partitions > 0 ? partitions : jsc.defaultParallelism()));
        String group = "parley-sweep-" + Long.toHexString(System.nanoTime());
        ProgressListener listener = new ProgressListener(group, n, p, progress);
        jsc.sc().addSparkListener(listener);
        AtomicBoolean finished = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (!finished.get()) {
                System.err.println("parley: interrupted: cancelling the Spark job" + (owned ? "s and stopping Spark" : ""));
                System.err.flush();
                try {
                    if (jsc.sc().isStopped()) {
                        return; // Spark's own shutdown hook was first: the jobs ended with the context
                    }
                    if (owned) {
                        jsc.sc().cancelAllJobs();
                        jsc.stop();
                    } else {
                        jsc.cancelJobGroup(group);
                    }
                } catch (IllegalStateException stopped) {
                    // Spark's own shutdown hook stopped the context first: the jobs are gone with it
                }
            }
        }, "parley-sweep-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread watcher = new Thread(() -> {
            while (!finished.get()) {
                if (progress.cancelled()) {
                    jsc.cancelJobGroup(group);
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parley-sweep-watch");
        watcher.setDaemon(true);
        try {
            jsc.setJobGroup(group, "parley sweep: " + n + " tasks in " + p + " partitions", true);
            JavaRDD<T> rdd = jsc.parallelize(items, p);
            watcher.start();
            List<R> out = rdd.map(new Apply<>(task)).collect();
            listener.finish(); // the listener bus is asynchronous: count what it has not told yet
            return out;
        } catch (RuntimeException e) {
            if (progress.cancelled() || isCancellation(e)) {
                throw new ParleyException(ErrorCode.FAILURE, "cancelled", e);
            }
            throw unwrap(e);
        } finally {
            finished.set(true);
            watcher.interrupt();
            jsc.clearJobGroup();
            jsc.sc().removeSparkListener(listener);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is going down (Ctrl-C): the hook has run
            }
        }
    }

    private static boolean isCancellation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("cancelled") || m.contains("SparkContext was shut down")) {
                return true;
            }
        }
        return false;
    }

    /** A task's own failure (a ParleyException thrown on an executor) comes back with its code and message. */
    static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParleyException p) {
                return new ParleyException(p.code(), p.getMessage(), e);
            }
        }
        return new ParleyException(ErrorCode.FAILURE, "the Spark job failed: " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    @Override
    public void close() {
        if (owned) {
            jsc.stop();
        }
    }

    /** The task as a Spark function. */
    private static final class Apply<T, R> implements Function<T, R> {
        private static final long serialVersionUID = 1L;
        private final Task<T, R> task;

        Apply(Task<T, R> task) {
            this.task = task;
        }

        @Override
        public R call(T item) {
            return task.apply(item);
        }
    }
}
