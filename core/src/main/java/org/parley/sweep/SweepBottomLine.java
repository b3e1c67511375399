package org.parley.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.BottomLine;
import org.parley.engine.Problem;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Threshold;

/**
 * The bottom line of a sweep: for every scenario, grid point, threshold question and model, P(yes)
 * mixed over the probability branches among the sweep's worlds and over the chance of talks,
 * exactly as {@link BottomLine#compute} mixes the runs of {@code forecast --runs N} with the same
 * options and worlds (same weights, same shares, same order of the sums).
 */
public final class SweepBottomLine {

    /**
     * One threshold question of one scenario and grid point, for one model.
     *
     * @param scenario  index of the scenario
     * @param point     index of the grid point
     * @param mixed     the worlds mixed and their weights, in words
     * @param issue     issue id
     * @param threshold the line
     * @param model     model id
     * @param pYes      P(yes), mixed
     */
    public record Row(int scenario, int point, String mixed, String issue, Threshold threshold, String model,
                      double pYes) {
    }

    private SweepBottomLine() {
    }

    /** The rows, in cell order of (scenario, grid point), then issue, threshold and model. */
    public static List<Row> of(Sweep sweep, List<CellResult> results) {
        List<Row> out = new ArrayList<>();
        List<String> models = sweep.models();
        int i = 0;
        while (i < results.size()) {
            Sweep.Cell first = sweep.cell(results.get(i).cell());
            Map<String, CellResult> byWorld = new LinkedHashMap<>();
            for (; i < results.size() && sameGroup(sweep.cell(results.get(i).cell()), first); i++) {
                byWorld.put(sweep.cell(results.get(i).cell()).world(), results.get(i));
            }
            Scenario s = sweep.scenario(first.scenario());
            List<String> worlds = new ArrayList<>(byWorld.keySet());
            Map<String, Double> weights = BottomLine.weights(s, worlds);
            Map<String, Problem> problems = sweep.plan(first.scenario(), first.point()).problems();
            String mixed = new BottomLine(weights, models, List.of(), List.of(), 0).mixedText();
            for (Issue issue : s.issues()) {
                List<Threshold> ts = issue.thresholds();
                for (int t = 0; t < ts.size(); t++) {
                    int ti = t;
                    for (int mi = 0; mi < models.size(); mi++) {
                        int m = mi;
                        double p = BottomLine.pYes(weights, problems, issue.id(), ts.get(t),
                                (w, kk) -> byWorld.get(w).past()[m][kk][ti]);
                        out.add(new Row(first.scenario(), first.point(), mixed, issue.id(), ts.get(t), models.get(mi), p));
                    }
                }
            }
        }
        return out;
    }

    private static boolean sameGroup(Sweep.Cell a, Sweep.Cell b) {
        return a.scenario() == b.scenario() && a.point() == b.point();
    }
}
