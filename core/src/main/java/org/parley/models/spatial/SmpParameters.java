package org.parley.models.spatial;

import java.util.Locale;
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

    /** An option value (the constant's name in kebab case) and KTAB's name for it. */
    interface Named {
        String name();

        String ktab();

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
        LINEAR("Linear"), SQUARE("Square"), QUARTIC("Quartic"),
        OCTIC("Octic"), BINARY("Binary");

        private final String ktab;

        VictoryProb(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /** Probabilistic Condorcet election variant (KTAB PCEModel). */
    enum Pce implements Named {
        CONDITIONAL("ConditionalPCM"), MARKOV_INCENTIVE("MarkovIPCM"),
        MARKOV_UNIFORM("MarkovUPCM");

        private final String ktab;

        Pce(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /** How an actor picks a bargain from its queue (KTAB StateTransitions). */
    enum Transitions implements Named {
        DETERMINISTIC("DeterminsticSTM"), STOCHASTIC("StochasticSTM");

        private final String ktab;

        Transitions(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /** Voting rule: how a utility difference becomes a vote (KTAB VotingRule). */
    enum Vote implements Named {
        BINARY("Binary"), PROP_BIN("PropBin"), PROP("Prop"),
        PROP_CBC("PropCbc"), CUBIC("Cubic"), ASYM_PROSP("ASymProsp");

        private final String ktab;

        Vote(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /** h's estimate of i's risk attitude (KTAB BigRAdjust). */
    enum RiskAdjust implements Named {
        NONE("None"), ONE_THIRD("OneThird"), HALF("Half"),
        TWO_THIRDS("TwoThirds"), FULL("Full");

        private final String ktab;

        RiskAdjust(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /** Range of the inferred risk attitudes (KTAB BigRRange). */
    enum RiskRange implements Named {
        MIN("Min"), MID("Mid"), MAX("Max");

        private final String ktab;

        RiskRange(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /** Third parties' commitment in the hypothetical contests (KTAB ThirdPartyCommit). */
    enum ThirdParty implements Named {
        NO_COMMIT("NoCommit"), SEMI_COMMIT("SemiCommit"),
        FULL_COMMIT("FullCommit");

        private final String ktab;

        ThirdParty(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /** Interpolation of a bargain between two vector positions (KTAB InterVecBrgn). */
    enum Interpolation implements Named {
        S1P1("S1P1"), S2P2("S2P2"), S2PMAX("S2PMax");

        private final String ktab;

        Interpolation(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /** Whose perspective forms the bargain (KTAB BargnModel). */
    enum BargainModel implements Named {
        INIT_ONLY("InitOnlyInterp"), INIT_RCVR("InitRcvrInterp"),
        PW_COMP("PWCompInterp");

        private final String ktab;

        BargainModel(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /**
     * The receiver's weight in the PWCompInterp compromise: KTAB uses the initiator's capability
     * times the receiver's salience ({@code ktab}, spec 2.6, a likely slip); {@code receiver} uses the
     * receiver's own capability.
     */
    enum PwCompWeight implements Named {
        KTAB("ktab"), RECEIVER("receiver");

        private final String ktab;

        PwCompWeight(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /**
     * What KTAB's InitRcvrInterp and PWCompInterp bargains use as "the receiver's estimate of the
     * probability that the initiator wins": KTAB's code takes the second element of the receiver's
     * probEduChlg result, which is the receiver's estimate of the initiator's expected gain
     * ({@code ktab}); {@code probability} uses the receiver's estimated probability.
     */
    enum ReceiverEstimate implements Named {
        KTAB("ktab"), PROBABILITY("probability");

        private final String ktab;

        ReceiverEstimate(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }

    /** Which number per issue Parley reports as the round's outcome and the forecast. */
    enum Forecast implements Named {
        EXPECTED("-"), MOST_LIKELY("-"), POWER_MEAN("-");

        private final String ktab;

        Forecast(String ktab) {
            this.ktab = ktab;
        }

        @Override
        public String ktab() {
            return ktab;
        }
    }
}
