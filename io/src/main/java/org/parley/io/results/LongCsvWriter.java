package org.parley.io.results;

import java.io.PrintWriter;

import org.parley.engine.ForecastResult;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.RunResult;

/**
 * The long form: one row per world, model, run, round, actor and issue, header
 * {@code branch,model,run,round,actor,issue,position}. Rows with actor {@code _outcome} give the
 * model's outcome for that round. Absent actors have no row.
 */
public final class LongCsvWriter {

    public static final String HEADER = "branch,model,run,round,actor,issue,position";
    public static final String OUTCOME = "_outcome";

    private LongCsvWriter() {
    }

    public static void write(ForecastResult result, PrintWriter out) {
        out.print(HEADER + "\n");
        StringBuilder sb = new StringBuilder();
        for (RunResult r : result.runs()) {
            Problem p = result.problem(r.world());
            String prefix = Csv.text(r.world()) + "," + Csv.text(r.model()) + "," + r.run() + ",";
            for (Round round : r.trajectory().rounds()) {
                String rp = prefix + round.index() + ",";
                for (int i = 0; i < p.actorCount(); i++) {
                    for (int k = 0; k < p.issueCount(); k++) {
                        double x = round.positions()[i][k];
                        if (!Double.isNaN(x)) {
                            sb.append(rp).append(Csv.text(p.actorId(i))).append(',').append(Csv.text(p.issueId(k)))
                                    .append(',').append(Csv.num(x)).append('\n');
                        }
                    }
                }
                for (int k = 0; k < p.issueCount(); k++) {
                    sb.append(rp).append(OUTCOME).append(',').append(Csv.text(p.issueId(k))).append(',')
                            .append(Csv.num(round.outcome()[k])).append('\n');
                }
            }
            out.print(sb);
            sb.setLength(0);
        }
        out.flush();
    }
}
