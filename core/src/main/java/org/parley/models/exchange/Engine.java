package org.parley.models.exchange;

import java.util.List;

/**
 * Runs the rounds of the exchange model on the 0-100 working scale. Two implementations: doubles
 * (the default, fast) and 28-digit decimals (the Python code's arithmetic, for exact replication).
 */
interface Engine {

    /** Runs the next round from the current preferences and moves on to the shifted ones. */
    RoundOutput next();

    /** One side of a realised exchange, positions on the working scale. */
    record Supply(int actor, int supply, int demand, double from, double to, double gain) {
    }

    /** A realised exchange: its two sides and its equal gain. */
    record Realized(Supply i, Supply j, double gain) {
    }

    /**
     * What a round produced, on the working scale.
     *
     * @param start       outcome per issue on the round's start preferences
     * @param vote        voting positions [actor][issue] at the end of the round
     * @param voteOutcome outcome per issue on the voting positions
     * @param preference  outcome per issue on the shifted preferences the next round starts from
     * @param realized    the realised exchanges in order
     * @param ties        gain ties met
     */
    record RoundOutput(double[] start, double[][] vote, double[] voteOutcome, double[] preference,
                       List<Realized> realized, int ties) {
    }
}
