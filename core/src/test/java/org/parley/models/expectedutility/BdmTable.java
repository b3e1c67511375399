package org.parley.models.expectedutility;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.engine.Problem;
import org.parley.model.DecisionRule;

/**
 * Test-only reader for the three BDM input tables of the peers (core has no io dependency):
 * jmckib CSV ({@code Actor,Capability,Position,Salience}, salience 0-1), dmasad CSV (same
 * header, salience 0-100, old-Mac CR line endings) and eum TSV ({@code Name x c s} with a UTF-8
 * BOM, salience 0-1). Lines starting with {@code #} (provenance headers) are skipped. One issue,
 * id {@code issue}; the scale is the span of the positions.
 */
final class BdmTable {

    private BdmTable() {
    }

    /** Reads a table; {@code salienceDivisor} turns the file's salience into a fraction (1 or 100). */
    static Problem read(Path file, double salienceDivisor) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), salienceDivisor);
    }

    static Problem parse(String text, double salienceDivisor) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            if (!line.startsWith("#")) {
                kept.add(line);
            }
        }
        String[] lines = kept.toArray(new String[0]);
        String sep = lines[0].contains("\t") ? "\t" : ",";
        String[] head = lines[0].split(sep, -1);
        int name = 0;
        int cap = -1;
        int pos = -1;
        int sal = -1;
        for (int h = 0; h < head.length; h++) {
            String col = head[h].strip().toLowerCase(Locale.ROOT);
            if (col.equals("capability") || col.equals("c")) {
                cap = h;
            } else if (col.equals("position") || col.equals("x")) {
                pos = h;
            } else if (col.equals("salience") || col.equals("s")) {
                sal = h;
            }
        }
        if (cap < 0 || pos < 0 || sal < 0) {
            throw new IllegalArgumentException("not a BDM table header: " + lines[0]);
        }
        List<String[]> rows = new ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            if (!lines[l].isBlank()) {
                rows.add(lines[l].split(sep, -1));
            }
        }
        int n = rows.size();
        String[] ids = new String[n];
        double[] c = new double[n];
        double[][] x = new double[n][1];
        double[][] s = new double[n][1];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            String[] r = rows.get(i);
            ids[i] = r[name].strip();
            c[i] = Double.parseDouble(r[cap].strip());
            x[i][0] = Double.parseDouble(r[pos].strip());
            s[i][0] = Double.parseDouble(r[sal].strip()) / salienceDivisor;
            lo = Math.min(lo, x[i][0]);
            hi = Math.max(hi, x[i][0]);
        }
        return new Problem(ids, new String[] {"issue"}, c, x, s, new double[] {lo}, new double[] {hi},
                new double[] {Double.NaN}, new DecisionRule[] {DecisionRule.BARGAINING});
    }

    /** A CSV of numbers with a header, as rows of cells (for the reference outputs). */
    static List<String[]> csv(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }
}
