package org.parley.montecarlo;

import static org.parley.engine.Quantiles.quantile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.parley.model.Threshold;

/**
 * The distribution of one forecast (a world, a model, an issue) over Monte Carlo runs.
 *
 * <p>Runs whose forecast is not a number (no actor takes part in the issue in that run) are counted
 * in {@code runs} but not in {@code valid}; every statistic is over the valid runs.
 *
 * <p>Percentiles of one world use linear interpolation between order statistics, Hyndman &amp; Fan
 * (1996) definition 7 (the default of R's {@code quantile} and of NumPy): with the {@code N} valid
 * values sorted, {@code x[0] <= ... <= x[N-1]}, percentile {@code p} is
 * {@code x[j] + (h - j)(x[j+1] - x[j])} where {@code h = (N - 1) p} and {@code j = floor(h)}.
 * Percentiles of a mixture of worlds use the weighted inverse empirical CDF (see
 * {@link #mixture}).
 *
 * @param runs   number of runs
 * @param valid  runs with a numeric forecast
 * @param mean   mean
 * @param sd     standard deviation (population: divided by the number of valid runs)
 * @param min    smallest value
 * @param p5     5th percentile
 * @param p25    25th percentile
 * @param median 50th percentile
 * @param p75    75th percentile
 * @param p95    95th percentile
 * @param max    largest value
 * @param shares per threshold of the issue, the share of valid runs whose forecast crosses it
 */
public record Summary(int runs, int valid, double mean, double sd, double min, double p5, double p25, double median,
                      double p75, double p95, double max, List<Share> shares) {

    /**
     * The share of runs beyond a threshold ({@link Threshold#crossedBy}: strictly above, or
     * strictly below).
     */
    public record Share(Threshold threshold, double share) {
        public Share {
            Objects.requireNonNull(threshold, "threshold");
        }
    }

    public Summary {
        shares = List.copyOf(shares);
    }

    /** The summary of a sample. {@code values} is not changed. */
    public static Summary of(double[] values, List<Threshold> thresholds) {
        return ofSorted(finiteSorted(values), values.length, thresholds);
    }

    /** The summary of a sample of {@code runs} runs whose finite values, sorted, are {@code x}. */
    static Summary ofSorted(double[] x, int runs, List<Threshold> thresholds) {
        int n = x.length;
        if (n == 0) {
            return empty(runs, thresholds);
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        List<Share> shares = new ArrayList<>();
        for (Threshold t : thresholds) {
            int c = 0;
            for (double v : x) {
                if (t.crossedBy(v)) {
                    c++;
                }
            }
            shares.add(new Share(t, (double) c / n));
        }
        return new Summary(runs, n, mean, Math.sqrt(ss / n), x[0], quantile(x, 0.05), quantile(x, 0.25),
                quantile(x, 0.5), quantile(x, 0.75), quantile(x, 0.95), x[n - 1], shares);
    }

    /**
     * The summary of a mixture: sample {@code b} has weight {@code weights[b]} (weights sum to 1),
     * spread equally over its valid runs. The mean and the threshold shares are the weighted sums
     * of the samples'; percentile {@code p} is the smallest pooled value whose cumulative weight
     * reaches {@code p} (the inverse of the weighted empirical CDF, Hyndman &amp; Fan definition 1);
     * with thousands of runs per world it differs from definition 7 by less than the gap between
     * neighbouring runs.
     */
    public static Summary mixture(List<double[]> samples, double[] weights, List<Threshold> thresholds) {
        if (samples.size() != weights.length) {
            throw new IllegalArgumentException("one weight per sample: " + samples.size() + " samples, "
                    + weights.length + " weights");
        }
        List<double[]> sorted = new ArrayList<>();
        int runs = 0;
        for (double[] x : samples) {
            sorted.add(finiteSorted(x));
            runs += x.length;
        }
        return mixtureSorted(sorted, runs, weights, thresholds);
    }

    /**
     * {@link #mixture} of samples given as their finite values sorted ({@link #finiteSorted}), of
     * {@code runs} runs together: the pooled order is a merge of the sorted samples, equal values
     * in sample order (what a stable sort of the samples one after the other gives).
     */
    static Summary mixtureSorted(List<double[]> sorted, int runs, double[] weights, List<Threshold> thresholds) {
        int total = 0;
        double wsum = 0;
        for (int b = 0; b < sorted.size(); b++) {
            double[] x = sorted.get(b);
            total += x.length;
            if (x.length > 0) {
                wsum += weights[b];
            }
        }
        if (total == 0 || wsum <= 0) {
            return empty(runs, thresholds);
        }
        int samples = sorted.size();
        double[] each = new double[samples];
        for (int b = 0; b < samples; b++) {
            int len = sorted.get(b).length;
            each[b] = len == 0 ? 0 : weights[b] / wsum / len;
        }
        // merge: at each step the smallest head (Double.compare, the order of Arrays.sort); a tie goes to
        // the earlier sample, so equal values keep sample order and the result is deterministic
        double[] sv = new double[total];
        double[] sw = new double[total];
        int[] at = new int[samples];
        for (int j = 0; j < total; j++) {
            int best = -1;
            double bv = 0;
            for (int b = 0; b < samples; b++) {
                double[] x = sorted.get(b);
                if (at[b] < x.length && (best < 0 || Double.compare(x[at[b]], bv) < 0)) {
                    best = b;
                    bv = x[at[b]];
                }
            }
            sv[j] = bv;
            sw[j] = each[best];
            at[best]++;
        }
        double[] cw = new double[total];
        double acc = 0;
        double mean = 0;
        for (int j = 0; j < total; j++) {
            acc += sw[j];
            cw[j] = acc;
            mean += sw[j] * sv[j];
        }
        double var = 0;
        for (int j = 0; j < total; j++) {
            var += sw[j] * (sv[j] - mean) * (sv[j] - mean);
        }
        List<Share> shares = new ArrayList<>();
        for (Threshold t : thresholds) {
            double s = 0;
            for (int j = 0; j < total; j++) {
                if (t.crossedBy(sv[j])) {
                    s += sw[j];
                }
            }
            shares.add(new Share(t, s));
        }
        return new Summary(runs, total, mean, Math.sqrt(var), sv[0], weighted(sv, cw, 0.05), weighted(sv, cw, 0.25),
                weighted(sv, cw, 0.5), weighted(sv, cw, 0.75), weighted(sv, cw, 0.95), sv[total - 1], shares);
    }

    private static double weighted(double[] sorted, double[] cumulative, double p) {
        double target = p * cumulative[cumulative.length - 1];
        for (int j = 0; j < sorted.length; j++) {
            if (cumulative[j] >= target - 1e-12) {
                return sorted[j];
            }
        }
        return sorted[sorted.length - 1];
    }

    /** The finite values of a sample, sorted ascending (a new array). */
    static double[] finiteSorted(double[] values) {
        double[] x = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                x[n++] = v;
            }
        }
        x = Arrays.copyOf(x, n);
        Arrays.sort(x);
        return x;
    }

    private static Summary empty(int runs, List<Threshold> thresholds) {
        List<Share> shares = new ArrayList<>();
        for (Threshold t : thresholds) {
            shares.add(new Share(t, Double.NaN));
        }
        double nan = Double.NaN;
        return new Summary(runs, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, shares);
    }

    /** The share for a threshold id, NaN when the issue has no such threshold. */
    public double share(String thresholdId) {
        for (Share s : shares) {
            if (s.threshold().id().equals(thresholdId)) {
                return s.share();
            }
        }
        return Double.NaN;
    }
}
