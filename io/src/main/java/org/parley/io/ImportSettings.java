package org.parley.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/**
 * How to read an input file: the format (or {@code null} to detect it) and the importer options
 * that peer tables need, given on the command line as {@code --option key=value}:
 * <ul>
 *   <li>{@code salience-scale}: {@code auto} (default: a table whose saliences are all &lt;= 1 is read
 *       on 0-1 and said so), {@code 1} (0-1, multiplied by 100) or {@code 100} (as written);</li>
 *   <li>{@code scale}: the position scale of a BDM table as {@code min:max}; by default the
 *       smallest of 0-1, 0-10 and 0-100 that holds every position, else the positions' own range.</li>
 * </ul>
 *
 * @param format  the format, or {@code null} to detect it from the content
 * @param options importer options (the keys above); other keys are left to the models
 */
public record ImportSettings(ScenarioFormat format, Map<String, String> options) {

    /** The option keys importers read; the CLI passes every other key to the models. */
    public static final List<String> KEYS = List.of("salience-scale", "scale");

    public ImportSettings {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public static ImportSettings detect() {
        return new ImportSettings(null, Map.of());
    }

    /** The importer's share of a mixed option map. */
    public static Map<String, String> importerOptions(Map<String, String> all) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (KEYS.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The models' share of a mixed option map. */
    public static Map<String, String> modelOptions(Map<String, String> all) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** {@code 0} for auto, else 1 or 100. */
    public double salienceScale() {
        String v = options.getOrDefault("salience-scale", "auto").strip();
        switch (v) {
            case "auto":
                return 0;
            case "1":
            case "1.0":
                return 1;
            case "100":
            case "100.0":
                return 100;
            default:
                throw new ParleyException(ErrorCode.BAD_OPTION, "option 'salience-scale' takes auto|1|100, was '" + v + "'");
        }
    }

    /** The position scale given as {@code min:max}, or {@code null} to infer it. */
    public double[] scale() {
        String v = options.get("scale");
        if (v == null) {
            return null;
        }
        String[] parts = v.split(":");
        try {
            if (parts.length == 2) {
                double lo = Double.parseDouble(parts[0].strip());
                double hi = Double.parseDouble(parts[1].strip());
                if (lo < hi) {
                    return new double[] {lo, hi};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParleyException(ErrorCode.BAD_OPTION, "option 'scale' takes min:max with min < max, was '" + v + "'");
    }
}
