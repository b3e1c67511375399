package org.parley.models.spatial;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Every actor's utility sum for every bargain of a turn and for its status quo, as KTAB's queue
 * resolution adds them (spec 2.6): for a bargain between initiator i and receiver j, actor a's sum
 * is its utility of i's new position plus its utility of j's plus its own utilities of every other
 * actor's current position, added in actor order; for the status quo, its utilities of every
 * actor's current position.
 *
 * <p>KTAB computes the sum again in every queue that holds the bargain (the initiator's and the
 * receiver's) and the status quo sum in every queue; it depends on the actor and the bargain only,
 * so here it is computed once. For one actor, the sums of all bargains advance side by side, actor
 * t's own utility added to every bargain's sum at once (a loop the JIT vectorises), and the sums
 * of the bargains t is a party to are put back as they were before the addition, so each sum is
 * KTAB's chain of additions in KTAB's order. Blocks of actors run on the turn's threads; the sums
 * do not depend on the thread count.
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
        Parties parties = new Parties(bargains, n);
        if (pool == null) {
            block(s, bargains, parties, perBargain, statusQuo, 0, n);
            return;
        }
        int blocks = Math.min(threads, n);
        List<Callable<Void>> tasks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) n * b / blocks);
            int to = (int) ((long) n * (b + 1) / blocks);
            tasks.add(() -> {
                block(s, bargains, parties, perBargain, statusQuo, from, to);
                return null;
            });
        }
        SmpThreads.runAll(pool, tasks, "queue utilities");
    }

    /** The bargains each actor is a party to: {@code list[start[t] .. start[t + 1])}. */
    private static final class Parties {
        final int[] start;
        final int[] list;
        /** Each bargain's initiator and receiver. */
        final int[] init;
        final int[] rcvr;

        Parties(List<SmpTurn.Bargain> bargains, int n) {
            start = new int[n + 1];
            init = new int[bargains.size()];
            rcvr = new int[bargains.size()];
            for (SmpTurn.Bargain b : bargains) {
                start[b.init() + 1]++;
                start[b.rcvr() + 1]++;
            }
            for (int t = 0; t < n; t++) {
                start[t + 1] += start[t];
            }
            list = new int[start[n]];
            int[] next = java.util.Arrays.copyOf(start, n);
            for (int g = 0; g < bargains.size(); g++) {
                SmpTurn.Bargain b = bargains.get(g);
                init[g] = b.init();
                rcvr[g] = b.rcvr();
                list[next[b.init()]++] = g;
                list[next[b.rcvr()]++] = g;
            }
        }
    }

    private static void block(SmpState s, List<SmpTurn.Bargain> bargains, Parties parties, double[][] perBargain,
                              double[] statusQuo, int from, int to) {
        int n = s.x.length;
        int nb = bargains.size();
        double[] saved = new double[parties.list.length];
        for (int a = from; a < to; a++) {
            // one actor per call, compiled once (see MonteCarlo.block)
            actor(s, bargains, parties, perBargain[a], statusQuo, saved, a, n, nb);
        }
    }

    /** Actor {@code a}'s sum for the status quo and for each bargain, into {@code c} and {@code statusQuo[a]}. */
    private static void actor(SmpState s, List<SmpTurn.Bargain> bargains, Parties parties, double[] c,
                              double[] statusQuo, double[] saved, int a, int n, int nb) {
        double[] own = s.own[a];
        double q = 0.0;
        for (int t = 0; t < n; t++) {
            q = q + own[t];
        }
        statusQuo[a] = q;
        for (int g = 0; g < nb; g++) {
            SmpTurn.Bargain bg = bargains.get(g);
            double cg = 0.0;
            cg = cg + s.posUtil(a, bg.posInit());
            cg = cg + s.posUtil(a, bg.posRcvr());
            c[g] = cg;
        }
        int t = 0;
        for (; t + 4 <= n; t += 4) {
            addFour(c, nb, own, t, parties, saved);
        }
        for (; t < n; t++) {
            int p0 = parties.start[t];
            int p1 = parties.start[t + 1];
            for (int p = p0; p < p1; p++) {
                saved[p] = c[parties.list[p]];
            }
            double ot = own[t];
            for (int g = 0; g < nb; g++) {
                c[g] = c[g] + ot;
            }
            for (int p = p0; p < p1; p++) {
                c[parties.list[p]] = saved[p];
            }
        }
    }

    /**
     * Actors t .. t + 3 at once: four additions per sum in order, one pass over the sums; the sums
     * of the bargains any of the four is a party to are made again from their values before, in
     * the same order, skipping their own parties.
     */
    private static void addFour(double[] c, int nb, double[] own, int t, Parties parties, double[] saved) {
        int p0 = parties.start[t];
        int p1 = parties.start[t + 4];
        for (int p = p0; p < p1; p++) {
            saved[p] = c[parties.list[p]];
        }
        final double o0 = own[t];
        final double o1 = own[t + 1];
        final double o2 = own[t + 2];
        final double o3 = own[t + 3];
        for (int g = 0; g < nb; g++) {
            c[g] = c[g] + o0 + o1 + o2 + o3;
        }
        for (int p = p0; p < p1; p++) {
            int g = parties.list[p];
            double v = saved[p];
            for (int q = 0; q < 4; q++) {
                int tt = t + q;
                if (tt != parties.init[g] && tt != parties.rcvr[g]) {
                    v = v + own[tt];
                }
            }
            c[g] = v;
        }
    }
}
