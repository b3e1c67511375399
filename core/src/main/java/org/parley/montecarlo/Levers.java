package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.parley.engine.BargainingModel;
import org.parley.engine.Parallel;
import org.parley.engine.Problem;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.model.Issue;
import org.parley.model.Threshold;

/**
 * Levers: the smallest change of one actor's position or salience on an issue that moves a
 * model's forecast of that issue to the other side of a threshold the scenario names.
 *
 * <p>Search, per model, issue, actor taking part in the issue and input (position, salience), in
 * both directions from the stated value: the input is stepped in {@value #STEPS} equal steps to the
 * end of its domain (the issue's scale for a position, 0 or 100 for a salience), every other input
 * at its stated value; at the first step where the forecast is on the other side of a threshold,
 * the crossing is located by bisection to 1e-6 of the domain. The lever of an input is the smaller
 * of the two directions' changes. A crossing window narrower than one step can be missed. Levers
 * are ranked by the change as a share of the input's domain (so position and salience changes
 * compare), smallest first.
 */
public final class Levers {

    static final int STEPS = 100;
    private static final int BISECTIONS = 40;
    /** A search's model runs as a rough upper figure: the steps plus one bisection (for estimates). */
    public static final int RUNS_PER_SEARCH = STEPS + 2 + BISECTIONS;

    /**
     * One lever.
     *
     * @param crossedNow whether the forecast at stated values already lies beyond the threshold
     *                   (the lever then brings it back)
     * @param stated     forecast at stated values
     * @param from       the input's stated value
     * @param to         the value at which the forecast crosses
     * @param after      the forecast at {@code to}
     * @param relative   {@code |to - from|} divided by the input's domain width
     */
    public record Lever(String world, String model, String issue, Threshold threshold, boolean crossedNow,
                        double stated, Input input, double from, double to, double after, double relative) {
        public double change() {
            return to - from;
        }
    }

    private Levers() {
    }

    /**
     * Every lever of a world: per model, issue and threshold, at most {@code perThreshold} levers,
     * smallest first. Issues without thresholds have none.
     */
    public static List<Lever> find(Simulation.Plan plan, String world, int perThreshold) {
        return find(plan, world, perThreshold, MonteCarlo.Progress.NONE);
    }

    /**
     * The number of searches {@link #find} makes for a world: one per model and stance input
     * (position or salience) on an issue with a threshold. A search runs the model at most about
     * {@value #STEPS} times stepping through the domain plus {@value #BISECTIONS} times per
     * crossing it locates.
     */
    public static int searches(Simulation.Plan plan, String world) {
        return plan.models().size() * candidates(plan, world).size();
    }

    /**
     * {@link #find}, telling {@code progress} the number of searches ({@link #searches}) and each
     * finished one. Reporting never changes the result.
     */
    public static List<Lever> find(Simulation.Plan plan, String world, int perThreshold, MonteCarlo.Progress progress) {
        Problem base = plan.problems().get(world);
        if (base == null) {
            throw new IllegalArgumentException("world '" + world + "' is not in the plan");
        }
        List<Issue> issues = plan.scenario().issues();
        List<Input> candidates = candidates(plan, world);
        List<BargainingModel> models = plan.models();
        progress.total((long) models.size() * candidates.size());
        long seed0 = Seeds.forRun(plan.spec().seed(), 0);
        List<double[]> stated = Parallel.map(models.size(), plan.spec().threads(),
                mi -> plan.meanForecast(models.get(mi), base, Sensitivity.STOCHASTIC_SEEDS));
        int per = candidates.size();
        List<List<Lever>> found = Parallel.map(models.size() * per, plan.spec().threads(), t -> {
            int mi = t / per;
            Input in = candidates.get(t % per);
            List<Lever> l = search(plan, world, base, models.get(mi), in, issues.get(in.issueIndex()), stated.get(mi),
                    seed0);
            progress.completed(1);
            return l;
        });
        List<Lever> out = new ArrayList<>();
        for (int mi = 0; mi < models.size(); mi++) {
            for (Issue issue : issues) {
                for (Threshold th : issue.thresholds()) {
                    List<Lever> block = new ArrayList<>();
                    for (int c = 0; c < per; c++) {
                        for (Lever l : found.get(mi * per + c)) {
                            if (l.issue().equals(issue.id()) && l.threshold().id().equals(th.id())) {
                                block.add(l);
                            }
                        }
                    }
                    block.sort(Comparator.comparingDouble(Lever::relative));
                    out.addAll(block.subList(0, Math.min(perThreshold, block.size())));
                }
            }
        }
        return out;
    }

    private static List<Input> candidates(Simulation.Plan plan, String world) {
        List<Issue> issues = plan.scenario().issues();
        List<Input> candidates = new ArrayList<>();
        for (Input in : Inputs.all(plan.resolved().get(world))) {
            boolean stance = in.kind() == Input.Kind.POSITION || in.kind() == Input.Kind.SALIENCE;
            if (stance && !issues.get(in.issueIndex()).thresholds().isEmpty()) {
                candidates.add(in);
            }
        }
        return candidates;
    }

    private static List<Lever> search(Simulation.Plan plan, String world, Problem base, BargainingModel model, Input in,
                                      Issue issue, double[] stated, long seed) {
        int k = in.issueIndex();
        double lo = in.kind() == Input.Kind.POSITION ? base.scaleMin(k) : 0;
        double hi = in.kind() == Input.Kind.POSITION ? base.scaleMax(k) : 100;
        double width = hi - lo;
        List<Threshold> ths = issue.thresholds();
        double now = stated[k];
        List<Lever> out = new ArrayList<>();
        // the thresholds of an issue scan the same grid of values: each value's forecast is made once
        java.util.Map<Double, double[]> made = new java.util.HashMap<>();
        java.util.function.DoubleFunction<double[]> at = x -> made.computeIfAbsent(x,
                v -> forecast(plan, model, base, in, v, seed));
        for (Threshold th : ths) {
            boolean crossed = th.crossedBy(now);
            Lever best = null;
            for (int dir = -1; dir <= 1; dir += 2) {
                double end = dir < 0 ? lo : hi;
                double prev = in.value();
                double span = Math.abs(end - in.value());
                if (span == 0) {
                    continue;
                }
                int steps = Math.max(1, (int) Math.ceil(STEPS * span / width));
                for (int s = 1; s <= steps; s++) {
                    double x = s == steps ? end : in.value() + (end - in.value()) * s / steps;
                    double f = at.apply(x)[k];
                    if (!Double.isNaN(f) && th.crossedBy(f) != crossed) {
                        double a = prev;
                        double b = x;
                        double fb = f;
                        for (int it = 0; it < BISECTIONS && Math.abs(b - a) > 1e-6 * width; it++) {
                            double mid = (a + b) / 2;
                            double fm = at.apply(mid)[k];
                            if (!Double.isNaN(fm) && th.crossedBy(fm) != crossed) {
                                b = mid;
                                fb = fm;
                            } else {
                                a = mid;
                            }
                        }
                        double rel = Math.abs(b - in.value()) / width;
                        if (best == null || rel < best.relative()) {
                            best = new Lever(world, model.id(), issue.id(), th, crossed, now, in, in.value(), b, fb, rel);
                        }
                        break;
                    }
                    prev = x;
                }
            }
            if (best != null) {
                out.add(best);
            }
        }
        return out;
    }

    private static double[] forecast(Simulation.Plan plan, BargainingModel model, Problem base, Input in, double x,
                                     long seed) {
        return plan.meanForecast(model, Inputs.with(base, in, x), Sensitivity.STOCHASTIC_SEEDS);
    }
}
