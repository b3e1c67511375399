package org.parley.models.nash;

import java.util.Arrays;

/**
 * The Nash product's maximum on one issue ({@link NashModel#maximise}), remembered per thread by
 * its exact inputs: in Monte Carlo an issue's actors, weights and radii recur across the worlds of
 * a run (they share their unbranched inputs) and across the states of a conditional resolution
 * (which change other issues), and each maximum is a bisection of about 45 steps over the actors.
 *
 * <p>The inputs are compared bit for bit, and the maximum is a function of them alone, so a
 * remembered answer is the one {@link NashModel#maximise} would compute again: whether a call hits
 * never changes a result. Direct-mapped, {@value #SLOTS} slots, thread-confined; untraced runs only.
 */
final class Maximum {

    static final int SLOTS = 256;

    private static final ThreadLocal<Maximum> LOCAL = ThreadLocal.withInitial(Maximum::new);

    private final long[][] keys = new long[SLOTS][];
    private final double[] values = new double[SLOTS];
    private long[] scratch = new long[0];

    private Maximum() {
    }

    /** {@link NashModel#maximise} of these inputs (the saliences, which it does not read, left out). */
    static double of(double[] x, double[] w, double[] r, int m, double left, double right, boolean quadratic) {
        return LOCAL.get().find(x, w, r, m, left, right, quadratic);
    }

    private double find(double[] x, double[] w, double[] r, int m, double left, double right, boolean quadratic) {
        int len = 3 + 3 * m;
        long[] key = scratch.length == len ? scratch : new long[len];
        key[0] = quadratic ? 1 : 0;
        key[1] = Double.doubleToRawLongBits(left);
        key[2] = Double.doubleToRawLongBits(right);
        for (int j = 0; j < m; j++) {
            key[3 + 3 * j] = Double.doubleToRawLongBits(x[j]);
            key[4 + 3 * j] = Double.doubleToRawLongBits(w[j]);
            key[5 + 3 * j] = Double.doubleToRawLongBits(r[j]);
        }
        long h = 0;
        for (long v : key) {
            h = (h ^ v) * 0x9E3779B97F4A7C15L;
        }
        int slot = (int) (h >>> 56) & (SLOTS - 1);
        long[] old = keys[slot];
        if (old != null && Arrays.equals(old, key)) {
            scratch = key;
            return values[slot];
        }
        double v = NashModel.maximise(x, null, w, r, m, left, right, quadratic);
        keys[slot] = key;
        values[slot] = v;
        scratch = old != null && old.length == len ? old : new long[0];
        return v;
    }
}
