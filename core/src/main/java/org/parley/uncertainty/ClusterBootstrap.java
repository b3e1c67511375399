package org.parley.uncertainty;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.parley.engine.Quantiles;
import org.parley.engine.Seeds;

/**
 * The paired-difference bootstrap that resamples whole clusters (proposals: the issues of one
 * proposal are not independent). A resample draws {@code k} clusters with replacement out of
 * {@code k}, uniformly, from {@link Seeds#random}(seed) by {@code nextInt(k)} in order; its
 * statistic is the issue-weighted mean of the drawn clusters (sum of their sums over sum of their
 * counts). Same seed, same resamples, on any machine.
 */
public final class ClusterBootstrap {

    /** The least number of resamples Parley's decision rule uses. */
    public static final int RESAMPLES = 5000;

    private ClusterBootstrap() {
    }

    /**
     * The bootstrap means, sorted ascending.
     *
     * @param sums      per cluster: the sum of the per-issue values
     * @param counts    per cluster: the number of issues
     * @param resamples number of resamples (at least 1)
     * @param seed      the seed
     */
    public static double[] means(double[] sums, double[] counts, int resamples, long seed) {
        int k = sums.length;
        if (k == 0 || counts.length != k) {
            throw new IllegalArgumentException("need one sum and one count per cluster, at least one cluster");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, was " + resamples);
        }
        RandomGenerator random = Seeds.random(seed);
        double[] out = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            double c = 0;
            for (int j = 0; j < k; j++) {
                int g = random.nextInt(k);
                s += sums[g];
                c += counts[g];
            }
            out[b] = s / c;
        }
        Arrays.sort(out);
        return out;
    }

    /** The {@code p}-quantile of sorted bootstrap values: Parley's one type-7 {@link Quantiles#quantile}. */
    public static double quantile(double[] sorted, double p) {
        return Quantiles.quantile(sorted, p);
    }

    /**
     * One-sided bootstrap p-value of "the mean difference is below 0": the share of resamples at or
     * above 0, counted as {@code (1 + #{b >= 0}) / (B + 1)} so it is never 0.
     */
    public static double pBelowZero(double[] sorted) {
        int atOrAbove = 0;
        for (double v : sorted) {
            if (v >= 0) {
                atOrAbove++;
            }
        }
        return (1.0 + atOrAbove) / (sorted.length + 1.0);
    }
}
