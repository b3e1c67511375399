package org.parley.store;

/**
 * One model's forecast as registered, frozen at registration.
 *
 * @param model        model id
 * @param point        the point forecast (run 0)
 * @param lo           the 90% interval's low end (5th percentile over Monte Carlo runs: the input ranges), NaN
 *                     for a single run
 * @param hi           the 90% interval's high end (95th percentile over runs), NaN for a single run
 * @param probability  the share of runs beyond the threshold, NaN when the question has none or only the point
 *                     was registered
 * @param n            runs behind the numbers
 * @param modelErrorLo the calibrated 90% model-error interval's low end (see {@code ModelErrorCalibration}),
 *                     NaN when the calibration has no quantile for the model
 * @param modelErrorHi its high end
 */
public record RegisteredForecast(String model, double point, double lo, double hi, double probability, int n,
                                 double modelErrorLo, double modelErrorHi) {

    /** A forecast without a model-error interval. */
    public RegisteredForecast(String model, double point, double lo, double hi, double probability, int n) {
        this(model, point, lo, hi, probability, n, Double.NaN, Double.NaN);
    }

    public boolean hasInterval() {
        return n > 1 && Double.isFinite(lo) && Double.isFinite(hi);
    }

    public boolean hasModelErrorInterval() {
        return Double.isFinite(modelErrorLo) && Double.isFinite(modelErrorHi);
    }
}
