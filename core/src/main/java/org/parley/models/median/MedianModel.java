package org.parley.models.median;

import java.util.ArrayList;
import java.util.List;

import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.OptionSpec;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;
import org.parley.engine.Weights;

/**
 * The weighted median: on each issue, the position at which the actors on either side hold less
 * than half of the total weight. With linear single-peaked preferences and weighted voting it is
 * the Condorcet winner (Black 1948): no other position beats it in a pairwise weighted vote.
 *
 * <p>Ties: when the weight to the left of some gap is exactly half the total, every point of the
 * gap is a median; option {@code ties} chooses {@code midpoint} (default), {@code lower} or
 * {@code upper}.
 */
public final class MedianModel implements BargainingModel {

    public static final String ID = "median";
    private static final double HALF_TOLERANCE = 1e-12;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Weighted median of positions: the Condorcet winner under weighted voting";
    }

    @Override
    public String reference() {
        return "Black (1948), J. Political Economy 56; Achen (2006) in The European Union Decides";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(Weights.option("what weighs each actor's vote"),
                OptionSpec.choice("ties", "midpoint", "which point when a whole interval is median",
                        "midpoint", "lower", "upper"));
    }

    @Override
    public Trajectory run(Problem p, ModelOptions options, RunContext context) {
        Settings set = options.parsed(Settings.class, o -> new Settings(Weights.from(o), o.get("ties")));
        Weights w = set.weights();
        String ties = set.ties();
        // an untraced run (the caller reads only the forecast) writes no notes
        List<String> notes = context.trace() ? new ArrayList<>() : null;
        double[] out = new double[p.issueCount()];
        Scratch scratch = new Scratch(p.actorCount());
        for (int k = 0; k < p.issueCount(); k++) {
            out[k] = weightedMedian(p, k, w, ties, scratch);
            if (Double.isNaN(out[k]) && w != Weights.EQUAL) {
                out[k] = weightedMedian(p, k, Weights.EQUAL, ties);
                if (!Double.isNaN(out[k])) {
                    note(notes, "issue " + p.issueId(k) + ": every weight is 0; unweighted median used");
                }
            }
            if (Double.isNaN(out[k])) {
                note(notes, "issue " + p.issueId(k) + ": no actor takes part; no forecast");
            }
        }
        return notes == null ? Trajectory.untracedStaticForecast(p, out) : Trajectory.staticForecast(p, out, notes);
    }

    private static void note(List<String> notes, String note) {
        if (notes != null) {
            notes.add(note);
        }
    }

    /** The options as a run reads them, parsed once per set of options ({@link ModelOptions#parsed}). */
    private record Settings(Weights weights, String ties) {
    }

    /** The weighted median on issue {@code k}, NaN when every weight is 0. */
    public static double weightedMedian(Problem p, int k, Weights w, String ties) {
        return weightedMedian(p, k, w, ties, new Scratch(p.actorCount()));
    }

    /** The arrays one run's medians work in (each issue overwrites what it uses). */
    private static final class Scratch {
        final double[] xs;
        final double[] ws;
        final int[] order;
        final int[] tmp;

        Scratch(int n) {
            xs = new double[n];
            ws = new double[n];
            order = new int[n];
            tmp = new int[n];
        }
    }

    private static double weightedMedian(Problem p, int k, Weights w, String ties, Scratch scratch) {
        int n = p.actorCount();
        double[] xs = scratch.xs;
        double[] ws = scratch.ws;
        int count = 0;
        for (int i = 0; i < n; i++) {
            double wi = w.weight(p, i, k);
            if (wi > 0) {
                xs[count] = p.position()[i][k];
                ws[count] = wi;
                count++;
            }
        }
        return weightedMedian(xs, ws, count, ties, scratch.order, scratch.tmp);
    }

    /** The weighted median of {@code xs} under weights {@code ws} (both unchanged). */
    public static double weightedMedian(double[] xs, double[] ws, String ties) {
        return weightedMedian(xs, ws, xs.length, ties, new int[xs.length], new int[xs.length]);
    }

    /**
     * The weighted median of the first {@code n} values of {@code xs} under weights {@code ws}, in
     * {@code order} and {@code tmp} (at least {@code n} long, overwritten).
     */
    private static double weightedMedian(double[] xs, double[] ws, int n, String ties, int[] order, int[] tmp) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            total += ws[i];
        }
        if (n == 0 || total <= 0) {
            return Double.NaN;
        }
        sortByValue(order, xs, tmp, 0, n);
        double half = total / 2;
        double cum = 0;
        for (int r = 0; r < n; r++) {
            int i = order[r];
            cum += ws[i];
            // merge actors standing on the same point
            while (r + 1 < n && xs[order[r + 1]] == xs[i]) {
                r++;
                cum += ws[order[r]];
            }
            if (Math.abs(cum - half) <= HALF_TOLERANCE * total && r + 1 < n) {
                double lower = xs[i];
                double upper = xs[order[r + 1]];
                switch (ties) {
                    case "lower":
                        return lower;
                    case "upper":
                        return upper;
                    default:
                        return (lower + upper) / 2;
                }
            }
            if (cum > half) {
                return xs[i];
            }
        }
        return xs[order[n - 1]];
    }

    /** Stable merge sort of {@code order[from, to)} by {@code xs}, on primitives. */
    private static void sortByValue(int[] order, double[] xs, int[] tmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        sortByValue(order, xs, tmp, from, mid);
        sortByValue(order, xs, tmp, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            tmp[k++] = Double.compare(xs[order[j]], xs[order[i]]) < 0 ? order[j++] : order[i++];
        }
        while (i < mid) {
            tmp[k++] = order[i++];
        }
        while (j < to) {
            tmp[k++] = order[j++];
        }
        System.arraycopy(tmp, from, order, from, to - from);
    }
}
