package org.parley.models.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.engine.Problem;
import org.parley.model.DecisionRule;

/**
 * Test-only reader of the decide-exchange-model input format ({@code #A} actor, {@code #P} issue,
 * {@code #M} scale point, {@code #D} actor;issue;position;salience 0-1;power; tab or ';' separated,
 * {@code '} quotes). The io module has the real importer; this one exists so the replication tests
 * do not depend on it. Capabilities must be constant per actor (they are in every shipped file).
 */
final class DecideFile {

    private DecideFile() {
    }

    static Problem read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        char sep = lines.get(0).indexOf('\t') >= 0 ? '\t' : ';';
        List<String> actors = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        Map<String, double[]> bounds = new LinkedHashMap<>();
        List<String[]> data = new ArrayList<>();
        for (String line : lines) {
            String[] f = split(line, sep);
            if (f.length == 0) {
                continue;
            }
            switch (f[0]) {
                case "#A" -> actors.add(f[1]);
                case "#P" -> issues.add(f[1]);
                case "#M" -> {
                    double v = Double.parseDouble(f[2].strip());
                    double[] b = bounds.computeIfAbsent(f[1], k -> new double[] {v, v});
                    b[0] = Math.min(b[0], v);
                    b[1] = Math.max(b[1], v);
                }
                case "#D" -> data.add(f);
                default -> { }
            }
        }
        int n = actors.size();
        int m = issues.size();
        double[][] pos = new double[n][m];
        double[][] sal = new double[n][m];
        double[] cap = new double[n];
        Arrays.fill(cap, Double.NaN);
        for (double[] row : pos) {
            Arrays.fill(row, Double.NaN);
        }
        for (String[] f : data) {
            if (f[3].isBlank()) {
                continue;
            }
            int i = actors.indexOf(f[1]);
            int k = issues.indexOf(f[2]);
            if (i < 0 || k < 0) {
                throw new IllegalArgumentException("unknown actor or issue in " + String.join("|", f));
            }
            pos[i][k] = Double.parseDouble(f[3].strip());
            sal[i][k] = Double.parseDouble(f[4].strip());
            double c = Double.parseDouble(f[5].strip());
            if (!Double.isNaN(cap[i]) && cap[i] != c) {
                throw new IllegalArgumentException("capability of " + f[1] + " varies by issue");
            }
            cap[i] = c;
        }
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] sq = new double[m];
        DecisionRule[] rules = new DecisionRule[m];
        for (int k = 0; k < m; k++) {
            double[] b = bounds.getOrDefault(issues.get(k), new double[] {0, 100});
            lo[k] = b[0];
            hi[k] = b[1];
            sq[k] = Double.NaN;
            rules[k] = DecisionRule.BARGAINING;
        }
        return new Problem(actors.toArray(String[]::new), issues.toArray(String[]::new), cap, pos, sal, lo, hi, sq, rules);
    }

    private static String[] split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int t = 0; t < line.length(); t++) {
            char ch = line.charAt(t);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (ch == sep && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        if (out.size() == 1 && out.get(0).isBlank()) {
            return new String[0];
        }
        return out.stream().map(String::strip).toArray(String[]::new);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
