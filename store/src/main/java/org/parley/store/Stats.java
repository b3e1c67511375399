package org.parley.store;

import static org.parley.engine.Quantiles.quantile;

import java.util.Arrays;

/**
 * Summary of a sample: count of finite values, mean, sample standard deviation, extremes and
 * percentiles by linear interpolation between order statistics (Hyndman-Fan type 7, the default
 * of R and NumPy). All NaN for an empty sample.
 */
record Stats(int n, double mean, double sd, double min, double p05, double p25, double p50, double p75, double p95,
             double max) {

    static Stats of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = v.length;
        if (n == 0) {
            double nan = Double.NaN;
            return new Stats(0, nan, nan, nan, nan, nan, nan, nan, nan, nan);
        }
        Arrays.sort(v);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double mean = sum / n;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        return new Stats(n, mean, sd, v[0], quantile(v, 0.05), quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75),
                quantile(v, 0.95), v[n - 1]);
    }
}
