package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.BargainingModel;
import org.parley.engine.Numbers;
import org.parley.engine.Parallel;
import org.parley.engine.Problem;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.Scenario;

/**
 * Two worlds side by side: per model and issue, the forecast in each, the difference (second minus
 * first), its distribution over Monte Carlo runs, and which differences between the worlds cause
 * it.
 *
 * <p>The causes are the values in which the two resolved worlds differ (a position, salience,
 * outside option, capability or status quo, or an actor taking part in an issue or not), each
 * labelled with the branch whose change sets it. Each cause's effect is one-at-a-time: the forecast of the first
 * world with only that value changed to the second world's, minus the first world's forecast (all
 * at stated values, with run 0's seed). Causes are ranked by the size of their effect; what the
 * single effects do not add up to is reported as the interaction.
 *
 * <p>With more than one run, the difference is taken run by run: run {@code i} of both worlds
 * draws every input they share from the same stream, so the paired difference shows the effect of
 * the branch without the noise of independent draws.
 */
public final class Comparison {

    /**
     * A value in which the worlds differ.
     *
     * @param id     stable id, e.g. {@code position:usa:sanctions} or {@code takes-part:russia:sanctions}
     * @param label  the difference in words, e.g. {@code usa position on sanctions 30 -> 60}
     * @param branch the branch whose change sets the value (of the second world, else of the first)
     */
    public record Difference(String id, String label, String branch, List<Input> inputs, List<Double> values) {
        public Difference {
            inputs = List.copyOf(inputs);
            values = List.copyOf(values);
            if (inputs.size() != values.size()) {
                throw new IllegalArgumentException("one value per input: " + inputs.size() + " inputs, "
                        + values.size() + " values");
            }
        }

        Difference(String id, String label, String branch, List<Input> inputs, double[] values) {
            this(id, label, branch, inputs, java.util.Arrays.stream(values).boxed().toList());
        }

        /** The values as an array, in input order. */
        public double[] valueArray() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** One difference with its one-at-a-time effect on a forecast. */
    public record Cause(Difference difference, double effect) {
    }

    /**
     * One model on one issue.
     *
     * @param first       forecast in the first world at stated values
     * @param second      forecast in the second world at stated values
     * @param difference  {@code second - first}
     * @param runs        the run-by-run difference over Monte Carlo runs (a single value when runs = 1)
     * @param causes      the differences ranked by the size of their effect
     * @param interaction {@code difference} minus the sum of the effects
     */
    public record Row(String model, String issue, double first, double second, double difference, Summary runs,
                      List<Cause> causes, double interaction) {
        public Row {
            causes = List.copyOf(causes);
        }
    }

    /** The comparison of two worlds. */
    public record Result(String first, String second, int runs, List<Difference> differences, List<Row> rows) {
        public Result {
            differences = List.copyOf(differences);
            rows = List.copyOf(rows);
        }
    }

    private Comparison() {
    }

    /**
     * Compares two worlds ({@code base} or branch ids) for every selected model.
     *
     * @throws org.parley.engine.ParleyException UNKNOWN_ID for an unknown world
     */
    public static Result compare(MonteCarlo monteCarlo, Scenario scenario, RunSpec spec, String first, String second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        RunSpec pair = spec.withWorlds(List.of(first, second));
        Simulation.Plan plan = monteCarlo.simulation().plan(scenario, pair);
        List<Difference> diffs = differences(scenario, plan.resolved().get(first), plan.resolved().get(second),
                first, second);
        List<BargainingModel> models = plan.models();
        Problem a = plan.problems().get(first);
        Problem b = plan.problems().get(second);
        long seed0 = Seeds.forRun(spec.seed(), 0);
        int per = diffs.size() + 2;
        List<double[]> out = Parallel.map(models.size() * per, spec.threads(), t -> {
            BargainingModel m = models.get(t / per);
            int e = t % per;
            Problem p = e == 0 ? a : e == 1 ? b : Inputs.with(a, diffs.get(e - 2).inputs(), diffs.get(e - 2).valueArray());
            return plan.forecast(m, p, seed0).clone();
        });
        MonteCarloResult mc = spec.runs() > 1 ? monteCarlo.run(scenario, pair) : null;
        List<Row> rows = new ArrayList<>();
        List<String> issues = scenario.issues().stream().map(i -> i.id()).toList();
        for (int mi = 0; mi < models.size(); mi++) {
            for (int k = 0; k < issues.size(); k++) {
                double fa = out.get(mi * per)[k];
                double fb = out.get(mi * per + 1)[k];
                List<Cause> causes = new ArrayList<>();
                double sum = 0;
                for (int e = 0; e < diffs.size(); e++) {
                    double eff = out.get(mi * per + 2 + e)[k] - fa;
                    causes.add(new Cause(diffs.get(e), eff));
                    sum += Double.isNaN(eff) ? 0 : eff;
                }
                causes.sort(Comparator.comparingDouble((Cause c) -> Double.isNaN(c.effect()) ? -1 : -Math.abs(c.effect())));
                Summary runs;
                String model = models.get(mi).id();
                if (mc != null) {
                    double[] x = mc.forecasts(first, model, issues.get(k));
                    double[] y = mc.forecasts(second, model, issues.get(k));
                    double[] d = new double[x.length];
                    for (int r = 0; r < d.length; r++) {
                        d[r] = y[r] - x[r];
                    }
                    runs = Summary.of(d, List.of());
                } else {
                    runs = Summary.of(new double[] {fb - fa}, List.of());
                }
                rows.add(new Row(model, issues.get(k), fa, fb, fb - fa, runs, causes, fb - fa - sum));
            }
        }
        return new Result(first, second, spec.runs(), diffs, rows);
    }

    /** The values in which two resolved worlds of a scenario differ, in slot order. */
    static List<Difference> differences(Scenario scenario, Scenario first, Scenario second, String firstId,
                                        String secondId) {
        Map<Integer, Input> xa = bySlot(Inputs.all(first));
        Map<Integer, Input> xb = bySlot(Inputs.all(second));
        int n = first.actors().size();
        int m = first.issues().size();
        List<Difference> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                int ps = Inputs.slot(Input.Kind.POSITION, i, k, n, m);
                int ss = Inputs.slot(Input.Kind.SALIENCE, i, k, n, m);
                Input pa = xa.get(ps);
                Input pb = xb.get(ps);
                if (pa == null && pb == null) {
                    continue;
                }
                if (pa == null || pb == null) {
                    Input p = pa == null ? pb : pa;
                    Input s = pa == null ? xb.get(ss) : xa.get(ss);
                    String actor = p.actor();
                    String issue = p.issue();
                    double[] v = pb == null ? new double[] {Double.NaN, 0} : new double[] {pb.value(), xb.get(ss).value()};
                    String label = pb == null ? actor + " leaves " + issue
                            : actor + " takes part in " + issue + " (position " + Numbers.format(pb.value())
                            + ", salience " + Numbers.format(xb.get(ss).value()) + ")";
                    out.add(new Difference("takes-part:" + actor + ":" + issue, label,
                            branchOf(scenario, firstId, secondId, Change.Field.REMOVE, actor, issue),
                            List.of(p, s), v));
                    continue;
                }
                addIfDifferent(out, scenario, firstId, secondId, pa, pb, Change.Field.POSITION);
                addIfDifferent(out, scenario, firstId, secondId, xa.get(ss), xb.get(ss), Change.Field.SALIENCE);
                int os = Inputs.slot(Input.Kind.OTHERWISE, i, k, n, m);
                addIfDifferent(out, scenario, firstId, secondId, xa.get(os), xb.get(os), Change.Field.POSITION);
                int oo = Inputs.slot(Input.Kind.OUTSIDE_OPTION, i, k, n, m);
                int qs = Inputs.slot(Input.Kind.STATUS_QUO, -1, k, n, m);
                addIfDifferent(out, scenario, firstId, secondId, orDefault(xa.get(oo), xb.get(oo), xa.get(qs)),
                        orDefault(xb.get(oo), xa.get(oo), xb.get(qs)), Change.Field.OUTSIDE_OPTION);
            }
        }
        for (int i = 0; i < n; i++) {
            int cs = Inputs.slot(Input.Kind.CAPABILITY, i, -1, n, m);
            addIfDifferent(out, scenario, firstId, secondId, xa.get(cs), xb.get(cs), Change.Field.CAPABILITY);
        }
        for (int k = 0; k < m; k++) {
            int qs = Inputs.slot(Input.Kind.STATUS_QUO, -1, k, n, m);
            Input qa = xa.get(qs);
            Input qb = xb.get(qs);
            if (qa != null && qb != null) {
                addIfDifferent(out, scenario, firstId, secondId, qa, qb, Change.Field.STATUS_QUO);
            } else if (qa != null || qb != null) {
                Input q = qa == null ? qb : qa;
                double to = qb == null ? Double.NaN : qb.value();
                out.add(new Difference(q.id(), q.label() + " " + (qa == null ? "none" : Numbers.format(qa.value()))
                        + " -> " + (qb == null ? "none" : Numbers.format(to)),
                        branchOf(scenario, firstId, secondId, Change.Field.STATUS_QUO, null, q.issue()),
                        List.of(q), new double[] {to}));
            }
        }
        return out;
    }

    /**
     * An outside option as stated, else (when only the other world states one) the default it stands
     * for: the issue's status quo, as the same input; null when neither applies.
     */
    private static Input orDefault(Input stated, Input other, Input statusQuo) {
        if (stated != null || other == null || statusQuo == null) {
            return stated;
        }
        return new Input(other.kind(), other.actor(), other.issue(), other.actorIndex(), other.issueIndex(),
                statusQuo.value(), null, other.slot());
    }

    private static void addIfDifferent(List<Difference> out, Scenario s, String firstId, String secondId, Input a,
                                       Input b, Change.Field field) {
        if (a == null || b == null || Double.compare(a.value(), b.value()) == 0) {
            return;
        }
        out.add(new Difference(a.id(), a.label() + " " + Numbers.format(a.value()) + " -> " + Numbers.format(b.value()),
                branchOf(s, firstId, secondId, field, a.actor(), a.issue()), List.of(a), new double[] {b.value()}));
    }

    /** The branch that last sets a value in the second world's chain, else in the first's, else "". */
    private static String branchOf(Scenario s, String firstId, String secondId, Change.Field field, String actor,
                                   String issue) {
        String found = lastChange(s, secondId, field, actor, issue);
        return found.isEmpty() ? lastChange(s, firstId, field, actor, issue) : found;
    }

    private static String lastChange(Scenario s, String world, Change.Field field, String actor, String issue) {
        List<Branch> chain = new ArrayList<>();
        String cur = Scenario.BASE.equals(world) ? null : world;
        while (cur != null && chain.size() <= s.branches().size()) {
            String id = cur;
            Branch b = s.branch(id).orElse(null);
            if (b == null) {
                break;
            }
            chain.add(0, b);
            cur = b.base();
        }
        String found = "";
        for (Branch b : chain) {
            for (Change c : b.changes()) {
                boolean hit;
                switch (field) {
                    case REMOVE:
                        hit = c.field() == Change.Field.REMOVE && Objects.equals(c.actor(), actor)
                                && (c.issue() == null || c.issue().equals(issue));
                        break;
                    case CAPABILITY:
                        hit = c.field() == field && Objects.equals(c.actor(), actor);
                        break;
                    case STATUS_QUO:
                        hit = c.field() == field && Objects.equals(c.issue(), issue);
                        break;
                    default:
                        hit = c.field() == field && Objects.equals(c.actor(), actor) && Objects.equals(c.issue(), issue);
                        break;
                }
                if (hit) {
                    found = b.id();
                }
            }
        }
        return found;
    }

    private static Map<Integer, Input> bySlot(List<Input> inputs) {
        Map<Integer, Input> out = new LinkedHashMap<>();
        for (Input in : inputs) {
            out.put(in.slot(), in);
        }
        return out;
    }
}
