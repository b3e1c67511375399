package org.parley.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.parley.engine.Numbers;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The JSON of io: a small emitter for trees of {@code Map} (insertion-ordered), {@code List},
 * {@code String}, {@code Number}, {@code Boolean}, {@code double[]} and {@code null}, and
 * {@link #read(String)} for the same trees back. Deterministic: the same tree gives the same bytes. Numbers use {@link Numbers#format(double)} (Locale-independent); NaN and
 * infinities, which JSON lacks, are written as {@code null}.
 */
public final class Json {

    private Json() {
    }

    /**
     * A JSON text read back as a tree of insertion-ordered {@code Map}, {@code List}, {@code String},
     * {@code Integer}/{@code Long}/{@code Double}, {@code Boolean} and {@code null}; {@code null} for
     * blank text. (JSON is YAML 1.2, so the YAML engine reads it.)
     */
    public static Object read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        return new Load(LoadSettings.builder().build()).loadFromString(json);
    }

    public static String write(Object tree) {
        StringBuilder sb = new StringBuilder();
        write(tree, sb, 0, true);
        sb.append('\n');
        return sb.toString();
    }

    public static void write(Object tree, Appendable out, boolean pretty) {
        StringBuilder sb = new StringBuilder();
        write(tree, sb, 0, pretty);
        try {
            out.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Object v, StringBuilder sb, int indent, boolean pretty) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            string((String) v, sb);
        } else if (v instanceof Boolean) {
            sb.append(v.toString());
        } else if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (v instanceof Long || v instanceof Integer) {
                sb.append(v.toString());
            } else if (!Double.isFinite(d)) {
                sb.append("null");
            } else {
                sb.append(Numbers.format(d));
            }
        } else if (v instanceof double[]) {
            double[] a = (double[]) v;
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(pretty ? ", " : ",");
                }
                sb.append(Double.isFinite(a[i]) ? Numbers.format(a[i]) : "null");
            }
            sb.append(']');
        } else if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, indent + 1, pretty);
                string(String.valueOf(e.getKey()), sb);
                sb.append(pretty ? ": " : ":");
                write(e.getValue(), sb, indent + 1, pretty);
            }
            newline(sb, indent, pretty);
            sb.append('}');
        } else if (v instanceof List) {
            List<?> l = (List<?>) v;
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            boolean flat = l.stream().allMatch(x -> x == null || x instanceof Number || x instanceof String
                    || x instanceof Boolean) && l.size() <= 32;
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                    if (flat && pretty) {
                        sb.append(' ');
                    }
                }
                if (!flat) {
                    newline(sb, indent + 1, pretty);
                }
                write(l.get(i), sb, indent + 1, pretty);
            }
            if (!flat) {
                newline(sb, indent, pretty);
            }
            sb.append(']');
        } else {
            string(v.toString(), sb);
        }
    }

    private static void newline(StringBuilder sb, int indent, boolean pretty) {
        if (pretty) {
            sb.append('\n');
            for (int i = 0; i < indent; i++) {
                sb.append("  ");
            }
        }
    }

    static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
