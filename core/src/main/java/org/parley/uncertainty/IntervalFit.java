package org.parley.uncertainty;

/**
 * The error scale's constant and the conformal quantile fitted together on a calibration set: for
 * each constant of {@link ModelError#constants()}, the conformal quantile of the scores at the
 * nominal level, and the mean width (0-100 points) of the clipped intervals it gives on the same
 * issues; the constant with the narrowest mean width wins (the first on a tie). One parameter chosen
 * from six values on the calibration set itself: the out-of-fold coverage of the backtest is what
 * tells whether that choice costs coverage.
 *
 * @param constant  the chosen constant, points on 0-100
 * @param q         its conformal quantile ({@code +Infinity} when the set is too small)
 * @param meanWidth the mean width of the intervals on the calibration issues, points on 0-100
 * @param n         the calibration issues used
 */
public record IntervalFit(double constant, double q, double meanWidth, int n) {

    /**
     * Fits on the issues {@code i} with {@code use[i]} and a forecast (not NaN).
     *
     * @param forecast per issue (NaN: none)
     * @param outcome  per issue
     * @param spread   per issue
     * @param scaleMin per issue, the scale's low end
     * @param scaleMax per issue, the scale's high end
     * @param use      which issues calibrate
     * @param level    nominal coverage
     */
    public static IntervalFit fit(double[] forecast, double[] outcome, ModelError.Spread[] spread, double[] scaleMin,
                                  double[] scaleMax, boolean[] use, double level) {
        int n = 0;
        for (int i = 0; i < forecast.length; i++) {
            if (use[i] && !Double.isNaN(forecast[i])) {
                n++;
            }
        }
        IntervalFit best = null;
        double[] scores = new double[n];
        for (double c : ModelError.constants()) {
            int k = 0;
            for (int i = 0; i < forecast.length; i++) {
                if (use[i] && !Double.isNaN(forecast[i])) {
                    scores[k++] = ModelError.score(forecast[i], outcome[i], spread[i], c, scaleMin[i], scaleMax[i]);
                }
            }
            double q = Conformal.quantile(scores, level);
            double width = 0;
            for (int i = 0; i < forecast.length; i++) {
                if (use[i] && !Double.isNaN(forecast[i])) {
                    double[] iv = ModelError.interval(forecast[i], q, spread[i], c, scaleMin[i], scaleMax[i]);
                    width += (iv[1] - iv[0]) * 100.0 / (scaleMax[i] - scaleMin[i]);
                }
            }
            IntervalFit f = new IntervalFit(c, q, n == 0 ? Double.NaN : width / n, n);
            if (best == null || f.meanWidth() < best.meanWidth()) {
                best = f;
            }
        }
        return best;
    }
}
