package org.parley.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.parley.engine.Seeds;

/**
 * How sure is a difference in MAE between two forecasters? The paired difference (forecaster minus
 * reference, on the issues both forecast) with a 90 % bootstrap interval that resamples whole
 * proposals, because the issues of one proposal are not independent. An interval that contains 0
 * means the split cannot tell the two apart.
 *
 * @param label     the forecaster
 * @param reference the forecaster it is compared with (the compromise model in tables)
 * @param split     the issues compared
 * @param n         issues both forecast
 * @param diff      MAE(label) - MAE(reference), points on 0-100 (negative: label is better)
 * @param low       5th percentile of the bootstrap differences
 * @param high      95th percentile
 */
public record Comparison(String label, String reference, Split split, int n, double diff, double low, double high) {

    /** Bootstrap resamples used by {@link #of}. */
    public static final int RESAMPLES = 2000;

    /** Compares {@code label} with {@code reference}; the seed fixes the resampling. */
    public static Comparison of(String label, String reference, Split split, List<IssueForecast> issues, long seed) {
        Map<String, double[]> byProposal = new LinkedHashMap<>();
        int n = 0;
        double total = 0;
        for (IssueForecast f : issues) {
            if (!split.includes(f.split())) {
                continue;
            }
            double d = f.error(label) - f.error(reference);
            if (Double.isNaN(d)) {
                continue;
            }
            double[] acc = byProposal.computeIfAbsent(f.proposal(), k -> new double[2]);
            acc[0] += d;
            acc[1]++;
            total += d;
            n++;
        }
        if (n == 0) {
            return new Comparison(label, reference, split, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        List<double[]> groups = new ArrayList<>(byProposal.values());
        int k = groups.size();
        RandomGenerator random = Seeds.random(seed);
        double[] boot = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double sum = 0;
            double count = 0;
            for (int j = 0; j < k; j++) {
                double[] g = groups.get(random.nextInt(k));
                sum += g[0];
                count += g[1];
            }
            boot[b] = sum / count;
        }
        Arrays.sort(boot);
        return new Comparison(label, reference, split, n, total / n, boot[(int) (0.05 * RESAMPLES)],
                boot[(int) (0.95 * RESAMPLES) - 1]);
    }
}
