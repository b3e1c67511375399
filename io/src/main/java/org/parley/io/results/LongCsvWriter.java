package org.parley.io.results;

import java.io.PrintWriter;

import org.parley.engine.ForecastResult;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.RunResult;

/**
 * The long form: one row per world, model, run, round, actor and issue, header
 * {@code branch,model,run,round,actor,issue,position}. Rows with actor {@code _outcome} give the
 * model's outcome for that round; when the consent stage ran, the last round's {@code _outcome} is
 * the outcome after it and rows with actor {@code _model} give the model's own outcome before it.
 * Absent actors have no row.
 */
public final class LongCsvWriter {

    public static final String HEADER = "branch,model,run,round,actor,issue,position";
    public static final String OUTCOME = "_outcome";
    public static final String MODEL = "_model";

    private LongCsvWriter() {
    }

    public static void write(ForecastResult result, PrintWriter out) {
        out.print(HEADER + "\n");
        StringBuilder sb = new StringBuilder();
        for (RunResult r : result.runs()) {
            Problem p = result.problem(r.world());
            String prefix = Csv.text(r.world()) + "," + Csv.text(r.model()) + "," + r.run() + ",";
            java.util.List<Round> rounds = r.trajectory().rounds();
            org.parley.engine.ConsentResult consent = r.trajectory().consent();
            for (Round round : rounds) {
                String rp = prefix + round.index() + ",";
                boolean last = round == rounds.get(rounds.size() - 1);
                double[] outcome = last && consent != null ? consent.outcome() : round.outcome();
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
                            .append(Csv.num(outcome[k])).append('\n');
                }
                if (last && consent != null) {
                    for (int k = 0; k < p.issueCount(); k++) {
                        sb.append(rp).append(MODEL).append(',').append(Csv.text(p.issueId(k))).append(',')
                                .append(Csv.num(round.outcome()[k])).append('\n');
                    }
                }
            }
            out.print(sb);
            sb.setLength(0);
        }
        out.flush();
    }
}
