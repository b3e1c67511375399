package org.parley.models.expectedutility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.Numbers;
import org.parley.engine.OptionSpec;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;
import org.parley.model.DecisionRule;

/**
 * Bueno de Mesquita's expected-utility ("group decision") model as reconstructed by Scholz,
 * Calbert &amp; Smith (2011), per {@code specs/bdm-expected-utility.md} sections 2-3.
 *
 * <p>Each issue is one dimension and runs on its own inside one shared round loop. A round
 * computes the median voter position, a first pass of expected utilities with every risk exponent
 * 1, the security levels and risk exponents, a second pass with those exponents, classifies every
 * ordered pair from the focal actor's chart (conflict, compromise, capitulation, stalemate), lets
 * every actor accept one offer and applies all moves at once. Every fork of the published
 * algorithm (F1..F17 of the spec) is a named option; presets name the reading they reproduce.
 *
 * <p>Result: {@link Round#outcome()} is the median voter position per issue. Series per round:
 * {@code median} and {@code mean} (c x s weighted) indexed by issue; {@code risk}, the risk
 * exponent r each actor used in the round, indexed {@code issue * actorCount + actor} (for one
 * issue simply by actor; 1 in round 0, NaN where the actor is absent or the issue has stopped).
 * Moves: one per actor that moved, kind {@code conflict}, {@code compromise} or
 * {@code capitulate}, measures {@code eu_actor} (the mover's EU of challenging the counterpart)
 * and {@code eu_counterpart} (the counterpart's EU of challenging the mover, as the mover sees it);
 * with {@code offers=all} also {@code offer-rejected} for every offer an actor did not take.
 */
public final class ExpectedUtilityModel implements BargainingModel {

    public static final String ID = "expected-utility";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Bueno de Mesquita's expected-utility model: challenges, compromises and capitulations round by round; "
                + "forecast = median voter position";
    }

    @Override
    public String reference() {
        return "Bueno de Mesquita (1985, 1994, 2002); Scholz, Calbert & Smith (2011), J. Theoretical Politics 23(4) 510-531";
    }

    @Override
    public List<OptionSpec> options() {
        return EuConfig.SPECS;
    }

    @Override
    public Map<String, Map<String, String>> presets() {
        return EuConfig.PRESETS;
    }

    @Override
    public Trajectory run(Problem problem, ModelOptions options, RunContext context) {
        EuConfig cfg = options.parsed(EuConfig.class, EuConfig::new);
        if (!context.trace()) {
            // Monte Carlo and the analyses read only the forecast: each issue on its own, no rounds kept
            return Untraced.run(problem, cfg, context.rounds());
        }
        int n = problem.actorCount();
        int m = problem.issueCount();
        List<String> notes = new ArrayList<>();

        int[][] actorOf = actorsOn(problem, notes);
        boolean fixed = fixed(cfg, context.rounds());
        int limit = limit(cfg, context.rounds());
        IssueEngine[] engines = new IssueEngine[m];
        Workspace workspace = new Workspace(largest(actorOf));
        for (int k = 0; k < m; k++) {
            engines[k] = engine(cfg, problem, k, actorOf[k], workspace);
        }

        List<Round> rounds = new ArrayList<>();
        double[][] positions = problem.copyPositions();
        double[] median = new double[m];
        double[] mean = new double[m];
        double[] risk = new double[n * m];
        Arrays.fill(risk, Double.NaN);
        for (int k = 0; k < m; k++) {
            median[k] = engines[k].median();
            mean[k] = engines[k].mean();
            for (int i : actorOf[k]) {
                risk[k * n + i] = 1.0;
            }
        }
        rounds.add(new Round(0, copy(positions), median.clone(), List.of(), series(median, mean, risk)));

        boolean[] stopped = new boolean[m];
        int[] stoppedAt = new int[m];
        int t = 0;
        while (t < limit && !allTrue(stopped)) {
            RunContext.checkpoint();
            t++;
            List<Move> moves = new ArrayList<>();
            Arrays.fill(risk, Double.NaN);
            for (int k = 0; k < m; k++) {
                if (stopped[k]) {
                    continue;
                }
                IssueEngine e = engines[k];
                double before = median[k];
                e.step();
                int[] map = actorOf[k];
                for (int li = 0; li < e.n; li++) {
                    positions[map[li]][k] = e.x[li];
                    risk[k * n + map[li]] = e.r[li];
                }
                explain(problem, cfg, e, map, k, t, moves);
                median[k] = e.median();
                mean[k] = e.mean();
                if (!fixed && settled(cfg, e, before, median[k], t)) {
                    stopped[k] = true;
                    stoppedAt[k] = t;
                }
            }
            rounds.add(new Round(t, copy(positions), median.clone(), moves, series(median, mean, risk)));
        }

        double[] forecast = cfg.forecastMean ? mean.clone() : median.clone();
        String stopReason = stopReason(problem, cfg, context.rounds(), fixed, stopped, stoppedAt);
        return new Trajectory(rounds, forecast, stopReason, notes);
    }

    /** Whether every issue runs to the round limit ({@code --rounds N} or stop=fixed). */
    static boolean fixed(EuConfig cfg, int rounds) {
        return rounds > 0 || cfg.stop == EuConfig.Stop.FIXED;
    }

    /** The round limit: {@code --rounds N}, else the options' cap. */
    static int limit(EuConfig cfg, int rounds) {
        return rounds > 0 ? rounds : cfg.maxRounds;
    }

    /** Each issue's actors (problem indices of those present); notes for unusual issues. */
    static int[][] actorsOn(Problem problem, List<String> notes) {
        int n = problem.actorCount();
        int m = problem.issueCount();
        int[][] actorOf = new int[m][];
        for (int k = 0; k < m; k++) {
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (problem.present(i, k)) {
                    count++;
                }
            }
            int[] map = new int[count];
            int li = 0;
            for (int i = 0; i < n; i++) {
                if (problem.present(i, k)) {
                    map[li++] = i;
                }
            }
            actorOf[k] = map;
            DecisionRule rule = problem.rule(k);
            if (rule == DecisionRule.UNANIMITY || rule == DecisionRule.QUALIFIED_MAJORITY) {
                notes.add("issue " + problem.issueId(k) + " is decided by " + rule.id()
                        + "; the expected-utility model forecasts the median voter position (its majority reading)");
            }
            if (count == 0) {
                notes.add("issue " + problem.issueId(k) + ": no actor takes part; no forecast");
            }
        }
        return actorOf;
    }

    static int largest(int[][] actorOf) {
        int largest = 0;
        for (int[] map : actorOf) {
            largest = Math.max(largest, map.length);
        }
        return largest;
    }

    /** Issue {@code k}'s engine on the positions, capabilities and saliences of its actors {@code map}. */
    static IssueEngine engine(EuConfig cfg, Problem problem, int k, int[] map, Workspace workspace) {
        IssueEngine e = new IssueEngine(workspace);
        e.load(cfg, problem, k, map);
        return e;
    }

    /** Whether issue {@code k} stops after round {@code t}, whose median moved from {@code before} to {@code after}. */
    static boolean settled(EuConfig cfg, IssueEngine e, double before, double after, int t) {
        // the shift of round t is worth (1 - delta)^t of itself today; bargaining ends when
        // that is at most delta x R, what one more round of delay costs
        double shift = Math.abs(after - before) * cfg.discount(t);
        double range = e.range;
        return e.n < 2 || !(range > 0) || shift <= cfg.discountRate * range;
    }

    /** The stop reason in words, from which issues stopped and when ({@code rounds}: the run's round limit, or 0). */
    static String stopReason(Problem problem, EuConfig cfg, int rounds, boolean fixed, boolean[] stopped,
                             int[] stoppedAt) {
        if (rounds > 0) {
            return rounds + " rounds";
        }
        if (fixed) {
            return cfg.maxRounds + " rounds (stop=fixed)";
        }
        StringBuilder sb = new StringBuilder(allTrue(stopped) ? "" : "round cap max-rounds = " + cfg.maxRounds
                + " reached; ");
        sb.append("discounted median shift at most discount-rate ").append(Numbers.format(cfg.discountRate))
                .append(" x R (");
        for (int k = 0; k < problem.issueCount(); k++) {
            sb.append(k > 0 ? ", " : "").append(problem.issueId(k))
                    .append(stopped[k] ? ": round " + stoppedAt[k] : ": not settled");
        }
        return sb.append(')').toString();
    }

    private static Map<String, double[]> series(double[] median, double[] mean, double[] risk) {
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("median", median.clone());
        s.put("mean", mean.clone());
        s.put("risk", risk.clone());
        return s;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    static boolean allTrue(boolean[] b) {
        for (boolean v : b) {
            if (!v) {
                return false;
            }
        }
        return true;
    }

    /** Turns the engine's record of the round into moves with one sentence each. */
    private static void explain(Problem p, EuConfig cfg, IssueEngine e, int[] map, int k, int round, List<Move> out) {
        String issue = p.issueId(k);
        for (int i = 0; i < e.n; i++) {
            int j = e.with[i];
            if (e.kind[i] != IssueEngine.NONE) {
                out.add(move(p, cfg, e, map, issue, round, i, j, e.kind[i], e.to[i], false));
            }
            if (cfg.allOffers) {
                for (int o = 0; o < e.n; o++) {
                    if (o == i || o == j) {
                        continue;
                    }
                    int kind = e.offerKind(i, o);
                    if (kind != IssueEngine.NONE) {
                        out.add(move(p, cfg, e, map, issue, round, i, o, kind, e.offerTarget(i, o), true));
                    }
                }
            }
        }
    }

    private static Move move(Problem p, EuConfig cfg, IssueEngine e, int[] map, String issue, int round, int i, int j,
                             int kind, double target, boolean rejected) {
        String actor = p.actorId(map[i]);
        String other = p.actorId(map[j]);
        double a = e.a[i][j];
        double b = e.b[i][j];
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("eu_actor", a);
        measures.put("eu_counterpart", b);
        String f = Numbers.fixed(e.from[i], 3);
        String to = Numbers.fixed(target, 3);
        String seen = cfg.counterRisk == EuConfig.CounterRisk.FOCAL ? ", as " + actor + " sees it," : "";
        String sentence;
        String kindId;
        if (rejected) {
            kindId = "offer-rejected";
            sentence = actor + " did not take " + other + "'s " + kindName(kind) + " offer on " + issue + " (from " + f
                    + " to " + to + ", its EU " + Numbers.fixed(a, 3) + " against " + other + "'s "
                    + Numbers.fixed(b, 3) + ") because it accepted another offer or stayed put.";
        } else if (kind == IssueEngine.CONFLICT) {
            kindId = "conflict";
            sentence = actor + " moved from " + f + " to " + to + " on " + issue + " because it expected to lose a conflict with "
                    + other + ": both would challenge, but" + seen + " " + other + "'s expected utility "
                    + Numbers.fixed(b, 3) + " exceeds its own " + Numbers.fixed(a, 3)
                    + (cfg.conflict == EuConfig.Conflict.EXPECTED ? ", so it moved to the conflict's expected outcome."
                    : ", so it gave in to " + other + "'s position.");
        } else if (kind == IssueEngine.COMPROMISE) {
            kindId = "compromise";
            double dist = Math.abs(e.from[j] - e.from[i]);
            String share = dist > 0 ? Numbers.fixed(100 * Math.abs(target - e.from[i]) / dist, 0) + "%" : "none";
            sentence = actor + " moved from " + f + " to " + to + " on " + issue + " in a compromise with " + other
                    + ": challenging " + other + " was worth " + Numbers.fixed(a, 3) + " to it while" + seen + " "
                    + other + " expected " + Numbers.fixed(b, 3) + " from challenging it, so it conceded " + share
                    + " of the distance.";
        } else {
            kindId = "capitulate";
            sentence = actor + " capitulated to " + other + " on " + issue + ", moving from " + f + " to " + to
                    + ": challenging " + other + " would cost it " + Numbers.fixed(-a, 3) + ", more than" + seen + " "
                    + other + " expected to gain (" + Numbers.fixed(b, 3) + ") from challenging it.";
        }
        return new Move(round, kindId, actor, other, issue, e.from[i], target, measures, sentence);
    }

    private static String kindName(int kind) {
        switch (kind) {
            case IssueEngine.CONFLICT:
                return "conflict";
            case IssueEngine.COMPROMISE:
                return "compromise";
            case IssueEngine.CAPITULATE:
                return "capitulation";
            default:
                return "no";
        }
    }
}
