package org.parley.io.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.parley.engine.Numbers;
import org.parley.model.Branch;
import org.parley.model.Scenario;
import org.parley.montecarlo.Comparison;
import org.parley.montecarlo.Levers;
import org.parley.montecarlo.ModelComparison;
import org.parley.montecarlo.MonteCarloResult;
import org.parley.montecarlo.Sensitivity;
import org.parley.montecarlo.Summary;

/**
 * Text reports of Monte Carlo forecasts, comparisons, sensitivities and levers. Every number is
 * printed with {@link java.util.Locale#ROOT}.
 */
public final class MonteCarloReport {

    private MonteCarloReport() {
    }

    /**
     * Per world: every model and issue's point forecast and distribution with threshold shares; then
     * the branch mixture; then the spread between models.
     */
    public static void distributions(MonteCarloResult r, PrintWriter out) {
        Scenario s = r.scenario();
        out.print((s.title().isEmpty() ? s.id() : s.title()) + "  [" + s.id() + "]\n");
        out.print(r.runs() + " Monte Carlo runs, seed " + r.seed() + "; point = forecast at the stated values;\n"
                + "percentiles interpolate between runs (Hyndman & Fan type 7); a threshold column is the share of\n"
                + "runs whose forecast lies beyond it. A point marked ! lies outside the runs' 25-75% band: the\n"
                + "forecast at the stated values is not typical of the forecasts over the input ranges; prefer the median.\n");
        boolean uncertainTalks = r.worlds().stream().anyMatch(w -> talks(s, w) < 1.0);
        if (uncertainTalks) {
            out.print("A world with a talks probability below 1 shows its forecasts if talks take place; the bottom line\n"
                    + "also weighs in the chance of no talks (the status quo stands).\n");
        }
        for (String w : r.worlds()) {
            out.print("\n" + worldTitle(s, w) + "  (" + r.inputs(w).size() + " uncertain inputs"
                    + (r.inputs(w).isEmpty() ? ": runs differ only where a model is stochastic; give values a "
                    + "low/high range" : "") + ")\n");
            Table t = distributionTable();
            for (String k : r.issues()) {
                for (String m : r.models()) {
                    distributionRow(t, k, m, r.point(w, m, k), r.summary(w, m, k));
                }
            }
            t.print(out, "  ");
        }
        Map<String, Double> weights = r.mixtureWeights();
        if (!weights.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                parts.add(e.getKey() + " " + Numbers.fixed(e.getValue(), 3));
            }
            boolean mixedTalks = weights.keySet().stream().anyMatch(w -> talks(s, w) < 1.0);
            out.print("\nBranch mixture (weights: " + String.join(", ", parts) + "; what-ifs left out"
                    + (mixedTalks ? "; given talks: the bottom line's P(yes) also weighs the chance of no talks" : "")
                    + ")\n");
            Table t = distributionTable();
            for (String k : r.issues()) {
                for (String m : r.models()) {
                    distributionRow(t, k, m, Double.NaN, r.mixture(m, k).orElseThrow());
                }
            }
            t.print(out, "  ");
        }
        modelSpread(ModelComparison.of(r), r.models(), r.runs(), out);
        out.flush();
    }

    private static Table distributionTable() {
        return new Table("issue", "model", ">point", ">mean", ">p5", ">p25", ">median", ">p75", ">p95", "beyond thresholds");
    }

    private static void distributionRow(Table t, String issue, String model, double point, Summary s) {
        List<String> shares = new ArrayList<>();
        for (Summary.Share sh : s.shares()) {
            shares.add(sh.threshold().id() + (sh.threshold().above() ? " >" : " <")
                    + Numbers.format(sh.threshold().value()) + ": " + percent(sh.share()));
        }
        String valid = s.valid() < s.runs() ? " (" + (s.runs() - s.valid()) + " runs without forecast)" : "";
        boolean outside = !Double.isNaN(point) && (point < s.p25() - 1e-9 || point > s.p75() + 1e-9);
        t.row(issue, model, (outside ? "!" : "") + f(point), f(s.mean()), f(s.p5()), f(s.p25()), f(s.median()), f(s.p75()),
                f(s.p95()), String.join(", ", shares) + valid);
    }

    /** Every model side by side per world and issue, with the spread between them. */
    public static void modelSpread(List<ModelComparison.Row> rows, List<String> models, int runs, PrintWriter out) {
        out.print("\nModels side by side (" + (runs == 1 ? "point forecasts" : "medians of the runs")
                + "); spread = largest - smallest; pooled = every model's runs, equally weighted\n");
        String[] cols = new String[models.size() + 6];
        cols[0] = "world";
        cols[1] = "issue";
        for (int j = 0; j < models.size(); j++) {
            cols[2 + j] = ">" + models.get(j);
        }
        cols[models.size() + 2] = ">spread";
        cols[models.size() + 3] = ">sd";
        cols[models.size() + 4] = ">pooled p5";
        cols[models.size() + 5] = ">pooled p95";
        Table t = new Table(cols);
        for (ModelComparison.Row row : rows) {
            String[] cells = new String[cols.length];
            cells[0] = row.world();
            cells[1] = row.issue();
            for (int j = 0; j < models.size(); j++) {
                cells[2 + j] = f(row.central().get(models.get(j)));
            }
            cells[models.size() + 2] = f(row.range());
            cells[models.size() + 3] = f(row.sd());
            cells[models.size() + 4] = f(row.pooled().p5());
            cells[models.size() + 5] = f(row.pooled().p95());
            t.row(cells);
        }
        t.print(out, "  ");
        out.flush();
    }

    /** A comparison: per issue and model, both forecasts, the difference and its main causes. */
    public static void comparison(Scenario s, Comparison.Result c, int causes, PrintWriter out) {
        out.print("Compare " + c.first() + " -> " + c.second() + "  (difference = " + c.second() + " - " + c.first()
                + (c.runs() > 1 ? ": the median of the run-by-run difference over " + c.runs() + " runs with its 5-95% "
                + "band; 'at stated values' is the difference of the point forecasts, shown as an extra and marked ! "
                + "when it lies outside the band" : ", at stated values (add --runs N for the difference over the input "
                + "ranges)") + ")\n");
        out.print("  " + worldTitle(s, c.first()) + "\n  " + worldTitle(s, c.second()) + "\n");
        out.print("Differences between the worlds: " + c.differences().size() + "\n");
        for (Comparison.Difference d : c.differences()) {
            out.print("  " + d.label() + (d.branch().isEmpty() ? "" : "  (set by " + d.branch() + ")") + "\n");
        }
        double t1 = talks(s, c.first());
        double t2 = talks(s, c.second());
        if (t1 != t2) {
            out.print("  and the talks probability " + Numbers.format(t1) + " -> " + Numbers.format(t2) + ": not a cause "
                    + "below, where both forecasts are given talks; the bottom line weighs it in\n");
        }
        out.print("\n");
        Table t = c.runs() > 1
                ? new Table("issue", "model", ">median difference", ">p5", ">p95", ">at stated values")
                : new Table("issue", "model", ">" + c.first(), ">" + c.second(), ">difference");
        List<String> issues = s.issues().stream().map(i -> i.id()).toList();
        for (String k : issues) {
            for (Comparison.Row row : c.rows()) {
                if (!row.issue().equals(k)) {
                    continue;
                }
                if (c.runs() > 1) {
                    boolean outside = row.difference() < row.runs().p5() - 1e-9 || row.difference() > row.runs().p95() + 1e-9;
                    t.row(k, row.model(), signed(row.runs().median()), signed(row.runs().p5()), signed(row.runs().p95()),
                            (outside ? "!" : "") + signed(row.difference()));
                } else {
                    t.row(k, row.model(), f(row.first()), f(row.second()), signed(row.difference()));
                }
            }
        }
        t.print(out, "  ");
        out.print("\nWhat causes each difference of at least 0.05 (one-at-a-time effect of each change on the "
                + c.first() + " forecast, largest first)\n");
        for (String k : issues) {
            for (Comparison.Row row : c.rows()) {
                if (!row.issue().equals(k) || !(Math.abs(row.difference()) >= 0.05)) {
                    continue;
                }
                out.print("  " + k + " / " + row.model() + ": " + signed(row.difference()) + "\n");
                int shown = 0;
                for (Comparison.Cause cause : row.causes()) {
                    if (shown == causes || Math.abs(cause.effect()) < 0.05) {
                        break;
                    }
                    out.print("    " + pad(signed(cause.effect()), 8) + cause.difference().label()
                            + (cause.difference().branch().isEmpty() ? "" : "  (set by " + cause.difference().branch() + ")")
                            + "\n");
                    shown++;
                }
                if (Math.abs(row.interaction()) >= 0.05) {
                    out.print("    " + pad(signed(row.interaction()), 8) + "interaction (the changes together)\n");
                }
            }
        }
        out.flush();
    }

    /**
     * Sensitivity of each model and issue: inputs ranked by one-at-a-time swing, with their
     * first-order index when Monte Carlo ran ({@code firstOrder} may be empty).
     */
    public static void sensitivity(List<Sensitivity.OneAtATime> oat, List<Sensitivity.FirstOrder> firstOrder, int top,
                                   PrintWriter out) {
        if (oat.isEmpty()) {
            out.print("No uncertain inputs: give values a range (low/high) to analyse their sensitivity.\n");
            out.flush();
            return;
        }
        out.print("Inputs ranked by one-at-a-time swing (forecast with the input at its low and high end, others"
                + " at stated values)" + (firstOrder.isEmpty() ? "" : ";\nS1 = first-order variance share from "
                + firstOrder.get(0).runs() + " Monte Carlo runs (binned, bias-corrected)") + "\n");
        String current = "";
        Table t = null;
        int rank = 0;
        for (Sensitivity.OneAtATime o : oat) {
            String key = o.world() + " / " + o.model() + " / " + o.issue();
            if (!key.equals(current)) {
                if (t != null) {
                    t.print(out, "  ");
                }
                current = key;
                rank = 0;
                out.print("\n" + key + "  (stated: " + f(o.stated()) + ")\n");
                t = firstOrder.isEmpty()
                        ? new Table(">#", "input", ">value", ">range", ">at low", ">at high", ">swing")
                        : new Table(">#", "input", ">value", ">range", ">at low", ">at high", ">swing", ">S1");
            }
            rank++;
            if (rank > top) {
                continue;
            }
            String range = "[" + Numbers.format(o.input().range().low()) + ", " + Numbers.format(o.input().range().high())
                    + "]";
            if (firstOrder.isEmpty()) {
                t.row(Integer.toString(rank), o.input().label(), Numbers.format(o.input().value()), range, f(o.atLow()),
                        f(o.atHigh()), f(o.swing()));
            } else {
                t.row(Integer.toString(rank), o.input().label(), Numbers.format(o.input().value()), range, f(o.atLow()),
                        f(o.atHigh()), f(o.swing()), Numbers.fixed(index(firstOrder, o), 3));
            }
        }
        if (t != null) {
            t.print(out, "  ");
        }
        out.flush();
    }

    /**
     * CSV of a sensitivity analysis, one row per world, model, issue and input, ranked by swing:
     * {@code world,model,issue,rank,input,kind,actor,input_issue,value,low,high,distribution,at_low,at_high,swing,first_order}.
     */
    public static void sensitivityCsv(List<Sensitivity.OneAtATime> oat, List<Sensitivity.FirstOrder> firstOrder,
                                      PrintWriter out) {
        out.print("world,model,issue,rank,input,kind,actor,input_issue,value,low,high,distribution,at_low,at_high,"
                + "swing,first_order\n");
        String current = "";
        int rank = 0;
        for (Sensitivity.OneAtATime o : oat) {
            String key = o.world() + "\u0000" + o.model() + "\u0000" + o.issue();
            rank = key.equals(current) ? rank + 1 : 1;
            current = key;
            out.print(String.join(",", csv(o.world()), csv(o.model()), csv(o.issue()), Integer.toString(rank),
                    csv(o.input().id()), o.input().kind().id(), csv(nz(o.input().actor())), csv(nz(o.input().issue())),
                    Numbers.format(o.input().value()), Numbers.format(o.input().range().low()),
                    Numbers.format(o.input().range().high()), o.input().range().distribution().id(), Numbers.format(o.atLow()),
                    Numbers.format(o.atHigh()), Numbers.format(o.swing()),
                    firstOrder.isEmpty() ? "" : Numbers.format(index(firstOrder, o))) + "\n");
        }
        out.flush();
    }

    /** Levers: per model, issue and threshold, the smallest changes that cross it. */
    public static void levers(List<Levers.Lever> levers, PrintWriter out) {
        if (levers.isEmpty()) {
            out.print("\nLevers: none found (no thresholds, or no single position or salience change crosses one).\n");
            out.flush();
            return;
        }
        out.print("\nLevers: the smallest change of one actor's position or salience that moves the forecast to the\n"
                + "other side of a threshold (others at stated values; change = |to - from| as a share of the issue's\n"
                + "scale for a position, of the 0-100 salience scale for a salience; from and to show the digits that\n"
                + "tell them apart)\n");
        Table t = new Table("model", "issue", "threshold", ">now", "lever", ">from", ">to", ">change", ">after");
        for (Levers.Lever l : levers) {
            String th = l.threshold().id() + (l.threshold().above() ? " >" : " <") + Numbers.format(l.threshold().value());
            t.row(l.model(), l.issue(), th, f(l.stated()) + (l.crossedNow() ? " (beyond)" : ""),
                    l.input().actor() + " " + l.input().kind().id(), apart(l.from(), l.to())[0], apart(l.from(), l.to())[1],
                    org.parley.montecarlo.KnifeEdge.percent(l.relative()) + " of "
                    + (l.input().kind() == org.parley.montecarlo.Input.Kind.SALIENCE ? "0-100" : "scale"), f(l.after()));
        }
        t.print(out, "  ");
        out.flush();
    }

    /** Both values with one decimal, or as many more (up to 6) as it takes for them to differ. */
    static String[] apart(double a, double b) {
        for (int d = 1; d <= 6; d++) {
            String x = Numbers.fixed(a, d);
            String y = Numbers.fixed(b, d);
            if (!x.equals(y) || d == 6) {
                return new String[] {x, y};
            }
        }
        throw new IllegalStateException();
    }

    private static double index(List<Sensitivity.FirstOrder> firstOrder, Sensitivity.OneAtATime o) {
        for (Sensitivity.FirstOrder fo : firstOrder) {
            if (fo.world().equals(o.world()) && fo.model().equals(o.model()) && fo.issue().equals(o.issue())
                    && fo.input().id().equals(o.input().id())) {
                return fo.index();
            }
        }
        return Double.NaN;
    }

    static String worldTitle(Scenario s, String world) {
        if (Scenario.BASE.equals(world)) {
            return "World: base (the scenario as written" + talksText(talks(s, world)) + ")";
        }
        Branch b = s.branch(world).orElse(null);
        if (b == null) {
            return "World: " + world;
        }
        String p = b.probability() == null ? "what-if" : "p = " + Numbers.format(b.probability());
        return "World: " + world + " (" + p + talksText(talks(s, world)) + "): " + b.name();
    }

    /** The world's probability that talks take place (1 for an unknown world). */
    private static double talks(Scenario s, String world) {
        if (!Scenario.BASE.equals(world) && s.branch(world).isEmpty()) {
            return 1.0;
        }
        return s.resolve(world).talksProbability();
    }

    private static String talksText(double t) {
        return t == 1.0 ? "" : "; talks " + Numbers.format(t);
    }

    private static String f(double d) {
        return Numbers.fixed(d, 1);
    }

    private static String signed(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        String s = Numbers.fixed(d, 1);
        return s.startsWith("-") || s.equals("0.0") ? s.replace("-0.0", "0.0") : "+" + s;
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : Numbers.fixed(100 * share, 1) + "%";
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
