package org.parley.models.spatial;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ModelOptions;

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

    static SmpParameters of(ModelOptions o) {
        return new SmpParameters(
                pick(VictoryProb.values(), o.get(SpatialModel.VICTORY_PROB)),
                pick(Pce.values(), o.get(SpatialModel.PCE)),
                pick(Transitions.values(), o.get(SpatialModel.TRANSITIONS)),
                pick(Vote.values(), o.get(SpatialModel.VOTING_RULE)),
                pick(RiskAdjust.values(), o.get(SpatialModel.BIG_R_ADJUST)),
                pick(RiskRange.values(), o.get(SpatialModel.BIG_R_RANGE)),
                pick(ThirdParty.values(), o.get(SpatialModel.THIRD_PARTY_COMMIT)),
                pick(Interpolation.values(), o.get(SpatialModel.INTER_VEC_BARGAIN)),
                pick(BargainModel.values(), o.get(SpatialModel.BARGAIN_MODEL)),
                pick(PwCompWeight.values(), o.get(SpatialModel.PWCOMP_WEIGHT)),
                pick(ReceiverEstimate.values(), o.get(SpatialModel.RECEIVER_ESTIMATE)),
                o.getInt(SpatialModel.QUEUE_BATCH),
                o.getInt(SpatialModel.THREADS),
                o.getInt(SpatialModel.MAX_TURNS),
                o.getInt(SpatialModel.MIN_TURNS),
                o.getDouble(SpatialModel.STOP_RATIO),
                o.getBoolean(SpatialModel.CYCLE_STOP),
                pick(Forecast.values(), o.get(SpatialModel.FORECAST)));
    }

    private static <E extends Enum<E> & Named> E pick(E[] values, String value) {
        for (E e : values) {
            if (e.option().equals(value.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown value '" + value + "'");
    }

    /** KTAB's name of each value (its XML and logs spell them so). */
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

    static String[] options(Named[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = values[i].option();
        }
        return s;
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
