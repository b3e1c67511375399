package org.parley.models.compromise;

import java.util.ArrayList;
import java.util.List;

import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.OptionSpec;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;
import org.parley.engine.Weights;

/**
 * The compromise model: on each issue the outcome is the weighted mean of the actors' positions,
 * weights capability x salience. A computationally simple variant of the Nash bargaining solution
 * and, on EU legislative data, as accurate as any published model (Achen 2006; Leinaweaver &amp;
 * Thomson 2014).
 */
public final class CompromiseModel implements BargainingModel {

    public static final String ID = "compromise";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Weighted mean of positions (weights capability x salience)";
    }

    @Override
    public String reference() {
        return "Achen (2006), in Thomson et al., The European Union Decides; van den Bos (1991)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(Weights.option("what weighs each actor's position"));
    }

    @Override
    public Trajectory run(Problem p, ModelOptions options, RunContext context) {
        Weights w = options.parsed(Weights.class, Weights::from);
        // an untraced run (the caller reads only the forecast) writes no notes
        List<String> notes = context.trace() ? new ArrayList<>() : null;
        double[] out = new double[p.issueCount()];
        for (int k = 0; k < p.issueCount(); k++) {
            out[k] = weightedMean(p, k, w);
            if (Double.isNaN(out[k]) && w != Weights.EQUAL) {
                double fallback = weightedMean(p, k, Weights.EQUAL);
                if (!Double.isNaN(fallback)) {
                    note(notes, "issue " + p.issueId(k) + ": every weight is 0; unweighted mean used");
                    out[k] = fallback;
                }
            }
            if (Double.isNaN(out[k])) {
                note(notes, "issue " + p.issueId(k) + ": no actor takes part; no forecast");
            }
        }
        return notes == null ? Trajectory.untracedStaticForecast(p, out) : Trajectory.staticForecast(p, out, notes);
    }

    private static void note(List<String> notes, String note) {
        if (notes != null) {
            notes.add(note);
        }
    }

    /** The weighted mean of positions on issue {@code k}; NaN when the weights sum to 0. */
    public static double weightedMean(Problem p, int k, Weights w) {
        double num = 0;
        double den = 0;
        double[][] x = p.position();
        for (int i = 0; i < p.actorCount(); i++) {
            double wi = w.weight(p, i, k);
            if (wi > 0) {
                num += wi * x[i][k];
                den += wi;
            }
        }
        return den > 0 ? num / den : Double.NaN;
    }
}
