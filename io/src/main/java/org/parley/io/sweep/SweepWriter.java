package org.parley.io.sweep;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Threshold;
import org.parley.sweep.CellResult;
import org.parley.sweep.Sweep;
import org.parley.sweep.SweepBottomLine;

/**
 * Writes a sweep's statistics: {@code cells.csv} and {@code cells.parquet} (one row per cell, model
 * and issue: the point forecast and the distribution over the runs), {@code thresholds.csv} and
 * {@code thresholds.parquet} (one row per cell, model, issue and threshold: the share of runs
 * beyond it: of the valid runs, {@code share}, as the Monte Carlo summary counts; of all runs,
 * {@code past}, as the bottom line counts), {@code bottomline.csv} and {@code bottomline.parquet}
 * (one row per scenario, grid point, threshold question and model: P(yes) mixed over the branches
 * and the chance of talks, {@link SweepBottomLine}). The grid's option keys are columns after
 * {@code world} (after {@code scenario} in the bottom line). Numbers are written in full
 * ({@link Double#toString}), so the files are the same bytes whenever the statistics are the same
 * bits.
 */
public final class SweepWriter {

    /** The files written, in order. */
    public static final List<String> FILES = List.of("cells.csv", "cells.parquet", "thresholds.csv",
            "thresholds.parquet", "bottomline.csv", "bottomline.parquet");

    private SweepWriter() {
    }

    /** Writes the six files into {@code dir} (created if needed) and returns their paths. */
    public static List<Path> write(Sweep sweep, List<CellResult> cells, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> out = new ArrayList<>();
            Tables t = tables(sweep, cells);
            out.add(write(dir.resolve(FILES.get(0)), t.cells.csv()));
            out.add(write(dir.resolve(FILES.get(1)), t.cells.parquet()));
            out.add(write(dir.resolve(FILES.get(2)), t.thresholds.csv()));
            out.add(write(dir.resolve(FILES.get(3)), t.thresholds.parquet()));
            out.add(write(dir.resolve(FILES.get(4)), t.bottom.csv()));
            out.add(write(dir.resolve(FILES.get(5)), t.bottom.parquet()));
            return out;
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, dir + ": cannot write the sweep's output: " + e.getMessage(), e);
        }
    }

    /** The CSV of the cells (for tests and for printing). */
    public static String cellsCsv(Sweep sweep, List<CellResult> cells) {
        return new String(tables(sweep, cells).cells.csv(), StandardCharsets.UTF_8);
    }

    private static Path write(Path p, byte[] bytes) throws IOException {
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p))) {
            o.write(bytes);
        }
        return p;
    }

    private record Tables(Table cells, Table thresholds, Table bottom) {
    }

    private static Tables tables(Sweep sweep, List<CellResult> results) {
        List<String> keys = sweep.spec().grid().keys();
        List<ParquetFile.Column> head = new ArrayList<>();
        head.add(new ParquetFile.Column("cell", ParquetFile.Type.INT32));
        head.add(new ParquetFile.Column("scenario", ParquetFile.Type.STRING));
        head.add(new ParquetFile.Column("world", ParquetFile.Type.STRING));
        for (String k : keys) {
            head.add(new ParquetFile.Column(k, ParquetFile.Type.STRING));
        }
        head.add(new ParquetFile.Column("model", ParquetFile.Type.STRING));
        head.add(new ParquetFile.Column("issue", ParquetFile.Type.STRING));
        List<ParquetFile.Column> cellCols = new ArrayList<>(head);
        cellCols.add(new ParquetFile.Column("runs", ParquetFile.Type.INT32));
        cellCols.add(new ParquetFile.Column("valid", ParquetFile.Type.INT32));
        cellCols.add(new ParquetFile.Column("point", ParquetFile.Type.DOUBLE));
        for (String s : CellResult.STATISTICS) {
            cellCols.add(new ParquetFile.Column(s, ParquetFile.Type.DOUBLE));
        }
        List<ParquetFile.Column> thCols = new ArrayList<>(head);
        thCols.add(new ParquetFile.Column("threshold", ParquetFile.Type.STRING));
        thCols.add(new ParquetFile.Column("side", ParquetFile.Type.STRING));
        thCols.add(new ParquetFile.Column("value", ParquetFile.Type.DOUBLE));
        thCols.add(new ParquetFile.Column("share", ParquetFile.Type.DOUBLE));
        thCols.add(new ParquetFile.Column("past", ParquetFile.Type.DOUBLE));
        Table cells = new Table(cellCols);
        Table thresholds = new Table(thCols);
        List<String> models = sweep.models();
        for (CellResult r : results) {
            Sweep.Cell c = sweep.cell(r.cell());
            Scenario s = sweep.scenario(c.scenario());
            Map<String, String> point = sweep.point(c.point());
            List<Object> prefix = new ArrayList<>();
            prefix.add(c.index());
            prefix.add(sweep.scenarioName(c.scenario()));
            prefix.add(c.world());
            for (String k : keys) {
                prefix.add(point.get(k));
            }
            for (int mi = 0; mi < models.size(); mi++) {
                for (int k = 0; k < s.issues().size(); k++) {
                    Issue issue = s.issues().get(k);
                    List<Object> row = new ArrayList<>(prefix);
                    row.add(models.get(mi));
                    row.add(issue.id());
                    List<Object> th = new ArrayList<>(row);
                    row.add(r.runs());
                    row.add(r.valid()[mi][k]);
                    row.add(r.point()[mi][k]);
                    for (double v : r.stats()[mi][k]) {
                        row.add(v);
                    }
                    cells.add(row);
                    List<Threshold> ts = issue.thresholds();
                    for (int t = 0; t < ts.size(); t++) {
                        List<Object> tr = new ArrayList<>(th);
                        tr.add(ts.get(t).id());
                        tr.add(ts.get(t).above() ? "above" : "below");
                        tr.add(ts.get(t).value());
                        tr.add(r.shares()[mi][k][t]);
                        tr.add(r.past()[mi][k][t]);
                        thresholds.add(tr);
                    }
                }
            }
        }
        return new Tables(cells, thresholds, bottomLine(sweep, results));
    }

    private static Table bottomLine(Sweep sweep, List<CellResult> results) {
        List<String> keys = sweep.spec().grid().keys();
        List<ParquetFile.Column> cols = new ArrayList<>();
        cols.add(new ParquetFile.Column("scenario", ParquetFile.Type.STRING));
        for (String k : keys) {
            cols.add(new ParquetFile.Column(k, ParquetFile.Type.STRING));
        }
        for (String n : List.of("mixed", "model", "issue", "threshold", "side")) {
            cols.add(new ParquetFile.Column(n, ParquetFile.Type.STRING));
        }
        cols.add(new ParquetFile.Column("value", ParquetFile.Type.DOUBLE));
        cols.add(new ParquetFile.Column("p_yes", ParquetFile.Type.DOUBLE));
        Table out = new Table(cols);
        for (SweepBottomLine.Row r : SweepBottomLine.of(sweep, results)) {
            List<Object> row = new ArrayList<>();
            row.add(sweep.scenarioName(r.scenario()));
            Map<String, String> point = sweep.point(r.point());
            for (String k : keys) {
                row.add(point.get(k));
            }
            row.add(r.mixed());
            row.add(r.model());
            row.add(r.issue());
            row.add(r.threshold().id());
            row.add(r.threshold().above() ? "above" : "below");
            row.add(r.threshold().value());
            row.add(r.pYes());
            out.add(row);
        }
        return out;
    }

    /** One table, kept as CSV text and as a Parquet file at once. */
    private static final class Table {
        private final List<ParquetFile.Column> columns;
        private final StringWriter text = new StringWriter();
        private final PrintWriter csv = new PrintWriter(text);
        private final ParquetFile parquet;

        Table(List<ParquetFile.Column> columns) {
            this.columns = columns;
            this.parquet = new ParquetFile(columns);
            List<String> names = new ArrayList<>();
            for (ParquetFile.Column c : columns) {
                names.add(quote(c.name()));
            }
            csv.print(String.join(",", names));
            csv.print('\n');
        }

        void add(List<Object> row) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                Object v = row.get(i);
                b.append(v instanceof String ? quote((String) v) : String.valueOf(v));
            }
            csv.print(b);
            csv.print('\n');
            parquet.add(row.toArray());
        }

        byte[] csv() {
            csv.flush();
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        byte[] parquet() throws IOException {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            parquet.write(b);
            return b.toByteArray();
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
