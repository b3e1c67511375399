package org.parley.backtest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A weighted mean of the models' forecasts whose weights are fitted on the train split only:
 * non-negative weights summing to 1, searched on a grid of the simplex (steps of 1/20 for up to
 * six models, coarser beyond), minimising the mean absolute error on the train issues. Ties keep
 * the first grid point in enumeration order, so the fit is deterministic. On an issue where a
 * model gave no forecast, the other models' weights are renormalised.
 */
public final class Ensemble {

    /** The ensemble's label in tables. */
    public static final String LABEL = "ensemble";

    private Ensemble() {
    }

    /** Fits the weights of {@code models} on the train issues of {@code issues}. */
    public static Map<String, Double> fit(List<String> models, List<IssueForecast> issues) {
        int m = models.size();
        List<IssueForecast> train = issues.stream().filter(f -> f.split() == Split.TRAIN).toList();
        int n = train.size();
        double[][] f = new double[n][m];
        double[] out = new double[n];
        double[] unit = new double[n];
        for (int i = 0; i < n; i++) {
            IssueForecast r = train.get(i);
            for (int j = 0; j < m; j++) {
                f[i][j] = r.forecast(models.get(j));
            }
            out[i] = r.outcome();
            unit[i] = 100.0 / (r.scaleMax() - r.scaleMin());
        }
        int grid = m <= 6 ? 20 : m <= 8 ? 10 : 5;
        int[] w = new int[m];
        int[] best = new int[m];
        double[] bestMae = {Double.POSITIVE_INFINITY};
        search(0, grid, w, x -> mae(x, f, out, unit), best, bestMae);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int j = 0; j < m; j++) {
            weights.put(models.get(j), (double) best[j] / grid);
        }
        return weights;
    }

    /**
     * Every weight vector on the grid (non-negative whole numbers summing to {@code left} from
     * position {@code j} on), in a fixed order; the first with the lowest error is kept in {@code best}.
     */
    static void search(int j, int left, int[] w, java.util.function.ToDoubleFunction<int[]> error, int[] best,
                       double[] bestMae) {
        int m = w.length;
        if (j == m - 1) {
            w[j] = left;
            double mae = error.applyAsDouble(w);
            if (mae < bestMae[0] - 1e-12) {
                bestMae[0] = mae;
                System.arraycopy(w, 0, best, 0, m);
            }
            return;
        }
        for (int k = left; k >= 0; k--) {
            w[j] = k;
            search(j + 1, left - k, w, error, best, bestMae);
        }
    }

    private static double mae(int[] w, double[][] f, double[] out, double[] unit) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < f.length; i++) {
            double num = 0;
            double den = 0;
            for (int j = 0; j < w.length; j++) {
                if (w[j] > 0 && !Double.isNaN(f[i][j])) {
                    num += w[j] * f[i][j];
                    den += w[j];
                }
            }
            if (den > 0) {
                sum += Math.abs(num / den - out[i]) * unit[i];
                n++;
            }
        }
        return n == 0 ? Double.POSITIVE_INFINITY : sum / n;
    }

    /** The ensemble's forecast on one issue: NaN when no weighted model gave one. */
    public static double forecast(Map<String, Double> weights, IssueForecast r) {
        double num = 0;
        double den = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            double x = r.forecast(e.getKey());
            if (e.getValue() > 0 && !Double.isNaN(x)) {
                num += e.getValue() * x;
                den += e.getValue();
            }
        }
        return den > 0 ? num / den : Double.NaN;
    }
}
