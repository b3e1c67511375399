package org.parley.store;

/**
 * One model's forecast as registered, frozen at registration.
 *
 * @param model       model id
 * @param point       the point forecast (run 0)
 * @param lo          the 90% interval's low end (5th percentile over runs), NaN for a single run
 * @param hi          the 90% interval's high end (95th percentile over runs), NaN for a single run
 * @param probability the share of runs beyond the threshold, NaN when the question has none
 * @param n           runs behind the numbers
 */
public record RegisteredForecast(String model, double point, double lo, double hi, double probability, int n) {

    public boolean hasInterval() {
        return n > 1 && Double.isFinite(lo) && Double.isFinite(hi);
    }
}
