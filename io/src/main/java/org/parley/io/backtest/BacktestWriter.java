package org.parley.io.backtest;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.backtest.Backtest;
import org.parley.backtest.Calibration;
import org.parley.backtest.Comparison;
import org.parley.backtest.IssueForecast;
import org.parley.backtest.Score;
import org.parley.backtest.Split;
import org.parley.engine.Numbers;

/** Writes backtest scores, per-issue forecasts and calibration tables. Every number uses {@code Locale.ROOT}. */
public final class BacktestWriter {

    /** The header of the scores CSV. */
    public static final String CSV_HEADER = "model,split,capability,n,mae,median_ae,rmse,within10";

    private BacktestWriter() {
    }

    /** One CSV row per forecaster: errors in points on 0-100, {@code within10} a share. */
    public static void scoresCsv(List<Score> scores, PrintWriter out) {
        out.println(CSV_HEADER);
        for (Score s : scores) {
            out.println(String.join(",", cell(s.label()), s.split().id(), cell(s.capability()), String.valueOf(s.n()),
                    num(s.mae()), num(s.medianAe()), num(s.rmse()), num(s.within10())));
        }
        out.flush();
    }

    private static final String COMPROMISE = "compromise";

    /**
     * A table for people: scores, each forecaster's paired difference from the compromise model with
     * a bootstrap interval (resampling seeded by {@code seed}), the ensemble's weights, notes.
     */
    public static void scoresTable(Backtest.Result r, Split split, long seed, PrintWriter out) {
        out.println("Backtest of " + r.set().name() + ": " + r.set().scoredIssues(split) + " issues with a real outcome"
                + " (split " + split.id() + "; train " + r.set().scoredIssues(Split.TRAIN) + ", test "
                + r.set().scoredIssues(Split.TEST) + "), capability " + r.capability());
        out.println("Errors in points on a 0-100 scale; lower is better. within10 = share of issues missed by at most 10 points.");
        out.println();
        List<Score> scores = r.scores(split);
        int w = "model".length();
        for (Score s : scores) {
            w = Math.max(w, s.label().length());
        }
        String ref = r.labels().contains(COMPROMISE) ? COMPROMISE : null;
        String fmt = "%-" + w + "s  %5s  %6s  %9s  %6s  %8s" + (ref == null ? "" : "  %25s") + "%n";
        if (ref == null) {
            out.printf(Locale.ROOT, fmt, "model", "n", "MAE", "median AE", "RMSE", "within10");
        } else {
            out.printf(Locale.ROOT, fmt, "model", "n", "MAE", "median AE", "RMSE", "within10", "MAE - compromise [90%]");
        }
        for (Score s : scores) {
            String vs = "";
            if (ref != null && !s.label().equals(ref)) {
                Comparison c = Comparison.of(s.label(), ref, split, r.issues(), seed);
                vs = c.n() == 0 ? "-" : String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", c.diff(), c.low(), c.high());
            }
            out.printf(Locale.ROOT, fmt, s.label(), s.n(), Numbers.fixed(s.mae(), 2), Numbers.fixed(s.medianAe(), 2),
                    Numbers.fixed(s.rmse(), 2), Numbers.fixed(s.within10(), 3), vs);
        }
        if (ref != null) {
            out.println();
            out.println("MAE - compromise: paired difference on the issues both forecast (negative = better than the "
                    + "compromise model), with a 90% bootstrap interval over proposals; an interval containing 0 means this "
                    + "split cannot tell the two apart.");
        }
        if (!r.ensemble().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Double> e : r.ensemble().entrySet()) {
                parts.add(e.getKey() + " " + Numbers.fixed(e.getValue(), 2));
            }
            out.println();
            out.println("ensemble = weighted mean of the models, weights fitted on the train split only: "
                    + String.join(", ", parts));
        }
        if (!r.notes().isEmpty()) {
            out.println();
            for (String n : r.notes()) {
                out.println("note: " + n);
            }
        }
        out.flush();
    }

    /** {@code case,proposal,split,issue,outcome,<label>...}: every scored issue with every forecast. */
    public static void perIssueCsv(Backtest.Result r, PrintWriter out) {
        List<String> head = new ArrayList<>(List.of("case", "proposal", "split", "issue", "outcome"));
        for (String l : r.labels()) {
            head.add(cell(l));
        }
        out.println(String.join(",", head));
        for (IssueForecast f : r.issues()) {
            List<String> row = new ArrayList<>(List.of(cell(f.caseId()), cell(f.proposal()), f.split().id(),
                    cell(f.issueId()), Numbers.format(f.outcome())));
            for (String l : r.labels()) {
                double x = f.forecast(l);
                row.add(Double.isNaN(x) ? "" : Numbers.format(x));
            }
            out.println(String.join(",", row));
        }
        out.flush();
    }

    /** The conformal calibration table (intervals from train errors), for people. */
    public static void conformalTable(List<Calibration.Row> rows, PrintWriter out) {
        out.println();
        out.println("Calibration, intervals from train errors: forecast +/- the median (50%) and 90th percentile (90%) of "
                + "the forecaster's absolute errors on the train split; share of real outcomes inside (honest: 0.50 and "
                + "0.90; on train it is so by construction)");
        rowsTable(rows, out);
    }

    /** The perturbation calibration table, for people. */
    public static void calibrationTable(List<Calibration.Row> rows, int runs, double noise, PrintWriter out) {
        out.println();
        out.println("Calibration, intervals from perturbed inputs: " + runs + " runs per case (positions and saliences "
                + "+ normal noise, sd " + Numbers.format(noise) + " points); share of real outcomes inside each model's "
                + "25-75% and 5-95% range (honest: 0.50 and 0.90)");
        rowsTable(rows, out);
    }

    private static void rowsTable(List<Calibration.Row> rows, PrintWriter out) {
        int w = "model".length();
        for (Calibration.Row c : rows) {
            w = Math.max(w, c.label().length());
        }
        String fmt = "%-" + w + "s  %5s  %5s  %9s  %9s  %9s  %9s%n";
        out.printf(Locale.ROOT, fmt, "model", "split", "n", "inside50", "inside90", "width50", "width90");
        for (Calibration.Row c : rows) {
            out.printf(Locale.ROOT, fmt, c.label(), c.split().id(), c.n(), Numbers.fixed(c.inside50(), 3),
                    Numbers.fixed(c.inside90(), 3), Numbers.fixed(c.width50(), 2), Numbers.fixed(c.width90(), 2));
        }
        out.flush();
    }

    /**
     * Calibration tables as CSV: {@code method,model,split,n,inside50,inside90,width50,width90}, method
     * {@code train-errors} for {@code conformal} rows and {@code perturbation} for {@code perturbed} rows.
     */
    public static void calibrationCsv(List<Calibration.Row> conformal, List<Calibration.Row> perturbed, PrintWriter out) {
        out.println("method,model,split,n,inside50,inside90,width50,width90");
        calibrationRows("train-errors", conformal, out);
        calibrationRows("perturbation", perturbed, out);
        out.flush();
    }

    private static void calibrationRows(String method, List<Calibration.Row> rows, PrintWriter out) {
        for (Calibration.Row c : rows) {
            out.println(String.join(",", method, cell(c.label()), c.split().id(), String.valueOf(c.n()), num(c.inside50()),
                    num(c.inside90()), num(c.width50()), num(c.width90())));
        }
        out.flush();
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.4f", d);
    }

    private static String cell(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
