package org.parley.models.exchange;

import java.util.List;

import org.parley.engine.ErrorCode;
import org.parley.engine.ModelOptions;
import org.parley.engine.Option;
import org.parley.engine.ParleyException;

/**
 * The exchange model's resolved options.
 *
 * @param sumRule        reject an exchange when the signed sum of the moves recorded for an actor-issue
 *                       in the round exceeds 100 (the Python code's rule)
 * @param ties           how equal gains are broken
 * @param overshootAll   the overshoot check uses every current voting position, not only the ones the
 *                       candidate recorded
 * @param decimal        compute in 28-digit decimals as the Python code does, instead of doubles
 * @param p              random exchange rates: 0 is the Equal Gain model, up to 1
 * @param fixedWeight    the fixed part of the preference shift
 * @param salienceWeight the salience part of the preference shift
 */
record ExchangeSettings(boolean sumRule, Ties ties, boolean overshootAll, boolean decimal, double p,
                        double fixedWeight, double salienceWeight) {

    enum Ties {
        /** Coin flip between the two best when their gains are equal, as the Python code does it. */
        RANDOM,
        /** Coin flip without the Python code's re-queueing of the losing candidate. */
        COIN,
        /** No coin: the stable order of the candidates (the reference files' "no random ties" runs). */
        ORDERED
    }

    static final Option<String> PRESET = Option.text(ModelOptions.PRESET, "decide", "named reading: decide (the Python "
            + "code), decide-ordered (its no-random-ties runs), r-port (the R port and the older COP21 list)",
            "decide", "decide-ordered", "r-port");
    static final Option<Boolean> SUM_RULE = Option.onOff("sum-rule", true, "reject an exchange when the moves "
            + "recorded for an actor-issue in the round sum to more than 100 (Python only)");
    static final Option<Ties> TIES = Option.choice("ties", Ties.RANDOM, "equal best gains: random = seeded coin flip "
            + "as the Python code (which re-queues the loser), coin = coin flip without that, ordered = stable order",
            Ties.RANDOM, Ties.COIN, Ties.ORDERED);
    static final Option<Boolean> OVERSHOOT_ALL = Option.flag("overshoot", "updates", "positions the overshoot check "
            + "uses: updates = the moves the candidate recorded (Python), all = every current voting position", "all",
            "updates", "all");
    static final Option<Boolean> DECIMAL = Option.flag("arithmetic", "double", "double = fast; decimal = 28-digit "
            + "decimals as the Python code, which also reproduces its order among gains equal up to rounding", "decimal",
            "double", "decimal");
    static final Option<Double> P = Option.number("p", 0, "random exchange rates (REX) in [0, 1]; 0 = Equal Gain");
    static final Option<Double> FIXED_WEIGHT = Option.number("fixed-weight", 0.1, "preference shift, fixed part of "
            + "w = fixed + salience-part (1 - s)");
    static final Option<Double> SALIENCE_WEIGHT = Option.number("salience-weight", 0.4, "preference shift, salience "
            + "part");
    /** Every option of the model, in the order {@code parley models} lists them. */
    static final List<Option<?>> OPTIONS = List.of(PRESET, SUM_RULE, TIES, OVERSHOOT_ALL, DECIMAL, P, FIXED_WEIGHT,
            SALIENCE_WEIGHT);

    ExchangeSettings {
        if (!(p >= 0 && p <= 1)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "model 'exchange': option 'p' must be in [0, 1], was " + p);
        }
        if (!(fixedWeight >= 0 && salienceWeight >= 0 && fixedWeight + salienceWeight <= 1)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "model 'exchange': options 'fixed-weight' ("
                    + fixedWeight + ") and 'salience-weight' (" + salienceWeight
                    + ") must be >= 0 and sum to at most 1");
        }
    }

    static ExchangeSettings from(ModelOptions o) {
        return new ExchangeSettings(o.get(SUM_RULE), o.get(TIES), o.get(OVERSHOOT_ALL), o.get(DECIMAL), o.get(P),
                o.get(FIXED_WEIGHT), o.get(SALIENCE_WEIGHT));
    }
}
