package org.parley.store;

/**
 * The forecast of one model for one issue in one world of a saved run: the point forecast (run 0)
 * and the distribution over every run (a single run gives n = 1 and every quantile equal to it).
 * Missing numbers (an issue nobody holds a position on) are NaN.
 *
 * @param world      world id
 * @param model      model id
 * @param issue      issue id
 * @param statusQuo  the issue's status quo in that world, NaN if none
 * @param point      run 0's forecast
 * @param n          runs with a finite forecast
 * @param mean       mean over runs
 * @param sd         sample standard deviation over runs (0 for one run)
 * @param min        smallest
 * @param p05        5th percentile (linear interpolation between order statistics)
 * @param p25        25th percentile
 * @param p50        median
 * @param p75        75th percentile
 * @param p95        95th percentile
 * @param max        largest
 * @param stopReason why run 0 stopped
 */
public record StoredForecast(String world, String model, String issue, double statusQuo, double point, int n,
                             double mean, double sd, double min, double p05, double p25, double p50, double p75,
                             double p95, double max, String stopReason) {

    /** The (world, model, issue) key as one string, for diffs and tables. */
    public String key() {
        return world + " / " + model + " / " + issue;
    }
}
