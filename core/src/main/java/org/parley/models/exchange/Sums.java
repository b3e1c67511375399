package org.parley.models.exchange;

/**
 * The sums over the actors of one issue that a round of the exchange model needs, on the round's
 * start positions: the outcome's denominator and numerator, and the two sums of the overshoot check
 * in which one actor stands elsewhere and others stand where earlier exchanges moved them. Each
 * arithmetic writes them on its own storage (primitive arrays for doubles), in the actor order the
 * Python code sums in, {@code x * s * c} multiplied in that order. Numbers are values of the
 * arithmetic (see {@link Arithmetic}).
 *
 * <p>A candidate's recorded positions of other actors on the issue are passed as {@code index}
 * (per actor, the slot of its recorded position in {@code recorded}, or -1), {@code firstMover}
 * (the first place in the actor order of an actor with a recorded position, or
 * {@link Integer#MAX_VALUE}), {@code recorded} and {@code count} (slots used).
 */
interface Sums {

    /** Sum of capability x salience on issue {@code k}. */
    double denom(int k);

    /** The capability x salience weighted mean of {@code pos} on issue {@code k} (0 when no weight). */
    double outcome(double[][] pos, int k);

    /**
     * The outcome on issue {@code k} with actor {@code own} at {@code position}, the others at their
     * recorded position, else at the round's start ({@code adjust_nbs}); with {@code overshoot=all}
     * the others at their current voting positions.
     */
    double adjustNbs(int k, int own, double position, int[] index, int firstMover, double[] recorded, int count);

    /**
     * {@link #adjustNbs} at two positions of {@code own} (the overshoot check's before and after),
     * into {@code out[0]} and {@code out[1]}: each the same sum, to the bit, as {@code adjustNbs}.
     */
    default void adjustNbsPair(int k, int own, double position0, double position1, int[] index, int firstMover,
                               double[] recorded, int count, double[] out) {
        out[0] = adjustNbs(k, own, position0, index, firstMover, recorded, count);
        out[1] = adjustNbs(k, own, position1, index, firstMover, recorded, count);
    }

    /**
     * The numerator of the outcome on issue {@code k} as {@code adjusted_nbs_by_position} sums it: a
     * recorded position comes before the actor's own {@code from}.
     */
    double moveSum(int k, int own, double from, int[] index, int firstMover, double[] recorded, int count);

    /**
     * The sums of the next round, on start positions {@code x}, made in this object's storage
     * where the arithmetic can (doubles); the arithmetic's {@code sums} otherwise.
     */
    default Sums restart(double[][] x) {
        throw new UnsupportedOperationException("made anew each round");
    }

    /** An exchange was realised: {@code actor} now votes {@code position} on issue {@code k}. */
    void moved(int actor, int k, double position);
}
