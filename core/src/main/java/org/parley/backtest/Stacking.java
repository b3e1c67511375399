package org.parley.backtest;

/** The stacked candidate's weights: a grid search on the simplex, minimising MAE on a subset. */
final class Stacking {
    private Stacking() {
    }

    /** Weights per component (fractions of {@link Candidates#STACKED_GRID}), fitted on {@code train}. */
    static double[] fit(ProtocolData d, int[] comp, boolean[] train) {
        int m = comp.length;
        int grid = Candidates.STACKED_GRID;
        int[] w = new int[m];
        int[] best = new int[m];
        double[] bestMae = {Double.POSITIVE_INFINITY};
        Ensemble.search(0, grid, w, x -> mae(d, comp, train, x), best, bestMae);
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            out[k] = (double) best[k] / grid;
        }
        return out;
    }

    private static double mae(ProtocolData d, int[] comp, boolean[] train, int[] w) {
        double sum = 0;
        int c = 0;
        for (int i = 0; i < d.n; i++) {
            if (!train[i]) {
                continue;
            }
            double num = 0;
            double den = 0;
            for (int k = 0; k < comp.length; k++) {
                double x = d.forecasts[comp[k]][i];
                if (w[k] > 0 && !Double.isNaN(x)) {
                    num += w[k] * x;
                    den += w[k];
                }
            }
            if (den > 0) {
                sum += Math.abs(num / den - d.outcome[i]) * d.unit[i];
                c++;
            }
        }
        return c == 0 ? Double.POSITIVE_INFINITY : sum / c;
    }

    static double forecast(ProtocolData d, int[] comp, double[] w, int i) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < comp.length; k++) {
            double x = d.forecasts[comp[k]][i];
            if (w[k] > 0 && !Double.isNaN(x)) {
                num += w[k] * x;
                den += w[k];
            }
        }
        return den > 0 ? num / den : Double.NaN;
    }

    /** Leave-one-proposal-out stacked forecasts of every issue (to fit the shipped quantile on). */
    static double[] lopoForecasts(ProtocolData d, int[] comp) {
        double[] out = new double[d.n];
        for (int g = 0; g < d.proposalCount; g++) {
            boolean[] train = new boolean[d.n];
            for (int i = 0; i < d.n; i++) {
                train[i] = d.group[i] != g;
            }
            double[] w = fit(d, comp, train);
            for (int i = 0; i < d.n; i++) {
                if (d.group[i] == g) {
                    out[i] = forecast(d, comp, w, i);
                }
            }
        }
        return out;
    }
}
