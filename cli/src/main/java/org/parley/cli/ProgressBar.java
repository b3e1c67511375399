package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn in place with a carriage return. Draws only when
 * stderr is a terminal: piped or captured output gets one line when the work ends instead.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private String lastLine = "";

    ProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** True when both stdin and stdout are a terminal (the JVM's notion of a console). */
    static boolean isTerminal() {
        return System.console() != null;
    }

    synchronized void update(String label, int done, int total) {
        if (!terminal) {
            return;
        }
        String line = line(label, done, total);
        if (!line.equals(lastLine)) {
            err.print("\r" + line);
            err.flush();
            lastLine = line;
        }
    }

    synchronized void finish(String label, String outcome) {
        if (terminal) {
            err.print("\r" + " ".repeat(lastLine.length()) + "\r");
        }
        err.println(label + ": " + outcome);
        err.flush();
        lastLine = "";
    }

    static String line(String label, int done, int total) {
        int filled = total <= 0 ? 0 : (int) Math.round((double) WIDTH * Math.min(done, total) / total);
        int pct = total <= 0 ? 0 : (int) Math.round(100.0 * Math.min(done, total) / total);
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %3d%%", label, "#".repeat(filled), "-".repeat(WIDTH - filled),
                done, total, pct);
    }
}
