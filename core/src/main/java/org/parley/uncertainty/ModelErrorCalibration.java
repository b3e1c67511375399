package org.parley.uncertainty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;

/**
 * A model-error calibration: per model, the conformal quantile {@code q} of its scaled errors on
 * real outcomes, so that {@code forecast +/- q x (weighted SD of positions + the model's constant)} (see
 * {@link ModelError}) is a {@code level} interval where the calibration data are representative.
 * Parley ships one, computed on the DEU III backtest ({@link #shipped()}); its provenance (data and
 * its checksum, protocol, coverage per half) is in the resource itself.
 *
 * <p>Format: UTF-8 lines {@code key=value}, {@code #} comments; keys {@code version}, {@code level},
 * {@code constant}, {@code data}, {@code data.sha256}, {@code protocol}, {@code capability},
 * {@code issues}, {@code command}, and per model {@code model.<id>.q}, {@code model.<id>.constant}
 * (the error scale's constant fitted with q; {@code constant} when absent),
 * {@code model.<id>.coverage.train}, {@code model.<id>.coverage.test}.
 *
 * @param version  the calibration's version (recorded with registered forecasts)
 * @param level    nominal coverage
 * @param constant the constant of the error scale, points on 0-100
 * @param entries  every key and value as written, in file order
 * @param q        per model id, its quantile
 */
public record ModelErrorCalibration(String version, double level, double constant, Map<String, String> entries,
                                    Map<String, Double> q) {

    /** Where the shipped calibration lives on the class path. */
    public static final String RESOURCE = "/org/parley/uncertainty/model-error.properties";

    public ModelErrorCalibration {
        Objects.requireNonNull(version, "version");
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        q = Collections.unmodifiableMap(new LinkedHashMap<>(q));
    }

    private static volatile ModelErrorCalibration shipped;

    /** The calibration shipped with Parley. */
    public static ModelErrorCalibration shipped() {
        ModelErrorCalibration c = shipped;
        if (c == null) {
            try (InputStream in = ModelErrorCalibration.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new ParleyException(ErrorCode.FAILURE, "the model-error calibration " + RESOURCE + " is missing");
                }
                c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new ParleyException(ErrorCode.FAILURE, RESOURCE + ": " + e.getMessage(), e);
            }
            shipped = c;
        }
        return c;
    }

    /** Reads the format described above; {@code source} names the text in error messages. */
    public static ModelErrorCalibration parse(String text, String source) {
        Map<String, String> kv = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                throw new ParleyException(ErrorCode.BAD_INPUT, source + ":" + (i + 1) + ": expected key=value, was '" + l + "'");
            }
            kv.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
        String version = kv.get("version");
        if (version == null || version.isEmpty()) {
            throw new ParleyException(ErrorCode.BAD_INPUT, source + ": no version");
        }
        Map<String, Double> q = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : kv.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("model.") && k.endsWith(".q")) {
                q.put(k.substring(6, k.length() - 2), number(source, k, e.getValue()));
            } else if (k.startsWith("model.") && k.endsWith(".constant")) {
                number(source, k, e.getValue());
            }
        }
        return new ModelErrorCalibration(version, number(source, "level", kv.getOrDefault("level", "0.9")),
                number(source, "constant", kv.getOrDefault("constant", String.valueOf(ModelError.CONSTANT))), kv, q);
    }

    private static double number(String source, String key, String v) {
        try {
            return v.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, source + ": " + key + " must be a number, was '" + v + "'");
        }
    }

    /** {@code true} when the calibration has a quantile for {@code model}. */
    public boolean covers(String model) {
        return q.containsKey(model);
    }

    /** The entry {@code key}, or {@code ""}. */
    public String entry(String key) {
        return entries.getOrDefault(key, "");
    }

    /**
     * The calibrated interval of a model's forecast on one issue, on the issue's scale, or
     * {@code null} when the calibration has no quantile for the model.
     */
    public double[] interval(String model, double forecast, ModelError.Spread spread, double scaleMin, double scaleMax) {
        Double qm = q.get(model);
        if (qm == null || Double.isNaN(forecast)) {
            return null;
        }
        return ModelError.interval(forecast, qm, spread, constant(model), scaleMin, scaleMax);
    }

    /**
     * The calibrated interval of a model's forecast on issue {@code k} of a problem, its spread
     * taken from the problem's capabilities, positions and saliences, or {@code null} when the
     * calibration has no quantile for the model or the forecast is not a number.
     */
    public double[] interval(String model, double forecast, Problem p, int k) {
        return interval(model, forecast, ModelError.spread(p.capability(), p.position(), p.salience(), k, p.scaleMin(k),
                p.scaleMax(k)), p.scaleMin(k), p.scaleMax(k));
    }

    /** The error scale's constant of {@code model}: its own when the file gives one, else {@link #constant()}. */
    public double constant(String model) {
        String v = entries.get("model." + model + ".constant");
        return v == null ? constant : number("calibration " + version, "model." + model + ".constant", v);
    }

    /** A short label for tables: what the interval is and where it comes from. */
    public String label() {
        return Math.round(level * 100) + "% model-error intervals, calibration " + version + " (" + entry("data") + ", "
                + entry("protocol").replaceFirst(" .*", "") + ")";
    }
}
