package org.parley.io.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.BottomLine;
import org.parley.engine.ForecastResult;
import org.parley.engine.Numbers;
import org.parley.engine.Problem;
import org.parley.engine.Quantiles;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.io.results.ModelErrorBottomLine;
import org.parley.io.svg.Charts;
import org.parley.model.Branch;
import org.parley.model.Issue;
import org.parley.model.ScalePoint;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.model.Threshold;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.MonteCarloResult;
import org.parley.montecarlo.Sensitivity;
import org.parley.uncertainty.ModelErrorCalibration;

/**
 * The analyst's brief: one self-contained HTML page (inline CSS, inline SVG, no external asset),
 * laid out for A4: the questions and description, the bottom line, the answer table (issues x
 * models, with each forecast's model-error interval, P(deal), P(talks) and the scale's words at the
 * models' median), the key drivers of the most
 * salient issue, the branch comparison, that issue's trajectories, who blocks a deal, and a
 * provenance appendix listing every value of the scenario with its source sentence or judgement.
 *
 * <p>Every section is a {@code <section id="...">} with one of the ids of {@link #SECTIONS}.
 */
public final class Brief {

    /** The section ids, in page order. */
    public static final List<String> SECTIONS = List.of("questions", "bottom-line", "answer", "drivers", "branches",
            "trajectories", "blockers", "provenance");

    private static final int TOP_DRIVERS = 6;

    private Brief() {
    }

    /**
     * Runs what the brief needs (a point forecast of every model and world, Monte Carlo when
     * {@code spec.runs() > 1}, one-at-a-time sensitivities of the {@linkplain #focusWorld focus world})
     * and writes the page.
     */
    public static String build(Scenarios.Loaded loaded, Simulation sim, RunSpec spec) {
        Scenario s = loaded.scenario();
        ForecastResult point = sim.run(s, spec.withRuns(1));
        BottomLine bottom = BottomLine.of(point);
        if (spec.runs() > 1) {
            MonteCarloResult mc = new MonteCarlo(sim).run(s, spec, false);
            bottom = mc.bottomLine();
        }
        String world = focusWorld(point, bottom);
        // the drivers table shows one model: only its sensitivities are computed
        Simulation.Plan plan = sim.plan(s, spec.withRuns(1).withWorlds(List.of(world))
                .withModels(List.of(focusModel(point))));
        List<Sensitivity.OneAtATime> oat = Sensitivity.oneAtATime(plan, world);
        return html(loaded, point, bottom, oat);
    }

    /** The page from results already computed ({@code oat} of one world, may be empty). */
    public static String html(Scenarios.Loaded loaded, ForecastResult point, BottomLine bottom,
                              List<Sensitivity.OneAtATime> oat) {
        Scenario s = loaded.scenario();
        String issue = mostSalient(s);
        String model = focusModel(point);
        StringBuilder h = new StringBuilder(32_000);
        String title = s.title().isEmpty() ? s.id() : s.title();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Brief: ")
                .append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<header><h1>").append(esc(title)).append("</h1>\n<p class=\"meta\">Scenario ").append(esc(s.id()));
        if (s.date() != null) {
            h.append(", as known on ").append(s.date());
        }
        h.append(". ").append(bottom.runs() > 1 ? bottom.runs() + " Monte Carlo runs per world and model."
                : "Point forecast (one run per world and model).").append("</p></header>\n");

        questions(h, s);
        ModelErrorCalibration cal = ModelErrorCalibration.shipped();
        bottomLine(h, bottom, ModelErrorBottomLine.ranges(point, bottom, cal), cal);
        answer(h, s, point, bottom, cal);
        drivers(h, s, oat, focusWorld(point, bottom), issue, model);
        branches(h, s, point, bottom, issue);
        trajectories(h, s, point, bottom, issue, model);
        Blockers.write(h, s, point, bottom);
        Appendix.provenance(h, loaded);
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The issue with the largest sum of saliences over actors (first on ties). */
    public static String mostSalient(Scenario s) {
        Map<String, Double> sum = new LinkedHashMap<>();
        for (Issue i : s.issues()) {
            sum.put(i.id(), 0.0);
        }
        for (Stance st : s.stances()) {
            sum.merge(st.issue(), st.salience().value(), Double::sum);
        }
        String best = s.issues().get(0).id();
        for (Map.Entry<String, Double> e : sum.entrySet()) {
            if (e.getValue() > sum.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * The world the answer table, the drivers and the trajectories show: the most probable of the
     * worlds the bottom line mixes (the first on ties), else the base world, else the first. Not
     * the base world when branches carry probabilities: there the base world is only a reference
     * (on the seed, a world without talks whose forecasts are the status quo).
     */
    static String focusWorld(ForecastResult point, BottomLine b) {
        String best = null;
        for (Map.Entry<String, Double> e : b.mixed().entrySet()) {
            if (best == null || e.getValue() > b.mixed().get(best)) {
                best = e.getKey();
            }
        }
        if (best != null) {
            return best;
        }
        return point.worlds().contains(Scenario.BASE) ? Scenario.BASE : point.worlds().get(0);
    }

    /** The first dynamic model (more than one round in the base world), else the first model. */
    static String focusModel(ForecastResult r) {
        for (String m : r.models()) {
            for (String w : r.worlds()) {
                RunResult run = r.run(w, m).orElse(null);
                if (run != null && run.trajectory().rounds().size() > 1) {
                    return m;
                }
            }
        }
        return r.models().get(0);
    }

    /** The label of the scale point nearest to {@code x}, or the end label of the nearer end. */
    public static String words(Issue i, double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        String best = null;
        double dist = Double.POSITIVE_INFINITY;
        if (!i.scale().minLabel().isEmpty()) {
            best = i.scale().minLabel();
            dist = Math.abs(x - i.scale().min());
        }
        if (!i.scale().maxLabel().isEmpty() && Math.abs(x - i.scale().max()) < dist) {
            best = i.scale().maxLabel();
            dist = Math.abs(x - i.scale().max());
        }
        for (ScalePoint p : i.scale().points()) {
            if (Math.abs(x - p.value()) < dist) {
                best = p.label();
                dist = Math.abs(x - p.value());
            }
        }
        return best == null ? "" : best;
    }

    private static void questions(StringBuilder h, Scenario s) {
        open(h, "questions", "The question");
        if (!s.description().isEmpty()) {
            h.append("<p>").append(esc(s.description().strip())).append("</p>\n");
        }
        List<String> qs = new ArrayList<>();
        for (Issue i : s.issues()) {
            for (Threshold t : i.thresholds()) {
                String q = t.question() == null || t.question().isBlank() ? i.name() : t.question();
                qs.add(esc(q) + " <span class=\"meta\">(" + esc(i.id()) + (t.above() ? " &gt; " : " &lt; ")
                        + Numbers.format(t.value()) + ")</span>");
            }
        }
        if (!qs.isEmpty()) {
            h.append("<ol>\n");
            for (String q : qs) {
                h.append("<li>").append(q).append("</li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("</section>\n");
    }

    private static void bottomLine(StringBuilder h, BottomLine b, List<Map<String, double[]>> ranges,
                                   ModelErrorCalibration cal) {
        open(h, "bottom-line", "The bottom line: P(yes)");
        h.append("<p class=\"meta\">Mixed over ");
        List<String> ws = new ArrayList<>();
        b.mixed().forEach((w, p) -> ws.add(esc(w) + " " + pct(p)));
        h.append(String.join(", ", ws)).append(" and over whether talks take place. In brackets, P(yes) allowing for ")
                .append("model error (").append(esc(cal.label())).append("): a world counts as anything from 0 to 1 where ")
                .append("the model's interval straddles the threshold.</p>\n");
        if (b.questions().isEmpty()) {
            h.append("<p>The scenario names no threshold question.</p>\n</section>\n");
            return;
        }
        h.append("<table>\n<tr><th>question</th>");
        for (String m : b.models()) {
            h.append("<th>").append(esc(m)).append("</th>");
        }
        h.append("</tr>\n");
        for (int i = 0; i < b.questions().size(); i++) {
            BottomLine.Question q = b.questions().get(i);
            h.append("<tr><td>").append(esc(q.label())).append("</td>");
            for (String m : b.models()) {
                Double p = q.pYes().get(m);
                double[] r = ranges.get(i).get(m);
                h.append("<td class=\"num\">").append(p == null ? "" : pct(p));
                if (r != null) {
                    h.append("<br><span class=\"meta\">(").append(ModelErrorBottomLine.cell(r)).append(")</span>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void answer(StringBuilder h, Scenario s, ForecastResult point, BottomLine b,
                               ModelErrorCalibration cal) {
        String world = focusWorld(point, b);
        open(h, "answer", "The answer (forecast in the most probable world, " + world + ")");
        h.append("<p class=\"meta\">Forecast in world ").append(esc(world)).append(", with its ")
                .append(esc(cal.label())).append(" (how far real outcomes fell from the model's forecasts, not the ")
                .append("input ranges); P(deal) and P(talks) mixed over ")
                .append(esc(String.join(", ", b.mixed().keySet()))).append(". Each cell: the forecast, [its ")
                .append(Math.round(100 * cal.level())).append("% model-error interval], P(deal).</p>\n");
        h.append("<table class=\"answer\">\n<tr><th>issue</th><th>status quo</th>");
        for (String m : point.models()) {
            h.append("<th>").append(esc(m)).append("</th>");
        }
        h.append("<th>P(talks)</th><th>in words (median of the models)</th></tr>\n");
        Problem p = point.problem(world);
        for (Issue i : s.issues()) {
            int k = p.issueIndex(i.id());
            int d = Numbers.decimalsFor(i.scale().width());
            h.append("<tr><td><b>").append(esc(i.name())).append("</b><br><span class=\"meta\">").append(esc(i.id()))
                    .append("</span></td><td>").append(k < 0 ? "" : Numbers.fixed(p.statusQuo(k), d)).append("</td>");
            List<Double> forecasts = new ArrayList<>();
            for (String m : point.models()) {
                RunResult r = point.run(world, m).orElse(null);
                double x = r == null || k < 0 ? Double.NaN : r.trajectory().forecast()[k];
                if (!Double.isNaN(x)) {
                    forecasts.add(x);
                }
                double[] iv = k < 0 ? null : cal.interval(m, x, p, k);
                h.append("<td><b>").append(Double.isNaN(x) ? "" : Numbers.fixed(x, d)).append("</b>");
                if (iv != null) {
                    h.append("<br><span class=\"meta\" title=\"").append(Math.round(100 * cal.level()))
                            .append("% model-error interval\">[").append(Numbers.fixed(iv[0],
                            Math.max(0, d - 1))).append(", ").append(Numbers.fixed(iv[1], Math.max(0, d - 1))).append("]</span>");
                }
                h.append("<br><span class=\"meta\">").append(pct(mixedDeal(b, m, i.id()))).append("</span></td>");
            }
            double median = forecasts.isEmpty() ? Double.NaN
                    : Quantiles.quantile(forecasts.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
            h.append("<td class=\"num\">").append(pct(mixedTalks(b, i.id()))).append("</td><td><span class=\"words\">")
                    .append(Double.isNaN(median) ? "" : Numbers.fixed(median, d) + ": " + esc(words(i, median)))
                    .append("</span></td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static double mixedDeal(BottomLine b, String model, String issue) {
        double sum = 0;
        for (BottomLine.Detail d : b.details()) {
            Double w = b.mixed().get(d.world());
            if (w != null && d.model().equals(model) && d.issue().equals(issue)) {
                sum += w * d.pDeal();
            }
        }
        return sum;
    }

    private static double mixedTalks(BottomLine b, String issue) {
        Map<String, Double> talks = new LinkedHashMap<>();
        for (BottomLine.Detail d : b.details()) {
            if (d.issue().equals(issue)) {
                talks.putIfAbsent(d.world(), d.talks());
            }
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : b.mixed().entrySet()) {
            sum += e.getValue() * talks.getOrDefault(e.getKey(), Double.NaN);
        }
        return sum;
    }

    private static void drivers(StringBuilder h, Scenario s, List<Sensitivity.OneAtATime> oat, String world,
                                String issue, String model) {
        open(h, "drivers", "Key drivers: " + issue + " (" + model + ", world " + world + ")");
        List<Sensitivity.OneAtATime> rows = new ArrayList<>();
        for (Sensitivity.OneAtATime o : oat) {
            if (o.issue().equals(issue) && o.model().equals(model)) {
                rows.add(o);
            }
        }
        rows.sort(Comparator.comparingDouble(Sensitivity.OneAtATime::swing).reversed());
        if (rows.isEmpty()) {
            h.append("<p>No uncertain input (no value with a low/high range) in world ").append(
                    esc(world)).append(".</p>\n</section>\n");
            return;
        }
        int d = Numbers.decimalsFor(s.issue(issue).map(i -> i.scale().width()).orElse(100.0));
        h.append("<p class=\"meta\">Each uncertain input set to the low and the high end of its range, the others as "
                + "stated (world ").append(esc(rows.get(0).world())).append(").</p>\n<table>\n<tr><th>input</th>"
                + "<th>range</th><th>forecast at low</th><th>as stated</th><th>at high</th><th>swing</th></tr>\n");
        for (Sensitivity.OneAtATime o : rows.subList(0, Math.min(TOP_DRIVERS, rows.size()))) {
            String range = o.input().range() == null ? "" : Numbers.format(o.input().range().low()) + " - "
                    + Numbers.format(o.input().range().high());
            h.append("<tr><td>").append(esc(o.input().label())).append("</td><td>").append(range).append("</td><td>")
                    .append(Numbers.fixed(o.atLow(), d)).append("</td><td>").append(Numbers.fixed(o.stated(), d))
                    .append("</td><td>").append(Numbers.fixed(o.atHigh(), d)).append("</td><td class=\"num\">")
                    .append(Numbers.fixed(o.swing(), d)).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void branches(StringBuilder h, Scenario s, ForecastResult point, BottomLine b, String issue) {
        open(h, "branches", "Branch comparison: " + issue);
        h.append("<table>\n<tr><th>world</th><th>probability</th><th>P(talks)</th>");
        for (String m : point.models()) {
            h.append("<th>").append(esc(m)).append("</th>");
        }
        h.append("</tr>\n");
        for (String w : point.worlds()) {
            Problem p = point.problem(w);
            int k = p.issueIndex(issue);
            int d = Numbers.decimalsFor(p.scaleMax(Math.max(k, 0)) - p.scaleMin(Math.max(k, 0)));
            Branch br = s.branch(w).orElse(null);
            String prob = br == null ? (b.mixed().containsKey(w) ? pct(b.mixed().get(w)) : "")
                    : br.probability() == null ? "what-if" : pct(br.probability());
            String name = br == null ? "the scenario as written" : br.name();
            h.append("<tr><td><b>").append(esc(w)).append("</b><br><span class=\"meta\">").append(esc(name))
                    .append("</span></td><td>").append(prob).append("</td><td>")
                    .append(pct(s.resolve(w).talksProbability())).append("</td>");
            for (String m : point.models()) {
                RunResult r = point.run(w, m).orElse(null);
                h.append("<td class=\"num\">").append(r == null || k < 0 ? "" : Numbers.fixed(r.trajectory()
                        .forecast()[k], d)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void trajectories(StringBuilder h, Scenario s, ForecastResult point, BottomLine b, String issue,
                                     String model) {
        String world = focusWorld(point, b);
        open(h, "trajectories", "Trajectories: " + issue + " (" + model + ", world " + world + ")");
        Problem p = point.problem(world);
        RunResult r = point.run(world, model).orElse(null);
        int k = p.issueIndex(issue);
        if (r == null || k < 0) {
            h.append("<p>No run of ").append(esc(model)).append(" in world ").append(esc(world)).append(".</p>\n");
        } else {
            String svg = Charts.trajectories(issue + ": positions round by round (" + model + ")", p, r.trajectory(),
                    new int[] {k});
            h.append("<figure>").append(svg.replaceFirst("^<\\?xml[^>]*>\\s*", "")).append("</figure>\n");
        }
        h.append("</section>\n");
    }

    static void open(StringBuilder h, String id, String title) {
        h.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(title)).append("</h2>\n");
    }

    private static String pct(double p) {
        return Double.isNaN(p) ? "" : Numbers.fixed(100 * p, 1) + "%";
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            @page { size: A4; margin: 14mm 12mm; }
            body { font-family: Helvetica, Arial, sans-serif; font-size: 9.5pt; color: #111; max-width: 190mm;
              margin: 0 auto; }
            h1 { font-size: 16pt; margin: 0 0 2pt; }
            h2 { font-size: 11.5pt; margin: 10pt 0 3pt; border-bottom: 1px solid #999; }
            p { margin: 3pt 0; }
            .meta { color: #444; font-size: 8.5pt; }
            .missing { color: #b00020; }
            table { border-collapse: collapse; width: 100%; margin: 3pt 0; }
            th, td { border: 1px solid #ccc; padding: 2pt 4pt; text-align: left; vertical-align: top; }
            th { background: #eee; }
            td.num { text-align: right; white-space: nowrap; }
            table.prov { font-size: 8pt; }
            table.answer { font-size: 8pt; table-layout: fixed; }
            table.answer th { overflow-wrap: anywhere; }
            table.answer th:first-child { width: 15%; }
            table.answer th:last-child { width: 22%; }
            table.blockers { font-size: 8pt; }
            .words { font-size: 7.5pt; color: #333; }
            figure { margin: 0; }
            figure svg { width: 100%; height: auto; max-height: 95mm; }
            section { break-inside: auto; }
            #provenance { break-before: page; }
            tr { break-inside: avoid; }
            """;
}
