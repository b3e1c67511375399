package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;

/**
 * Variance-based (Sobol) sensitivity indices of independent inputs, from the radial design of
 * Saltelli et al. (2010): two base samples {@code A} and {@code B} of {@code N} rows each, and for
 * every input {@code i} the matrix {@code A_B(i)}, {@code A} with column {@code i} taken from
 * {@code B}: {@code N (k + 2)} evaluations for {@code k} inputs.
 *
 * <ul>
 *   <li>first-order index {@code S_i = (1/N) sum_r (f(B)_r - m) (f(A_B(i))_r - f(A)_r) / V} (Saltelli
 *       et al. 2010, Table 2 (b), with {@code f} centred on its sample mean {@code m}: the same
 *       expectation, but an error that no longer grows with the square of the mean, which matters
 *       for forecasts far from 0 with a small spread);</li>
 *   <li>total index {@code ST_i = (1/(2N)) sum_r (f(A)_r - f(A_B(i))_r)^2 / V} (Jansen 1999);</li>
 * </ul>
 * with {@code V} the variance of {@code f} over the {@code 2N} rows of {@code A} and {@code B}
 * (divided by {@code 2N}). Estimates are not clipped: with few rows a small index can come out
 * slightly negative, which says that it is zero within the noise. Rows whose output is not a number
 * (a model gave no forecast) are left out of that output's sums.
 *
 * <p>Seeded: row {@code r} of {@code A} draws every input from the run seed
 * {@code Seeds.forRun(seed, 2r)} and row {@code r} of {@code B} from {@code Seeds.forRun(seed, 2r +
 * 1)} (each input from its own stream, {@link Sampler}); a stochastic model runs every point of row
 * {@code r} with the seed of {@code A}'s row. So the indices are a pure function of the seed, and
 * rows can be computed anywhere, in any order.
 */
public final class Sobol {

    /**
     * The indices of one output.
     *
     * @param first    first-order index per input
     * @param total    total index per input
     * @param variance the output's variance
     * @param rows     rows with a numeric output
     */
    public record Indices(double[] first, double[] total, double variance, int rows) {
    }

    /**
     * One input's indices on one forecast.
     *
     * @param first first-order index {@code S_i}
     * @param total total index {@code ST_i}
     */
    public record Row(String world, String model, String issue, Input input, double first, double total, int rows) {
    }

    private Sobol() {
    }

    /**
     * The estimators on evaluated design rows.
     *
     * @param fA  f on the rows of A
     * @param fB  f on the rows of B
     * @param fAB {@code fAB[i]}: f on the rows of {@code A_B(i)}
     */
    public static Indices estimate(double[] fA, double[] fB, double[][] fAB) {
        int n = fA.length;
        int k = fAB.length;
        double sum = 0;
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (finite(fA[r], fB[r])) {
                sum += fA[r] + fB[r];
                m += 2;
            }
        }
        double[] first = new double[k];
        double[] total = new double[k];
        if (m == 0) {
            java.util.Arrays.fill(first, Double.NaN);
            java.util.Arrays.fill(total, Double.NaN);
            return new Indices(first, total, Double.NaN, 0);
        }
        double mean = sum / m;
        double ss = 0;
        for (int r = 0; r < n; r++) {
            if (finite(fA[r], fB[r])) {
                ss += (fA[r] - mean) * (fA[r] - mean) + (fB[r] - mean) * (fB[r] - mean);
            }
        }
        double v = ss / m;
        for (int i = 0; i < k; i++) {
            double s1 = 0;
            double st = 0;
            int c = 0;
            for (int r = 0; r < n; r++) {
                double ab = fAB[i][r];
                if (finite(fA[r], fB[r]) && Double.isFinite(ab)) {
                    s1 += (fB[r] - mean) * (ab - fA[r]);
                    st += (fA[r] - ab) * (fA[r] - ab);
                    c++;
                }
            }
            first[i] = v > 0 && c > 0 ? s1 / c / v : Double.NaN;
            total[i] = v > 0 && c > 0 ? st / (2.0 * c) / v : Double.NaN;
        }
        return new Indices(first, total, v, m / 2);
    }

    /**
     * Indices of a function of {@code k} independent inputs, each uniform on [0, 1), from {@code n}
     * rows (for tests and for functions outside Parley's scenarios).
     */
    public static Indices ofFunction(int k, int n, long seed, ToDoubleFunction<double[]> f) {
        if (k < 1 || n < 2) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "Sobol indices need k >= 1 inputs and n >= 2 rows");
        }
        double[] fA = new double[n];
        double[] fB = new double[n];
        double[][] fAB = new double[k][n];
        for (int r = 0; r < n; r++) {
            double[] a = uniforms(Seeds.forRun(seed, 2L * r), k);
            double[] b = uniforms(Seeds.forRun(seed, 2L * r + 1), k);
            fA[r] = f.applyAsDouble(a.clone());
            fB[r] = f.applyAsDouble(b.clone());
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                fAB[i][r] = f.applyAsDouble(ab);
            }
        }
        return estimate(fA, fB, fAB);
    }

    private static double[] uniforms(long runSeed, int k) {
        long in = Sampler.inputSeed(runSeed);
        double[] u = new double[k];
        for (int i = 0; i < k; i++) {
            u[i] = Sampler.uniform(in, i, 0);
        }
        return u;
    }

    /**
     * Evaluates design row {@code r} of a world: {@code [point][model][issue]} with points
     * {@code A}, {@code B}, then {@code A_B(0)} .. {@code A_B(k-1)} for the given inputs.
     */
    public static double[][][] row(Simulation.Plan plan, String world, List<Input> inputs, int r) {
        Problem base = plan.problems().get(world);
        if (base == null) {
            throw new IllegalArgumentException("world '" + world + "' is not in the plan");
        }
        long seedA = Seeds.forRun(plan.spec().seed(), 2L * r);
        long seedB = Seeds.forRun(plan.spec().seed(), 2L * r + 1);
        double[] a = draw(inputs, seedA);
        double[] b = draw(inputs, seedB);
        int k = inputs.size();
        Inputs.Editor editor = new Inputs.Editor(base);
        List<BargainingModel> models = plan.models();
        double[][][] out = new double[k + 2][models.size()][];
        for (int p = 0; p < k + 2; p++) {
            double[] x = p == 0 ? a : p == 1 ? b : a.clone();
            if (p >= 2) {
                x[p - 2] = b[p - 2];
            }
            Problem problem = editor.with(inputs, x);
            for (int mi = 0; mi < models.size(); mi++) {
                out[p][mi] = plan.forecast(models.get(mi), problem, seedA).clone();
            }
        }
        return out;
    }

    private static double[] draw(List<Input> inputs, long runSeed) {
        double[] v = new double[inputs.size()];
        Sampler.draw(inputs, Sampler.inputSeed(runSeed), v);
        return v;
    }

    /**
     * The indices of every input on every model's forecast of every issue of a world, from its
     * evaluated rows ({@link #row} for {@code r = 0 .. N-1}, in order); per model and issue ranked
     * by total index (largest first, NaN last).
     */
    public static List<Row> indices(Simulation.Plan plan, String world, List<Input> inputs, List<double[][][]> rows) {
        Objects.requireNonNull(rows, "rows");
        int n = rows.size();
        int k = inputs.size();
        List<String> issues = plan.scenario().issues().stream().map(i -> i.id()).toList();
        List<Row> out = new ArrayList<>();
        for (int mi = 0; mi < plan.models().size(); mi++) {
            for (int q = 0; q < issues.size(); q++) {
                double[] fA = new double[n];
                double[] fB = new double[n];
                double[][] fAB = new double[k][n];
                for (int r = 0; r < n; r++) {
                    double[][][] row = rows.get(r);
                    fA[r] = row[0][mi][q];
                    fB[r] = row[1][mi][q];
                    for (int i = 0; i < k; i++) {
                        fAB[i][r] = row[i + 2][mi][q];
                    }
                }
                Indices ix = estimate(fA, fB, fAB);
                List<Row> block = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    block.add(new Row(world, plan.models().get(mi).id(), issues.get(q), inputs.get(i), ix.first()[i],
                            ix.total()[i], ix.rows()));
                }
                block.sort(Comparator.comparingDouble((Row x) -> Double.isNaN(x.total()) ? 1 : -x.total()));
                out.addAll(block);
            }
        }
        return out;
    }

    private static boolean finite(double a, double b) {
        return Double.isFinite(a) && Double.isFinite(b);
    }
}
