package org.parley.spark;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.parley.sweep.SweepEngine;

/**
 * Turns Spark's task events into sweep progress: when a partition of the sweep's job finishes for
 * the first time, its items count as done. A retried partition counts once. Partition {@code i} of
 * {@code n} items in {@code p} partitions holds items {@code [i n / p, (i + 1) n / p)}, as
 * {@code parallelize} cuts them.
 */
final class ProgressListener extends SparkListener {

    private final String group;
    private final long items;
    private final int partitions;
    private final SweepEngine.Progress progress;
    private final Set<Integer> stages = new HashSet<>();
    private final BitSet counted = new BitSet();

    ProgressListener(String group, long items, int partitions, SweepEngine.Progress progress) {
        this.group = group;
        this.items = items;
        this.partitions = partitions;
        this.progress = progress;
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        Properties props = start.properties();
        if (props != null && group.equals(props.getProperty("spark.jobGroup.id"))) {
            scala.collection.Iterator<Object> it = start.stageIds().iterator();
            while (it.hasNext()) {
                stages.add((Integer) it.next());
            }
        }
    }

    /** Counts every partition not yet counted (the job has finished). */
    void finish() {
        long n = 0;
        synchronized (this) {
            for (int i = counted.nextClearBit(0); i < partitions; i = counted.nextClearBit(i + 1)) {
                counted.set(i);
                n += (i + 1L) * items / partitions - (long) i * items / partitions;
            }
        }
        if (n > 0) {
            progress.done(n);
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        long n;
        synchronized (this) {
            if (!stages.contains(end.stageId()) || end.taskInfo() == null || !end.taskInfo().successful()) {
                return;
            }
            int i = end.taskInfo().index();
            if (i < 0 || i >= partitions || counted.get(i)) {
                return;
            }
            counted.set(i);
            n = (i + 1L) * items / partitions - (long) i * items / partitions;
        }
        progress.done(n);
    }
}
