package org.parley.models.nash;

import java.util.ArrayList;
import java.util.List;

import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.OptionSpec;
import org.parley.engine.Numbers;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;

/**
 * The (asymmetric) Nash bargaining solution on each issue: the position {@code x} that maximises
 * {@code prod_i (u_i(x) - d_i)^w_i} over the positions every actor prefers to its disagreement
 * value {@code d_i} (Nash 1950; weighted by bargaining power as in Kalai 1977).
 *
 * <p>Forks, each an option:
 * <ul>
 *   <li>{@code utility}: {@code quadratic} {@code u_i(x) = -s_i (x - x_i)^2} (default) or
 *       {@code linear} {@code u_i(x) = -s_i |x - x_i|};</li>
 *   <li>{@code disagreement}: {@code status-quo} (d_i = u_i(q), the issue's status quo; the
 *       default) or {@code worst} (d_i = u_i at the end of the scale farthest from x_i). An issue
 *       without a status quo uses {@code worst};</li>
 *   <li>{@code weight}: the exponent {@code w_i}: {@code capability} (default) or
 *       {@code capability-salience};</li>
 *   <li>{@code indifferent}: an actor whose ideal equals the status quo gains nothing from any
 *       agreement; {@code drop} leaves it out (default, with a note), {@code veto} keeps its veto
 *       so the outcome is the status quo.</li>
 * </ul>
 * With the status quo as disagreement point and actors on both sides of it, no position is better
 * than the status quo for everyone: the solution is then the status quo itself (noted).
 * Under {@code disagreement=status-quo} the saliences cancel on one issue (the exponent carries
 * the weight); with {@code worst} they do not.
 */
public final class NashModel implements BargainingModel {

    public static final String ID = "nash";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Nash bargaining solution per issue, status quo as disagreement point";
    }

    @Override
    public String reference() {
        return "Nash (1950), Econometrica 18; Kalai (1977); Achen (2006) in The European Union Decides";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.choice("utility", "quadratic", "utility of a position: -s(x-xi)^2 or -s|x-xi|",
                        "quadratic", "linear"),
                OptionSpec.choice("disagreement", "status-quo", "each actor's utility when talks fail",
                        "status-quo", "worst"),
                OptionSpec.choice("weight", "capability", "bargaining power (the Nash product's exponent)",
                        "capability", "capability-salience"),
                OptionSpec.choice("indifferent", "drop", "an actor whose ideal is the status quo",
                        "drop", "veto"));
    }

    /** The options as a run reads them, parsed once per set of options ({@link ModelOptions#parsed}). */
    private record Settings(boolean quadratic, boolean statusQuo, boolean capSal, boolean veto) {
        static Settings of(ModelOptions options) {
            return new Settings(options.get("utility").equals("quadratic"),
                    options.get("disagreement").equals("status-quo"),
                    options.get("weight").equals("capability-salience"), options.get("indifferent").equals("veto"));
        }
    }

    @Override
    public Trajectory run(Problem p, ModelOptions options, RunContext context) {
        Settings set = options.parsed(Settings.class, Settings::of);
        boolean quadratic = set.quadratic();
        boolean statusQuo = set.statusQuo();
        boolean capSal = set.capSal();
        boolean veto = set.veto();
        // an untraced run (the caller reads only the forecast) writes no notes
        List<String> notes = context.trace() ? new ArrayList<>() : null;
        double[] out = new double[p.issueCount()];
        int n = p.actorCount();
        double[] x = new double[n];
        double[] s = new double[n];
        double[] w = new double[n];
        double[] r = new double[n];
        for (int k = 0; k < p.issueCount(); k++) {
            double q = p.statusQuo(k);
            boolean useSq = statusQuo && !Double.isNaN(q);
            if (statusQuo && Double.isNaN(q) && notes != null) {
                notes.add("issue " + p.issueId(k) + ": no status quo; disagreement = worst point of the scale");
            }
            double lo = p.scaleMin(k);
            double hi = p.scaleMax(k);
            int m = 0;
            boolean vetoed = false;
            for (int i = 0; i < n; i++) {
                if (!p.present(i, k)) {
                    continue;
                }
                double wi = capSal ? p.capability()[i] * p.salience()[i][k] : p.capability()[i];
                double si = p.salience()[i][k];
                if (wi <= 0 || si <= 0) {
                    continue;
                }
                double xi = p.position()[i][k];
                // radius of the positions this actor prefers to disagreement
                double ri = useSq ? Math.abs(q - xi) : Math.max(xi - lo, hi - xi);
                if (ri <= 0) {
                    if (veto) {
                        vetoed = true;
                    }
                    if (notes == null) {
                        continue;
                    }
                    if (veto) {
                        notes.add("issue " + p.issueId(k) + ": " + p.actorId(i)
                                + " stands at the status quo and vetoes any change");
                    } else {
                        notes.add("issue " + p.issueId(k) + ": " + p.actorId(i)
                                + " stands at the status quo and gains from no agreement; left out");
                    }
                    continue;
                }
                x[m] = xi;
                s[m] = si;
                w[m] = wi;
                r[m] = ri;
                m++;
            }
            if (vetoed) {
                out[k] = q;
                continue;
            }
            if (m == 0) {
                out[k] = useSq ? q : Double.NaN;
                if (notes != null) {
                    notes.add("issue " + p.issueId(k) + ": no actor gains from an agreement; "
                            + (useSq ? "the status quo stands" : "no forecast"));
                }
                continue;
            }
            double left = lo;
            double right = hi;
            for (int j = 0; j < m; j++) {
                left = Math.max(left, x[j] - r[j]);
                right = Math.min(right, x[j] + r[j]);
            }
            if (!(left < right)) {
                out[k] = useSq ? q : (left + right) / 2;
                if (useSq && notes != null) {
                    notes.add("issue " + p.issueId(k) + ": actors stand on both sides of the status quo "
                            + Numbers.format(q) + "; no position is better for all, so it stands");
                }
                continue;
            }
            out[k] = notes == null ? Maximum.of(x, w, r, m, left, right, quadratic)
                    : maximise(x, s, w, r, m, left, right, quadratic);
        }
        return notes == null ? Trajectory.untracedStaticForecast(p, out) : Trajectory.staticForecast(p, out, notes);
    }

    /**
     * Maximises {@code sum_j w_j ln(g_j(x))} on the open interval {@code (left, right)} by
     * bisection on the derivative, which is decreasing because the objective is concave. With
     * {@code g_j(x) = s_j (r_j - |x - x_j|)} (linear) or {@code s_j (r_j^2 - (x - x_j)^2)}
     * (quadratic); the saliences cancel in the derivative.
     */
    static double maximise(double[] x, double[] s, double[] w, double[] r, int m, double left, double right,
                           boolean quadratic) {
        double a = left;
        double b = right;
        for (int iter = 0; iter < 200 && b - a > 1e-13 * Math.max(1, Math.abs(b)); iter++) {
            double mid = 0.5 * (a + b);
            double d = 0;
            for (int j = 0; j < m; j++) {
                double u = mid - x[j];
                if (quadratic) {
                    d += w[j] * (-2 * u) / (r[j] * r[j] - u * u);
                } else {
                    double sign = u > 0 ? 1 : (u < 0 ? -1 : 0);
                    d += w[j] * (-sign) / (r[j] - Math.abs(u));
                }
            }
            if (d > 0) {
                a = mid;
            } else if (d < 0) {
                b = mid;
            } else {
                return mid;
            }
        }
        return 0.5 * (a + b);
    }
}
