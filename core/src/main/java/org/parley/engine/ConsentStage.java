package org.parley.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.model.DecisionRule;

/**
 * Who must agree: applied after any model's own dynamics, it keeps the model's outcome inside what
 * the issue's decisive actors accept, or declares no deal.
 *
 * <p>Per issue (scope {@code issue}):
 * <ol>
 *   <li>The <b>core</b> of the rule, the points no decisive coalition would replace. Voters are the
 *       actors with a stance on the issue and positive votes. Unanimity: the range of the voters'
 *       positions. Majority and qualified majority with quota q: [Q(1 - q), Q(q)], Q(p) the first
 *       position (ascending) whose cumulative vote share reaches p. Consent players: the range of
 *       their positions. Several decisive bodies (a voting body plus consent players): the hull of
 *       their cores. The model's outcome is clipped into the core.</li>
 *   <li>The <b>win-set</b> of the disagreement point, where the issue has a status quo: each
 *       consent player accepts the points it weakly prefers to its outside option (else the
 *       status quo), under a single-peaked utility symmetric around its position; under a voting
 *       rule, voters holding at least the quota's share of the votes must accept. The outcome is
 *       the point of core and win-set nearest the model's outcome; when they do not meet: no
 *       deal, the status quo stands, with the actors who block it.</li>
 * </ol>
 * Scope {@code package}: the issues with a status quo that share consent players are decided
 * together; a consent player accepts an outcome vector when its salience-weighted utility over
 * its issues is at least that of no deal ({@code consent.utility} linear or quadratic loss), and the
 * outcome moves to the nearest vector inside every acceptance set and every issue's core (Dykstra's
 * alternating projections), or no deal on the whole package.
 *
 * <p>Every move the stage makes is a {@link Move} (kinds {@code consent} and {@code no-deal}) with
 * its reason, in a round after the model's last.
 */
public final class ConsentStage {

    /** The option that switches the stage on or off for a model. */
    public static final String KEY = "consent";
    public static final String UTILITY = "consent.utility";
    public static final String SCOPE = "consent.scope";
    public static final String WIN_SET = "consent.win-set";
    /** The actor id of the stage's clipping moves (no single actor makes them). */
    public static final String RULE_ACTOR = "_rule";

    private static final double EPS = 1e-9;

    private ConsentStage() {
    }

    /**
     * The stage's options, which every model takes.
     *
     * @param declared whether the scenario declares a rule, consent list or outside option (then the
     *                 stage applies by default)
     */
    public static List<OptionSpec> options(boolean declared) {
        return List.of(
                OptionSpec.choice(KEY, declared ? "apply" : "ignore", "who must agree: apply the consent stage after "
                        + "the model (default apply when the scenario declares a rule other than bargaining, a "
                        + "consent list or an outside option)", "apply", "ignore"),
                OptionSpec.choice(UTILITY, "linear", "the consent players' loss from distance to their position "
                        + "(matters for package scope)", "linear", "quadratic"),
                OptionSpec.choice(SCOPE, "issue", "decide consent issue by issue, or the package of issues that "
                        + "share consent players", "issue", "package"),
                OptionSpec.choice(WIN_SET, "on", "on: the outcome must also beat each decisive actor's "
                        + "disagreement point (outside option, else status quo); off: the core only", "on", "off"));
    }

    /** The stage's settings as resolved for one model. */
    public record Settings(boolean apply, boolean quadratic, boolean packageScope, boolean winSet) {

        public static final Settings OFF = new Settings(false, false, false, true);

        public static Settings of(ModelOptions o) {
            Map<String, String> m = o.asMap();
            if (!m.containsKey(KEY)) {
                return OFF;
            }
            return new Settings("apply".equals(m.get(KEY)), "quadratic".equals(m.get(UTILITY)),
                    "package".equals(m.get(SCOPE)), !"off".equals(m.get(WIN_SET)));
        }
    }

    /** The trajectory with the stage applied: forecast replaced, its moves in a round after the last. */
    public static Trajectory apply(Problem p, Trajectory tr, Settings settings, boolean trace) {
        return apply(p, tr, settings, trace, true);
    }

    /**
     * As {@link #apply(Problem, Trajectory, Settings, boolean)}; {@code names} false leaves
     * {@link ConsentResult#blockedBy()} empty (for callers that read only the outcome and the deals).
     */
    static Trajectory apply(Problem p, Trajectory tr, Settings settings, boolean trace, boolean names) {
        if (!settings.apply()) {
            return tr;
        }
        int after = tr.lastRound().index() + 1;
        ConsentResult r = run(p, tr.forecast(), settings, trace, after, names || trace);
        return tr.withConsent(r);
    }

    /** Runs the stage on a model's forecast; the result's moves are numbered {@code round}. */
    public static ConsentResult run(Problem p, double[] modelForecast, Settings settings, boolean trace, int round) {
        return run(p, modelForecast, settings, trace, round, true);
    }

    /** As {@link #run(Problem, double[], Settings, boolean, int)}; {@code names} false: no blockers named. */
    static ConsentResult run(Problem p, double[] modelForecast, Settings settings, boolean trace, int round,
                             boolean names) {
        int m = p.issueCount();
        ConsentRules rules = p.consentRules();
        double[] out = modelForecast.clone();
        ConsentResult.Status[] status = new ConsentResult.Status[m];
        Arrays.fill(status, ConsentResult.Status.NONE);
        List<List<String>> blocked = null;
        List<List<Move>> moves = null;
        boolean[] inPackage = null;
        if (settings.packageScope() && settings.winSet()) {
            inPackage = new boolean[m];
            blocked = lists(m);
            moves = lists(m);
            PackageScope.run(p, rules, settings.quadratic(), out, status, blocked, moves, trace, round, inPackage);
        }
        for (int k = 0; k < m; k++) {
            if ((inPackage != null && inPackage[k]) || !rules.subject(k) || Double.isNaN(out[k])) {
                continue;
            }
            if (!trace && fast(p, rules, k, settings.winSet(), out, status)) {
                continue;
            }
            if (!names && !rules.voting(k)) {
                // the fast path's box is empty (it decides every other issue without a vote): no deal, and
                // nobody asks who blocks it
                out[k] = p.statusQuo(k);
                status[k] = ConsentResult.Status.BLOCKED;
                continue;
            }
            if (blocked == null) {
                blocked = lists(m);
                moves = lists(m);
            }
            IssueConsent c = IssueConsent.of(p, rules, k, settings.winSet());
            issue(p, c, k, out, status, blocked.get(k), moves.get(k), trace, round);
        }
        if (blocked == null) {
            return new ConsentResult(modelForecast.clone(), out, Arrays.asList(status), java.util.Collections.nCopies(m,
                    List.of()), List.of(), rules.talks());
        }
        List<Move> all = new ArrayList<>();
        for (List<Move> ms : moves) {
            all.addAll(ms);
        }
        return new ConsentResult(modelForecast.clone(), out, List.of(status), blocked, all, rules.talks());
    }

    /**
     * The issue scope without a trace, for Monte Carlo: the same numbers as {@link IssueConsent}
     * where the outcome is decided by the core and the consent players alone: the outcome clipped
     * into the issue's box ({@link #boxes}). Returns {@code false} (and changes nothing) when the
     * issue needs the full path: a vote's win-set, or no feasible point (the blockers are named there).
     */
    private static boolean fast(Problem p, ConsentRules rules, int k, boolean winSetOn, double[] out,
                                ConsentResult.Status[] status) {
        double[] boxes = boxes(p, rules, winSetOn);
        if (boxes[3 * k] == 0) {
            return false;
        }
        double bl = boxes[3 * k + 1];
        double bh = boxes[3 * k + 2];
        double y0 = out[k];
        double y = Math.min(Math.max(y0, bl), bh);
        if (Math.abs(y - y0) <= EPS * Math.max(1, Math.abs(y0))) {
            status[k] = ConsentResult.Status.PASSED;
        } else {
            out[k] = y;
            status[k] = ConsentResult.Status.MOVED;
        }
        return true;
    }

    /**
     * Per issue {@code k} of a problem: {@code [3k]} 1 when {@link #fast} decides the issue, then its
     * box {@code [3k + 1]..[3k + 2]}. The boxes depend on the problem alone, not on a model's outcome,
     * so they are made once per problem and win-set setting and kept on it: the models of a Monte Carlo
     * run share their problems (and the states of a conditional resolution, see {@link Resolution}).
     */
    private static double[] boxes(Problem p, ConsentRules rules, boolean winSetOn) {
        double[] b = p.consentBoxes(winSetOn);
        if (b != null) {
            return b;
        }
        int m = p.issueCount();
        b = new double[3 * m];
        int[] order = new int[p.actorCount()];
        for (int k = 0; k < m; k++) {
            if (rules.subject(k)) {
                box(p, rules, k, winSetOn, order, b);
            }
        }
        p.consentBoxes(winSetOn, b);
        return b;
    }

    /** Issue {@code k}'s entry of {@link #boxes}: left at 0 when the issue needs the full path. */
    private static void box(Problem p, ConsentRules rules, int k, boolean winSetOn, int[] order, double[] b) {
        double sq = p.statusQuo(k);
        boolean winSet = winSetOn && !Double.isNaN(sq);
        boolean voting = rules.voting(k);
        double[][] pos = p.position();
        double[][] sal = p.salience();
        double[] cap = p.capability();
        int n = p.actorCount();
        if (voting && winSet) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (voting) {
            int nv = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (!p.present(i, k)) {
                    continue;
                }
                double w = rules.votes(i, k, cap[i]);
                if (w <= 0) {
                    continue;
                }
                total += w;
                int a = nv++;
                double x = pos[i][k];
                while (a > 0 && pos[order[a - 1]][k] > x) {
                    order[a] = order[a - 1];
                    a--;
                }
                order[a] = i;
            }
            if (nv > 0) {
                double q = rules.quota(k);
                if (rules.rule(k) == DecisionRule.UNANIMITY || !(q < 1)) {
                    lo = pos[order[0]][k];
                    hi = pos[order[nv - 1]][k];
                } else {
                    lo = quantile(pos, k, order, nv, rules, cap, total, 1 - q);
                    hi = quantile(pos, k, order, nv, rules, cap, total, q);
                }
            }
        }
        double alo = Double.NEGATIVE_INFINITY;
        double ahi = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!rules.consent(i, k)) {
                continue;
            }
            double x = pos[i][k];
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            if (winSet && sal[i][k] > 0) {
                double o = rules.outsideOption(i, k);
                double r = Math.abs((Double.isNaN(o) ? sq : o) - x);
                alo = Math.max(alo, x - r);
                ahi = Math.min(ahi, x + r);
            }
        }
        if (!(lo <= hi)) {
            lo = p.scaleMin(k);
            hi = p.scaleMax(k);
        }
        double bl = Math.max(Math.max(lo, p.scaleMin(k)), alo);
        double bh = Math.min(Math.min(hi, p.scaleMax(k)), ahi);
        if (bl > bh + 1e-9) {
            return;
        }
        bh = Math.max(bl, bh);
        b[3 * k] = 1;
        b[3 * k + 1] = bl;
        b[3 * k + 2] = bh;
    }

    private static double quantile(double[][] pos, int k, int[] order, int nv, ConsentRules rules, double[] cap,
                                   double total, double share) {
        double cum = 0;
        for (int a = 0; a < nv; a++) {
            int i = order[a];
            cum += rules.votes(i, k, cap[i]);
            if (cum / total >= share - 1e-12) {
                return pos[i][k];
            }
        }
        return pos[order[nv - 1]][k];
    }

    private static <T> List<List<T>> lists(int m) {
        List<List<T>> out = new ArrayList<>(m);
        for (int k = 0; k < m; k++) {
            out.add(new ArrayList<>(0));
        }
        return out;
    }

    private static void issue(Problem p, IssueConsent c, int k, double[] out, ConsentResult.Status[] status,
                              List<String> blocked, List<Move> moves, boolean trace, int round) {
        double y0 = out[k];
        double[] feasible = c.nearest(y0);
        if (feasible == null) {
            double sq = p.statusQuo(k);
            out[k] = sq;
            status[k] = ConsentResult.Status.BLOCKED;
            blocked.addAll(c.blockers());
            if (trace) {
                moves.add(new Move(round, "no-deal", blocked.isEmpty() ? RULE_ACTOR : blocked.get(0), null,
                        p.issueId(k), y0, sq, bounds(c), c.blockReason()));
            }
            return;
        }
        double y = feasible[0];
        if (Math.abs(y - y0) <= EPS * Math.max(1, Math.abs(y0))) {
            status[k] = ConsentResult.Status.PASSED;
            return;
        }
        out[k] = y;
        status[k] = ConsentResult.Status.MOVED;
        if (trace) {
            moves.add(new Move(round, "consent", c.bindingActor(y0, y), null, p.issueId(k), y0, y, bounds(c),
                    c.moveReason(y0, y)));
        }
    }

    private static Map<String, Double> bounds(IssueConsent c) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("core_low", c.coreLow);
        m.put("core_high", c.coreHigh);
        return m;
    }

    static String num(double d) {
        return Numbers.format(Math.round(d * 100) / 100.0);
    }

    static String ruleName(DecisionRule r) {
        switch (r) {
            case MAJORITY:
                return "majority";
            case QUALIFIED_MAJORITY:
                return "qualified-majority";
            case UNANIMITY:
                return "unanimity";
            default:
                return "consent";
        }
    }
}
