package org.parley.engine;

/** The one quantile function of Parley: Hyndman and Fan's definition 7, the default of R and NumPy. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * The {@code p}-quantile of sorted values by linear interpolation between order statistics
     * (definition 7); {@code p} in [0, 1]; NaN for no values.
     */
    public static double quantile(double[] sorted, double p) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int j = (int) Math.floor(h);
        if (j >= n - 1) {
            return sorted[n - 1];
        }
        return sorted[j] + (h - j) * (sorted[j + 1] - sorted[j]);
    }
}
