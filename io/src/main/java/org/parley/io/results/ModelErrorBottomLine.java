package org.parley.io.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.BottomLine;
import org.parley.engine.ForecastResult;
import org.parley.engine.Problem;
import org.parley.engine.RunResult;
import org.parley.model.Threshold;
import org.parley.uncertainty.ModelErrorCalibration;

/**
 * The bottom line's P(yes) as a range that allows for model error: the point forecast's bottom line
 * counts a world's deal as 1 or 0 by where the point falls; here, when the model's calibrated
 * interval (level {@code L}, e.g. 0.9) lies wholly past the threshold, P(yes | talks) is taken in
 * {@code [L, 1]}; wholly short of it, in {@code [0, 1 - L]}; straddling it, anything in {@code [0, 1]}.
 * Then mixed over the worlds and the chance of talks exactly as {@link BottomLine} does (no talks:
 * the status quo). Models the calibration does not cover keep their point answer.
 */
public final class ModelErrorBottomLine {

    private ModelErrorBottomLine() {
    }

    /** Per question (in {@code b}'s order), per model, {@code [low, high]} of P(yes). */
    public static List<Map<String, double[]>> ranges(ForecastResult result, BottomLine b, ModelErrorCalibration cal) {
        return b.questions().stream().map(q -> range(result, b, cal, q)).toList();
    }

    private static Map<String, double[]> range(ForecastResult result, BottomLine b, ModelErrorCalibration cal,
                                               BottomLine.Question q) {
        Threshold t = q.threshold();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String m : b.models()) {
            double lo = 0;
            double hi = 0;
            for (Map.Entry<String, Double> e : b.mixed().entrySet()) {
                Problem p = result.problem(e.getKey());
                int k = p.issueIndex(q.issue());
                RunResult r = result.run(e.getKey(), m).orElse(null);
                if (k < 0 || r == null) {
                    continue;
                }
                double talks = p.consentRules().talks();
                double sq = p.statusQuo(k);
                double noTalks = !Double.isNaN(sq) && t.crossedBy(sq) ? 1 : 0;
                double f = r.trajectory().forecast()[k];
                double[] iv = cal.interval(m, f, p, k);
                double a;
                double c;
                if (Double.isNaN(f)) {
                    a = 0;
                    c = 0;
                } else if (iv == null) {
                    a = t.crossedBy(f) ? 1 : 0;
                    c = a;
                } else if (t.crossedBy(iv[0]) && t.crossedBy(iv[1])) {
                    a = cal.level();
                    c = 1;
                } else if (!t.crossedBy(iv[0]) && !t.crossedBy(iv[1])) {
                    a = 0;
                    c = 1 - cal.level();
                } else {
                    a = 0;
                    c = 1;
                }
                lo += e.getValue() * (talks * a + (1 - talks) * noTalks);
                hi += e.getValue() * (talks * c + (1 - talks) * noTalks);
            }
            out.put(m, new double[] {lo, hi});
        }
        return out;
    }

    /** A table cell: {@code 3-37%} (whole percent). */
    public static String cell(double[] r) {
        return r == null ? "" : String.format(java.util.Locale.ROOT, "%.0f-%.0f%%", 100 * r[0], 100 * r[1]);
    }
}
