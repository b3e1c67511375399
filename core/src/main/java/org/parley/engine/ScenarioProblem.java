package org.parley.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in a scenario file.
 *
 * @param code     what kind of problem
 * @param severity error (the file cannot be used) or warning
 * @param file     the file, or {@code null} for a scenario built in memory
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param path     the field path, e.g. {@code actors[2].capability}
 * @param message  what is wrong, naming the value
 * @param hint     an optional "Maybe ..." suggestion, or empty
 */
public record ScenarioProblem(ProblemCode code, Severity severity, String file, int line, int column, String path,
                              String message, String hint) {

    /** Errors make a file unusable; warnings are printed and the run goes on. */
    public enum Severity { ERROR, WARNING }

    public ScenarioProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        path = path == null ? "" : path;
        message = Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static ScenarioProblem error(ProblemCode code, String path, String message) {
        return new ScenarioProblem(code, Severity.ERROR, null, 0, 0, path, message, "");
    }

    public static ScenarioProblem warning(ProblemCode code, String path, String message) {
        return new ScenarioProblem(code, Severity.WARNING, null, 0, 0, path, message, "");
    }

    public ScenarioProblem withHint(String newHint) {
        return new ScenarioProblem(code, severity, file, line, column, path, message, newHint);
    }

    public ScenarioProblem at(String newFile, int newLine, int newColumn) {
        return new ScenarioProblem(code, severity, newFile, newLine, newColumn, path, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code file:line:column: error CODE at path: message}, and on a second line the hint.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<scenario>" : printable(file, false));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(severity.name().toLowerCase(Locale.ROOT)).append(' ').append(code.name());
        if (!path.isEmpty()) {
            sb.append(" at ").append(printable(path, false));
        }
        sb.append(": ").append(printable(message, false));
        if (!hint.isEmpty()) {
            sb.append(System.lineSeparator()).append("    ").append(printable(hint, false));
        }
        return sb.toString();
    }

    /**
     * {@code s} safe to print on a terminal: control characters (ESC, BEL, DEL, the C1 controls, and
     * line breaks unless {@code keepLines}) written as a backslash, {@code u} and four hex digits, so input files cannot drive
     * the terminal.
     */
    public static String printable(String s, boolean keepLines) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && !(keepLines && c == '\n')) || (c >= 0x7f && c <= 0x9f)
                    || c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (control) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
