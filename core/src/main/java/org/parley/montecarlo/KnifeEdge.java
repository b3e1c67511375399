package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.BargainingModel;
import org.parley.engine.Numbers;
import org.parley.engine.Parallel;
import org.parley.engine.Problem;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;

/**
 * Knife edges: a point forecast that a tiny change of one input moves by more than
 * {@link #MOVE} of the issue's scale.
 *
 * <p>Search, per world, model and input (every actor's position and salience on every issue it
 * takes part in, every actor's capability, every issue's status quo, every stated outside option), in both
 * directions from the
 * stated value, every other input at its stated value: first every input is moved by {@link #LIMIT}
 * of its domain; the inputs and directions that move the forecast of an issue by more than
 * {@code MOVE} of that issue's scale are its candidates. Then one bisection over all candidates of an
 * issue together (to 1e-6 of the domain): at each midpoint every remaining candidate is probed, and
 * if some move the forecast, only they remain. The domain of a position or status quo is the issue's
 * scale, of a salience 0-100, of a capability its stated value (a relative change). A change that
 * moves the forecast at a smaller step but not at {@code LIMIT} (a jump there and back) is missed; a
 * forecast whose edge lies beyond {@code LIMIT} is not reported. The forecasts are those of
 * {@link Simulation.Plan#forecast} with run 0's seed, as the point forecast.
 */
public final class KnifeEdge {

    /** The move that counts: a share of the issue's scale. */
    public static final double MOVE = 0.10;
    /** The largest change searched, as a share of the input's domain; edges closer than this are marked. */
    public static final double LIMIT = 0.01;
    private static final int BISECTIONS = 40;

    /**
     * The smallest change found for one forecast.
     *
     * @param world    world id
     * @param model    model id
     * @param issue    the issue whose forecast moves
     * @param input    the input changed
     * @param stated   the forecast at stated values
     * @param from     the input's stated value
     * @param to       the value at which the forecast has moved by more than {@link #MOVE} of the scale
     * @param after    the forecast at {@code to}
     * @param relative {@code |to - from|} as a share of the input's domain ({@link #domain})
     */
    public record Edge(String world, String model, String issue, Input input, double stated, double from, double to,
                       double after, double relative) {

        /** What {@link #relative} is a share of, in words. */
        public String domain() {
            return KnifeEdge.domain(input.kind());
        }

        /** E.g. {@code aid 83.1 -> 45.0 if military position on aid 80 -> 79.99 (0.01% of the scale)}. */
        public String describe() {
            return issue + " " + Numbers.fixed(stated, 1) + " -> " + Numbers.fixed(after, 1) + " if " + input.label()
                    + " " + Numbers.format(from) + " -> " + Numbers.format(Math.round(to * 1e4) / 1e4) + " ("
                    + percent(relative) + " of " + domain() + ")";
        }
    }

    private KnifeEdge() {
    }

    /** What a change of an input of this kind is measured against. */
    public static String domain(Input.Kind kind) {
        return switch (kind) {
            case POSITION, OTHERWISE, STATUS_QUO, OUTSIDE_OPTION -> "the issue's scale";
            case SALIENCE -> "the 0-100 salience scale";
            case CAPABILITY -> "its stated value";
        };
    }

    /** A share as a percentage with enough digits to be non-zero, e.g. {@code 0.012%}. */
    public static String percent(double share) {
        double p = share * 100;
        if (p >= 0.1) {
            return Numbers.fixed(p, 1) + "%";
        }
        if (p >= 0.01) {
            return Numbers.fixed(p, 2) + "%";
        }
        return Numbers.fixed(p, 4) + "%";
    }

    /**
     * The knife edges of every world and model of a plan: per world, model and issue, the smallest
     * change found within {@link #LIMIT}, in world, model and issue order; forecasts without one are
     * absent.
     */
    public static List<Edge> find(Simulation.Plan plan) {
        return find(plan, id -> true);
    }

    /** As {@link #find(Simulation.Plan)} for the models {@code searched} accepts only. */
    public static List<Edge> find(Simulation.Plan plan, java.util.function.Predicate<String> searched) {
        List<Edge> out = new ArrayList<>();
        for (String w : plan.worlds()) {
            out.addAll(find(plan, w, searched));
        }
        return out;
    }

    /** As {@link #find(Simulation.Plan)} for one world. */
    public static List<Edge> find(Simulation.Plan plan, String world) {
        return find(plan, world, id -> true);
    }

    /** As {@link #find(Simulation.Plan, java.util.function.Predicate)} for one world. */
    public static List<Edge> find(Simulation.Plan plan, String world, java.util.function.Predicate<String> searched) {
        Problem base = plan.problems().get(world);
        if (base == null) {
            throw new IllegalArgumentException("world '" + world + "' is not in the plan");
        }
        List<Input> inputs = new ArrayList<>();
        for (Input in : Inputs.all(plan.resolved().get(world))) {
            if (domainWidth(base, in) > 0) {
                inputs.add(in);
            }
        }
        List<BargainingModel> models = new ArrayList<>();
        for (BargainingModel bm : plan.models()) {
            if (searched.test(bm.id())) {
                models.add(bm);
            }
        }
        long seed0 = Seeds.forRun(plan.spec().seed(), 0);
        int m = base.issueCount();
        List<double[]> stated = Parallel.map(models.size(), plan.spec().threads(),
                mi -> plan.forecast(models.get(mi), base, seed0).clone());
        // phase 1: every input and direction at the limit; which issues' forecasts moved
        int per = inputs.size() * 2;
        List<boolean[]> moved = Parallel.map(models.size() * per, plan.spec().threads(), t -> {
            int mi = t / per;
            int c = t % per;
            double[] f = probe(plan, models.get(mi), base, inputs.get(c / 2), c % 2 == 0 ? -1 : 1, LIMIT, seed0);
            boolean[] mv = new boolean[m];
            for (int k = 0; f != null && k < m; k++) {
                mv[k] = moved(base, k, stated.get(mi)[k], f[k]);
            }
            return mv;
        });
        // phase 2: per model and issue, bisect the smallest change over the candidates together
        List<Edge> out = new ArrayList<>();
        List<Edge> found = Parallel.map(models.size() * m, plan.spec().threads(), t -> {
            int mi = t / m;
            int k = t % m;
            List<Integer> cands = new ArrayList<>();
            for (int c = 0; c < per; c++) {
                if (moved.get(mi * per + c)[k]) {
                    cands.add(c);
                }
            }
            if (cands.isEmpty()) {
                return null;
            }
            return smallest(plan, world, base, models.get(mi), inputs, cands, stated.get(mi), k, seed0);
        });
        for (Edge e : found) {
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Bisection on the smallest change over several candidates (input and direction): at each step
     * every remaining candidate is probed at the midpoint; if some moved the forecast, only they
     * remain and the upper end comes down, else the lower end goes up.
     */
    private static Edge smallest(Simulation.Plan plan, String world, Problem base, BargainingModel model,
                                 List<Input> inputs, List<Integer> cands, double[] stated, int k, long seed) {
        double lo = 0;
        double hi = LIMIT;
        List<Integer> left = new ArrayList<>(cands);
        Map<Integer, Double> after = new LinkedHashMap<>();
        for (int c : left) {
            after.put(c, probe(plan, model, base, inputs.get(c / 2), c % 2 == 0 ? -1 : 1, LIMIT, seed)[k]);
        }
        for (int it = 0; it < BISECTIONS && hi - lo > 1e-6; it++) {
            double mid = (lo + hi) / 2;
            List<Integer> hit = new ArrayList<>();
            Map<Integer, Double> at = new LinkedHashMap<>();
            for (int c : left) {
                double[] f = probe(plan, model, base, inputs.get(c / 2), c % 2 == 0 ? -1 : 1, mid, seed);
                if (f != null && moved(base, k, stated[k], f[k])) {
                    hit.add(c);
                    at.put(c, f[k]);
                }
            }
            if (hit.isEmpty()) {
                lo = mid;
            } else {
                left = hit;
                after.putAll(at);
                hi = mid;
            }
        }
        int c = left.get(0);
        Input in = inputs.get(c / 2);
        double width = domainWidth(base, in);
        double to = value(base, in, c % 2 == 0 ? -1 : 1, hi);
        return new Edge(world, model.id(), base.issueId(k), in, stated[k], in.value(), to, after.get(c),
                Math.abs(to - in.value()) / width);
    }

    /** The input moved by {@code share} of its domain in direction {@code dir}, clipped to its bounds. */
    private static double value(Problem base, Input in, int dir, double share) {
        double[] b = bounds(base, in);
        return Math.max(b[0], Math.min(b[1], in.value() + dir * share * domainWidth(base, in)));
    }

    /** The forecast with the input moved, or {@code null} when the input cannot move that way. */
    private static double[] probe(Simulation.Plan plan, BargainingModel model, Problem base, Input in, int dir,
                                  double share, long seed) {
        double x = value(base, in, dir, share);
        if (x == in.value()) {
            return null;
        }
        return plan.forecast(model, Inputs.with(base, in, x), seed);
    }

    static double domainWidth(Problem p, Input in) {
        return switch (in.kind()) {
            case POSITION, OTHERWISE, STATUS_QUO, OUTSIDE_OPTION -> p.scaleMax(in.issueIndex()) - p.scaleMin(in.issueIndex());
            case SALIENCE -> 100;
            case CAPABILITY -> Math.abs(in.value());
        };
    }

    private static double[] bounds(Problem p, Input in) {
        return switch (in.kind()) {
            case POSITION, OTHERWISE, STATUS_QUO, OUTSIDE_OPTION -> new double[] {p.scaleMin(in.issueIndex()),
                    p.scaleMax(in.issueIndex())};
            case SALIENCE -> new double[] {0, 100};
            case CAPABILITY -> new double[] {0, Double.POSITIVE_INFINITY};
        };
    }

    private static boolean moved(Problem p, int k, double stated, double now) {
        if (Double.isNaN(stated) || Double.isNaN(now)) {
            return false;
        }
        return Math.abs(now - stated) > MOVE * (p.scaleMax(k) - p.scaleMin(k));
    }
}
