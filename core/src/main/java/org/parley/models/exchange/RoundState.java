package org.parley.models.exchange;

import java.util.random.RandomGenerator;

/**
 * What every candidate of one round shares: the round's start positions on the 0-100 working scale,
 * saliences, capabilities per actor and issue, the outcome denominators and the options.
 */
final class RoundState {

    final int actorCount;
    /** Start positions of the round [actor][issue], NaN where absent. */
    final double[][] x;
    final double[][] s;
    final double[][] c;
    /** Sum of capability x salience per issue (the outcome's denominator). */
    final double[] denom;
    /** Actors present on each issue, in actor order: the order the sums run in. */
    final int[][] order;
    /** Current voting positions of the round (used by {@code overshoot=all}). */
    final double[][] cur;
    /**
     * Per issue, in {@link #order}: start position x salience x capability, multiplied in that order
     * (the term the outcome sums use), so the sums stream one array instead of three.
     */
    final double[][] xsc;
    /**
     * Scratch for one candidate at a time (a run is single-threaded): per issue slot of the
     * candidate (0 = p, 1 = q) and actor, the index of the actor's recorded update in the
     * candidate's list, or -1.
     */
    final int[][] updateIndex;

    final boolean sumRule;
    final boolean overshootAll;
    final double p;
    final RandomGenerator random;

    RoundState(double[][] x, double[][] s, double[][] c, int[][] order, ExchangeSettings o, RandomGenerator random) {
        this.actorCount = x.length;
        this.x = x;
        this.s = s;
        this.c = c;
        this.order = order;
        this.sumRule = o.sumRule();
        this.overshootAll = o.overshootAll();
        this.p = o.p();
        this.random = random;
        int m = order.length;
        this.denom = new double[m];
        for (int k = 0; k < m; k++) {
            double d = 0;
            for (int a : order[k]) {
                d += s[a][k] * c[a][k];
            }
            denom[k] = d;
        }
        this.xsc = new double[m][];
        for (int k = 0; k < m; k++) {
            int[] ok = order[k];
            double[] t = new double[ok.length];
            for (int u = 0; u < ok.length; u++) {
                int a = ok[u];
                t[u] = x[a][k] * s[a][k] * c[a][k];
            }
            xsc[k] = t;
        }
        this.updateIndex = new int[2][x.length];
        java.util.Arrays.fill(updateIndex[0], -1);
        java.util.Arrays.fill(updateIndex[1], -1);
        this.cur = new double[x.length][];
        for (int a = 0; a < x.length; a++) {
            cur[a] = x[a].clone();
        }
    }

    /** The outcome of every issue on {@code pos}. */
    double[] outcomes(double[][] pos) {
        double[] res = new double[denom.length];
        for (int k = 0; k < res.length; k++) {
            res[k] = outcome(pos, k);
        }
        return res;
    }

    /** The capability x salience weighted mean of {@code pos} on issue {@code k} (0 when no weight). */
    double outcome(double[][] pos, int k) {
        if (denom[k] == 0) {
            return 0;
        }
        double num = 0;
        for (int a : order[k]) {
            num += pos[a][k] * s[a][k] * c[a][k];
        }
        return num / denom[k];
    }
}
