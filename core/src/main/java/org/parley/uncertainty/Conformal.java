package org.parley.uncertainty;

import java.util.Arrays;

/**
 * Split- and cross-conformal quantiles of scaled absolute errors.
 *
 * <p>The nonconformity score of an issue is its absolute error divided by the scale
 * ({@link ModelError#scale}). For a nominal coverage {@code 1 - alpha} and {@code n} calibration
 * scores, the conformal quantile is the {@code ceil((n + 1)(1 - alpha))}-th smallest score
 * (infinite when that rank exceeds {@code n}): an interval of that many scale units around a new
 * forecast covers its outcome with probability at least {@code 1 - alpha} when the new issue is
 * exchangeable with the calibration issues (Vovk et al. 2005; Lei et al. 2018).
 */
public final class Conformal {

    private Conformal() {
    }

    /** The rank (1-based) of the conformal quantile among {@code n} scores, {@code n + 1} when none is large enough. */
    public static int rank(int n, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
        // a hair below the product so that 0.9 * 10 is 9, not 9.000000000000002
        return (int) Math.min(n + 1L, (long) Math.ceil((n + 1) * level - 1e-9));
    }

    /**
     * The conformal quantile of {@code scores} (any order, NaN ignored) for nominal coverage
     * {@code level}; {@code +Infinity} when there are too few scores.
     */
    public static double quantile(double[] scores, double level) {
        double[] s = Arrays.stream(scores).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return quantileOfSorted(s, level);
    }

    /** As {@link #quantile} for scores already sorted ascending without NaN. */
    public static double quantileOfSorted(double[] sorted, double level) {
        int r = rank(sorted.length, level);
        return r > sorted.length ? Double.POSITIVE_INFINITY : sorted[r - 1];
    }
}
