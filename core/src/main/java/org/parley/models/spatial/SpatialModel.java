package org.parley.models.spatial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.Grids;
import org.parley.engine.ModelOptions;
import org.parley.engine.Numbers;
import org.parley.engine.Option;
import org.parley.engine.OptionSpec;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;

/**
 * KTAB's Spatial Model of Politics (KAPSARC Toolkit for Behavioral Analysis, SMP v1.4; Wise,
 * Lester, Efird et al.): actors hold points in the space of all the scenario's issues; each turn
 * every actor challenges the actor it expects to gain most from challenging, the challenge becomes
 * an interpolated bargain, and every actor adopts the bargain (or its own status quo) that a
 * probabilistic Condorcet election over its queue favours. Risk attitudes are re-inferred every
 * turn from the PCE win probabilities; each actor has its own estimates of the others' utilities.
 *
 * <p>Internally positions are mapped to [0, 1] per issue ({@code (x - min) / (max - min)}, which is
 * KTAB's {@code x / 100} on a 0-100 scale) and saliences are the problem's fractions; results are
 * mapped back. With KTAB's defaults this reproduces KTAB's trajectories to the last digit KTAB
 * prints. Every fork is an option; see {@code /work/notes/spatial-readme.md} for the table.
 *
 * <p>Round {@code r} of the trajectory is KTAB's state {@code r}; its moves are the challenges and
 * bargains of KTAB turn {@code r - 1} that produced it. Series per round, indexed by actor:
 * {@code win_prob} (KTAB's win probability of the actor's position), {@code risk} (inferred risk
 * attitude R), and {@code ideal_<issueId>} (the actor's ideal, on the issue's scale) when an
 * accommodation matrix other than the identity makes ideals differ from positions.
 */
public final class SpatialModel implements BargainingModel {

    public static final String ID = "spatial";

    public static final String VICTORY_PROB = "victory-prob";
    public static final String PCE = "pce";
    public static final String TRANSITIONS = "transitions";
    public static final String VOTING_RULE = "voting-rule";
    public static final String BIG_R_ADJUST = "big-r-adjust";
    public static final String BIG_R_RANGE = "big-r-range";
    public static final String THIRD_PARTY_COMMIT = "third-party-commit";
    public static final String INTER_VEC_BARGAIN = "inter-vec-bargain";
    public static final String BARGAIN_MODEL = "bargain-model";
    public static final String PWCOMP_WEIGHT = "pwcomp-weight";
    public static final String RECEIVER_ESTIMATE = "receiver-estimate";
    public static final String QUEUE_BATCH = "queue-batch";
    public static final String THREADS = "threads";
    public static final String MAX_TURNS = "max-turns";
    public static final String MIN_TURNS = "min-turns";
    public static final String STOP_RATIO = "stop-ratio";
    public static final String CYCLE_STOP = "cycle-stop";
    public static final String FORECAST = "forecast";
    public static final String SALIENCE_TOTAL = "salience-total";
    public static final String ACCOMMODATION = "accommodation";
    public static final String KTAB_DEFAULT = "ktab-default";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "KTAB Spatial Model of Politics: challenges, bargains and PCE votes in the space of all issues";
    }

    @Override
    public String reference() {
        return "KAPSARC Toolkit for Behavioral Analysis (KTAB) SMP v1.4 (MIT), examples/smp; Wise et al. (2015-2019)";
    }

    @Override
    public List<OptionSpec> options() {
        return Option.specs(SmpParameters.OPTIONS);
    }

    @Override
    public Map<String, Map<String, String>> presets() {
        Map<String, String> ktab = new LinkedHashMap<>();
        ktab.put(VICTORY_PROB, "linear");
        ktab.put(PCE, "conditional");
        ktab.put(TRANSITIONS, "deterministic");
        ktab.put(VOTING_RULE, "prop");
        ktab.put(BIG_R_ADJUST, "one-third");
        ktab.put(BIG_R_RANGE, "mid");
        ktab.put(THIRD_PARTY_COMMIT, "semi-commit");
        ktab.put(INTER_VEC_BARGAIN, "s2p2");
        ktab.put(BARGAIN_MODEL, "init-only");
        Map<String, Map<String, String>> p = new LinkedHashMap<>();
        p.put(KTAB_DEFAULT, Collections.unmodifiableMap(ktab)); // in the order above, on every run
        return p;
    }

    /** Stochastic when {@code transitions=stochastic}: each run draws its own transitions from its seed. */
    @Override
    public boolean stochastic(ModelOptions options) {
        return "stochastic".equals(options.get(TRANSITIONS));
    }

    @Override
    public Trajectory run(Problem p, ModelOptions options, RunContext context) {
        SmpParameters params;
        try {
            params = options.parsed(SmpParameters.class, SmpParameters::of);
        } catch (IllegalArgumentException e) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "model 'spatial': " + e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        Compiled in = compile(p, options, notes);
        SmpRun run = new SmpRun(in.actors, params);
        run.releaseStates = true;
        run.keepTurns = context.trace();
        try {
            run.run(in.x0, context.rounds(), context.random());
        } catch (IllegalStateException e) {
            throw new ParleyException(ErrorCode.FAILURE, "model 'spatial': " + e.getMessage());
        }
        for (int t = 0; t < run.states.size(); t++) {
            if (run.states.get(t).riskUndefined) {
                notes.add("turn " + t + ": every position had the same win probability; risk attitudes set to 0 "
                        + "(KTAB would abort)");
                break;
            }
        }
        SpatialExplainer explainer = new SpatialExplainer(p, in, params, run);
        return context.trace() ? explainer.trajectory(notes) : explainer.forecastOnly(notes);
    }

    /** The problem on KTAB's scales. */
    record Compiled(SmpActors actors, double[][] x0, double[] lo, double[] hi, int[] act) {

        /** The run's index of problem actor q, or -1 when it takes no part. */
        int runIndex(int q) {
            return indexOf(act, q);
        }

        double toScale(int k, double v) {
            return lo[k] + v * (hi[k] - lo[k]);
        }
    }

    static Compiled compile(Problem p, ModelOptions options, List<String> notes) {
        int np = p.actorCount();
        int m = p.issueCount();
        if (m < 1) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "model 'spatial' needs at least 1 issue");
        }
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int k = 0; k < m; k++) {
            lo[k] = p.scaleMin(k);
            hi[k] = p.scaleMax(k);
            if (!(hi[k] > lo[k])) {
                throw new ParleyException(ErrorCode.BAD_INPUT, "issue " + p.issueId(k) + ": scale max must exceed min");
            }
        }
        // actors without a salient stance have no stake in the space: they sit the run out
        int[] actIdx = new int[np];
        int n = 0;
        for (int q = 0; q < np; q++) {
            double s = 0;
            for (int k = 0; k < m; k++) {
                if (p.present(q, k)) {
                    s += p.salience()[q][k];
                }
            }
            if (s > 0) {
                actIdx[n++] = q;
            } else {
                notes.add("actor " + p.actorId(q) + " has no salient stance on any issue and takes no part");
            }
        }
        int[] act = java.util.Arrays.copyOf(actIdx, n);
        if (n < 2) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "model 'spatial' needs at least 2 actors with a salient "
                    + "stance, got " + n);
        }
        double[][] x = Grids.doubles(n, m);
        double[][] sal = Grids.doubles(n, m);
        double[] cap = new double[n];
        for (int i = 0; i < n; i++) {
            // one actor per call: a small method the JIT compiles once, not again at each loop
            place(p, act[i], i, lo, hi, x, sal, cap, notes);
        }
        String mode = options.get(SALIENCE_TOTAL);
        double maxTotal = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < m; k++) {
                s += sal[i][k];
            }
            maxTotal = Math.max(maxTotal, s);
        }
        boolean divide = mode.equals("divide-by-issues") || (mode.equals("auto") && maxTotal > 1 + 1e-12);
        if (mode.equals("as-given") && maxTotal > 1 + 1e-12) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "model 'spatial' (salience-total=as-given): an actor's "
                    + "saliences total " + Numbers.fixed(maxTotal * 100, 2) + " > 100 across issues");
        }
        if (divide) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < m; k++) {
                    sal[i][k] = sal[i][k] / m;
                }
            }
            if (mode.equals("auto")) {
                notes.add("saliences total more than 100 across issues for some actor; each salience divided by "
                        + m + " (the number of issues) so every total is at most 100, as KTAB requires");
            }
        }
        double[][] acc = accommodation(p, act, options.get(ACCOMMODATION));
        return new Compiled(new SmpActors(cap, sal, acc), x, lo, hi, act);
    }

    /**
     * Actor {@code q} of the problem as the run's actor {@code i}: capability, positions and
     * saliences on KTAB's scales.
     */
    private static void place(Problem p, int q, int i, double[] lo, double[] hi, double[][] x, double[][] sal,
                              double[] cap, List<String> notes) {
        int m = lo.length;
        cap[i] = p.capability()[q];
        if (!(cap[i] >= 0) || !Double.isFinite(cap[i])) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "actor " + p.actorId(q)
                    + ": capability must be a number >= 0 for model 'spatial', was " + Numbers.format(cap[i]));
        }
        if (cap[i] == 0) {
            notes.add("actor " + p.actorId(q) + " has capability 0: its votes weigh nothing "
                    + "(KTAB would reject it)");
        }
        for (int k = 0; k < m; k++) {
            if (p.present(q, k)) {
                x[i][k] = (p.position()[q][k] - lo[k]) / (hi[k] - lo[k]);
                sal[i][k] = p.salience()[q][k];
            } else {
                double sq = p.statusQuo(k);
                double v = Double.isNaN(sq) ? (lo[k] + hi[k]) / 2 : sq;
                x[i][k] = (v - lo[k]) / (hi[k] - lo[k]);
                sal[i][k] = 0;
                notes.add("actor " + p.actorId(q) + " has no stance on " + p.issueId(k) + ": placed at "
                        + Numbers.format(v) + " with salience 0");
            }
        }
    }

    static double[][] accommodation(Problem p, int[] act, String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("identity")) {
            return null;
        }
        int n = act.length;
        double[][] acc = Grids.doubles(n, n);
        for (int i = 0; i < n; i++) {
            acc[i][i] = 1.0;
        }
        for (String entry : t.split(";")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int colon = e.indexOf(':');
            int eq = e.indexOf('=');
            if (colon < 0 || eq < colon) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "model 'spatial': accommodation entry '" + e
                        + "' is not 'adjusting:reference=weight'");
            }
            String ai = e.substring(0, colon).strip();
            String rp = e.substring(colon + 1, eq).strip();
            int i = indexOf(act, p.actorIndex(ai));
            int j = indexOf(act, p.actorIndex(rp));
            if (i < 0 || j < 0) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "model 'spatial': accommodation entry '" + e
                        + "' names an actor that is unknown or takes no part");
            }
            double v;
            try {
                v = Double.parseDouble(e.substring(eq + 1).strip());
            } catch (NumberFormatException ex) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "model 'spatial': accommodation weight in '" + e
                        + "' is not a number");
            }
            if (!(v >= 0 && v <= 1)) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "model 'spatial': accommodation weight in '" + e
                        + "' must be in [0, 1]");
            }
            acc[i][j] = v;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += acc[i][j];
            }
            if (s > 1 + 1e-10) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "model 'spatial': accommodation row of " + p.actorId(act[i])
                        + " sums to " + Numbers.format(s) + " > 1");
            }
        }
        boolean identity = true;
        for (int i = 0; i < n && identity; i++) {
            for (int j = 0; j < n; j++) {
                if (acc[i][j] != (i == j ? 1.0 : 0.0)) {
                    identity = false;
                    break;
                }
            }
        }
        return identity ? null : acc;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** {@code %.3f} in {@code Locale.ROOT}. */
    static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : Numbers.fixed(v, 3);
    }
}
