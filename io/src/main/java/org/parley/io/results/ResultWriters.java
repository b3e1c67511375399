package org.parley.io.results;

import java.io.PrintWriter;

import org.parley.engine.ForecastResult;

/** Writes a result in a {@link ResultFormat}. */
public final class ResultWriters {

    private ResultWriters() {
    }

    public static void write(ForecastResult result, ResultFormat format, PrintWriter out) {
        write(result, format, TableWriter.Annotations.none(), out);
    }

    /** As {@link #write(ForecastResult, ResultFormat, PrintWriter)}; the table and JSON show {@code ann}. */
    public static void write(ForecastResult result, ResultFormat format, TableWriter.Annotations ann, PrintWriter out) {
        switch (format) {
            case TABLE:
                TableWriter.write(result, ann, out);
                break;
            case CSV:
                LongCsvWriter.write(result, out);
                break;
            case JSON:
                out.print(org.parley.io.Json.write(JsonResultWriter.tree(result, ann)));
                break;
            case MOVES_CSV:
                MovesCsvWriter.write(result, out);
                break;
            case EXCHANGES_CSV:
                ExchangesCsvWriter.write(result, out);
                break;
            case OUTCOMES_CSV:
                OutcomesCsvWriter.write(result, out);
                break;
            default:
                throw new IllegalStateException("unhandled format " + format);
        }
        out.flush();
    }
}
