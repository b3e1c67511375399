package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.parley.sweep.SweepEngine;

/**
 * The progress of work on a sweep engine, on stderr in a terminal: the cells done of the total,
 * the rate and the time left, redrawn as tasks finish (with Spark: as its listener reports
 * finished partitions). A cell cut into several tasks counts when its share of tasks is done.
 */
final class SweepBar implements SweepEngine.Progress {

    private final ProgressBar bar;
    private final String label;
    private final String unit;
    private final long cells;
    private final long tasks;
    private final AtomicLong done = new AtomicLong();
    private final long t0 = System.nanoTime();

    /**
     * @param label what runs, e.g. {@code sweep}
     * @param unit  what is counted, e.g. {@code cells}
     * @param cells how many of them
     * @param tasks the tasks they are cut into
     */
    SweepBar(PrintWriter err, String label, String unit, long cells, long tasks) {
        this.bar = new ProgressBar(err, ProgressBar.isTerminal());
        this.label = label;
        this.unit = unit;
        this.cells = cells;
        this.tasks = Math.max(1, tasks);
    }

    @Override
    public void done(long items) {
        long c = cells(done.addAndGet(items));
        double s = (System.nanoTime() - t0) / 1e9;
        bar.update(text(label, unit, c, cells, s), (int) Math.min(c, Integer.MAX_VALUE),
                (int) Math.min(cells, Integer.MAX_VALUE));
    }

    private long cells(long tasksDone) {
        return Math.min(cells, tasksDone * cells / tasks);
    }

    /** E.g. {@code sweep 12.5 cells/s, 40 s left}. */
    static String text(String label, String unit, long done, long total, double seconds) {
        double rate = done / Math.max(seconds, 1e-9);
        String left = done >= total ? "0 s" : done == 0 ? "?" : String.format(Locale.ROOT, "%.0f s", (total - done) / rate);
        return String.format(Locale.ROOT, "%s %.1f %s/s, %s left", label, rate, unit, left);
    }

    void finish() {
        bar.finish(label, cells(done.get()) + " of " + cells + " " + unit + " done");
    }
}
