package org.parley.engine;

import java.math.BigDecimal;

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

    /** Fixed decimals, {@code Locale.ROOT}: the text of {@code %.<decimals>f} (see {@link FixedDecimals}), "-" for NaN. */
    public static String fixed(double d, int decimals) {
        if (Double.isNaN(d)) {
            return "-";
        }
        return FixedDecimals.format(d, decimals);
    }

    /**
     * Decimals that show a value on a scale of this width to about three significant digits of
     * the width: 1 for 0-100 (and any wider scale), 2 for 0-10 or 1-10, 3 for 0-1.
     */
    public static int decimalsFor(double span) {
        if (!(span > 0) || Double.isInfinite(span)) {
            return 1;
        }
        int d = 3 - (int) Math.ceil(Math.log10(span) - 1e-12);
        return Math.max(1, Math.min(6, d));
    }
}
