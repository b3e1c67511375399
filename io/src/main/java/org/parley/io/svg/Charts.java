package org.parley.io.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parley.engine.Numbers;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.Trajectory;
import org.parley.model.Issue;
import org.parley.model.Threshold;
import org.parley.montecarlo.MonteCarloResult;
import org.parley.montecarlo.Sensitivity;
import org.parley.montecarlo.Summary;

/**
 * SVG charts drawn in Java, for a browser or any SVG viewer. Every data series is a
 * {@code <g class="series" data-series="...">} element carrying its numbers as {@code data-*}
 * attributes, so the charts can be checked (and scraped) as XML.
 */
public final class Charts {

    private static final double WIDTH = 900;
    private static final double LEFT = 210;
    private static final double RIGHT = 30;

    private Charts() {
    }

    /**
     * Position trajectories of one model in one world: one panel per issue, one line per actor
     * (series {@code actor:ID}), the model's outcome dashed (series {@code outcome}); x is the
     * round, y the position on the issue's scale.
     */
    public static String trajectories(String title, Problem p, Trajectory t) {
        int[] all = new int[p.issueCount()];
        for (int k = 0; k < all.length; k++) {
            all[k] = k;
        }
        return trajectories(title, p, t, all);
    }

    /** The same for some issues only (indexes into the problem), one panel each, in the order given. */
    public static String trajectories(String title, Problem p, Trajectory t, int[] issues) {
        double panel = 230;
        double top = 50;
        double height = top + panel * issues.length + 20;
        Svg svg = new Svg(WIDTH, height, title);
        svg.text("text", title, "x", 20.0, "y", 28.0, "font-size", 16, "font-weight", "bold");
        List<Round> rounds = t.rounds();
        int last = Math.max(1, rounds.get(rounds.size() - 1).index());
        for (int n = 0; n < issues.length; n++) {
            int k = issues[n];
            double y0 = top + n * panel;
            Svg.Axis xa = new Svg.Axis(0, last, LEFT, WIDTH - RIGHT);
            Svg.Axis ya = new Svg.Axis(p.scaleMin(k), p.scaleMax(k), y0 + panel - 40, y0 + 25);
            svg.open("g", "class", "panel", "data-issue", p.issueId(k));
            svg.text("text", p.issueId(k), "x", 20.0, "y", y0 + 18, "font-weight", "bold");
            frame(svg, xa, ya, Svg.ticks(0, last, Math.min(last, 10)), "round", true);
            for (int i = 0; i < p.actorCount(); i++) {
                if (!p.present(i, k)) {
                    continue;
                }
                double[] ys = new double[rounds.size()];
                for (int r = 0; r < rounds.size(); r++) {
                    ys[r] = rounds.get(r).positions()[i][k];
                }
                line(svg, "actor:" + p.actorId(i), p.actorId(i), Svg.PALETTE[i % Svg.PALETTE.length], false, rounds, ys,
                        xa, ya);
                svg.text("text", p.actorId(i), "x", 20.0, "y", y0 + 36 + 13 * legendRow(p, k, i), "fill",
                        Svg.PALETTE[i % Svg.PALETTE.length], "font-size", 11);
            }
            double[] outcome = new double[rounds.size()];
            for (int r = 0; r < rounds.size(); r++) {
                outcome[r] = rounds.get(r).outcome()[k];
            }
            line(svg, "outcome", "outcome", "black", true, rounds, outcome, xa, ya);
            if (rounds.size() == 1 && !Double.isNaN(outcome[0])) {
                svg.empty("line", "x1", xa.from(), "x2", xa.to(), "y1", ya.at(outcome[0]), "y2", ya.at(outcome[0]),
                        "stroke", "black", "stroke-dasharray", "6 4");
                svg.text("text", "forecast " + Numbers.fixed(outcome[0], 1) + " (static model: one step)", "x",
                        xa.from() + 8, "y", ya.at(outcome[0]) - 5, "font-size", 10);
            }
            svg.close("g");
        }
        return svg.finish();
    }

    private static int legendRow(Problem p, int k, int actor) {
        int row = 0;
        for (int i = 0; i < actor; i++) {
            if (p.present(i, k)) {
                row++;
            }
        }
        return row;
    }

    private static void line(Svg svg, String id, String name, String colour, boolean dashed, List<Round> rounds,
                             double[] ys, Svg.Axis xa, Svg.Axis ya) {
        StringBuilder pts = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int r = 0; r < rounds.size(); r++) {
            if (values.length() > 0) {
                values.append(' ');
            }
            values.append(Numbers.format(ys[r]));
            if (Double.isNaN(ys[r])) {
                continue;
            }
            if (pts.length() > 0) {
                pts.append(' ');
            }
            pts.append(Svg.num(xa.at(rounds.get(r).index()))).append(',').append(Svg.num(ya.at(ys[r])));
        }
        svg.open("g", "class", "series", "data-series", id, "data-values", values.toString());
        svg.text("title", name);
        svg.empty("polyline", "points", pts.toString(), "fill", "none", "stroke", colour, "stroke-width", 2,
                "stroke-dasharray", dashed ? "6 4" : "none");
        if (rounds.size() <= 40) {
            for (int r = 0; r < rounds.size(); r++) {
                if (!Double.isNaN(ys[r])) {
                    svg.empty("circle", "cx", xa.at(rounds.get(r).index()), "cy", ya.at(ys[r]), "r", 3, "fill", colour);
                }
            }
        }
        svg.close("g");
    }

    /** The plot frame with x tick labels, and y grid lines with labels when {@code yTicks}. */
    private static void frame(Svg svg, Svg.Axis xa, Svg.Axis ya, double[] xticks, String xlabel, boolean yTicks) {
        svg.empty("rect", "x", xa.from(), "y", ya.to(), "width", xa.to() - xa.from(), "height", ya.from() - ya.to(),
                "fill", "none", "stroke", "#cccccc");
        if (yTicks) {
            for (double v : Svg.ticks(ya.min(), ya.max(), 5)) {
                svg.empty("line", "x1", xa.from(), "x2", xa.to(), "y1", ya.at(v), "y2", ya.at(v), "stroke", "#eeeeee");
                svg.text("text", Svg.tick(v), "x", xa.from() - 6, "y", ya.at(v) + 4, "text-anchor", "end",
                        "font-size", 10);
            }
        } else {
            for (double v : xticks) {
                svg.empty("line", "x1", xa.at(v), "x2", xa.at(v), "y1", ya.from(), "y2", ya.to(), "stroke", "#f0f0f0");
            }
        }
        for (double v : xticks) {
            svg.text("text", Svg.tick(v), "x", xa.at(v), "y", ya.from() + 14, "text-anchor", "middle",
                    "font-size", 10);
        }
        svg.text("text", xlabel, "x", xa.to(), "y", ya.from() + 28, "text-anchor", "end", "font-size", 10);
    }

    /**
     * Forecast distributions of one issue: one row per world and model (series
     * {@code WORLD/MODEL}, and {@code mixture/MODEL} for the branch mixture), a light band from the
     * 5th to the 95th percentile, a dark band from the 25th to the 75th, a tick at the median, a
     * dot at the mean and a diamond at the point forecast; the issue's thresholds as dashed lines.
     */
    public static String distributions(MonteCarloResult r, String issueId) {
        Issue issue = r.scenario().issue(issueId).orElseThrow();
        List<String[]> rows = new ArrayList<>();
        for (String w : r.worlds()) {
            for (String m : r.models()) {
                rows.add(new String[] {w, m});
            }
        }
        if (!r.mixtureWeights().isEmpty()) {
            for (String m : r.models()) {
                rows.add(new String[] {"mixture", m});
            }
        }
        double rowH = 24;
        double top = 70;
        double height = top + rowH * rows.size() + 50;
        String title = issue.name() + ": forecast distribution over " + r.runs() + " runs (seed " + r.seed() + ")";
        Svg svg = new Svg(WIDTH, height, title);
        svg.text("text", title, "x", 20.0, "y", 28.0, "font-size", 16, "font-weight", "bold");
        svg.text("text", "bands: 5-95% (light), 25-75% (dark); | median, o mean, diamond point forecast", "x", 20.0,
                "y", 48.0, "font-size", 11, "fill", "#555555");
        Svg.Axis xa = new Svg.Axis(issue.scale().min(), issue.scale().max(), LEFT, WIDTH - RIGHT);
        Svg.Axis ya = new Svg.Axis(0, rows.size(), top, top + rowH * rows.size());
        frame(svg, xa, new Svg.Axis(0, 1, ya.to(), ya.from()), Svg.ticks(xa.min(), xa.max(), 10), "", false);
        for (int j = 1; j < rows.size(); j++) {
            if (!rows.get(j)[0].equals(rows.get(j - 1)[0])) {
                svg.empty("line", "x1", 20.0, "x2", xa.to(), "y1", ya.at(j), "y2", ya.at(j), "stroke", "#bbbbbb");
            }
        }
        for (Threshold t : issue.thresholds()) {
            svg.empty("line", "class", "threshold", "data-threshold", t.id(), "x1", xa.at(t.value()), "x2",
                    xa.at(t.value()), "y1", ya.from() - 8, "y2", ya.to(), "stroke", "#d62728", "stroke-dasharray", "4 3");
            svg.text("text", t.id() + (t.above() ? " >" : " <") + Numbers.format(t.value()), "x", xa.at(t.value()),
                    "y", ya.from() - 12, "text-anchor", "middle", "font-size", 10, "fill", "#d62728");
        }
        for (int j = 0; j < rows.size(); j++) {
            String w = rows.get(j)[0];
            String m = rows.get(j)[1];
            boolean mix = w.equals("mixture");
            Optional<Summary> os = mix ? r.mixture(m, issueId) : Optional.of(r.summary(w, m, issueId));
            Summary s = os.orElseThrow();
            double point = mix ? Double.NaN : r.point(w, m, issueId);
            double yc = ya.at(j + 0.5);
            String colour = Svg.PALETTE[r.models().indexOf(m) % Svg.PALETTE.length];
            svg.open("g", "class", "series", "data-series", w + "/" + m, "data-p5", Numbers.format(s.p5()), "data-p25",
                    Numbers.format(s.p25()), "data-median", Numbers.format(s.median()), "data-p75",
                    Numbers.format(s.p75()), "data-p95", Numbers.format(s.p95()), "data-mean", Numbers.format(s.mean()),
                    "data-point", Numbers.format(point));
            svg.text("text", w + " / " + m, "x", LEFT - 8, "y", yc + 4, "text-anchor", "end", "font-size", 11);
            if (s.valid() > 0) {
                svg.empty("rect", "x", xa.at(s.p5()), "y", yc - 8, "width", Math.max(1, xa.at(s.p95()) - xa.at(s.p5())),
                        "height", 16.0, "fill", colour, "fill-opacity", 0.25);
                svg.empty("rect", "x", xa.at(s.p25()), "y", yc - 8, "width",
                        Math.max(1, xa.at(s.p75()) - xa.at(s.p25())), "height", 16.0, "fill", colour, "fill-opacity", 0.6);
                svg.empty("line", "x1", xa.at(s.median()), "x2", xa.at(s.median()), "y1", yc - 10, "y2", yc + 10,
                        "stroke", "black", "stroke-width", 2);
                svg.empty("circle", "cx", xa.at(s.mean()), "cy", yc, "r", 3, "fill", "white", "stroke", "black");
            }
            if (!Double.isNaN(point)) {
                double x = xa.at(point);
                svg.empty("polygon", "points", Svg.num(x) + "," + Svg.num(yc - 5) + " " + Svg.num(x + 5) + ","
                        + Svg.num(yc) + " " + Svg.num(x) + "," + Svg.num(yc + 5) + " " + Svg.num(x - 5) + ","
                        + Svg.num(yc), "fill", "black");
            }
            svg.close("g");
        }
        return svg.finish();
    }

    /**
     * A tornado chart of one-at-a-time sensitivities of one forecast (one world, model and issue):
     * one bar per input (series = the input's id), from the forecast at the input's low end to the
     * forecast at its high end, the largest swing on top; at most {@code top} inputs.
     */
    public static String tornado(List<Sensitivity.OneAtATime> rows, int top, Map<String, double[]> scales) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no sensitivities to draw");
        }
        Sensitivity.OneAtATime first = rows.get(0);
        List<Sensitivity.OneAtATime> shown = rows.subList(0, Math.min(top, rows.size()));
        double[] scale = scales.get(first.issue());
        double lo = first.stated();
        double hi = first.stated();
        for (Sensitivity.OneAtATime o : shown) {
            for (double v : new double[] {o.atLow(), o.atHigh()}) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double pad = Math.max((hi - lo) * 0.1, scale == null ? 1 : (scale[1] - scale[0]) * 0.02);
        lo -= pad;
        hi += pad;
        if (scale != null) {
            lo = Math.max(lo, scale[0]);
            hi = Math.min(hi, scale[1]);
        }
        double rowH = 26;
        double top0 = 70;
        double height = top0 + rowH * shown.size() + 50;
        String title = "Sensitivity of " + first.issue() + " (" + first.model() + ", " + first.world()
                + "): forecast with each input at its low / high end";
        Svg svg = new Svg(WIDTH, height, title);
        svg.text("text", title, "x", 20.0, "y", 28.0, "font-size", 15, "font-weight", "bold");
        svg.text("text", "blue: input at its low end; red: at its high end; line: every input at its stated value",
                "x", 20.0, "y", 48.0, "font-size", 11, "fill", "#555555");
        double left = 300;
        Svg.Axis xa = new Svg.Axis(lo, hi, left, WIDTH - RIGHT);
        Svg.Axis ya = new Svg.Axis(0, shown.size(), top0, top0 + rowH * shown.size());
        frame(svg, xa, new Svg.Axis(0, 1, ya.to(), ya.from()), Svg.ticks(lo, hi, 8), first.issue() + " forecast",
                false);
        double x0 = xa.at(first.stated());
        for (int j = 0; j < shown.size(); j++) {
            Sensitivity.OneAtATime o = shown.get(j);
            double yc = ya.at(j + 0.5);
            svg.open("g", "class", "series", "data-series", o.input().id(), "data-low", Numbers.format(o.atLow()),
                    "data-high", Numbers.format(o.atHigh()), "data-swing", Numbers.format(o.swing()));
            svg.text("text", o.input().label() + " [" + Numbers.format(o.input().range().low()) + ", "
                    + Numbers.format(o.input().range().high()) + "]", "x", left - 8, "y", yc + 4, "text-anchor", "end",
                    "font-size", 11);
            bar(svg, x0, o.atLow(), xa, yc, "#1f77b4");
            bar(svg, x0, o.atHigh(), xa, yc, "#d62728");
            svg.close("g");
        }
        svg.empty("line", "x1", x0, "x2", x0, "y1", ya.from() - 5, "y2", ya.to() + 5, "stroke", "black",
                "stroke-width", 1.5);
        svg.text("text", "stated " + Numbers.fixed(first.stated(), 1), "x", x0, "y", ya.from() - 8, "text-anchor",
                "middle", "font-size", 10);
        return svg.finish();
    }

    private static void bar(Svg svg, double x0, double v, Svg.Axis xa, double yc, String colour) {
        if (Double.isNaN(v)) {
            return;
        }
        double x = xa.at(v);
        svg.empty("rect", "x", Math.min(x0, x), "y", yc - 9, "width", Math.max(0.5, Math.abs(x - x0)), "height", 18.0,
                "fill", colour, "fill-opacity", 0.75);
    }
}
