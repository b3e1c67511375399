package org.parley.io.results;

import java.io.PrintWriter;

import org.parley.engine.ConsentResult;
import org.parley.engine.ForecastResult;
import org.parley.engine.Problem;
import org.parley.engine.RunResult;

/**
 * One row per world, model, run and issue after the consent stage, header
 * {@code branch,model,run,issue,talks,consent,deal,outcome,blocked_by}: the world's talks
 * probability, what the stage did ({@code none}, {@code passed}, {@code moved}, {@code blocked}),
 * whether there is a deal (1/0), the forecast given talks, and who blocked it ({@code ;}-separated).
 * The bottom line is computed from these rows and the branch probabilities.
 */
public final class OutcomesCsvWriter {

    public static final String HEADER = "branch,model,run,issue,talks,consent,deal,outcome,blocked_by";

    private OutcomesCsvWriter() {
    }

    public static void write(ForecastResult result, PrintWriter out) {
        out.print(HEADER + "\n");
        StringBuilder sb = new StringBuilder();
        for (RunResult r : result.runs()) {
            Problem p = result.problem(r.world());
            double talks = p.consentRules().talks();
            ConsentResult c = r.trajectory().consent();
            double[] f = r.trajectory().forecast();
            for (int k = 0; k < p.issueCount(); k++) {
                sb.append(Csv.text(r.world())).append(',').append(Csv.text(r.model())).append(',').append(r.run())
                        .append(',').append(Csv.text(p.issueId(k))).append(',').append(Csv.num(talks)).append(',')
                        .append(c == null ? "none" : c.status().get(k).id()).append(',')
                        .append(c == null || c.deal(k, p.statusQuo(k)) ? 1 : 0).append(',').append(Csv.num(f[k])).append(',')
                        .append(c == null ? "" : Csv.text(String.join(";", c.blockedBy().get(k)))).append('\n');
            }
            out.print(sb);
            sb.setLength(0);
        }
        out.flush();
    }
}
