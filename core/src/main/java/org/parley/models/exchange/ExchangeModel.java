package org.parley.models.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.OptionSpec;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;

/**
 * Stokman's exchange model of voting positions, in the Equal Gain form the open implementation
 * (decide-exchange-model, Python) runs: pairs of actors on opposite sides of the expected outcome
 * (capability x salience weighted mean) on two issues trade voting positions, each moving on the
 * issue it cares less about, so that both gain equally; exchanges are realised highest gain first
 * and the rest recalculated after each; after each round the actors shift their preferences toward
 * their voting positions by {@code w = 0.1 + 0.4 (1 - salience)}. With {@code p > 0} the exchange
 * rates are drawn at random (REX, Dijkstra et al. 2018).
 *
 * <p>Positions are worked on a 0-100 scale per issue (the issue's scale mapped linearly) and
 * reported on the issue's own scale. Round {@code r}'s positions are the actors' voting positions
 * at the end of the round and its outcome the weighted mean of those; series:
 * <ul>
 *   <li>{@code start_outcome} [issue]: the outcome on the round's start preferences;</li>
 *   <li>{@code preference_outcome} [issue]: the outcome on the shifted preferences the next round
 *       starts from;</li>
 *   <li>{@code exchanges}, {@code gain_sum}, {@code ties} [one value]: realised exchanges, the sum
 *       of their (equal) gains and the number of gain ties met in the round.</li>
 * </ul>
 * Each realised exchange gives two {@link Move}s of kind {@code exchange}, one per side, with the
 * measures {@code exchange} (its number in the round), {@code gain}, {@code partner_gain},
 * {@code equal_gain}, {@code demand_issue} (index of the issue this actor gains on),
 * {@code partner_from} and {@code partner_to}.
 */
public final class ExchangeModel implements BargainingModel {

    public static final String ID = "exchange";
    static final String SUM_RULE = "sum-rule";
    static final String TIES = "ties";
    static final String OVERSHOOT = "overshoot";
    static final String P = "p";
    static final String FIXED_WEIGHT = "fixed-weight";
    static final String SALIENCE_WEIGHT = "salience-weight";

    /** Rounds run when the caller leaves the limit to the model: the Python command line's default. */
    public static final int DEFAULT_ROUNDS = 10;

    /**
     * Gains are compared on a grid of 1e-12: the Python code computes in 28-digit Decimal, where
     * mathematically equal gains are equal, while in doubles they may differ in the last bit; on
     * the grid they stay equal so the stable sort (and the tie test) treats them as the Python code does.
     */
    static final double GAIN_GRID = 1e12;

    private static final Comparator<Candidate> HIGHEST_GAIN_FIRST = (a, b) -> Long.compare(key(b.gain), key(a.gain));

    static long key(double gain) {
        return Math.round(gain * GAIN_GRID);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Stokman's exchange of voting positions between issues (Equal Gain, Decide)";
    }

    @Override
    public String reference() {
        return "Stokman & Van Oosten (1994); Dijkstra, Van Assen & Stokman (2008); Dijkstra, Van Assen, Stokman"
                + " & Draaijer (2018); decide-exchange-model 51dee664 (Python)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.choice(ModelOptions.PRESET, "decide", "named reading: decide (the Python code), "
                        + "decide-ordered (its no-random-ties runs), r-port (the R port and the older COP21 list)",
                        "decide", "decide-ordered", "r-port"),
                OptionSpec.choice(SUM_RULE, "on", "reject an exchange when the moves recorded for an actor-issue "
                        + "in the round sum to more than 100 (Python only)", "on", "off"),
                OptionSpec.choice(TIES, "random", "equal best gains: random = seeded coin flip as the Python code "
                        + "(which re-queues the loser), coin = coin flip without that, ordered = stable order",
                        "random", "coin", "ordered"),
                OptionSpec.choice(OVERSHOOT, "updates", "positions the overshoot check uses: updates = the "
                        + "moves the candidate recorded (Python), all = every current voting position", "updates", "all"),
                OptionSpec.number(P, 0, "random exchange rates (REX) in [0, 1]; 0 = Equal Gain"),
                OptionSpec.number(FIXED_WEIGHT, 0.1, "preference shift, fixed part of w = fixed + salience-part (1 - s)"),
                OptionSpec.number(SALIENCE_WEIGHT, 0.4, "preference shift, salience part"));
    }

    @Override
    public Map<String, Map<String, String>> presets() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("decide", Map.of());
        m.put("decide-ordered", Map.of(TIES, "ordered"));
        m.put("r-port", Map.of(SUM_RULE, "off", TIES, "ordered"));
        return m;
    }

    @Override
    public boolean stochastic() {
        return true;
    }

    @Override
    public Trajectory run(Problem problem, ModelOptions options, RunContext context) {
        ExchangeSettings o = ExchangeSettings.from(options);
        return new Run(problem, o, context.random()).run(context.rounds() > 0 ? context.rounds() : DEFAULT_ROUNDS);
    }

    /** One run: the compiled arrays and the round loop. */
    private static final class Run {

        private final Problem problem;
        private final ExchangeSettings o;
        private final RandomGenerator random;
        private final int n;
        private final int m;
        private final double[] lower;
        private final double[] step;
        private final double[][] s;
        private final double[][] c;
        private final int[][] order;
        /** Whether the actor can take part in exchanges on the issue (present, salience and capability > 0). */
        private final boolean[][] eligible;
        private final List<String> notes = new ArrayList<>();

        Run(Problem problem, ExchangeSettings o, RandomGenerator random) {
            this.problem = problem;
            this.o = o;
            this.random = random;
            this.n = problem.actorCount();
            this.m = problem.issueCount();
            this.lower = new double[m];
            this.step = new double[m];
            this.s = new double[n][m];
            this.c = new double[n][m];
            this.eligible = new boolean[n][m];
            this.order = new int[m][];
            for (int k = 0; k < m; k++) {
                double lo = problem.scaleMin(k);
                double hi = problem.scaleMax(k);
                if (!(hi > lo)) {
                    throw new ParleyException(ErrorCode.BAD_INPUT, "issue " + problem.issueId(k)
                            + ": the exchange model needs a scale with max > min, was " + lo + ".." + hi);
                }
                lower[k] = lo;
                step[k] = 100.0 / (hi - lo);
                int count = 0;
                int[] tmp = new int[n];
                for (int i = 0; i < n; i++) {
                    if (problem.present(i, k)) {
                        tmp[count++] = i;
                        s[i][k] = problem.salience()[i][k];
                        c[i][k] = problem.capability()[i];
                        eligible[i][k] = s[i][k] > 0 && c[i][k] > 0;
                        if (!eligible[i][k]) {
                            notes.add(problem.actorId(i) + " on " + problem.issueId(k)
                                    + ": salience or capability 0, takes no part in exchanges on this issue");
                        }
                    }
                }
                order[k] = java.util.Arrays.copyOf(tmp, count);
            }
        }

        private double normalize(int k, double v) {
            return (v - lower[k]) * step[k];
        }

        private double denormalize(int k, double v) {
            return v == 0 ? lower[k] : v / step[k] + lower[k];
        }

        private double[][] denormalize(double[][] x) {
            double[][] out = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < m; k++) {
                    out[i][k] = Double.isNaN(x[i][k]) ? Double.NaN : denormalize(k, x[i][k]);
                }
            }
            return out;
        }

        Trajectory run(int rounds) {
            double[][] x = new double[n][m];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < m; k++) {
                    x[i][k] = problem.present(i, k) ? normalize(k, problem.position()[i][k]) : Double.NaN;
                }
            }
            List<Round> out = new ArrayList<>();
            RoundState first = new RoundState(x, s, c, order, o, random);
            out.add(Round.initial(problem.copyPositions(), outcomes(first, x)));
            String stop = rounds + " rounds";
            for (int r = 1; r <= rounds; r++) {
                RoundState st = new RoundState(x, s, c, order, o, random);
                double[][] next = new double[n][];
                Round round = round(r, st, next);
                out.add(round);
                x = next;
                if (round.moves().isEmpty()) {
                    stop = "no exchange possible after round " + (r - 1);
                    break;
                }
            }
            Round last = out.get(out.size() - 1);
            return new Trajectory(out, last.outcome().clone(), stop, notes);
        }

        private double[] outcomes(RoundState st, double[][] pos) {
            double[] res = new double[m];
            for (int k = 0; k < m; k++) {
                res[k] = order[k].length == 0 ? Double.NaN : denormalize(k, st.outcome(pos, k));
            }
            return res;
        }

        /** Runs round {@code r} from {@code st.x}; fills {@code next} with the shifted preferences. */
        private Round round(int r, RoundState st, double[][] next) {
            double[][] x = st.x;
            List<Candidate> list = new ArrayList<>();
            double[] start = new double[m];
            for (int k = 0; k < m; k++) {
                start[k] = st.outcome(x, k);
            }
            int[] group = new int[n];
            int[] size = new int[4];
            int[][] members = new int[4][n];
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    java.util.Arrays.fill(size, 0);
                    for (int a = 0; a < n; a++) {
                        if (eligible[a][p] && eligible[a][q]) {
                            int g = (x[a][p] <= start[p] ? 1 : 0) | (x[a][q] <= start[q] ? 2 : 0);
                            group[a] = g;
                            members[g][size[g]++] = a;
                        }
                    }
                    for (int pair = 0; pair < 2; pair++) {
                        int ga = pair == 0 ? 0 : 1;
                        int gb = pair == 0 ? 3 : 2;
                        for (int u = 0; u < size[ga]; u++) {
                            for (int v = 0; v < size[gb]; v++) {
                                Candidate cand = new Candidate(st, members[ga][u], members[gb][v], p, q);
                                cand.calculate();
                                list.add(cand);
                            }
                        }
                    }
                }
            }
            List<Move> moves = new ArrayList<>();
            List<Candidate> realized = new ArrayList<>();
            int ties = 0;
            double gainSum = 0;
            while (!list.isEmpty()) {
                list.sort(HIGHEST_GAIN_FIRST);
                Candidate e = list.remove(0);
                if (!list.isEmpty() && o.ties() != ExchangeSettings.Ties.ORDERED) {
                    Candidate next0 = list.get(0);
                    if (tie(e.gain, next0.gain)) {
                        ties++;
                        if (random.nextDouble() >= 0.5) {
                            list.add(e);
                            e = list.remove(0);
                        } else if (o.ties() == ExchangeSettings.Ties.RANDOM) {
                            list.add(next0);
                        }
                    }
                }
                if (!e.valid) {
                    continue;
                }
                st.cur[e.i.actor][e.i.supply] = e.i.y;
                st.cur[e.j.actor][e.j.supply] = e.j.y;
                int keep = 0;
                for (int t = 0; t < list.size(); t++) {
                    Candidate cand = list.get(t);
                    if (cand.valid) {
                        cand.recalculate(e);
                        if (cand.valid) {
                            list.set(keep++, cand);
                        }
                    }
                }
                list.subList(keep, list.size()).clear();
                realized.add(e);
                gainSum += e.gain;
                record(r, realized.size(), e, moves);
            }
            double[][] vote = new double[n][];
            for (int a = 0; a < n; a++) {
                vote[a] = x[a].clone();
            }
            for (Candidate e : realized) {
                vote[e.i.actor][e.i.supply] = e.i.y;
                vote[e.j.actor][e.j.supply] = e.j.y;
            }
            for (int a = 0; a < n; a++) {
                next[a] = vote[a].clone();
            }
            for (Candidate e : realized) {
                next[e.i.actor][e.i.supply] = shift(e.i);
                next[e.j.actor][e.j.supply] = shift(e.j);
            }
            Map<String, double[]> series = new LinkedHashMap<>();
            double[] startOut = new double[m];
            for (int k = 0; k < m; k++) {
                startOut[k] = order[k].length == 0 ? Double.NaN : denormalize(k, start[k]);
            }
            series.put("start_outcome", startOut);
            series.put("preference_outcome", outcomes(st, next));
            series.put("exchanges", new double[] {realized.size()});
            series.put("gain_sum", new double[] {gainSum});
            series.put("ties", new double[] {ties});
            return new Round(r, denormalize(vote), outcomes(st, vote), moves, series);
        }

        /** The next round's preference: {@code x + w (y - x)}, {@code w = fixed + salience-part (1 - s)}. */
        private double shift(Side a) {
            double sw = o.salienceWeight();
            double fw = o.fixedWeight();
            double sal = a.sSupply;
            return (1 - sal) * sw * a.y + fw * a.y + (1 - (1 - sal) * sw - fw) * a.start;
        }

        private static boolean tie(double a, double b) {
            return key(a) == key(b);
        }

        private void record(int r, int number, Candidate e, List<Move> moves) {
            moves.add(move(r, number, e, e.i, e.j));
            moves.add(move(r, number, e, e.j, e.i));
        }

        private Move move(int r, int number, Candidate e, Side a, Side b) {
            double gain = o.p() > 0 ? a.eu : e.gain;
            double partnerGain = o.p() > 0 ? b.eu : e.gain;
            double from = denormalize(a.supply, a.supplyPos);
            double to = denormalize(a.supply, a.y);
            double pFrom = denormalize(b.supply, b.supplyPos);
            double pTo = denormalize(b.supply, b.y);
            Map<String, Double> measures = new LinkedHashMap<>();
            measures.put("exchange", (double) number);
            measures.put("gain", gain);
            measures.put("partner_gain", partnerGain);
            measures.put("equal_gain", e.gain);
            measures.put("demand_issue", (double) a.demand);
            measures.put("partner_from", pFrom);
            measures.put("partner_to", pTo);
            String actor = problem.actorId(a.actor);
            String partner = problem.actorId(b.actor);
            String gains = o.p() > 0
                    ? actor + " gains " + fmt(gain) + ", " + partner + " " + fmt(partnerGain)
                    : "both gain " + fmt(gain);
            String reason = actor + " moved on " + problem.issueId(a.supply) + " from " + fmt(from) + " to " + fmt(to)
                    + " because " + partner + " moved on " + problem.issueId(b.supply) + " from " + fmt(pFrom)
                    + " to " + fmt(pTo) + "; " + gains + ".";
            return new Move(r, "exchange", actor, partner, problem.issueId(a.supply), from, to, measures, reason);
        }

        private static String fmt(double v) {
            String t = String.format(Locale.ROOT, "%.3f", v);
            if (t.contains(".")) {
                t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return t.equals("-0") ? "0" : t;
        }
    }
}
