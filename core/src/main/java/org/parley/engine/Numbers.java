package org.parley.engine;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting that never depends on the default locale. */
public final class Numbers {

    private Numbers() {
    }

    /** Shortest text that reads back to the same double; integers without a fraction. */
    public static String format(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d); // what %d prints in Locale.ROOT, without parsing a format
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            s = new BigDecimal(s).toPlainString();
        }
        return s;
    }

    /** Fixed decimals, {@code Locale.ROOT}. */
    public static String fixed(double d, int decimals) {
        if (Double.isNaN(d)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", d);
    }
}
