package org.parley.io.results;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.parley.engine.BottomLine;
import org.parley.engine.ForecastResult;
import org.parley.engine.Move;
import org.parley.engine.Numbers;
import org.parley.engine.Problem;
import org.parley.engine.RunResult;
import org.parley.model.Branch;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.montecarlo.KnifeEdge;
import org.parley.uncertainty.ModelErrorCalibration;

/**
 * The human table: a legend of the issues' scales, then per world an issue x model table of
 * forecasts next to the status quo, then the models' notes. Fits a 100-column terminal: six models
 * to a block, more models in further blocks that repeat the issue and status quo columns. Values
 * show three significant digits of their issue's scale (one decimal on 0-100, three on 0-1).
 */
public final class TableWriter {

    static final int WIDTH = 100;
    private static final int ISSUE_COL = 17;
    private static final int COL = 11;
    /** Model columns per block: six fill 94 of the 100 columns. */
    static final int PER_BLOCK = (WIDTH - ISSUE_COL - COL) / COL;
    private static final int QUESTION_COL = 24;
    /** Model columns per block of the bottom line: six fill 90 of the 100 columns. */
    private static final int QUESTION_BLOCK = (WIDTH - QUESTION_COL) / COL;

    private TableWriter() {
    }

    /**
     * What the table shows beside the point forecasts: the calibrated model-error intervals (a block
     * under each world's table) and the knife edges (a {@code !} after the forecast, explained in the
     * notes).
     *
     * @param calibration the model-error calibration, or {@code null} for no intervals
     * @param edges       knife edges found ({@link KnifeEdge}); empty when not searched
     * @param searched    whether the knife-edge search ran (the notes say so when it did not)
     * @param notSearched the models the search skipped although it ran (the notes name them)
     */
    public record Annotations(ModelErrorCalibration calibration, List<KnifeEdge.Edge> edges, boolean searched,
                              List<String> notSearched) {
        public Annotations {
            edges = List.copyOf(edges);
            notSearched = List.copyOf(notSearched);
        }

        /** Every model searched (or none, when {@code searched} is false). */
        public Annotations(ModelErrorCalibration calibration, List<KnifeEdge.Edge> edges, boolean searched) {
            this(calibration, edges, searched, List.of());
        }

        /** No intervals and no knife-edge search: the bare table. */
        public static Annotations none() {
            return new Annotations(null, List.of(), false);
        }

        KnifeEdge.Edge edge(String world, String model, String issue) {
            for (KnifeEdge.Edge e : edges) {
                if (e.world().equals(world) && e.model().equals(model) && e.issue().equals(issue)) {
                    return e;
                }
            }
            return null;
        }
    }

    public static void write(ForecastResult result, PrintWriter out) {
        write(result, Annotations.none(), out);
    }

    public static void write(ForecastResult result, Annotations ann, PrintWriter out) {
        Scenario s = result.scenario();
        StringBuilder head = new StringBuilder(s.title().isEmpty() ? s.id() : s.title());
        head.append("  [").append(s.id());
        if (s.date() != null) {
            head.append(", ").append(s.date());
        }
        head.append(']');
        out.print(fit(head.toString()) + "\n\n");
        BottomLine bottom = BottomLine.of(result);
        writeBottomLine(bottom, ann.calibration() == null ? null
                : ModelErrorBottomLine.ranges(result, bottom, ann.calibration()), ann.calibration(), out);
        out.print("\nIssues (scale: low end / high end)\n");
        for (Issue i : s.issues()) {
            String scale = Numbers.format(i.scale().min()) + "-" + Numbers.format(i.scale().max());
            String ends = i.scale().minLabel().isEmpty() ? "" : ": " + i.scale().minLabel() + " / " + i.scale().maxLabel();
            out.print(fit("  " + pad(i.id(), ISSUE_COL) + i.name() + " (" + scale + ")" + ends) + "\n");
        }
        List<String> models = result.models();
        for (String w : result.worlds()) {
            Problem p = result.problem(w);
            out.print("\n" + fit(worldTitle(s, w)) + "\n");
            // as many model columns as fit in WIDTH; more models continue in another block below
            for (int from = 0; from < models.size() || from == 0; from += PER_BLOCK) {
                List<String> block = models.subList(from, Math.min(models.size(), from + PER_BLOCK));
                if (from > 0) {
                    out.print("\n");
                }
                StringBuilder h = new StringBuilder(pad("issue", ISSUE_COL)).append(left("status quo", COL));
                for (String m : block) {
                    h.append(left(label(m), COL));
                }
                out.print(h.toString().stripTrailing() + "\n");
                for (int k = 0; k < p.issueCount(); k++) {
                    int decimals = Numbers.decimalsFor(p.scaleMax(k) - p.scaleMin(k));
                    StringBuilder row = new StringBuilder(pad(p.issueId(k), ISSUE_COL));
                    row.append(left(Numbers.fixed(p.statusQuo(k), decimals), COL));
                    for (String m : block) {
                        RunResult r = result.run(w, m).orElse(null);
                        String cell = r == null ? "" : Numbers.fixed(r.trajectory().forecast()[k], decimals);
                        boolean edge = r != null && ann.edge(w, m, p.issueId(k)) != null;
                        // the mark goes before the number so that numbers stay aligned
                        row.append(left(edge ? "!" + cell : cell, COL));
                    }
                    out.print(row.toString().stripTrailing() + "\n");
                }
            }
            intervals(result, w, p, ann, out);
            Set<String> notes = new LinkedHashSet<>();
            for (String m : models) {
                RunResult r = result.run(w, m).orElse(null);
                if (r == null) {
                    continue;
                }
                if (r.trajectory().consent() != null) {
                    for (Move mv : r.trajectory().consent().moves()) {
                        int k = p.issueIndex(mv.issue());
                        int d = k < 0 ? 1 : Numbers.decimalsFor(p.scaleMax(k) - p.scaleMin(k));
                        notes.add(m + ": " + mv.issue() + ": " + mv.reason() + " (" + Numbers.fixed(mv.from(), d) + " -> "
                                + Numbers.fixed(mv.to(), d) + ")" + pastOwnPosition(p, r, mv, k));
                    }
                }
                String stop = r.trajectory().stopReason();
                if (!stop.isEmpty() && !stop.equals("static model")) {
                    int n = r.trajectory().rounds().size() - 1;
                    notes.add(m + ": stopped: " + stop + " (" + n + (n == 1 ? " round)" : " rounds)"));
                }
                for (String n : r.trajectory().notes()) {
                    notes.add(m + ": " + n);
                }
            }
            for (String n : notes) {
                out.print(wrap("  * " + n, "    ") + "\n");
            }
            knifeEdgeNotes(result, w, ann, out);
        }
        out.flush();
    }

    /**
     * When the consent stage moved an outcome to "the nearest point X accepts" and that point lies
     * past X's own position, away from the status quo (the stage's symmetric reading: X accepts as
     * far past its position as no deal lies short of it), what the outcome would be if X accepted no
     * more than its position; else "".
     */
    static String pastOwnPosition(Problem p, RunResult r, Move mv, int k) {
        int i = p.actorIndex(mv.actor());
        if (!"consent".equals(mv.kind()) || i < 0 || k < 0 || r.trajectory().rounds().isEmpty()) {
            return "";
        }
        double x = r.trajectory().rounds().get(0).positions()[i][k];
        double sq = p.statusQuo(k);
        double y = mv.to();
        if (Double.isNaN(x) || Double.isNaN(sq) || (x - sq) * (y - sq) <= 0 || Math.abs(y - sq) <= Math.abs(x - sq) + 1e-9) {
            return "";
        }
        return "; " + mv.actor() + "'s own position is " + Numbers.format(x) + ": if no actor accepts more than it "
                + "offers, the outcome is " + Numbers.format(x) + ", not " + Numbers.format(Math.round(y * 10) / 10.0);
    }

    private static void intervals(ForecastResult result, String w, Problem p, Annotations ann, PrintWriter out) {
        ModelErrorCalibration cal = ann.calibration();
        if (cal == null) {
            return;
        }
        List<String> models = result.models();
        out.print(wrap(cal.label() + " (how far real outcomes fell from this model's forecasts on past cases; not "
                + "the input ranges):", "  ") + "\n");
        for (int k = 0; k < p.issueCount(); k++) {
            StringBuilder row = new StringBuilder(pad(p.issueId(k), ISSUE_COL)).append(" ".repeat(COL));
            for (String m : models) {
                RunResult r = result.run(w, m).orElse(null);
                double[] iv = r == null ? null : cal.interval(m, r.trajectory().forecast()[k], p, k);
                int d = Math.max(0, Numbers.decimalsFor(p.scaleMax(k) - p.scaleMin(k)) - 1);
                row.append(left(iv == null ? "-" : Numbers.fixed(iv[0], d) + "-" + Numbers.fixed(iv[1], d), COL));
            }
            out.print(row.toString().stripTrailing() + "\n");
        }
    }

    private static void knifeEdgeNotes(ForecastResult result, String w, Annotations ann, PrintWriter out) {
        for (String m : result.models()) {
            for (KnifeEdge.Edge e : ann.edges()) {
                if (e.world().equals(w) && e.model().equals(m)) {
                    out.print(wrap("  ! " + m + ": knife edge: " + e.describe(), "    ") + "\n");
                }
            }
        }
        List<String> skipped = new java.util.ArrayList<>();
        for (String m : result.models()) {
            if (ann.searched() && ann.notSearched().contains(m)) {
                skipped.add(m);
            }
        }
        if (!skipped.isEmpty()) {
            out.print(wrap("  ! knife edges not searched for " + String.join(", ", skipped)
                    + " (slow models; --knife-edges all searches them)", "    ") + "\n");
        }
    }

    static String worldTitle(Scenario s, String world) {
        if (Scenario.BASE.equals(world)) {
            return "World: base (the scenario as written" + talks(s.talksProbability()) + ")";
        }
        Branch b = s.branch(world).orElse(null);
        if (b == null) {
            return "World: " + world;
        }
        String p = b.probability() == null ? "what-if" : "p = " + Numbers.format(b.probability());
        return "World: " + world + " (" + p + talks(s.resolve(world).talksProbability()) + "): " + b.name();
    }

    private static String talks(double t) {
        return t == 1.0 ? "" : "; talks " + Numbers.format(t);
    }

    /**
     * The bottom line: P(yes) for every threshold question per model, mixed over the probability
     * branches and the chance of talks (see {@link BottomLine}).
     */
    public static void writeBottomLine(BottomLine b, PrintWriter out) {
        writeBottomLine(b, null, null, out);
    }

    /**
     * The bottom line, then (when {@code ranges} is not null) the same questions' P(yes) allowing for
     * the models' error on past cases ({@link ModelErrorBottomLine}), labelled as such.
     */
    static void writeBottomLine(BottomLine b, List<java.util.Map<String, double[]>> ranges,
                                ModelErrorCalibration cal, PrintWriter out) {
        String how = b.runs() > 1 ? "share of " + b.runs() + " runs" : "point forecasts, so 0 or 1 per world; --runs N for shares";
        boolean uncertainTalks = b.details().stream().anyMatch(d -> b.mixed().containsKey(d.world()) && d.talks() < 1);
        String over = b.mixed().size() == 1
                ? " in world " + b.mixed().keySet().iterator().next() + (uncertainTalks ? ", over the chance of talks" : "")
                : ", mixed over " + b.mixedText() + (uncertainTalks ? " and the chance of talks" : "");
        out.print(wrap("Bottom line: P(yes) per model" + over + " (" + how + ")", "  ") + "\n");
        if (b.questions().isEmpty()) {
            out.print("  (the scenario names no threshold questions: add 'thresholds' to an issue)\n");
            return;
        }
        List<String> models = b.models();
        for (int from = 0; from < models.size() || from == 0; from += QUESTION_BLOCK) {
            List<String> block = models.subList(from, Math.min(models.size(), from + QUESTION_BLOCK));
            StringBuilder h = new StringBuilder(pad("question", QUESTION_COL));
            for (String m : block) {
                h.append(left(label(m), COL));
            }
            out.print(h.toString().stripTrailing() + "\n");
            for (BottomLine.Question q : b.questions()) {
                StringBuilder row = new StringBuilder(pad(q.label(), QUESTION_COL));
                for (String m : block) {
                    row.append(left(percent(q.pYes().get(m)), COL));
                }
                out.print(row.toString().stripTrailing() + "\n");
            }
        }
        if (ranges != null) {
            String lv = Math.round(cal.level() * 100) + "%";
            out.print(wrap("P(yes) allowing for model error (" + cal.label() + "; not the input ranges): in a world "
                    + "where the model's interval straddles the threshold, P(yes | talks) counts as 0 to 100%; wholly "
                    + "past it, " + lv + " to 100%; wholly short, 0 to " + Math.round((1 - cal.level()) * 100) + "%:",
                    "  ") + "\n");
            for (int from = 0; from < models.size() || from == 0; from += QUESTION_BLOCK) {
                List<String> block = models.subList(from, Math.min(models.size(), from + QUESTION_BLOCK));
                for (int i = 0; i < b.questions().size(); i++) {
                    StringBuilder row = new StringBuilder(pad(b.questions().get(i).label(), QUESTION_COL));
                    for (String m : block) {
                        row.append(left(ModelErrorBottomLine.cell(ranges.get(i).get(m)), COL));
                    }
                    out.print(row.toString().stripTrailing() + "\n");
                }
            }
        }
        for (BottomLine.Question q : b.questions()) {
            if (!q.threshold().question().isEmpty()) {
                out.print(fit("  " + q.label() + ": " + q.threshold().question()) + "\n");
            }
        }
    }

    static String percent(Double p) {
        if (p == null || Double.isNaN(p)) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * p);
    }

    static String label(String model) {
        if (model.equals("expected-utility")) {
            return "exp-util";
        }
        return model.length() > COL - 1 ? model.substring(0, COL - 1) : model;
    }

    private static String pad(String s, int width) {
        if (s.length() >= width) {
            return s.substring(0, width - 1) + " ";
        }
        return s + " ".repeat(width - s.length());
    }

    private static String left(String s, int width) {
        if (s.length() >= width) {
            return " " + s;
        }
        return " ".repeat(width - s.length()) + s;
    }

    static String fit(String s) {
        return s.length() <= WIDTH ? s : s.substring(0, WIDTH - 3) + "...";
    }

    static String wrap(String s, String indent) {
        List<String> lines = new ArrayList<>();
        String rest = s;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= indent.length()) {
                cut = WIDTH;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = indent + rest.substring(cut).strip();
        }
        lines.add(rest);
        return String.join("\n", lines);
    }
}
