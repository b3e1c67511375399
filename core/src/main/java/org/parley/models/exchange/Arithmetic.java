package org.parley.models.exchange;

/**
 * The arithmetic the exchange model computes in: the operations its formulas use, the way a
 * candidate's gain is ranked and tested for a tie, and the sums over actors ({@link Sums}), which
 * each arithmetic writes on its own storage because they are the hot loops. {@link Engine},
 * {@link Candidate} and {@link Side} are written once over it; {@link DoubleArithmetic} and
 * {@link DecimalArithmetic} are the two instances.
 *
 * <p>Every number of the engine is a primitive {@code double} <em>value</em> of the arithmetic:
 * for doubles the number itself (the operations inline to the primitive operators: no boxing, no
 * allocation), for decimals a reference to a 28-digit decimal in the run's table. A value made by
 * one arithmetic means nothing to the other. The table grows with every operation; {@link #mark},
 * {@link #compact} and {@link #keep} let a computation go of its temporaries (no-ops in doubles).
 *
 * <p>The comparisons are predicates rather than one {@code compareTo} so that the double
 * arithmetic keeps the primitive operators' meaning exactly (a NaN compares false both ways).
 */
interface Arithmetic {

    /** The exact value of a double (constants and random draws). */
    double exact(double v);

    /** A value the user stated (data files, options): as stated, not its binary approximation. */
    double stated(double v);

    /** A value read from the data (positions, saliences, capabilities, scale ends). */
    double input(double v);

    double add(double a, double b);

    double subtract(double a, double b);

    double multiply(double a, double b);

    double divide(double a, double b);

    double negate(double a);

    double abs(double a);

    boolean lt(double a, double b);

    boolean le(double a, double b);

    boolean gt(double a, double b);

    boolean ge(double a, double b);

    /** {@code a == b}. */
    boolean same(double a, double b);

    boolean isZero(double a);

    /** The number as a double; {@link Double#NaN} stands for "none" in both arithmetics. */
    double toDouble(double a);

    /**
     * The rank of a gain: candidates are realised highest rank first; equal ranks are then ordered
     * by {@link #compareEqualRanks}, then by their place in the list.
     */
    long rank(double gain);

    /** Orders two gains of equal {@link #rank} (0 when the rank says all). */
    int compareEqualRanks(double a, double b);

    /** Whether the two best gains tie (a coin decides between them). */
    boolean tie(double best, double second);

    /**
     * The sums of one round over the start positions {@code x}; {@code place[k][i]} is actor
     * {@code i}'s place in {@code order[k]}.
     */
    Sums sums(double[][] x, double[][] s, double[][] c, int[][] order, int[][] place, boolean overshootAll);

    /** A point in the table of values (see {@link #compact}); -1 when there is no table (doubles). */
    int mark();

    /**
     * Lets go of every value made since {@code mark} except those then passed to {@link #keep}
     * (before any new value is made), which get new references.
     */
    void compact(int mark);

    /** The reference, after {@link #compact}, of a value to keep; values older than the mark stay as they are. */
    double keep(double v);
}
