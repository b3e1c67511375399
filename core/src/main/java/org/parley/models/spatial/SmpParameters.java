package org.parley.models.spatial;

import static org.parley.models.spatial.SpatialModel.ACCOMMODATION;
import static org.parley.models.spatial.SpatialModel.BARGAIN_MODEL;
import static org.parley.models.spatial.SpatialModel.BIG_R_ADJUST;
import static org.parley.models.spatial.SpatialModel.BIG_R_RANGE;
import static org.parley.models.spatial.SpatialModel.CYCLE_STOP;
import static org.parley.models.spatial.SpatialModel.FORECAST;
import static org.parley.models.spatial.SpatialModel.INTER_VEC_BARGAIN;
import static org.parley.models.spatial.SpatialModel.KTAB_DEFAULT;
import static org.parley.models.spatial.SpatialModel.MAX_TURNS;
import static org.parley.models.spatial.SpatialModel.MIN_TURNS;
import static org.parley.models.spatial.SpatialModel.PCE;
import static org.parley.models.spatial.SpatialModel.PWCOMP_WEIGHT;
import static org.parley.models.spatial.SpatialModel.QUEUE_BATCH;
import static org.parley.models.spatial.SpatialModel.RECEIVER_ESTIMATE;
import static org.parley.models.spatial.SpatialModel.SALIENCE_TOTAL;
import static org.parley.models.spatial.SpatialModel.STOP_RATIO;
import static org.parley.models.spatial.SpatialModel.THIRD_PARTY_COMMIT;
import static org.parley.models.spatial.SpatialModel.THREADS;
import static org.parley.models.spatial.SpatialModel.TRANSITIONS;
import static org.parley.models.spatial.SpatialModel.VICTORY_PROB;
import static org.parley.models.spatial.SpatialModel.VOTING_RULE;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ModelOptions;
import org.parley.engine.Option;

/**
 * The nine KTAB SMP model parameters (KTAB {@code <ModelParameters>}, spec section 2.10), plus
 * Parley's own settings (stop rule, cycle detection, forecast reading). Each enum constant carries
 * the Parley option value and KTAB's name for it.
 */
record SmpParameters(VictoryProb victoryProb, Pce pce, Transitions transitions, Vote votingRule,
                     RiskAdjust riskAdjust, RiskRange riskRange, ThirdParty thirdParty,
                     Interpolation interpolation, BargainModel bargainModel, PwCompWeight pwCompWeight,
                     ReceiverEstimate receiverEstimate, int queueBatch, int threads,
                     int maxTurns, int minTurns, double stopRatio, boolean cycleStop, Forecast forecast) {

    SmpParameters {
        Objects.requireNonNull(victoryProb, "victoryProb");
        Objects.requireNonNull(pce, "pce");
        Objects.requireNonNull(transitions, "transitions");
        Objects.requireNonNull(votingRule, "votingRule");
        Objects.requireNonNull(riskAdjust, "riskAdjust");
        Objects.requireNonNull(riskRange, "riskRange");
        Objects.requireNonNull(thirdParty, "thirdParty");
        Objects.requireNonNull(interpolation, "interpolation");
        Objects.requireNonNull(bargainModel, "bargainModel");
        Objects.requireNonNull(pwCompWeight, "pwCompWeight");
        Objects.requireNonNull(receiverEstimate, "receiverEstimate");
        Objects.requireNonNull(forecast, "forecast");
    }

    static final Option<String> PRESET = Option.text(ModelOptions.PRESET, KTAB_DEFAULT,
            "named reading: ktab-default = KTAB's nine defaults", KTAB_DEFAULT);
    static final Option<VictoryProb> VICTORY_PROB_OPTION = Option.choice(VICTORY_PROB, VictoryProb.LINEAR,
            "KTAB VictoryProbModel: P(a beats b) from coalition strengths", VictoryProb.values());
    static final Option<Pce> PCE_OPTION = Option.choice(PCE, Pce.CONDITIONAL,
            "KTAB PCEModel: probabilistic Condorcet election variant", Pce.values());
    static final Option<Transitions> TRANSITIONS_OPTION = Option.choice(TRANSITIONS, Transitions.DETERMINISTIC,
            "KTAB StateTransitions: adopt the most likely bargain or draw one (seeded)", Transitions.values());
    static final Option<Vote> VOTING_RULE_OPTION = Option.choice(VOTING_RULE, Vote.PROP,
            "KTAB VotingRule: vote as a function of the utility difference", Vote.values());
    static final Option<RiskAdjust> BIG_R_ADJUST_OPTION = Option.choice(BIG_R_ADJUST, RiskAdjust.ONE_THIRD,
            "KTAB BigRAdjust: h's estimate of i's risk attitude (full makes KTAB abort; here it runs)",
            RiskAdjust.values());
    static final Option<RiskRange> BIG_R_RANGE_OPTION = Option.choice(BIG_R_RANGE, RiskRange.MID,
            "KTAB BigRRange: range of the inferred risk attitudes", RiskRange.values());
    static final Option<ThirdParty> THIRD_PARTY_OPTION = Option.choice(THIRD_PARTY_COMMIT, ThirdParty.SEMI_COMMIT,
            "KTAB ThirdPartyCommit (no-commit and full-commit give third parties no vote, as in KTAB)",
            ThirdParty.values());
    static final Option<Interpolation> INTERPOLATION_OPTION = Option.choice(INTER_VEC_BARGAIN, Interpolation.S2P2,
            "KTAB InterVecBrgn: bargain interpolation", Interpolation.values());
    static final Option<BargainModel> BARGAIN_MODEL_OPTION = Option.choice(BARGAIN_MODEL, BargainModel.INIT_ONLY,
            "KTAB BargnModel: whose perspective forms the bargain", BargainModel.values());
    static final Option<PwCompWeight> PWCOMP_WEIGHT_OPTION = Option.choice(PWCOMP_WEIGHT, PwCompWeight.KTAB,
            "pw-comp: receiver weight uses the initiator's capability as KTAB's code does (ktab) or its own (receiver)",
            PwCompWeight.values());
    static final Option<ReceiverEstimate> RECEIVER_ESTIMATE_OPTION = Option.choice(RECEIVER_ESTIMATE,
            ReceiverEstimate.KTAB, "init-rcvr/pw-comp: KTAB's code uses the receiver's estimate of the initiator's "
                    + "gain as its probability (ktab), or its probability", ReceiverEstimate.values());
    static final Option<Integer> QUEUE_BATCH_OPTION = Option.integer(QUEUE_BATCH, 0, 0, Integer.MAX_VALUE,
            "order of each bargain queue: 0 = status quo first, then bargains by initiator; N > 0 = as KTAB's threads "
                    + "push them in batches of N initiators (KTAB uses 4 x cores); only order-sensitive voting rules "
                    + "(asym-prosp) notice");
    static final Option<Integer> THREADS_OPTION = Option.integer(THREADS, 1, 0, Integer.MAX_VALUE,
            "threads for the challenge phase of a turn (0 = every core); the trajectory is identical for any value");
    static final Option<Integer> MAX_TURNS_OPTION = Option.integer(MAX_TURNS, 100, 1, Integer.MAX_VALUE,
            "turn limit (KTAB maxIter)");
    static final Option<Integer> MIN_TURNS_OPTION = Option.integer(MIN_TURNS, 2, 0, Integer.MAX_VALUE,
            "turns before the convergence rule applies (KTAB minIter)");
    static final Option<Double> STOP_RATIO_OPTION = Option.number(STOP_RATIO, 0.02, 0, Double.POSITIVE_INFINITY,
            "stop when a turn moves less than this fraction of the first turn");
    static final Option<Boolean> CYCLE_STOP_OPTION = Option.onOff(CYCLE_STOP, true,
            "stop when a state repeats an earlier one (KTAB has no such rule)");
    static final Option<Forecast> FORECAST_OPTION = Option.choice(FORECAST, Forecast.EXPECTED,
            "outcome per issue: PCE-expected position (expected), most likely position, or capability x salience "
                    + "weighted mean (power-mean)", Forecast.values());
    static final Option<String> SALIENCE_TOTAL_OPTION = Option.text(SALIENCE_TOTAL, "auto",
            "KTAB needs each actor's saliences to total at most 1: as-given (else an error), divide-by-issues, or auto "
                    + "(as given when every total <= 1)", "auto", "as-given", "divide-by-issues");
    static final Option<String> ACCOMMODATION_OPTION = Option.text(ACCOMMODATION, "identity",
            "KTAB IdealAdjustment: 'identity' or entries 'adjusting:reference=weight' separated by ';' that override "
                    + "the identity");
    /** Every option of the spatial model, in the order {@code parley models} lists them. */
    static final List<Option<?>> OPTIONS = List.of(PRESET, VICTORY_PROB_OPTION, PCE_OPTION, TRANSITIONS_OPTION,
            VOTING_RULE_OPTION, BIG_R_ADJUST_OPTION, BIG_R_RANGE_OPTION, THIRD_PARTY_OPTION, INTERPOLATION_OPTION,
            BARGAIN_MODEL_OPTION, PWCOMP_WEIGHT_OPTION, RECEIVER_ESTIMATE_OPTION, QUEUE_BATCH_OPTION, THREADS_OPTION,
            MAX_TURNS_OPTION, MIN_TURNS_OPTION, STOP_RATIO_OPTION, CYCLE_STOP_OPTION, FORECAST_OPTION,
            SALIENCE_TOTAL_OPTION, ACCOMMODATION_OPTION);

    static SmpParameters of(ModelOptions o) {
        return new SmpParameters(o.get(VICTORY_PROB_OPTION), o.get(PCE_OPTION), o.get(TRANSITIONS_OPTION),
                o.get(VOTING_RULE_OPTION), o.get(BIG_R_ADJUST_OPTION), o.get(BIG_R_RANGE_OPTION),
                o.get(THIRD_PARTY_OPTION), o.get(INTERPOLATION_OPTION), o.get(BARGAIN_MODEL_OPTION),
                o.get(PWCOMP_WEIGHT_OPTION), o.get(RECEIVER_ESTIMATE_OPTION), o.get(QUEUE_BATCH_OPTION),
                o.get(THREADS_OPTION), o.get(MAX_TURNS_OPTION), o.get(MIN_TURNS_OPTION), o.get(STOP_RATIO_OPTION),
                o.get(CYCLE_STOP_OPTION), o.get(FORECAST_OPTION));
    }

    private static final Map<Named, String> KTAB = Map.ofEntries(
            Map.entry(VictoryProb.LINEAR, "Linear"),
            Map.entry(VictoryProb.SQUARE, "Square"),
            Map.entry(VictoryProb.QUARTIC, "Quartic"),
            Map.entry(VictoryProb.OCTIC, "Octic"),
            Map.entry(VictoryProb.BINARY, "Binary"),
            Map.entry(Pce.CONDITIONAL, "ConditionalPCM"),
            Map.entry(Pce.MARKOV_INCENTIVE, "MarkovIPCM"),
            Map.entry(Pce.MARKOV_UNIFORM, "MarkovUPCM"),
            Map.entry(Transitions.DETERMINISTIC, "DeterminsticSTM"),
            Map.entry(Transitions.STOCHASTIC, "StochasticSTM"),
            Map.entry(Vote.BINARY, "Binary"),
            Map.entry(Vote.PROP_BIN, "PropBin"),
            Map.entry(Vote.PROP, "Prop"),
            Map.entry(Vote.PROP_CBC, "PropCbc"),
            Map.entry(Vote.CUBIC, "Cubic"),
            Map.entry(Vote.ASYM_PROSP, "ASymProsp"),
            Map.entry(RiskAdjust.NONE, "None"),
            Map.entry(RiskAdjust.ONE_THIRD, "OneThird"),
            Map.entry(RiskAdjust.HALF, "Half"),
            Map.entry(RiskAdjust.TWO_THIRDS, "TwoThirds"),
            Map.entry(RiskAdjust.FULL, "Full"),
            Map.entry(RiskRange.MIN, "Min"),
            Map.entry(RiskRange.MID, "Mid"),
            Map.entry(RiskRange.MAX, "Max"),
            Map.entry(ThirdParty.NO_COMMIT, "NoCommit"),
            Map.entry(ThirdParty.SEMI_COMMIT, "SemiCommit"),
            Map.entry(ThirdParty.FULL_COMMIT, "FullCommit"),
            Map.entry(Interpolation.S1P1, "S1P1"),
            Map.entry(Interpolation.S2P2, "S2P2"),
            Map.entry(Interpolation.S2PMAX, "S2PMax"),
            Map.entry(BargainModel.INIT_ONLY, "InitOnlyInterp"),
            Map.entry(BargainModel.INIT_RCVR, "InitRcvrInterp"),
            Map.entry(BargainModel.PW_COMP, "PWCompInterp"),
            Map.entry(PwCompWeight.KTAB, "ktab"),
            Map.entry(PwCompWeight.RECEIVER, "receiver"),
            Map.entry(ReceiverEstimate.KTAB, "ktab"),
            Map.entry(ReceiverEstimate.PROBABILITY, "probability"),
            Map.entry(Forecast.EXPECTED, "-"),
            Map.entry(Forecast.MOST_LIKELY, "-"),
            Map.entry(Forecast.POWER_MEAN, "-"));

    /** An option value (the constant's name in kebab case) and KTAB's name for it. */
    interface Named {
        String name();

        default String ktab() {
            return KTAB.get(this);
        }

        default String option() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Victory probability law from coalition strengths (KTAB VictoryProbModel). */
    enum VictoryProb implements Named {
        LINEAR, SQUARE, QUARTIC, OCTIC, BINARY
    }

    /** Probabilistic Condorcet election variant (KTAB PCEModel). */
    enum Pce implements Named {
        CONDITIONAL, MARKOV_INCENTIVE, MARKOV_UNIFORM
    }

    /** How an actor picks a bargain from its queue (KTAB StateTransitions). */
    enum Transitions implements Named {
        DETERMINISTIC, STOCHASTIC
    }

    /** Voting rule: how a utility difference becomes a vote (KTAB VotingRule). */
    enum Vote implements Named {
        BINARY, PROP_BIN, PROP, PROP_CBC, CUBIC, ASYM_PROSP
    }

    /** h's estimate of i's risk attitude (KTAB BigRAdjust). */
    enum RiskAdjust implements Named {
        NONE, ONE_THIRD, HALF, TWO_THIRDS, FULL
    }

    /** Range of the inferred risk attitudes (KTAB BigRRange). */
    enum RiskRange implements Named {
        MIN, MID, MAX
    }

    /** Third parties' commitment in the hypothetical contests (KTAB ThirdPartyCommit). */
    enum ThirdParty implements Named {
        NO_COMMIT, SEMI_COMMIT, FULL_COMMIT
    }

    /** Interpolation of a bargain between two vector positions (KTAB InterVecBrgn). */
    enum Interpolation implements Named {
        S1P1, S2P2, S2PMAX
    }

    /** Whose perspective forms the bargain (KTAB BargnModel). */
    enum BargainModel implements Named {
        INIT_ONLY, INIT_RCVR, PW_COMP
    }

    /**
     * The receiver's weight in the PWCompInterp compromise: KTAB uses the initiator's capability
     * times the receiver's salience ({@code ktab}, spec 2.6, a likely slip); {@code receiver} uses the
     * receiver's own capability.
     */
    enum PwCompWeight implements Named {
        KTAB, RECEIVER
    }

    /**
     * What KTAB's InitRcvrInterp and PWCompInterp bargains use as "the receiver's estimate of the
     * probability that the initiator wins": KTAB's code takes the second element of the receiver's
     * probEduChlg result, which is the receiver's estimate of the initiator's expected gain
     * ({@code ktab}); {@code probability} uses the receiver's estimated probability.
     */
    enum ReceiverEstimate implements Named {
        KTAB, PROBABILITY
    }

    /** Which number per issue Parley reports as the round's outcome and the forecast. */
    enum Forecast implements Named {
        EXPECTED, MOST_LIKELY, POWER_MEAN
    }
}
