package org.parley.backtest;

import static org.parley.engine.Quantiles.quantile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/**
 * Are forecast intervals honest? For every case, the inputs are perturbed {@code runs} times as
 * measurement error would: each position moves by a normal draw with standard deviation
 * {@code noise} points of the issue's 0-100 range, each salience by {@code noise} points, both
 * clipped to their scale. Each model runs on every perturbed case; the 25th-75th and 5th-95th
 * percentiles of its forecasts are its 50 % and 90 % intervals, and the table reports the share of
 * real outcomes inside them. A calibrated model has about 0.5 and 0.9.
 *
 * <p>This is Parley's own input perturbation, not the Monte Carlo over analysts' stated ranges
 * (the DEU table states no ranges). The noise level is fixed by the caller, not fitted.
 * Run {@code r} of case {@code c} draws from {@link Seeds#forRun}(seed, c * runs + r), so the table
 * does not depend on the thread count.
 */
public final class Calibration {

    /**
     * One model's calibration on a split.
     *
     * @param label     model id
     * @param split     issues covered
     * @param n         issues with intervals
     * @param inside50  share of outcomes inside the 50 % interval
     * @param inside90  share of outcomes inside the 90 % interval
     * @param width50   mean width of the 50 % interval, 0-100 points
     * @param width90   mean width of the 90 % interval, 0-100 points
     */
    public record Row(String label, Split split, int n, double inside50, double inside90, double width50,
                      double width90) {
    }

    private Calibration() {
    }

    /**
     * Intervals from the train split's own errors (split-conformal): a forecaster's 50 % and 90 %
     * intervals are its forecast plus or minus the median and the 90th percentile of its absolute
     * errors on the train issues. Fitted on train only; on the test split the shares inside show
     * whether that honesty carries over. Widths are before clipping to the scale.
     */
    public static List<Row> conformal(Backtest.Result result, Split split) {
        List<Row> out = new ArrayList<>();
        for (String label : result.labels()) {
            List<Double> train = new ArrayList<>();
            for (IssueForecast f : result.issues()) {
                double e = f.error(label);
                if (f.split() == Split.TRAIN && !Double.isNaN(e)) {
                    train.add(e);
                }
            }
            if (train.isEmpty()) {
                out.add(new Row(label, split, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            double[] sorted = train.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double q50 = quantile(sorted, 0.5);
            double q90 = quantile(sorted, 0.9);
            int n = 0;
            int in50 = 0;
            int in90 = 0;
            for (IssueForecast f : result.issues()) {
                double e = f.error(label);
                if (!split.includes(f.split()) || Double.isNaN(e)) {
                    continue;
                }
                n++;
                in50 += e <= q50 + 1e-9 ? 1 : 0;
                in90 += e <= q90 + 1e-9 ? 1 : 0;
            }
            out.add(n == 0 ? new Row(label, split, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                    : new Row(label, split, n, (double) in50 / n, (double) in90 / n, 2 * q50, 2 * q90));
        }
        return out;
    }

    /**
     * Computes the calibration table.
     *
     * @param spec models (empty = all), options, seed; {@code threads} = cases at once
     * @param runs perturbed runs per case (at least 2)
     * @param noise standard deviation of the perturbation, points on 0-100
     */
    public static List<Row> run(Simulation simulation, BacktestSet set, CapabilityRule capability, RunSpec spec,
                                int runs, double noise, Split split) {
        Objects.requireNonNull(simulation, "simulation");
        if (runs < 2) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "calibration needs at least 2 runs, was " + runs);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "noise must be a number >= 0, was " + noise);
        }
        List<String> models = spec.models().isEmpty()
                ? simulation.models().stream().map(m -> m.id()).toList() : List.copyOf(spec.models());
        RunSpec perRun = spec.withModels(models).withWorlds(List.of(Scenario.BASE)).withRuns(1).withThreads(1);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < set.cases().size(); i++) {
            if (split.includes(set.cases().get(i).split())) {
                indices.add(i);
            }
        }
        List<List<double[]>> perCase = Backtest.parallel(indices, spec.threads(), ci -> {
            BacktestCase c = set.cases().get(ci);
            return caseIntervals(simulation, c, ci, capability, perRun, models, runs, noise);
        });
        List<Row> out = new ArrayList<>();
        for (int j = 0; j < models.size(); j++) {
            int n = 0;
            int in50 = 0;
            int in90 = 0;
            double w50 = 0;
            double w90 = 0;
            for (List<double[]> rows : perCase) {
                for (double[] r : rows) {
                    // r: outcome, unit, then per model q05 q25 q75 q95
                    double q05 = r[2 + 4 * j];
                    double q25 = r[3 + 4 * j];
                    double q75 = r[4 + 4 * j];
                    double q95 = r[5 + 4 * j];
                    if (Double.isNaN(q05)) {
                        continue;
                    }
                    n++;
                    double o = r[0];
                    in50 += o >= q25 - 1e-9 && o <= q75 + 1e-9 ? 1 : 0;
                    in90 += o >= q05 - 1e-9 && o <= q95 + 1e-9 ? 1 : 0;
                    w50 += (q75 - q25) * r[1];
                    w90 += (q95 - q05) * r[1];
                }
            }
            out.add(n == 0 ? new Row(models.get(j), split, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                    : new Row(models.get(j), split, n, (double) in50 / n, (double) in90 / n, w50 / n, w90 / n));
        }
        return out;
    }

    private static List<double[]> caseIntervals(Simulation simulation, BacktestCase c, int caseIndex,
                                                CapabilityRule capability, RunSpec spec, List<String> models,
                                                int runs, double noise) {
        Scenario base = Backtest.prepare(c, capability);
        List<String> scored = new ArrayList<>(c.outcomes().keySet());
        double[][][] draws = new double[models.size()][scored.size()][runs];
        for (int r = 0; r < runs; r++) {
            long seed = Seeds.forRun(spec.seed(), (long) caseIndex * runs + r);
            Scenario world = perturb(base, noise, Seeds.random(seed));
            Map<String, double[]> fs = Backtest.runModels(simulation, world, spec.withSeed(seed), models,
                    new LinkedHashMap<>());
            Problem p = Problem.of(world);
            for (int j = 0; j < models.size(); j++) {
                double[] f = fs.get(models.get(j));
                for (int k = 0; k < scored.size(); k++) {
                    // a model that could not run on a draw leaves NaN: that issue gets no interval
                    draws[j][k][r] = f == null ? Double.NaN : f[p.issueIndex(scored.get(k))];
                }
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < scored.size(); k++) {
            Issue issue = base.issue(scored.get(k)).orElseThrow();
            double[] row = new double[2 + 4 * models.size()];
            row[0] = c.outcomes().get(scored.get(k));
            row[1] = 100.0 / (issue.scale().max() - issue.scale().min());
            for (int j = 0; j < models.size(); j++) {
                double[] x = draws[j][k];
                boolean any = Arrays.stream(x).anyMatch(Double::isNaN);
                if (any) {
                    Arrays.fill(row, 2 + 4 * j, 6 + 4 * j, Double.NaN);
                    continue;
                }
                double[] s = x.clone();
                Arrays.sort(s);
                row[2 + 4 * j] = quantile(s, 0.05);
                row[3 + 4 * j] = quantile(s, 0.25);
                row[4 + 4 * j] = quantile(s, 0.75);
                row[5 + 4 * j] = quantile(s, 0.95);
            }
            out.add(row);
        }
        return out;
    }

    /** The scenario with every position and salience moved by normal noise, clipped to its scale. */
    static Scenario perturb(Scenario s, double noise, RandomGenerator random) {
        if (noise == 0) {
            return s;
        }
        Map<String, Issue> issues = new LinkedHashMap<>();
        for (Issue i : s.issues()) {
            issues.put(i.id(), i);
        }
        List<Stance> out = new ArrayList<>(s.stances().size());
        for (Stance st : s.stances()) {
            Issue i = issues.get(st.issue());
            double lo = i.scale().min();
            double hi = i.scale().max();
            double x = clip(st.position().value() + random.nextGaussian() * noise * (hi - lo) / 100, lo, hi);
            double sal = clip(st.salience().value() + random.nextGaussian() * noise, 0, 100);
            out.add(st.withPosition(st.position().withValue(x)).withSalience(st.salience().withValue(sal)));
        }
        return s.withStances(out);
    }

    private static double clip(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
