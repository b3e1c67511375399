package org.parley.models.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.Grids;
import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.Numbers;
import org.parley.engine.Option;
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

    /** Rounds run when the caller leaves the limit to the model: the Python command line's default. */
    public static final int DEFAULT_ROUNDS = 10;

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
        return Option.specs(ExchangeSettings.OPTIONS);
    }

    @Override
    public Map<String, Map<String, String>> presets() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("decide", Map.of());
        m.put("decide-ordered", Map.of(ExchangeSettings.TIES.key(), "ordered"));
        Map<String, String> rPort = new LinkedHashMap<>(); // in this order on every run (Map.of's is not fixed)
        rPort.put(ExchangeSettings.SUM_RULE.key(), "off");
        rPort.put(ExchangeSettings.TIES.key(), "ordered");
        m.put("r-port", Collections.unmodifiableMap(rPort));
        return m;
    }

    @Override
    public boolean stochastic() {
        return true;
    }

    @Override
    public Trajectory run(Problem problem, ModelOptions options, RunContext context) {
        ExchangeSettings o = options.parsed(ExchangeSettings.class, ExchangeSettings::from);
        return new Run(problem, o, context.random()).run(context.rounds() > 0 ? context.rounds() : DEFAULT_ROUNDS,
                context.trace());
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
            this.eligible = Grids.booleans(n, m);
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
                        eligible[i][k] = problem.salience()[i][k] > 0 && problem.capability()[i] > 0;
                        if (!eligible[i][k]) {
                            notes.add(problem.actorId(i) + " on " + problem.issueId(k)
                                    + ": salience or capability 0, takes no part in exchanges on this issue");
                        }
                    }
                }
                order[k] = Arrays.copyOf(tmp, count);
            }
        }

        private double denormalize(int k, double v) {
            return v == 0 ? lower[k] : v / step[k] + lower[k];
        }

        private double[][] denormalize(double[][] x) {
            double[][] out = Grids.doubles(n, m);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < m; k++) {
                    out[i][k] = Double.isNaN(x[i][k]) ? Double.NaN : denormalize(k, x[i][k]);
                }
            }
            return out;
        }

        /**
         * Runs the rounds. Without {@code trace} only the last round's outcome is kept (no moves,
         * sentences or series): the same arithmetic and random draws, so the same forecast.
         */
        Trajectory run(int rounds, boolean trace) {
            Engine engine = new Engine(o.decimal() ? new DecimalArithmetic() : DoubleArithmetic.INSTANCE, problem,
                    eligible, order, o, random, trace);
            List<Round> out = new ArrayList<>();
            if (trace) {
                // round 0 in doubles in both arithmetics
                double[] initial = (o.decimal() ? new Engine(DoubleArithmetic.INSTANCE, problem, eligible, order, o,
                        random, true) : engine).outcomes();
                out.add(Round.initial(problem.copyPositions(), denormalize(initial)));
            }
            String stop = "round limit";
            Engine.RoundOutput last = null;
            int r = 1;
            for (; r <= rounds; r++) {
                RunContext.checkpoint();
                last = engine.next();
                if (trace) {
                    out.add(round(r, last));
                }
                if (last.exchanges() == 0) {
                    stop = "no exchange possible after round " + (r - 1);
                    break;
                }
            }
            if (trace) {
                return new Trajectory(out, out.get(out.size() - 1).outcome().clone(), stop, notes);
            }
            double[] forecast = denormalize(last.voteOutcome());
            Round end = new Round(Math.min(r, rounds), denormalize(last.vote()), forecast, List.of(), Map.of());
            return new Trajectory(List.of(end), forecast.clone(), stop, notes);
        }

        private double[] denormalize(double[] v) {
            double[] res = new double[m];
            for (int k = 0; k < m; k++) {
                res[k] = order[k].length == 0 ? Double.NaN : denormalize(k, v[k]);
            }
            return res;
        }

        private Round round(int r, Engine.RoundOutput ro) {
            List<Move> moves = new ArrayList<>();
            double gainSum = 0;
            int number = 0;
            for (Engine.Realized e : ro.realized()) {
                number++;
                gainSum += e.gain();
                moves.add(move(r, number, e, e.i(), e.j()));
                moves.add(move(r, number, e, e.j(), e.i()));
            }
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put("start_outcome", denormalize(ro.start()));
            series.put("preference_outcome", denormalize(ro.preference()));
            series.put("exchanges", new double[] {ro.realized().size()});
            series.put("gain_sum", new double[] {gainSum});
            series.put("ties", new double[] {ro.ties()});
            return new Round(r, denormalize(ro.vote()), denormalize(ro.voteOutcome()), moves, series);
        }

        private Move move(int r, int number, Engine.Realized e, Engine.Supply a, Engine.Supply b) {
            double gain = o.p() > 0 ? a.gain() : e.gain();
            double partnerGain = o.p() > 0 ? b.gain() : e.gain();
            double from = denormalize(a.supply(), a.from());
            double to = denormalize(a.supply(), a.to());
            double pFrom = denormalize(b.supply(), b.from());
            double pTo = denormalize(b.supply(), b.to());
            Map<String, Double> measures = new LinkedHashMap<>();
            measures.put("exchange", (double) number);
            measures.put("gain", gain);
            measures.put("partner_gain", partnerGain);
            measures.put("equal_gain", e.gain());
            measures.put("demand_issue", (double) a.demand());
            measures.put("partner_from", pFrom);
            measures.put("partner_to", pTo);
            String actor = problem.actorId(a.actor());
            String partner = problem.actorId(b.actor());
            String gains = o.p() > 0
                    ? actor + " gains " + fmt(gain) + ", " + partner + " " + fmt(partnerGain)
                    : "both gain " + fmt(gain);
            String reason = actor + " moved on " + problem.issueId(a.supply()) + " from " + fmt(from) + " to " + fmt(to)
                    + " because " + partner + " moved on " + problem.issueId(b.supply()) + " from " + fmt(pFrom)
                    + " to " + fmt(pTo) + "; " + gains + ".";
            return new Move(r, "exchange", actor, partner, problem.issueId(a.supply()), from, to, measures, reason);
        }

        /** {@code String.format(Locale.ROOT, "%.3f", v)} (NaN as "NaN") without trailing zeros; "-0" as "0". */
        private static String fmt(double v) {
            String t = Double.isNaN(v) ? "NaN" : Numbers.fixed(v, 3);
            if (t.indexOf('.') >= 0) {
                // trailing zeros, then a trailing point (no regular expression per number)
                int end = t.length();
                while (t.charAt(end - 1) == '0') {
                    end--;
                }
                if (t.charAt(end - 1) == '.') {
                    end--;
                }
                t = t.substring(0, end);
            }
            return t.equals("-0") ? "0" : t;
        }
    }
}
