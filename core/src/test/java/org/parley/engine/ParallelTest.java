package org.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/** {@link Parallel#ranges}: every index once, the warm-up phase's order, shrinking ranges, failures. */
class ParallelTest {

    @Test
    void everyIndexRunsExactlyOnceWhateverTheThreadsAndWarmUp() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            for (int count : new int[] {0, 1, 2, 7, 130, 1000}) {
                for (int warm : new int[] {0, 1, 2, 300, 5000}) {
                    AtomicIntegerArray seen = new AtomicIntegerArray(count);
                    Parallel.ranges(count, 16, threads, warm, (lo, hi) -> {
                        assertThat(hi).isGreaterThan(lo).isLessThanOrEqualTo(Math.min(count, lo + 16));
                        for (int i = lo; i < hi; i++) {
                            seen.incrementAndGet(i);
                        }
                    });
                    for (int i = 0; i < count; i++) {
                        assertThat(seen.get(i)).as("index %d of %d, %d threads, warm %d", i, count, threads, warm)
                                .isEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void duringTheWarmUpOneThreadRunsIndexZeroAloneAndTheRestWaitsForThePhase() {
        // two threads, warm-up of 64 in ranges of 16: the new thread runs [0, 1) and then waits, the
        // calling thread runs [1, 17) ... [49, 64); no range at or past 64 starts before the last
        // warm range was taken
        Thread caller = Thread.currentThread();
        Map<Integer, Thread> byStart = new ConcurrentHashMap<>();
        List<int[]> order = Collections.synchronizedList(new ArrayList<>());
        Parallel.ranges(200, 16, 2, 64, (lo, hi) -> {
            byStart.put(lo, Thread.currentThread());
            order.add(new int[] {lo, hi});
        });
        assertThat(byStart.get(0)).isNotSameAs(caller);
        assertThat(byStart.get(0).getName()).isEqualTo("parley-run");
        for (int lo = 1; lo < 64; lo += 16) {
            assertThat(byStart.get(lo)).as("warm range at %d", lo).isSameAs(caller);
        }
        // the caller runs its warm ranges one after another, so the later ranges, which wait for the
        // last warm range (at 49) to be taken, start after the one before it (at 33)
        int at33 = -1;
        int firstLater = Integer.MAX_VALUE;
        for (int p = 0; p < order.size(); p++) {
            int lo = order.get(p)[0];
            if (lo == 33) {
                at33 = p;
            } else if (lo >= 64) {
                firstLater = Math.min(firstLater, p);
            }
        }
        assertThat(firstLater).as("the first later range").isGreaterThan(at33);
    }

    @Test
    void rangesShrinkNearTheEndSoTheThreadsFinishTogether() {
        assertThat(Parallel.length(10_000, 128, 16, 2)).isEqualTo(128);
        assertThat(Parallel.length(300, 128, 16, 2)).isEqualTo(75);
        assertThat(Parallel.length(40, 128, 16, 2)).as("never below the minimum").isEqualTo(16);
        assertThat(Parallel.length(5, 128, 16, 2)).as("the minimum even past the end: the caller clips it").isEqualTo(16);
    }

    @Test
    void theFirstFailureIsThrownAndNoNewRangeStartsAfterIt() {
        AtomicIntegerArray seen = new AtomicIntegerArray(10_000);
        assertThatThrownBy(() -> Parallel.ranges(10_000, 10, 2, 0, (lo, hi) -> {
            seen.incrementAndGet(lo);
            if (lo == 50) {
                throw new ParleyException(ErrorCode.FAILURE, "cancelled");
            }
        })).isInstanceOf(ParleyException.class).hasMessageContaining("cancelled");
        int started = 0;
        for (int i = 0; i < 10_000; i++) {
            started += seen.get(i);
        }
        assertThat(started).as("ranges started").isLessThan(1000);
    }

    @Test
    void aFailureDuringTheWarmUpReleasesTheWaitingThread() {
        assertThatThrownBy(() -> Parallel.ranges(1000, 16, 2, 512, (lo, hi) -> {
            if (lo == 17) {
                throw new IllegalStateException("boom");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }
}
