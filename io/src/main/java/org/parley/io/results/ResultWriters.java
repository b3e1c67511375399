package org.parley.io.results;

import java.io.PrintWriter;

import org.parley.engine.ForecastResult;

/** Writes a result in a {@link ResultFormat}. */
public final class ResultWriters {

    private ResultWriters() {
    }

    public static void write(ForecastResult result, ResultFormat format, PrintWriter out) {
        switch (format) {
            case TABLE:
                TableWriter.write(result, out);
                break;
            case CSV:
                LongCsvWriter.write(result, out);
                break;
            case JSON:
                JsonResultWriter.write(result, out);
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
