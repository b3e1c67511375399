package org.parley.backtest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.uncertainty.ModelError;

/** The forecasts as arrays: one row per label, one column per issue. */
final class ProtocolData {
    final int n;
    final List<String> labels;
    final double[][] forecasts;
    final double[] outcome;
    final double[] unit;
    final double[] lo;
    final double[] hi;
    final ModelError.Spread[] spread;
    final Split[] half;
    final int[] group;
    final int proposalCount;

    ProtocolData(List<IssueForecast> issues, List<String> labels) {
        this.n = issues.size();
        this.labels = List.copyOf(labels);
        forecasts = new double[labels.size()][n];
        outcome = new double[n];
        unit = new double[n];
        lo = new double[n];
        hi = new double[n];
        spread = new ModelError.Spread[n];
        half = new Split[n];
        group = new int[n];
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            IssueForecast f = issues.get(i);
            for (int l = 0; l < labels.size(); l++) {
                forecasts[l][i] = f.forecast(labels.get(l));
            }
            outcome[i] = f.outcome();
            unit[i] = 100.0 / (f.scaleMax() - f.scaleMin());
            lo[i] = f.scaleMin();
            hi[i] = f.scaleMax();
            spread[i] = f.spread();
            half[i] = f.split();
            group[i] = groups.computeIfAbsent(f.proposal(), k -> groups.size());
        }
        proposalCount = groups.size();
    }

    Score score(String label, double[] err, boolean[] use, Split split) {
        double[] x = new double[n];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (use[i] && split.includes(half[i]) && !Double.isNaN(err[i])) {
                x[c++] = err[i];
            }
        }
        if (c == 0) {
            return new Score(label, split, "", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        x = Arrays.copyOf(x, c);
        Arrays.sort(x);
        double sum = 0;
        double sq = 0;
        int within = 0;
        for (double v : x) {
            sum += v;
            sq += v * v;
            within += v <= 10 + 1e-9 ? 1 : 0;
        }
        double med = c % 2 == 1 ? x[c / 2] : (x[c / 2 - 1] + x[c / 2]) / 2;
        return new Score(label, split, "", c, sum / c, med, Math.sqrt(sq / c), (double) within / c);
    }
}
