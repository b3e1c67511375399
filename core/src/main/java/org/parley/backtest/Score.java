package org.parley.backtest;

import java.util.Arrays;
import java.util.List;

/**
 * How close one forecaster came to the real outcomes, on a 0-100 scale.
 *
 * @param label      model id or baseline name
 * @param split      the issues scored
 * @param capability the capability option the models ran with
 * @param n          issues with a forecast (issues where the forecaster gave none are left out)
 * @param mae        mean absolute error
 * @param medianAe   median absolute error
 * @param rmse       root mean squared error
 * @param within10   share of issues whose error is at most 10 points
 */
public record Score(String label, Split split, String capability, int n, double mae, double medianAe, double rmse,
                    double within10) {

    /** Scores a forecaster on the issues of a split. */
    public static Score of(String label, Split split, String capability, List<IssueForecast> issues) {
        double[] e = new double[issues.size()];
        int n = 0;
        for (IssueForecast f : issues) {
            if (!split.includes(f.split())) {
                continue;
            }
            double err = f.error(label);
            if (!Double.isNaN(err)) {
                e[n++] = err;
            }
        }
        if (n == 0) {
            return new Score(label, split, capability, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] x = Arrays.copyOf(e, n);
        Arrays.sort(x);
        double sum = 0;
        double sq = 0;
        int within = 0;
        for (double d : x) {
            sum += d;
            sq += d * d;
            if (d <= 10 + 1e-9) {
                within++;
            }
        }
        double median = n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
        return new Score(label, split, capability, n, sum / n, median, Math.sqrt(sq / n), (double) within / n);
    }
}
