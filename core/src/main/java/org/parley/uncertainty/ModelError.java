package org.parley.uncertainty;

/**
 * The scale of a model's error on one issue, and the interval it gives: the forecast plus or minus
 * {@code q} times ({@code capability x salience}-weighted standard deviation of the actors'
 * positions + {@link #CONSTANT}), clipped to the range of the positions. All in points of a 0-100
 * version of the scale; the interval is returned on the issue's own scale.
 *
 * <p>Why this scale: where the actors agree, outcomes land near the forecast; where they are far
 * apart, anything between them happens. The constant keeps a nonzero width where they all agree
 * (the outcome can still leave their range). Clipping to the positions' range is a choice of
 * Parley's: outcomes outside the range of positions are rare in DEU III, and an interval wider than
 * what any actor asks for tells the reader nothing more. The nonconformity {@link #score} follows the
 * same clipping: an outcome outside the range that clips the interval scores {@code +Infinity}, since
 * no {@code q} covers it, so that "covered" is exactly "score at most q" and the conformal guarantee
 * holds for the clipped interval.
 *
 * <p>The constant is {@link #CONSTANT} unless a calibration fits another: the protocol backtest
 * picks it per model inside each training fold from {@link #CONSTANTS}, as the one giving the
 * narrowest mean interval at the nominal coverage there ({@link IntervalFit}).
 */
public final class ModelError {

    /** The constant added to the weighted standard deviation, points on 0-100. */
    public static final double CONSTANT = 5.0;
    /**
     * The constants a calibration chooses from (declared before the DEU III run that first used them,
     * not chosen from its result), points on 0-100.
     */
    private static final double[] CONSTANT_GRID = {1, 2.5, 5, 10, 20, 40};

    private ModelError() {
    }

    /**
     * Spread of an issue's positions.
     *
     * @param sd   capability x salience-weighted standard deviation of the positions, points on 0-100
     *             (0 when no actor has weight)
     * @param low  the lowest position, on the scale (the scale minimum when no actor is present)
     * @param high the highest position, on the scale
     */
    public record Spread(double sd, double low, double high) {
        /** The error scale: {@code sd + CONSTANT}, points on 0-100. */
        public double scale() {
            return sd + CONSTANT;
        }

        /** The error scale with another constant: {@code sd + constant}, points on 0-100. */
        public double scale(double constant) {
            return sd + constant;
        }
    }

    /**
     * The spread of issue {@code k}: positions NaN where absent, weights {@code capability[i] *
     * salience[i][k]}.
     */
    public static Spread spread(double[] capability, double[][] position, double[][] salience, int k,
                                double scaleMin, double scaleMax) {
        double w = 0;
        double wx = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < capability.length; i++) {
            double x = position[i][k];
            if (Double.isNaN(x)) {
                continue;
            }
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            double wi = capability[i] * salience[i][k];
            if (wi > 0) {
                w += wi;
                wx += wi * x;
            }
        }
        if (lo > hi) {
            return new Spread(0, scaleMin, scaleMax);
        }
        double sd = 0;
        if (w > 0) {
            double mean = wx / w;
            double v = 0;
            for (int i = 0; i < capability.length; i++) {
                double x = position[i][k];
                double wi = Double.isNaN(x) ? 0 : capability[i] * salience[i][k];
                if (wi > 0) {
                    v += wi * (x - mean) * (x - mean);
                }
            }
            sd = Math.sqrt(Math.max(0, v / w)) * 100.0 / (scaleMax - scaleMin);
        }
        return new Spread(sd, lo, hi);
    }

    /** The constants a calibration chooses from, points on 0-100 (a copy). */
    public static double[] constants() {
        return CONSTANT_GRID.clone();
    }

    /** The nonconformity score with the default {@link #CONSTANT}. */
    public static double score(double forecast, double outcome, Spread spread, double scaleMin, double scaleMax) {
        return score(forecast, outcome, spread, CONSTANT, scaleMin, scaleMax);
    }

    /**
     * The nonconformity score of a forecast: absolute error over the error scale (both 0-100
     * points); {@code +Infinity} when the outcome lies outside the range the interval is clipped to
     * (the positions' range, widened to the forecast), NaN for a NaN forecast.
     */
    public static double score(double forecast, double outcome, Spread spread, double constant, double scaleMin,
                               double scaleMax) {
        if (Double.isNaN(forecast)) {
            return Double.NaN;
        }
        double lo = Math.min(spread.low(), forecast);
        double hi = Math.max(spread.high(), forecast);
        if (outcome < lo - 1e-9 || outcome > hi + 1e-9) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(forecast - outcome) * 100.0 / (scaleMax - scaleMin) / spread.scale(constant);
    }

    /** The interval with the default {@link #CONSTANT}. */
    public static double[] interval(double forecast, double q, Spread spread, double scaleMin, double scaleMax) {
        return interval(forecast, q, spread, CONSTANT, scaleMin, scaleMax);
    }

    /**
     * The interval {@code forecast +/- q * (sd + constant)}, clipped to the range of positions (and to
     * the positions' range widened to the forecast, should a forecast lie outside it), on the scale.
     */
    public static double[] interval(double forecast, double q, Spread spread, double constant, double scaleMin,
                                    double scaleMax) {
        double half = q * spread.scale(constant) * (scaleMax - scaleMin) / 100.0;
        double lo = Math.min(spread.low(), forecast);
        double hi = Math.max(spread.high(), forecast);
        return new double[] {Math.max(lo, forecast - half), Math.min(hi, forecast + half)};
    }

    /** {@code true} when {@code outcome} lies in {@code [interval[0], interval[1]]} (1e-9 tolerance). */
    public static boolean covers(double[] interval, double outcome) {
        return outcome >= interval[0] - 1e-9 && outcome <= interval[1] + 1e-9;
    }
}
