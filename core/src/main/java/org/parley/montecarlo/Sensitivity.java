package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.parley.engine.BargainingModel;
import org.parley.engine.Parallel;
import org.parley.engine.Problem;
import org.parley.engine.Simulation;

/**
 * Which uncertain inputs move each forecast most.
 *
 * <ul>
 *   <li>{@link #oneAtATime}: each input with a range is set to its low and to its high end, every
 *       other input at its stated value (run 0's seed for stochastic models); the swing is
 *       {@code |forecast at high - forecast at low|}. This is what the tornado chart draws.</li>
 *   <li>{@link #firstOrder}: the first-order (main-effect) index {@code S_j = Var(E[Y | X_j]) /
 *       Var(Y)} of each input, estimated from the Monte Carlo runs by binning: the runs are sorted
 *       by the drawn value of {@code X_j} and cut into {@code B = clamp(floor(sqrt(N)), 2, 100)}
 *       bins of (nearly) equal count; the estimate is the between-bin share of the sum of squares
 *       of {@code Y} (the correlation ratio eta squared), corrected for its small-sample bias
 *       like an adjusted R squared: {@code (eta2 - c) / (1 - c)} with {@code c = (B - 1) / (N -
 *       1)}, the expected eta squared of an input that has no effect. Values are clipped at 0.
 *       Unlike one-at-a-time swings, the indices account for the inputs' distributions and for
 *       every other input varying at the same time; they do not capture interactions (the
 *       indices of a model with strong interactions sum to well below 1).</li>
 * </ul>
 */
public final class Sensitivity {

    /**
     * Runs averaged per forecast of a stochastic model (exchange; spatial with
     * {@code transitions=stochastic}) in the tornado and the levers: runs {@code 0 .. 15} of the
     * spec's seed, so a swing is the input's effect, not one seed's luck.
     */
    public static final int STOCHASTIC_SEEDS = 16;

    /**
     * The one-at-a-time effect of one input on one forecast.
     *
     * @param stated forecast with every input at its stated value
     * @param atLow  forecast with this input at its range's low end
     * @param atHigh forecast with this input at its range's high end
     */
    public record OneAtATime(String world, String model, String issue, Input input, double stated, double atLow,
                             double atHigh) {
        /**
         * The range of the three forecasts (at low, stated, at high), ignoring any that is not a
         * number: {@code |atHigh - atLow|} for a monotone effect, and not fooled by an effect that
         * goes up and comes back (a model that drops an actor whose ideal meets the status quo).
         */
        public double swing() {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : new double[] {atLow, stated, atHigh}) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            return hi > lo ? hi - lo : 0;
        }
    }

    /**
     * The first-order index of one input on one forecast.
     *
     * @param index the bias-corrected estimate, clipped to [0, 1]; NaN when the forecast does not vary
     * @param bins  number of bins used
     * @param runs  runs with a numeric forecast
     */
    public record FirstOrder(String world, String model, String issue, Input input, double index, int bins, int runs) {
    }

    private Sensitivity() {
    }

    /**
     * One-at-a-time swings of every uncertain input of a world, for every model and issue of the
     * plan; per model and issue, ranked by swing (largest first, ties in input order).
     */
    public static List<OneAtATime> oneAtATime(Simulation.Plan plan, String world) {
        return oneAtATime(plan, world, MonteCarlo.Progress.NONE);
    }

    /**
     * As {@link #oneAtATime(Simulation.Plan, String)}, reporting each model run (1 + 2 x inputs per
     * model) to {@code progress} and asking it before each run whether to stop.
     *
     * @throws org.parley.engine.ParleyException {@code FAILURE} "cancelled" when {@code progress} cancelled the work
     */
    public static List<OneAtATime> oneAtATime(Simulation.Plan plan, String world, MonteCarlo.Progress progress) {
        Problem base = plan.problems().get(world);
        if (base == null) {
            throw new IllegalArgumentException("world '" + world + "' is not in the plan");
        }
        List<Input> inputs = Inputs.uncertain(plan.resolved().get(world));
        List<BargainingModel> models = plan.models();
        int per = 1 + 2 * inputs.size();
        progress.total((long) models.size() * per);
        List<double[]> out = Parallel.map(models.size() * per, plan.spec().threads(), t -> {
            if (progress.cancelled()) {
                throw new org.parley.engine.ParleyException(org.parley.engine.ErrorCode.FAILURE, "cancelled");
            }
            BargainingModel m = models.get(t / per);
            int e = t % per;
            Problem p = base;
            if (e > 0) {
                Input in = inputs.get((e - 1) / 2);
                p = Inputs.with(base, in, (e - 1) % 2 == 0 ? in.range().low() : in.range().high());
            }
            double[] f = plan.meanForecast(m, p, STOCHASTIC_SEEDS);
            progress.completed(1);
            return f;
        });
        List<OneAtATime> rows = new ArrayList<>();
        List<String> issues = plan.scenario().issues().stream().map(i -> i.id()).toList();
        for (int mi = 0; mi < models.size(); mi++) {
            for (int k = 0; k < issues.size(); k++) {
                List<OneAtATime> block = new ArrayList<>();
                double stated = out.get(mi * per)[k];
                for (int j = 0; j < inputs.size(); j++) {
                    block.add(new OneAtATime(world, models.get(mi).id(), issues.get(k), inputs.get(j), stated,
                            out.get(mi * per + 1 + 2 * j)[k], out.get(mi * per + 2 + 2 * j)[k]));
                }
                block.sort(Comparator.comparingDouble((OneAtATime o) -> -o.swing()));
                rows.addAll(block);
            }
        }
        return rows;
    }

    /**
     * First-order indices of every uncertain input of a world, for every model and issue; per model
     * and issue, ranked by index (largest first). The result must have been run with
     * {@code keepInputs}.
     */
    public static List<FirstOrder> firstOrder(MonteCarloResult result, String world) {
        List<Input> inputs = result.inputs(world);
        double[][] drawn = new double[inputs.size()][];
        for (int j = 0; j < drawn.length; j++) {
            drawn[j] = result.drawn(world, j);
        }
        return firstOrder(world, result.models(), result.issues(), inputs, drawn, result.world(world).forecasts());
    }

    /**
     * First-order indices from the runs of a world made elsewhere (a sweep cell of the plan's
     * options and seed, with every run's forecast kept): the drawn input values are drawn again
     * here, as {@link MonteCarlo} draws them, so the indices equal those of {@link
     * #firstOrder(MonteCarloResult, String)} for the same runs.
     *
     * @param forecasts {@code [model][issue][run]}, {@code runs > 1}
     */
    public static List<FirstOrder> firstOrder(Simulation.Plan plan, String world, double[][][] forecasts) {
        List<Input> inputs = Inputs.uncertain(plan.resolved().get(world));
        int n = forecasts.length == 0 || forecasts[0].length == 0 ? 0 : forecasts[0][0].length;
        double[][] drawn = new double[inputs.size()][n];
        for (int r = 0; r < n; r++) {
            long inSeed = Sampler.inputSeed(org.parley.engine.Seeds.forRun(plan.spec().seed(), r));
            for (int j = 0; j < drawn.length; j++) {
                Input in = inputs.get(j);
                drawn[j][r] = Sampler.draw(in.range(), in.value(), inSeed, in.slot());
            }
        }
        return firstOrder(world, plan.models().stream().map(BargainingModel::id).toList(),
                plan.scenario().issues().stream().map(i -> i.id()).toList(), inputs, drawn, forecasts);
    }

    private static List<FirstOrder> firstOrder(String world, List<String> models, List<String> issues,
                                               List<Input> inputs, double[][] drawn, double[][][] forecasts) {
        int n = drawn.length == 0 ? 0 : drawn[0].length; // the bins matter only when there are inputs
        List<int[]> orders = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            orders.add(order(drawn[j]));
        }
        int bins = Math.max(2, Math.min(100, (int) Math.floor(Math.sqrt(n))));
        List<FirstOrder> rows = new ArrayList<>();
        for (int mi = 0; mi < models.size(); mi++) {
            for (int k = 0; k < issues.size(); k++) {
                double[] y = forecasts[mi][k];
                List<FirstOrder> block = new ArrayList<>();
                for (int j = 0; j < inputs.size(); j++) {
                    block.add(index(world, models.get(mi), issues.get(k), inputs.get(j), y, orders.get(j), bins));
                }
                block.sort(Comparator.comparingDouble((FirstOrder f) -> Double.isNaN(f.index()) ? 1 : -f.index()));
                rows.addAll(block);
            }
        }
        return rows;
    }

    private static FirstOrder index(String world, String model, String issue, Input input, double[] y, int[] order,
                                    int bins) {
        int n = order.length;
        double sum = 0;
        int valid = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                sum += v;
                valid++;
            }
        }
        if (valid < 2 * bins) {
            return new FirstOrder(world, model, issue, input, Double.NaN, bins, valid);
        }
        double mean = sum / valid;
        double total = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                total += (v - mean) * (v - mean);
            }
        }
        if (total <= 0) {
            return new FirstOrder(world, model, issue, input, Double.NaN, bins, valid);
        }
        double between = 0;
        for (int b = 0; b < bins; b++) {
            int lo = (int) ((long) b * n / bins);
            int hi = (int) ((long) (b + 1) * n / bins);
            double s = 0;
            int c = 0;
            for (int r = lo; r < hi; r++) {
                double v = y[order[r]];
                if (Double.isFinite(v)) {
                    s += v;
                    c++;
                }
            }
            if (c > 0) {
                double d = s / c - mean;
                between += c * d * d;
            }
        }
        double eta2 = between / total;
        double c = (bins - 1.0) / (valid - 1.0);
        double index = Math.max(0, Math.min(1, (eta2 - c) / (1 - c)));
        return new FirstOrder(world, model, issue, input, index, bins, valid);
    }

    /** Run indices sorted by value; ties keep run order. */
    private static int[] order(double[] x) {
        Integer[] idx = new Integer[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(x[a], x[b]));
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }
}
