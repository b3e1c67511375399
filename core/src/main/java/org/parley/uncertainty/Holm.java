package org.parley.uncertainty;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment (Holm 1979) for a family of {@code m} one-sided tests.
 * Sorted by p-value ascending (ties in input order), the test of rank {@code r} (0-based) is
 * judged at level {@code alpha / (m - r)}; once one fails, every later one fails too. The adjusted
 * p-value of rank {@code r} is {@code max over j <= r of min(1, (m - j) p_(j))}.
 */
public final class Holm {

    private Holm() {
    }

    /** The order in which Holm examines the tests: indices sorted by p ascending, ties in input order. */
    public static int[] order(double[] p) {
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** Holm-adjusted p-values, in input order. */
    public static double[] adjust(double[] p) {
        int m = p.length;
        int[] order = order(p);
        double[] out = new double[m];
        double running = 0;
        for (int r = 0; r < m; r++) {
            int i = order[r];
            running = Math.max(running, Math.min(1.0, (m - r) * p[i]));
            out[i] = running;
        }
        return out;
    }

    /** The level each test is judged at ({@code alpha / (m - rank)}), in input order. */
    public static double[] levels(double[] p, double alpha) {
        int m = p.length;
        int[] order = order(p);
        double[] out = new double[m];
        for (int r = 0; r < m; r++) {
            out[order[r]] = alpha / (m - r);
        }
        return out;
    }
}
