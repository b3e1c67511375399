package org.parley.io.results;

import java.io.PrintWriter;

import org.parley.engine.ErrorCode;
import org.parley.engine.ForecastResult;
import org.parley.engine.Move;
import org.parley.engine.ParleyException;
import org.parley.engine.Round;
import org.parley.engine.RunResult;

/**
 * Every side of every exchange (moves of kind {@code exchange}), header
 * {@code branch,run,round,exchange,actor,issue,counterpart,gain,from,to}: one row per actor who
 * moved on its supply issue; the two rows of one exchange share its number.
 */
public final class ExchangesCsvWriter {

    public static final String HEADER = "branch,run,round,exchange,actor,issue,counterpart,gain,from,to";

    private ExchangesCsvWriter() {
    }

    public static void write(ForecastResult result, PrintWriter out) {
        if (!result.models().contains("exchange")) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--format exchanges-csv needs the exchange model "
                    + "(--model exchange)");
        }
        out.print(HEADER + "\n");
        for (RunResult r : result.runs()) {
            if (!r.model().equals("exchange")) {
                continue;
            }
            for (Round round : r.trajectory().rounds()) {
                for (Move m : round.moves()) {
                    if (!m.kind().equals("exchange")) {
                        continue;
                    }
                    out.print(Csv.text(r.world()) + "," + r.run() + "," + m.round() + "," + Csv.num(m.measure("exchange"))
                            + "," + Csv.text(m.actor()) + "," + Csv.text(m.issue()) + "," + Csv.text(m.counterpart())
                            + "," + Csv.num(m.measure("gain")) + "," + Csv.num(m.from()) + "," + Csv.num(m.to()) + "\n");
                }
            }
        }
        out.flush();
    }
}
