package org.parley.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioProblem;

/**
 * One line of a delimited file, split into fields that remember their 1-based column.
 *
 * @param line    1-based line number
 * @param text    the raw line
 * @param fields  the fields, unquoted and stripped
 * @param columns the 1-based column where each field starts
 */
record Row(int line, String text, List<String> fields, List<Integer> columns) {

    /** Splits on {@code sep} ({@code ' '} means runs of white space), honouring {@code quote}. */
    static Row split(int line, String text, char sep, char quote) {
        List<String> fields = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        if (sep == ' ') {
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                fields.add(text.substring(start, i));
                columns.add(start + 1);
            }
            return new Row(line, text, fields, columns);
        }
        StringBuilder cur = new StringBuilder();
        boolean inQuote = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuote) {
                if (c == quote) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                        cur.append(c);
                        i++;
                    } else {
                        inQuote = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == quote && cur.toString().isBlank()) {
                inQuote = true;
                cur.setLength(0);
            } else if (c == sep) {
                fields.add(cur.toString().strip());
                columns.add(start + 1);
                cur.setLength(0);
                start = i + 1;
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString().strip());
        columns.add(start + 1);
        return new Row(line, text, fields, columns);
    }

    int size() {
        return fields.size();
    }

    String get(int i) {
        return fields.get(i);
    }

    int column(int i) {
        return i < columns.size() ? columns.get(i) : text.length() + 1;
    }

    /** The row without trailing empty fields (files written with a final comma). */
    Row trimTrailingEmpty() {
        int n = fields.size();
        while (n > 0 && fields.get(n - 1).isEmpty()) {
            n--;
        }
        return n == fields.size() ? this
                : new Row(line, text, List.copyOf(fields.subList(0, n)), List.copyOf(columns.subList(0, n)));
    }

    /**
     * Parses field {@code i} as a number; on failure records a problem and returns NaN.
     */
    double number(int i, String what, String file, List<ScenarioProblem> problems) {
        if (i >= fields.size()) {
            problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, what,
                    "line " + line + " has " + fields.size() + " fields; " + what + " (field " + (i + 1)
                            + ") is missing").at(file, line, text.length() + 1));
            return Double.NaN;
        }
        String v = fields.get(i);
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(ScenarioProblem.error(ProblemCode.WRONG_TYPE, what,
                    what + " must be a number, was '" + v + "'").at(file, line, column(i)));
            return Double.NaN;
        }
    }

    static String slug(String s) {
        String out = s.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return out.isEmpty() ? "x" : out;
    }
}
