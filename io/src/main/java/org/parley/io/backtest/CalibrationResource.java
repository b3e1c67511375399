package org.parley.io.backtest;

import java.io.PrintWriter;
import java.util.Locale;

import org.parley.backtest.ProtocolBacktest;
import org.parley.uncertainty.ModelError;
import org.parley.uncertainty.ModelErrorCalibration;

/** Writes a {@link ModelErrorCalibration} file from a protocol backtest. */
public final class CalibrationResource {

    /** Bumped whenever the method (score, constant, clipping, protocol) changes. */
    public static final int METHOD_VERSION = 2;

    private CalibrationResource() {
    }

    /** The version string of a calibration computed on {@code data} under {@code protocol}. */
    public static String version(String data, ProtocolBacktest.Protocol protocol) {
        String stem = data.replaceFirst("\\.[A-Za-z0-9]+$", "").replaceFirst("^blksv_", "");
        return stem + "-" + protocol.id() + "-v" + METHOD_VERSION;
    }

    /** Writes the file: models only (baselines and candidates have no forecast outside a backtest). */
    public static void write(ProtocolBacktest.Result r, String dataName, String sha256, PrintWriter out) {
        ProtocolBacktest.Settings s = r.settings();
        out.println("# Parley model-error calibration. Interval = forecast +/- q x (capability x salience-weighted SD");
        out.println("# of the positions, points on 0-100, + the model's constant), clipped to the range of the positions");
        out.println("# (widened to the forecast). q: the conformal quantile (rank ceil((n + 1) level)) of");
        out.println("# |forecast - outcome| / scale over every scored issue (infinite for an outcome outside the clipping");
        out.println("# range); the constant: of 1, 2.5, 5, 10, 20, 40, the one with the narrowest mean interval there.");
        out.println("# coverage: share of outcomes inside the cross-conformal interval (constant and q fitted on the");
        out.println("# other folds), per half of the legacy split. Regenerate with the command below.");
        out.println("version=" + version(dataName, s.protocol()));
        out.println("level=" + num(s.level()));
        out.println("constant=" + num(ModelError.CONSTANT));
        out.println("data=" + dataName);
        out.println("data.sha256=" + sha256);
        out.println("protocol=" + ProtocolWriter.describe(r));
        out.println("capability=" + r.base().capability());
        out.println("issues=" + r.base().issues().size());
        out.println("seed=" + s.seed());
        out.println("command=parley backtest " + dataName + " --protocol " + s.protocol().id()
                + " --calibration --write-calibration FILE");
        for (ProtocolBacktest.Row row : r.rows()) {
            if (row.status() != null || row.coverage() == null || !r.base().models().contains(row.label())) {
                continue;
            }
            out.println("model." + row.label() + ".q=" + num(row.coverage().q()));
            out.println("model." + row.label() + ".constant=" + num(row.coverage().constant()));
            out.println("model." + row.label() + ".coverage.train=" + num(row.coverage().train()));
            out.println("model." + row.label() + ".coverage.test=" + num(row.coverage().test()));
        }
        out.flush();
    }

    private static String num(double d) {
        return Double.isInfinite(d) ? "inf" : String.format(Locale.ROOT, "%.6f", d).replaceFirst("0+$", "")
                .replaceFirst("\\.$", "");
    }
}
