package org.parley.io.results;

import org.parley.engine.Numbers;

/** CSV cells: RFC 4180 quoting, numbers via {@link Numbers#format(double)}, empty for NaN. */
final class Csv {

    private Csv() {
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    static String num(double d) {
        return Double.isNaN(d) ? "" : Numbers.format(d);
    }
}
