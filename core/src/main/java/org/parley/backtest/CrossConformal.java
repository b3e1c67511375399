package org.parley.backtest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.parley.backtest.ProtocolBacktest.Coverage;
import org.parley.backtest.ProtocolBacktest.Settings;
import org.parley.uncertainty.ClusterBootstrap;
import org.parley.uncertainty.IntervalFit;
import org.parley.uncertainty.ModelError;

/**
 * The cross-conformal model-error intervals of the protocol backtest: in each fold, the error
 * scale's constant and the conformal quantile are fitted on the training issues only
 * ({@link IntervalFit}), and the fold's issues get the clipped interval; the coverage per half comes
 * with a proposal-cluster bootstrap interval.
 */
final class CrossConformal {

    private CrossConformal() {
    }

    /**
     * Adds, for the issues of every fold, 1 to {@code inside} when the outcome is in its interval and
     * the interval's width (0-100 points) to {@code width}.
     *
     * @param oof         the out-of-fold forecasts being judged
     * @param calibration per fold, the forecasts to calibrate on (NaN outside the training issues), or
     *                    {@code null} to calibrate on {@code oof} itself (a model fitted on nothing)
     */
    static void accumulate(ProtocolData d, double[] oof, double[][] calibration, int[] fold, int folds, double level,
                           double[] inside, double[] width) {
        for (int f = 0; f < folds; f++) {
            boolean[] train = new boolean[d.n];
            boolean any = false;
            for (int i = 0; i < d.n; i++) {
                train[i] = fold[i] != f && fold[i] >= 0;
                any |= fold[i] == f;
            }
            if (!any) {
                continue;
            }
            double[] cal = calibration == null ? oof : calibration[f];
            IntervalFit fit = IntervalFit.fit(cal, d.outcome, d.spread, d.lo, d.hi, train, level);
            for (int i = 0; i < d.n; i++) {
                if (fold[i] != f || Double.isNaN(oof[i])) {
                    continue;
                }
                double[] iv = ModelError.interval(oof[i], fit.q(), d.spread[i], fit.constant(), d.lo[i], d.hi[i]);
                inside[i] += ModelError.covers(iv, d.outcome[i]) ? 1 : 0;
                width[i] += (iv[1] - iv[0]) * d.unit[i];
            }
        }
    }

    /**
     * The coverage over the repeats, per half with its 90% proposal-cluster bootstrap interval, and the
     * constant and quantile fitted on every scored issue ({@code shipped}: the forecasts to fit them on).
     */
    static Coverage coverage(ProtocolData d, double[] err, double[] inside, double[] width, int reps, boolean[] scored,
                             Settings s, double[] shipped) {
        double[][] sums = new double[2][d.proposalCount];
        double[][] counts = new double[2][d.proposalCount];
        double w = 0;
        for (int i = 0; i < d.n; i++) {
            if (!scored[i] || Double.isNaN(err[i])) {
                continue;
            }
            int h = d.half[i] == Split.TRAIN ? 0 : 1;
            sums[h][d.group[i]] += inside[i] / reps;
            counts[h][d.group[i]]++;
            w += width[i] / reps;
        }
        double[][] cov = new double[2][];
        double nAll = 0;
        double inAll = 0;
        for (int h = 0; h < 2; h++) {
            cov[h] = halfCoverage(sums[h], counts[h], s);
            inAll += Arrays.stream(sums[h]).sum();
            nAll += Arrays.stream(counts[h]).sum();
        }
        if (nAll == 0) {
            return null;
        }
        IntervalFit fit = IntervalFit.fit(shipped, d.outcome, d.spread, d.lo, d.hi, scored, s.level());
        return new Coverage(fit.q(), fit.constant(), cov[0][0], cov[0][1], cov[0][2], cov[1][0], cov[1][1], cov[1][2],
                inAll / nAll, w / nAll);
    }

    /** The share inside on one half, and the 5th and 95th percentiles of its proposal-cluster bootstrap. */
    private static double[] halfCoverage(double[] sums, double[] counts, Settings s) {
        int k = 0;
        double in = 0;
        double n = 0;
        for (int g = 0; g < sums.length; g++) {
            if (counts[g] > 0) {
                k++;
                in += sums[g];
                n += counts[g];
            }
        }
        if (k == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double[] ss = new double[k];
        double[] cc = new double[k];
        int j = 0;
        for (int g = 0; g < sums.length; g++) {
            if (counts[g] > 0) {
                ss[j] = sums[g];
                cc[j++] = counts[g];
            }
        }
        double[] b = ClusterBootstrap.means(ss, cc, s.resamples(), s.seed());
        return new double[] {in / n, ClusterBootstrap.quantile(b, 0.05), ClusterBootstrap.quantile(b, 0.95)};
    }

    /**
     * Forecasts of the stacked candidate on a training set, each from weights fitted on the other inner
     * folds of that set (an inner cross-validation by proposal); NaN outside the training set.
     */
    static double[] innerForecasts(ProtocolData d, int[] comp, boolean[] train) {
        int[] inner = new int[d.n];
        Arrays.fill(inner, -1);
        Map<Integer, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < d.n; i++) {
            if (train[i]) {
                order.putIfAbsent(d.group[i], order.size());
                inner[i] = order.get(d.group[i]) % ProtocolBacktest.INNER_FOLDS;
            }
        }
        double[] out = new double[d.n];
        Arrays.fill(out, Double.NaN);
        for (int f = 0; f < ProtocolBacktest.INNER_FOLDS; f++) {
            boolean[] t = new boolean[d.n];
            boolean any = false;
            for (int i = 0; i < d.n; i++) {
                t[i] = train[i] && inner[i] != f;
                any |= train[i] && inner[i] == f;
            }
            if (!any) {
                continue;
            }
            double[] w = Stacking.fit(d, comp, t);
            for (int i = 0; i < d.n; i++) {
                if (train[i] && inner[i] == f) {
                    out[i] = Stacking.forecast(d, comp, w, i);
                }
            }
        }
        return out;
    }
}
