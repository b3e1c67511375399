package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every model on the same scenario in one table: per world and issue, each model's forecast (and
 * its distribution over runs) and the spread between models.
 *
 * <p>The spread is the range (largest minus smallest) and the standard deviation of the models'
 * central forecasts (the point forecast for one run, the median of the runs otherwise). The pooled
 * distribution mixes every model's runs with equal weight: the uncertainty of the inputs and of
 * the choice of model together.
 */
public final class ModelComparison {

    /**
     * One world and issue.
     *
     * @param point   per model, the forecast at stated values
     * @param runs    per model, the distribution over runs
     * @param central per model, the median of the runs (the point forecast when runs = 1)
     * @param range   max - min of the central forecasts
     * @param sd      standard deviation of the central forecasts (divided by the number of models)
     * @param pooled  every model's runs, equally weighted
     */
    public record Row(String world, String issue, Map<String, Double> point, Map<String, Summary> runs,
                      Map<String, Double> central, double range, double sd, Summary pooled) {
        public Row {
            point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
            runs = Collections.unmodifiableMap(new LinkedHashMap<>(runs));
            central = Collections.unmodifiableMap(new LinkedHashMap<>(central));
        }
    }

    private ModelComparison() {
    }

    /** One row per world and issue, in that order (made on the plan's threads). */
    public static List<Row> of(MonteCarloResult r) {
        List<String> worlds = r.worlds();
        List<String> issues = r.issues();
        int per = issues.size();
        return List.copyOf(org.parley.engine.Parallel.map(worlds.size() * per, r.plan().spec().threads(),
                i -> row(r, worlds.get(i / per), issues.get(i % per))));
    }

    private static Row row(MonteCarloResult r, String w, String k) {
        Map<String, Double> point = new LinkedHashMap<>();
        Map<String, Summary> runs = new LinkedHashMap<>();
        Map<String, Double> central = new LinkedHashMap<>();
        List<double[]> samples = new ArrayList<>();
        for (String m : r.models()) {
            point.put(m, r.point(w, m, k));
            Summary s = r.summary(w, m, k);
            runs.put(m, s);
            central.put(m, r.runs() == 1 ? r.point(w, m, k) : s.median());
            samples.add(r.sorted(w, r.modelIndex(m), r.issueIndex(k)));
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int c = 0;
        for (double v : central.values()) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                sum += v;
                c++;
            }
        }
        double mean = c == 0 ? Double.NaN : sum / c;
        double ss = 0;
        for (double v : central.values()) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double[] weights = new double[samples.size()];
        java.util.Arrays.fill(weights, 1.0 / samples.size());
        return new Row(w, k, point, runs, central, c == 0 ? Double.NaN : hi - lo,
                c == 0 ? Double.NaN : Math.sqrt(ss / c),
                Summary.mixtureSorted(samples, r.runs() * samples.size(), weights, r.thresholds(k)));
    }
}
