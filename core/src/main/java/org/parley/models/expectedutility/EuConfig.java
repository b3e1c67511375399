package org.parley.models.expectedutility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.ModelOptions;
import org.parley.engine.Option;
import org.parley.engine.OptionSpec;

/**
 * The forks of the expected-utility model (spec {@code bdm-expected-utility.md} section 2.12,
 * F1..F17, plus four implementation details the open implementations differ on), parsed once per
 * run. Every field is one named option; {@link #SPECS} documents each with its default.
 */
final class EuConfig {

    /** F1: the range R that normalises distances. */
    enum Range { INITIAL, CURRENT, SCALE }

    /** F2: the probability that the challenger prevails. */
    enum Probability { TEXTBOOK, ALL_PAIRS, NET }

    /** F6: whose risk exponent enters the focal actor's estimate of the counterpart's EU. */
    enum CounterRisk { FOCAL, OWN }

    /** F11: what a lost conflict (a > 0, b > a) does to the focal actor. */
    enum Conflict { FULL, NONE, EXPECTED }

    /** F13: how an actor picks among the offers it received. */
    enum OfferChoice { CLASS_LEAST_MOVE, CLASS_WEIGHTED_KEY, HIGHEST_EU }

    /** F16: the median voter position. */
    enum Median { CONDORCET, MIN_DISTANCE, ARGMAX_PAIR }

    /** F17: the stopping rule. */
    enum Stop { DISCOUNT, FIXED }

    /** T: whether j's uncoerced move to the median helps the challenger. */
    enum TRule { CLOSER, ONE, ZERO }

    static final String PRESET_PUBLISHED = "scholz-published";
    static final String PRESET_TEXT = "scholz-text";
    static final String PRESET_EUM = "eum";
    static final String PRESET_DMASAD = "dmasad";

    static final Option<String> PRESET = Option.text(ModelOptions.PRESET, PRESET_PUBLISHED,
            "reading to run: scholz-published (reproduces Scholz 2011 Table 2 and BDM 1994's Belgium chart), "
                    + "scholz-text (printed equations, typos fixed), eum (decisionmechanics/eum), dmasad "
                    + "(dmasad/BDM_DecisionModel_Replication); single options override it", PRESET_PUBLISHED, PRESET_TEXT, PRESET_EUM, PRESET_DMASAD);
    static final Option<Range> RANGE = Option.choice("range", Range.INITIAL,
            "F1 range R normalising distances: initial spread of positions (fixed), current spread, or the issue scale", Range.values());
    static final Option<Probability> PROBABILITY = Option.choice("probability", Probability.ALL_PAIRS,
            "F2 probability i prevails: textbook (Scholz eq. 31), all-pairs (Scholz's code: denominator over all "
                    + "ordered pairs of actors), net (dmasad: max(0, net vote) / total vote)", Probability.values());
    static final Option<Boolean> VOTES = Option.flag("votes", "powered",
            "F3 votes inside the probability: linear distances, or distances powered by each voter's current risk exponent", "powered", "linear", "powered");
    static final Option<Boolean> VOTERS = Option.flag("voters", "all",
            "F4 voters in the probability: all actors (Scholz eq. 31, k = 1..n) or third parties only (i and j excluded)", "third-parties", "all", "third-parties");
    static final Option<Boolean> COUNTER_SALIENCE = Option.flag("counter-salience", "target",
            "F5 salience in the counterpart's EU of challenging the focal actor: the target's (focal's, fixes "
                    + "eq. 25b) or the printed s_j (the challenger's own)", "target", "target", "printed");
    static final Option<CounterRisk> COUNTER_RISK = Option.choice("counter-risk", CounterRisk.FOCAL,
            "F6 exponent in the focal actor's estimate of the counterpart's EU: the focal actor's (perception, "
                    + "BDM's perspective charts) or the counterpart's own", CounterRisk.values());
    static final Option<Double> Q = Option.number("q", 1.0, 0, 1,
            "F7 Q, probability the status quo persists absent a challenge (1.0 BDM 1985 and Scholz's replication; 0.5 BDM & Lalman 1986)");
    static final Option<Boolean> RISK_NORMALISATION = Option.flag("risk-normalisation", "actors",
            "F8 security range for the risk exponent: over all actors (Scholz) or over the actor's alternative "
                    + "positions (BDM 1985's wording; O(n^4), small problems only)", "positions", "actors", "positions");
    static final Option<Boolean> UB_UW = Option.flag("ub-uw", "sum",
            "F9 form of U_b/U_w (only with q < 1): sum (Scholz, 0.25 (|x_i-mu| + |x_i-x_j|) / R) or difference "
                    + "(our reconstruction of BDM 1985: 0.5 ||x_i-x_j| - |x_i-mu|| / R)", "difference", "sum", "difference");
    static final Option<Boolean> MU = Option.flag("mu", "median",
            "F10 position mu used inside U_b/U_w and T (only with q < 1): median or weighted mean", "mean", "median", "mean");
    static final Option<Conflict> CONFLICT = Option.choice("conflict", Conflict.FULL,
            "F11 a lost conflict (a > 0, b > a): full move to the winner, no move, or the lottery's expected "
                    + "position x_i + (1 - P_i)(x_j - x_i)", Conflict.values());
    static final Option<Boolean> COMPROMISE = Option.flag("compromise", "ratio",
            "F12 compromise amount: ratio (x_i + (x_j - x_i)|a/b|, Scholz eq. 35) or EU-weighted average "
                    + "(|a| x_i + |b| x_j) / (|a| + |b|)", "ratio", "ratio", "weighted-average");
    static final Option<OfferChoice> OFFER_CHOICE = Option.choice("offer-choice", OfferChoice.CLASS_WEIGHTED_KEY,
            "F13 offer choice: class-least-move (conflict > compromise > capitulate, then least move), "
                    + "class-weighted-key (same, but a compromise is chosen by the smallest EU-weighted average "
                    + "position, as Scholz's code), highest-eu (the offer whose sender expects most, then nearest)", OfferChoice.values());
    static final Option<Boolean> CAPITULATION = Option.flag("capitulation", "typo",
            "F14 capitulation test: fixed (|a| > b, Scholz Fig. 6) or typo (Scholz's code: never fires)", "fixed", "fixed", "typo");
    static final Option<Boolean> FLAT_RISK = Option.flag("flat-risk", "one",
            "F15 risk exponent when every security level is equal: one (r = 1) or zero (r = 0, as eum)", "zero", "one", "zero");
    static final Option<Median> MEDIAN = Option.choice("median", Median.CONDORCET,
            "F16 median voter position: condorcet (weak Condorcet winner among positions, ties to the lower), "
                    + "min-distance (eum: first actor minimising the weighted distance), argmax-pair (dmasad: "
                    + "largest pairwise margin; equal to min-distance)", Median.values());
    static final Option<Stop> STOP = Option.choice("stop", Stop.DISCOUNT,
            "F17 stopping rule: discount (BDM 2002: stop after round t when (1 - discount-rate)^t x the median's "
                    + "shift is at most discount-rate x R) "
                    + "or fixed (max-rounds rounds); --rounds N always runs N rounds", Stop.values());
    static final Option<Double> DISCOUNT_RATE = Option.number("discount-rate", 0.05, 0, Double.POSITIVE_INFINITY,
            "common per-round discount rate delta of the discount stopping rule");
    static final Option<Integer> MAX_ROUNDS = Option.integer("max-rounds", 100, 1, Integer.MAX_VALUE,
            "round cap of the discount rule; the number of rounds of stop=fixed");
    static final Option<TRule> T = Option.choice("t", TRule.CLOSER,
            "T (only with q < 1): closer (1 iff |x_i - mu| < |x_i - x_j|, Eftekhari & Rahimi 2014), 1 or 0",
            r -> r == TRule.ONE ? "1" : r == TRule.ZERO ? "0" : "closer", TRule.values());
    static final Option<Boolean> COUNTER_UB_UW = Option.flag("counter-ub-uw", "own",
            "distances and T in the counterpart's U_b/U_w (only with q < 1): own (the counterpart's) or focal "
                    + "(the focal actor's, as eum)", "focal", "own", "focal");
    static final Option<Boolean> SAME_POSITION = Option.flag("same-position", "skip",
            "actors at one position: skip (no contest, EU = 0) or evaluate (P = 0 but EU by the formula, as eum and dmasad)", "skip", "skip", "evaluate");
    static final Option<Double> ZERO_BAND = Option.number("zero-band", 0, 0, Double.POSITIVE_INFINITY,
            "an EU with |EU| below this counts as zero when classifying (eum: 1e-4; a ~0 with b > 0 is then a compromise)");
    static final Option<Boolean> TIES = Option.flag("ties", "higher-eu",
            "offers that tie on the choice key: first (the first counterpart in input order, as every open "
                    + "implementation) or higher-eu (the proposer with the higher EU, then the lower position: "
                    + "independent of input order)", "first", "first", "higher-eu");
    static final Option<Boolean> FORECAST = Option.flag("forecast", "median",
            "forecast at the stop: the median voter position (BDM, majority rule) or the weighted mean", "mean", "median", "mean");
    static final Option<Boolean> OFFERS = Option.flag("offers", "accepted",
            "moves reported: accepted (one per moving actor and round) or all (also every offer an actor "
                    + "received but did not take, kind offer-rejected)", "all", "accepted", "all");
    /** Every option, in the order {@code parley models} lists them. */
    static final List<Option<?>> OPTIONS = List.of(PRESET, RANGE, PROBABILITY, VOTES, VOTERS, COUNTER_SALIENCE, COUNTER_RISK, Q, RISK_NORMALISATION, UB_UW, MU, CONFLICT, COMPROMISE, OFFER_CHOICE, CAPITULATION, FLAT_RISK, MEDIAN, STOP, DISCOUNT_RATE, MAX_ROUNDS, T, COUNTER_UB_UW, SAME_POSITION, ZERO_BAND, TIES, FORECAST, OFFERS);

    static final List<OptionSpec> SPECS = Option.specs(OPTIONS);

    static final Map<String, Map<String, String>> PRESETS = presets();

    private static Map<String, Map<String, String>> presets() {
        Map<String, Map<String, String>> p = new LinkedHashMap<>();
        p.put(PRESET_PUBLISHED, ordered(
                "range", "initial", "probability", "all-pairs", "votes", "powered", "voters", "all",
                "counter-salience", "target", "counter-risk", "focal", "q", "1", "risk-normalisation", "actors",
                "ub-uw", "sum", "mu", "median", "conflict", "full", "compromise", "ratio",
                "offer-choice", "class-weighted-key", "capitulation", "typo", "flat-risk", "one", "median", "condorcet",
                "t", "closer", "counter-ub-uw", "own", "same-position", "skip", "zero-band", "0", "ties", "higher-eu"));
        p.put(PRESET_TEXT, ordered(
                "range", "initial", "probability", "textbook", "votes", "linear", "voters", "all",
                "counter-salience", "target", "counter-risk", "own", "q", "1", "risk-normalisation", "actors",
                "ub-uw", "sum", "mu", "median", "conflict", "full", "compromise", "ratio",
                "offer-choice", "class-least-move", "capitulation", "fixed", "flat-risk", "one", "median", "condorcet",
                "t", "closer", "counter-ub-uw", "own", "same-position", "skip", "zero-band", "0", "ties", "higher-eu"));
        p.put(PRESET_EUM, ordered(
                "range", "initial", "probability", "textbook", "votes", "linear", "voters", "all",
                "counter-salience", "printed", "counter-risk", "own", "q", "1", "risk-normalisation", "actors",
                "ub-uw", "sum", "mu", "median", "conflict", "full", "compromise", "weighted-average",
                "offer-choice", "class-least-move", "capitulation", "fixed", "flat-risk", "zero", "median", "min-distance",
                "t", "closer", "counter-ub-uw", "focal", "same-position", "evaluate", "zero-band", "0.0001", "ties", "first"));
        p.put(PRESET_DMASAD, ordered(
                "range", "initial", "probability", "net", "votes", "linear", "voters", "all",
                "counter-salience", "target", "counter-risk", "own", "q", "1", "risk-normalisation", "actors",
                "ub-uw", "sum", "mu", "mean", "conflict", "full", "compromise", "ratio",
                "offer-choice", "highest-eu", "capitulation", "fixed", "flat-risk", "one", "median", "argmax-pair",
                "t", "1", "counter-ub-uw", "own", "same-position", "evaluate", "zero-band", "0", "ties", "first"));
        Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
        p.forEach((k, v) -> frozen.put(k, java.util.Collections.unmodifiableMap(v)));
        return java.util.Collections.unmodifiableMap(frozen);
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    final Range range;
    final Probability probability;
    final boolean poweredVotes;
    final boolean thirdPartiesOnly;
    final boolean counterSalienceTarget;
    final CounterRisk counterRisk;
    final double q;
    final boolean riskOverPositions;
    final boolean ubUwDifference;
    final boolean muMean;
    final Conflict conflict;
    final boolean compromiseRatio;
    final OfferChoice offerChoice;
    final boolean capitulationFixed;
    final boolean flatRiskZero;
    final Median median;
    final Stop stop;
    final double discountRate;
    final int maxRounds;
    final TRule t;
    final boolean counterTermsFocal;
    final boolean skipSamePosition;
    final double zeroBand;
    final boolean tiesFirst;
    final boolean forecastMean;
    final boolean allOffers;
    /** (1 - discount-rate)^t for the first rounds, the stop test's factor, taken once per reading. */
    private final double[] discount;
    private static final int DISCOUNTS_KEPT = 256;

    EuConfig(ModelOptions o) {
        // values were checked against the option specs when the options were resolved
        range = o.get(RANGE);
        probability = o.get(PROBABILITY);
        poweredVotes = o.get(VOTES);
        thirdPartiesOnly = o.get(VOTERS);
        counterSalienceTarget = o.get(COUNTER_SALIENCE);
        counterRisk = o.get(COUNTER_RISK);
        q = o.get(Q);
        riskOverPositions = o.get(RISK_NORMALISATION);
        ubUwDifference = o.get(UB_UW);
        muMean = o.get(MU);
        conflict = o.get(CONFLICT);
        compromiseRatio = o.get(COMPROMISE);
        offerChoice = o.get(OFFER_CHOICE);
        capitulationFixed = o.get(CAPITULATION);
        flatRiskZero = o.get(FLAT_RISK);
        median = o.get(MEDIAN);
        stop = o.get(STOP);
        discountRate = o.get(DISCOUNT_RATE);
        maxRounds = o.get(MAX_ROUNDS);
        discount = new double[Math.min(maxRounds, DISCOUNTS_KEPT) + 1];
        for (int t = 0; t < discount.length; t++) {
            discount[t] = Math.pow(1 - discountRate, t);
        }
        t = o.get(T);
        counterTermsFocal = o.get(COUNTER_UB_UW);
        skipSamePosition = o.get(SAME_POSITION);
        zeroBand = o.get(ZERO_BAND);
        tiesFirst = o.get(TIES);
        forecastMean = o.get(FORECAST);
        allOffers = o.get(OFFERS);
    }

    /** {@code Math.pow(1 - discountRate, t)}. */
    double discount(int t) {
        return t < discount.length ? discount[t] : Math.pow(1 - discountRate, t);
    }
}
