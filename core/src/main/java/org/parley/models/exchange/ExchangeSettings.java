package org.parley.models.exchange;

import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ModelOptions;
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
        return new ExchangeSettings(
                o.getBoolean(ExchangeModel.SUM_RULE),
                Ties.valueOf(o.get(ExchangeModel.TIES).toUpperCase(Locale.ROOT)),
                o.get(ExchangeModel.OVERSHOOT).equals("all"),
                o.get(ExchangeModel.ARITHMETIC).equals("decimal"),
                o.getDouble(ExchangeModel.P),
                o.getDouble(ExchangeModel.FIXED_WEIGHT),
                o.getDouble(ExchangeModel.SALIENCE_WEIGHT));
    }
}
