package org.parley.io.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns as wide as their widest cell, numbers right-aligned. */
final class Table {

    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** Columns whose name starts with '>' are right-aligned (the '>' is not printed). */
    Table(String... columns) {
        header = new ArrayList<>();
        right = new boolean[columns.length];
        for (int c = 0; c < columns.length; c++) {
            right[c] = columns[c].startsWith(">");
            header.add(right[c] ? columns[c].substring(1) : columns[c]);
        }
    }

    Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table " + header.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out, String indent) {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header.get(c).length();
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        line(out, indent, header, w);
        for (List<String> r : rows) {
            line(out, indent, r, w);
        }
    }

    private void line(PrintWriter out, String indent, List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            String padding = " ".repeat(w[c] - s.length());
            sb.append(right[c] ? padding + s : s + padding);
            if (c < cells.size() - 1) {
                sb.append("  ");
            }
        }
        out.print(sb.toString().stripTrailing() + "\n");
    }
}
