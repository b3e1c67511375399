package org.parley.io.backtest;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.backtest.Candidates;
import org.parley.backtest.ProtocolBacktest;
import org.parley.backtest.ProtocolBacktest.Protocol;
import org.parley.backtest.ProtocolBacktest.Row;
import org.parley.engine.Numbers;

/** Writes a {@link ProtocolBacktest.Result}: scores, the decision, the legacy split, interval coverage. */
public final class ProtocolWriter {

    /** The header of {@link #csv}. */
    public static final String CSV_HEADER = "forecaster,candidate,status,protocol,n,mae,median_ae,rmse,within10,"
            + "mae_train,mae_test,diff,diff_p05,diff_p95,p,holm_p,holm_upper95,decision,split_train_to_test,"
            + "split_test_to_train,q90,constant,coverage_train,coverage_train_low,coverage_train_high,coverage_test,"
            + "coverage_test_low,coverage_test_high,coverage_all,interval_width";

    private ProtocolWriter() {
    }

    /** The protocol in words. */
    public static String describe(ProtocolBacktest.Result r) {
        ProtocolBacktest.Settings s = r.settings();
        return switch (s.protocol()) {
            case LOPO -> "lopo (leave one proposal out: " + r.proposals() + " folds)";
            case KFOLD -> "kfold (" + s.folds() + " folds by proposal, repeated " + s.repeats()
                    + " times with seeds derived from " + s.seed() + ")";
            case SPLIT -> "split (the legacy halves: fitted on train, scored on test)";
        };
    }

    /** The table for people. */
    public static void table(ProtocolBacktest.Result r, PrintWriter out) {
        ProtocolBacktest.Settings s = r.settings();
        out.println("Backtest of " + r.base().set().name() + " under protocol " + describe(r) + ", capability "
                + r.base().capability());
        out.println("Errors in points on a 0-100 scale, out of fold; lower is better. Anything fitted (stacked weights, "
                + "conformal quantiles) is fitted inside the training folds only.");
        out.println();
        int w = "forecaster".length();
        for (Row row : r.rows()) {
            w = Math.max(w, row.label().length());
        }
        String fmt = "%-" + w + "s  %4s  %6s  %6s  %6s  %8s  %6s  %6s  %24s  %8s  %s%n";
        out.printf(Locale.ROOT, fmt, "forecaster", "n", "MAE", "medAE", "RMSE", "within10", "train", "test",
                "MAE - compromise [90%]", "Holm 95%", "decision");
        for (Row row : r.rows()) {
            if (row.status() != null) {
                out.printf(Locale.ROOT, "%-" + w + "s  %s%n", row.label(), row.status());
                continue;
            }
            String vs = row.label().equals(Candidates.REFERENCE) ? "(reference)"
                    : Double.isNaN(row.diff()) ? "-" : String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", row.diff(),
                    row.low90(), row.high90());
            String adj = Double.isNaN(row.adjustedHigh()) ? "" : String.format(Locale.ROOT, "%+.2f", row.adjustedHigh());
            String dec = row.decision() != null ? row.decision() : "";
            out.printf(Locale.ROOT, fmt, row.label(), row.all().n(), Numbers.fixed(row.all().mae(), 2),
                    Numbers.fixed(row.all().medianAe(), 2), Numbers.fixed(row.all().rmse(), 2),
                    Numbers.fixed(row.all().within10(), 3), Numbers.fixed(row.train().mae(), 2),
                    Numbers.fixed(row.test().mae(), 2), vs, adj, dec);
        }
        out.println();
        out.println("train, test: MAE on each half of the legacy split (out of fold under this protocol). "
                + "MAE - compromise: paired difference on the issues both forecast, with the 5th and 95th percentiles of "
                + s.resamples() + " proposal-cluster bootstrap resamples (seed " + s.seed() + "); the 95th percentile is "
                + "the unadjusted one-sided 95% upper bound.");
        if (s.protocol() == Protocol.KFOLD) {
            List<String> parts = new ArrayList<>();
            for (Row row : r.rows()) {
                if (row.status() == null && !row.label().equals(Candidates.REFERENCE) && !Double.isNaN(row.repeatLow())
                        && (row.candidate() || row.repeatHigh() != row.repeatLow())) {
                    parts.add(row.label() + " " + String.format(Locale.ROOT, "%+.2f .. %+.2f", row.repeatLow(),
                            row.repeatHigh()));
                }
            }
            out.println("Spread of MAE - compromise over the " + s.repeats() + " fold seeds: " + String.join("; ", parts));
        }
        out.println();
        out.println("Decision rule (declared before scoring): a candidate beats compromise iff the Holm-adjusted one-sided "
                + "95% upper bound of MAE(candidate) - MAE(compromise) (column Holm 95%) is below 0; it clearly beats "
                + "compromise iff in addition the point difference is at most " + Numbers.fixed(ProtocolBacktest.CLEARLY, 1)
                + ". Holm family: the available candidates; the other models are shown for reference, unadjusted.");
        out.println("Candidates (frozen before scoring; found while inspecting all 353 DEU III issues, so only new data "
                + "is a clean test):");
        for (String c : Candidates.ALL) {
            out.println("  " + c + ": " + Candidates.definition(c));
        }
        if (!r.stacked().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Double> e : r.stacked().entrySet()) {
                parts.add(e.getKey() + " " + Numbers.fixed(e.getValue(), 2));
            }
            out.println("  (stacked weights fitted on all issues, for information only: " + String.join(", ", parts) + ")");
        }
        out.println();
        out.println("Legacy split, both directions (MAE - compromise [90% bootstrap]; fitted forecasters refitted on "
                + "the other half):");
        String f2 = "%-" + w + "s  %24s  %24s%n";
        out.printf(Locale.ROOT, f2, "forecaster", "train -> test", "test -> train");
        for (Row row : r.rows()) {
            if (row.status() != null || row.label().equals(Candidates.REFERENCE)) {
                continue;
            }
            out.printf(Locale.ROOT, f2, row.label(), interval(row.trainToTest()), interval(row.testToTrain()));
        }
        out.println();
        calibration(r, out);
        if (!r.notes().isEmpty()) {
            out.println();
            for (String n : r.notes()) {
                out.println("note: " + n);
            }
        }
        out.flush();
    }

    /** The coverage of the model-error intervals. */
    public static void calibration(ProtocolBacktest.Result r, PrintWriter out) {
        ProtocolBacktest.Settings s = r.settings();
        int level = (int) Math.round(s.level() * 100);
        out.println("Model-error " + level + "% intervals (cross-conformal by proposal under " + s.protocol().id()
                + "): forecast +/- q x (capability x salience-weighted SD of positions + c), clipped to the positions' "
                + "range (an outcome outside it scores infinity); c (from 1, 2.5, 5, 10, 20, 40 points: the narrowest "
                + "mean interval) and q are fitted on the training folds only. Share of real outcomes inside, per half, "
                + "with its 90% proposal-cluster bootstrap interval (target " + Numbers.fixed(s.level() - 0.02, 2) + "-"
                + Numbers.fixed(s.level() + 0.02, 2) + " on both halves):");
        int w = "forecaster".length();
        for (Row row : r.rows()) {
            w = Math.max(w, row.label().length());
        }
        String fmt = "%-" + w + "s  %6s  %5s  %-21s  %-21s  %6s  %10s  %s%n";
        out.printf(Locale.ROOT, fmt, "forecaster", "q", "c", "train [90%]", "test [90%]", "all", "mean width", "");
        for (Row row : r.rows()) {
            if (row.status() != null || row.coverage() == null) {
                continue;
            }
            ProtocolBacktest.Coverage c = row.coverage();
            boolean ok = inTarget(c.train(), s.level()) && inTarget(c.test(), s.level());
            out.printf(Locale.ROOT, fmt, row.label(), Numbers.fixed(c.q(), 3), Numbers.fixed(c.constant(), 1),
                    share(c.train(), c.trainLow(), c.trainHigh()), share(c.test(), c.testLow(), c.testHigh()),
                    Numbers.fixed(c.all(), 3), Numbers.fixed(c.meanWidth(), 1),
                    ok ? "" : "outside the target on " + (inTarget(c.train(), s.level()) ? "test" : inTarget(c.test(),
                            s.level()) ? "train" : "both halves"));
        }
        out.println("q, c: fitted on every scored issue, as the shipped calibration uses them.");
        out.flush();
    }

    private static String share(double x, double lo, double hi) {
        return Numbers.fixed(x, 3) + " [" + Numbers.fixed(lo, 3) + ", " + Numbers.fixed(hi, 3) + "]";
    }

    private static boolean inTarget(double cov, double level) {
        return cov >= level - 0.02 - 1e-9 && cov <= level + 0.02 + 1e-9;
    }

    private static String interval(double[] d) {
        if (d == null || Double.isNaN(d[0])) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.2f [%+.2f, %+.2f]", d[0], d[1], d[2]);
    }

    /** One CSV row per forecaster (see {@link #CSV_HEADER}). */
    public static void csv(ProtocolBacktest.Result r, PrintWriter out) {
        out.println(CSV_HEADER);
        for (Row row : r.rows()) {
            List<String> c = new ArrayList<>();
            c.add(row.label());
            c.add(String.valueOf(row.candidate()));
            c.add(row.status() == null ? "ok" : "unavailable");
            c.add(r.settings().protocol().id());
            if (row.status() != null) {
                while (c.size() < CSV_HEADER.split(",").length) {
                    c.add("");
                }
                out.println(String.join(",", c));
                continue;
            }
            c.add(String.valueOf(row.all().n()));
            c.add(num(row.all().mae()));
            c.add(num(row.all().medianAe()));
            c.add(num(row.all().rmse()));
            c.add(num(row.all().within10()));
            c.add(num(row.train().mae()));
            c.add(num(row.test().mae()));
            c.add(num(row.diff()));
            c.add(num(row.low90()));
            c.add(num(row.high90()));
            c.add(num(row.p()));
            c.add(num(row.adjustedP()));
            c.add(num(row.adjustedHigh()));
            c.add(row.decision() == null ? "" : row.decision());
            c.add(row.trainToTest() == null ? "" : num(row.trainToTest()[0]));
            c.add(row.testToTrain() == null ? "" : num(row.testToTrain()[0]));
            ProtocolBacktest.Coverage cov = row.coverage();
            c.add(cov == null ? "" : num(cov.q()));
            c.add(cov == null ? "" : num(cov.constant()));
            c.add(cov == null ? "" : num(cov.train()));
            c.add(cov == null ? "" : num(cov.trainLow()));
            c.add(cov == null ? "" : num(cov.trainHigh()));
            c.add(cov == null ? "" : num(cov.test()));
            c.add(cov == null ? "" : num(cov.testLow()));
            c.add(cov == null ? "" : num(cov.testHigh()));
            c.add(cov == null ? "" : num(cov.all()));
            c.add(cov == null ? "" : num(cov.meanWidth()));
            out.println(String.join(",", c));
        }
        out.flush();
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf")
                : String.format(Locale.ROOT, "%.4f", d);
    }
}
