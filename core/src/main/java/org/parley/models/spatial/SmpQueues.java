package org.parley.models.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Every actor's utility sum for every bargain of a turn and for its status quo, as KTAB's queue
 * resolution adds them (spec 2.6): for a bargain between initiator i and receiver j, actor a's sum
 * is its utility of i's new position plus its utility of j's plus its own utilities of every other
 * actor's current position, added in actor order; for the status quo, its utilities of every
 * actor's current position.
 *
 * <p>KTAB computes the sum again in every queue that holds the bargain (the initiator's and the
 * receiver's) and the status quo sum in every queue; it depends on the actor and the bargain only,
 * so here it is computed once. Four actors' sums run side by side (four independent chains of
 * additions, each in KTAB's order, so the doubles are KTAB's), and blocks of actors run on the
 * turn's threads; the sums do not depend on the thread count.
 */
final class SmpQueues {

    private SmpQueues() {
    }

    /**
     * Fills {@code perBargain[a][g]} (bargain {@code g} of {@code bargains}) and {@code statusQuo[a]}
     * with actor a's sums (not yet divided by n).
     *
     * @param pool    threads for blocks of actors, or null for this thread
     * @param threads the number of blocks when {@code pool} is set
     */
    static void sums(SmpState s, List<SmpTurn.Bargain> bargains, double[][] perBargain, double[] statusQuo,
                     ExecutorService pool, int threads) {
        int n = s.x.length;
        if (pool == null) {
            block(s, bargains, perBargain, statusQuo, 0, n);
            return;
        }
        int blocks = Math.min(threads, n);
        List<Callable<Void>> tasks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            // blocks of whole groups of four actors
            int from = 4 * (int) ((long) ((n + 3) / 4) * b / blocks);
            int to = Math.min(n, 4 * (int) ((long) ((n + 3) / 4) * (b + 1) / blocks));
            tasks.add(() -> {
                block(s, bargains, perBargain, statusQuo, from, to);
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("queue utilities failed: " + e.getCause(), e.getCause());
        }
    }

    private static void block(SmpState s, List<SmpTurn.Bargain> bargains, double[][] perBargain, double[] statusQuo,
                              int from, int to) {
        int n = s.x.length;
        int a = from;
        for (; a + 3 < to; a += 4) {
            four(s, bargains, perBargain, statusQuo, a, n);
        }
        for (; a < to; a++) {
            one(s, bargains, perBargain, statusQuo, a, n);
        }
    }

    private static void four(SmpState s, List<SmpTurn.Bargain> bargains, double[][] perBargain, double[] statusQuo,
                             int a, int n) {
        double[] o0 = s.own[a];
        double[] o1 = s.own[a + 1];
        double[] o2 = s.own[a + 2];
        double[] o3 = s.own[a + 3];
        double q0 = 0.0;
        double q1 = 0.0;
        double q2 = 0.0;
        double q3 = 0.0;
        for (int t = 0; t < n; t++) {
            q0 = q0 + o0[t];
            q1 = q1 + o1[t];
            q2 = q2 + o2[t];
            q3 = q3 + o3[t];
        }
        statusQuo[a] = q0;
        statusQuo[a + 1] = q1;
        statusQuo[a + 2] = q2;
        statusQuo[a + 3] = q3;
        for (int g = 0; g < bargains.size(); g++) {
            SmpTurn.Bargain bg = bargains.get(g);
            double c0 = 0.0;
            double c1 = 0.0;
            double c2 = 0.0;
            double c3 = 0.0;
            c0 = c0 + s.posUtil(a, bg.posInit());
            c1 = c1 + s.posUtil(a + 1, bg.posInit());
            c2 = c2 + s.posUtil(a + 2, bg.posInit());
            c3 = c3 + s.posUtil(a + 3, bg.posInit());
            c0 = c0 + s.posUtil(a, bg.posRcvr());
            c1 = c1 + s.posUtil(a + 1, bg.posRcvr());
            c2 = c2 + s.posUtil(a + 2, bg.posRcvr());
            c3 = c3 + s.posUtil(a + 3, bg.posRcvr());
            int lo = Math.min(bg.init(), bg.rcvr());
            int hi = Math.max(bg.init(), bg.rcvr());
            // every t but the two parties, in order: [0, lo), (lo, hi), (hi, n)
            for (int seg = 0; seg < 3; seg++) {
                int t0 = seg == 0 ? 0 : seg == 1 ? lo + 1 : hi + 1;
                int t1 = seg == 0 ? lo : seg == 1 ? hi : n;
                for (int t = t0; t < t1; t++) {
                    c0 = c0 + o0[t];
                    c1 = c1 + o1[t];
                    c2 = c2 + o2[t];
                    c3 = c3 + o3[t];
                }
            }
            perBargain[a][g] = c0;
            perBargain[a + 1][g] = c1;
            perBargain[a + 2][g] = c2;
            perBargain[a + 3][g] = c3;
        }
    }

    private static void one(SmpState s, List<SmpTurn.Bargain> bargains, double[][] perBargain, double[] statusQuo,
                            int a, int n) {
        double[] own = s.own[a];
        double q = 0.0;
        for (int t = 0; t < n; t++) {
            q = q + own[t];
        }
        statusQuo[a] = q;
        for (int g = 0; g < bargains.size(); g++) {
            SmpTurn.Bargain bg = bargains.get(g);
            double c = 0.0;
            c = c + s.posUtil(a, bg.posInit());
            c = c + s.posUtil(a, bg.posRcvr());
            int ni = bg.init();
            int nr = bg.rcvr();
            for (int t = 0; t < n; t++) {
                if (t != ni && t != nr) {
                    c = c + own[t];
                }
            }
            perBargain[a][g] = c;
        }
    }
}
