package org.parley.engine;

/**
 * The text {@code String.format(Locale.ROOT, "%.Nf", d)} gives, without a {@link java.util.Formatter}
 * (which parses the pattern and looks up the locale's symbols on every call: most of the cost of a
 * traced model run's sentences). The JDK's formatter rounds half up the decimal digits of the
 * shortest representation ({@code Double.toString}'s digits, up to trailing zeros), pads with zeros
 * and puts a minus before any negative value, negative zero included; this does the same with the
 * same digits. {@code FixedDecimalsTest} compares the two on millions of values.
 */
final class FixedDecimals {

    /** Powers of ten up to 10^6, exact. */
    private static final long[] POW10 = {1L, 10L, 100L, 1000L, 10_000L, 100_000L, 1_000_000L};
    /** Values below {@code 1e9 / 10^decimals}: the scaled value is below 1e9, its ulp below 1.2e-7. */
    private static final double[] LIMIT = {1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3};

    private FixedDecimals() {
    }

    /**
     * The text by arithmetic when the value is clearly not a tie: {@code v * 10^decimals} is within
     * about 1.2e-7 of both the exact value and the shortest decimal's, so when its fraction is
     * more than 1e-6 from one half both round to the same integer. Null for a near-tie.
     */
    private static String quick(double v, int decimals, boolean neg) {
        double scaled = v * POW10[decimals];
        double whole = Math.floor(scaled);
        double frac = scaled - whole;
        if (!(Math.abs(frac - 0.5) > 1e-6)) {
            return null;
        }
        long n = (long) whole + (frac > 0.5 ? 1 : 0);
        StringBuilder b = new StringBuilder(20);
        if (neg) {
            b.append('-');
        }
        long p = POW10[decimals];
        b.append(n / p);
        if (decimals > 0) {
            b.append('.');
            String f = Long.toString(n % p);
            for (int z = f.length(); z < decimals; z++) {
                b.append('0');
            }
            b.append(f);
        }
        return b.toString();
    }

    /** {@code String.format(Locale.ROOT, "%." + decimals + "f", d)} for {@code 0 <= decimals <= 20}. */
    static String format(double d, int decimals) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        boolean neg = Double.compare(d, 0.0) < 0;
        double v = Math.abs(d);
        if (Double.isInfinite(v)) {
            return neg ? "-Infinity" : "Infinity";
        }
        if (decimals <= 6 && v < LIMIT[decimals]) {
            String quick = quick(v, decimals, neg);
            if (quick != null) {
                return quick;
            }
        }
        String s = Double.toString(v);
        int len = s.length();
        int e = s.indexOf('E');
        int end = e < 0 ? len : e;
        // the digits of the mantissa and the number of them before the decimal point
        char[] digits = new char[end];
        int nd = 0;
        int before = 0;
        for (int c = 0; c < end; c++) {
            char ch = s.charAt(c);
            if (ch == '.') {
                before = nd;
            } else {
                digits[nd++] = ch;
            }
        }
        if (e >= 0) {
            before += Integer.parseInt(s, e + 1, len, 10);
        }
        // kept digits: those before the point and `decimals` after it, rounded half up
        int keep = before + decimals;
        int size = Math.max(keep, 0) + 1;
        char[] out = new char[size];
        out[0] = '0';
        for (int c = 0; c < size - 1; c++) {
            out[c + 1] = c < nd ? digits[c] : '0';
        }
        if (keep >= 0 && keep < nd && digits[keep] >= '5') {
            int c = size - 1;
            while (out[c] == '9') {
                out[c] = '0';
                c--;
            }
            out[c]++;
        }
        // out is the integer value * 10^decimals with a leading 0 for the carry
        StringBuilder b = new StringBuilder(size + decimals + 3);
        if (neg) {
            b.append('-');
        }
        int intDigits = size - decimals;
        if (intDigits <= 0) {
            b.append('0');
        } else {
            int first = 0;
            while (first < intDigits - 1 && out[first] == '0') {
                first++;
            }
            b.append(out, first, intDigits - first);
        }
        if (decimals > 0) {
            b.append('.');
            for (int z = intDigits; z < 0; z++) {
                b.append('0');
            }
            int from = Math.max(intDigits, 0);
            b.append(out, from, size - from);
        }
        return b.toString();
    }
}
