package org.parley.io.results;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.parley.engine.ForecastResult;
import org.parley.engine.Move;
import org.parley.engine.RunResult;

/**
 * Every move per round, header {@code branch,model,run,round,issue,actor,counterpart,kind,
 * <measures>,from,to}: the measures are the union of the models' measure names in the order they
 * first appear (for the expected-utility model: {@code eu_actor,eu_counterpart}). The columns do
 * not depend on how many models the result holds. The consent stage's moves (kinds
 * {@code consent} and {@code no-deal}) come after the model's, in the round after its last.
 */
public final class MovesCsvWriter {

    private MovesCsvWriter() {
    }

    public static void write(ForecastResult result, PrintWriter out) {
        Set<String> measures = new LinkedHashSet<>();
        for (RunResult r : result.runs()) {
            for (Move m : r.trajectory().allMoves()) {
                measures.addAll(m.measures().keySet());
            }
        }
        List<String> header = new ArrayList<>(List.of("branch", "model", "run", "round", "issue", "actor",
                "counterpart", "kind"));
        header.addAll(measures);
        header.addAll(List.of("from", "to"));
        out.print(String.join(",", header) + "\n");
        StringBuilder sb = new StringBuilder();
        for (RunResult r : result.runs()) {
            {
                for (Move m : r.trajectory().allMoves()) {
                    sb.append(Csv.text(r.world())).append(',').append(Csv.text(r.model())).append(',');
                    sb.append(r.run()).append(',').append(m.round()).append(',').append(Csv.text(m.issue())).append(',')
                            .append(Csv.text(m.actor())).append(',').append(Csv.text(m.counterpart())).append(',')
                            .append(Csv.text(m.kind()));
                    for (String name : measures) {
                        sb.append(',').append(Csv.num(m.measure(name)));
                    }
                    sb.append(',').append(Csv.num(m.from())).append(',').append(Csv.num(m.to())).append('\n');
                }
            }
            out.print(sb);
            sb.setLength(0);
        }
        out.flush();
    }
}
