package org.parley.models.exchange;

/**
 * The arithmetic the exchange model computes in: the operations its formulas use, the way a
 * candidate's gain is ranked and tested for a tie, and the sums over actors ({@link Sums}), which
 * each arithmetic writes on its own storage because they are the hot loops. {@link Engine},
 * {@link Candidate} and {@link Side} are written once over {@code T} (as Hipparchus writes its
 * {@code Field} twins once); {@link DoubleArithmetic} and {@link DecimalArithmetic} are the two
 * instances.
 *
 * <p>The comparisons are predicates rather than one {@code compareTo} so that the double
 * arithmetic keeps the primitive operators' meaning exactly (a NaN compares false both ways).
 *
 * @param <T> the number type
 */
interface Arithmetic<T> {

    /** The exact value of a double (constants and random draws). */
    T exact(double v);

    /** A value the user stated (data files, options): as stated, not its binary approximation. */
    T stated(double v);

    /** A value read from the data (positions, saliences, capabilities, scale ends). */
    T input(double v);

    T add(T a, T b);

    T subtract(T a, T b);

    T multiply(T a, T b);

    T divide(T a, T b);

    T negate(T a);

    T abs(T a);

    boolean lt(T a, T b);

    boolean le(T a, T b);

    boolean gt(T a, T b);

    boolean ge(T a, T b);

    /** {@code a == b}. */
    boolean same(T a, T b);

    boolean isZero(T a);

    double toDouble(T a);

    T[] newArray(int length);

    T[][] newMatrix(int rows, int columns);

    /**
     * The rank of a gain: candidates are realised highest rank first; equal ranks are then ordered
     * by {@link #compareEqualRanks}, then by their place in the list.
     */
    long rank(T gain);

    /** Orders two gains of equal {@link #rank} (0 when the rank says all). */
    int compareEqualRanks(T a, T b);

    /** Whether the two best gains tie (a coin decides between them). */
    boolean tie(T best, T second);

    /** The sums of one round over the start positions {@code x}. */
    Sums<T> sums(T[][] x, T[][] s, T[][] c, int[][] order, boolean overshootAll);
}
