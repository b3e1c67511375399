package org.parley.io.svg;

import java.util.Locale;

/**
 * A minimal SVG 1.1 document builder: elements with escaped attributes and text, numbers printed
 * with {@link Locale#ROOT} and at most two decimals.
 */
final class Svg {

    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
    static final String FONT = "font-family=\"Helvetica, Arial, sans-serif\"";

    private final StringBuilder sb = new StringBuilder();

    Svg(double width, double height, String title) {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" ").append(FONT).append(" font-size=\"12\">\n");
        sb.append("<title>").append(escape(title)).append("</title>\n");
        sb.append("<rect x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"white\"/>\n");
    }

    /** Opens an element; {@code attrs} are name, value pairs. */
    Svg open(String tag, Object... attrs) {
        sb.append('<').append(tag);
        attributes(attrs);
        sb.append(">\n");
        return this;
    }

    Svg close(String tag) {
        sb.append("</").append(tag).append(">\n");
        return this;
    }

    /** An empty element. */
    Svg empty(String tag, Object... attrs) {
        sb.append('<').append(tag);
        attributes(attrs);
        sb.append("/>\n");
        return this;
    }

    /** An element with text content. */
    Svg text(String tag, String text, Object... attrs) {
        sb.append('<').append(tag);
        attributes(attrs);
        sb.append('>').append(escape(text)).append("</").append(tag).append(">\n");
        return this;
    }

    String finish() {
        return sb.append("</svg>\n").toString();
    }

    private void attributes(Object[] attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            Object v = attrs[i + 1];
            String s = v instanceof Double || v instanceof Float ? num(((Number) v).doubleValue()) : String.valueOf(v);
            sb.append(' ').append(attrs[i]).append("=\"").append(escape(s)).append('"');
        }
    }

    /** A number for SVG: at most two decimals, no trailing zeros, Locale.ROOT; NaN as "NaN". */
    static String num(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        String s = String.format(Locale.ROOT, "%.2f", d);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&apos;");
                    break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.toString();
    }

    /** Maps a value range onto a pixel range. */
    record Axis(double min, double max, double from, double to) {
        double at(double v) {
            return max == min ? (from + to) / 2 : from + (v - min) / (max - min) * (to - from);
        }
    }

    /** A tick label: the value rounded to 6 significant decimals, so 0.6000000000000001 reads 0.6. */
    static String tick(double v) {
        return org.parley.engine.Numbers.format(Math.round(v * 1e6) / 1e6);
    }

    /** Round tick values covering [min, max], about {@code count} of them. */
    static double[] ticks(double min, double max, int count) {
        double span = max - min;
        if (!(span > 0)) {
            return new double[] {min};
        }
        double raw = span / count;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * mag >= raw) {
                step = f * mag;
                break;
            }
        }
        double first = Math.ceil(min / step - 1e-9) * step;
        int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
        double[] out = new double[Math.max(1, n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i * step;
        }
        return out;
    }
}
