package org.parley.models.exchange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The exchange model in 28-digit decimals, rounding half-even after every operation: the arithmetic
 * of the Python code ({@code decimal.Decimal}, default context). It exists for exact replication:
 * where two gains are mathematically equal, the Python code's order is decided by rounding in the
 * 27th or 28th digit, which doubles cannot reproduce. Gains are ordered exactly and tie when they
 * differ by less than 1e-20; about 15 times slower than {@link DoubleArithmetic}.
 *
 * <p>A value of this arithmetic (see {@link Arithmetic}) is the index of its decimal in the run's
 * table, which grows with every operation; a candidate's computation and a round let go of their
 * temporaries ({@link #compact}). One instance per run: the table is not shared between threads.
 */
final class DecimalArithmetic implements Arithmetic {

    static final MathContext MC = new MathContext(28, RoundingMode.HALF_EVEN);
    /** Inputs are doubles; 15 significant digits recover the decimal the data file states (0.35, not 0.35000000000000003). */
    private static final MathContext INPUT = new MathContext(15, RoundingMode.HALF_EVEN);
    /** The Python code compares with a float literal: its exact binary value. */
    private static final BigDecimal TIE = new BigDecimal(1e-20);

    private BigDecimal[] table = new BigDecimal[1024];
    private int size;
    /** What {@link #compact} let go of, and the new reference of each value kept since (-1: none yet). */
    private BigDecimal[] dropped = new BigDecimal[0];
    private int[] moved = new int[0];
    private int compactMark;
    private int droppedCount;

    /** The decimal of a value. */
    BigDecimal get(double v) {
        return table[(int) v];
    }

    /** A new value for a decimal. */
    double of(BigDecimal d) {
        if (size == table.length) {
            table = Arrays.copyOf(table, size * 2);
        }
        table[size] = d;
        return size++;
    }

    @Override
    public int mark() {
        return size;
    }

    @Override
    public void compact(int mark) {
        int count = size - mark;
        if (dropped.length < count) {
            dropped = new BigDecimal[Math.max(count, dropped.length * 2)];
            moved = new int[dropped.length];
        }
        System.arraycopy(table, mark, dropped, 0, count);
        Arrays.fill(moved, 0, count, -1);
        Arrays.fill(table, mark, size, null);
        compactMark = mark;
        droppedCount = count;
        size = mark;
    }

    @Override
    public double keep(double v) {
        if (Double.isNaN(v) || v < compactMark) {
            return v;
        }
        int t = (int) v - compactMark;
        if (t >= droppedCount) {
            throw new IllegalStateException("value " + v + " made after the compaction");
        }
        if (moved[t] < 0) {
            moved[t] = (int) of(dropped[t]);
        }
        return moved[t];
    }

    @Override
    public double exact(double v) {
        return of(new BigDecimal(v));
    }

    @Override
    public double stated(double v) {
        return of(BigDecimal.valueOf(v));
    }

    @Override
    public double input(double v) {
        return of(BigDecimal.valueOf(v).round(INPUT));
    }

    @Override
    public double add(double a, double b) {
        return of(get(a).add(get(b), MC));
    }

    @Override
    public double subtract(double a, double b) {
        return of(get(a).subtract(get(b), MC));
    }

    @Override
    public double multiply(double a, double b) {
        return of(get(a).multiply(get(b), MC));
    }

    @Override
    public double divide(double a, double b) {
        return of(get(a).divide(get(b), MC));
    }

    @Override
    public double negate(double a) {
        return of(get(a).negate());
    }

    @Override
    public double abs(double a) {
        return of(get(a).abs());
    }

    @Override
    public boolean lt(double a, double b) {
        return get(a).compareTo(get(b)) < 0;
    }

    @Override
    public boolean le(double a, double b) {
        return get(a).compareTo(get(b)) <= 0;
    }

    @Override
    public boolean gt(double a, double b) {
        return get(a).compareTo(get(b)) > 0;
    }

    @Override
    public boolean ge(double a, double b) {
        return get(a).compareTo(get(b)) >= 0;
    }

    @Override
    public boolean same(double a, double b) {
        return get(a).compareTo(get(b)) == 0;
    }

    @Override
    public boolean isZero(double a) {
        return get(a).signum() == 0;
    }

    @Override
    public double toDouble(double a) {
        return Double.isNaN(a) ? Double.NaN : get(a).doubleValue();
    }

    @Override
    public long rank(double gain) {
        return 0;
    }

    @Override
    public int compareEqualRanks(double a, double b) {
        return get(a).compareTo(get(b));
    }

    @Override
    public boolean tie(double best, double second) {
        return get(best).subtract(get(second), MC).abs().compareTo(TIE) < 0;
    }

    @Override
    public Sums sums(double[][] x, double[][] s, double[][] c, int[][] order, int[][] place,
                     boolean overshootAll) {
        return new DecimalSums(this, x, s, c, order, overshootAll);
    }

    /**
     * The sums in decimals; position x salience x capability kept per actor for the start and
     * current positions. Reads values and gives new ones through the arithmetic's table.
     */
    private static final class DecimalSums implements Sums {

        private final DecimalArithmetic a;
        private final BigDecimal[][] s;
        private final BigDecimal[][] c;
        private final int[][] order;
        private final boolean overshootAll;
        private final BigDecimal[] denom;
        /** {@link #denom} as values of the table. */
        private final double[] denomValue;
        private final BigDecimal[][] xsc;
        private final BigDecimal[][] cursc;

        DecimalSums(DecimalArithmetic a, double[][] x, double[][] s, double[][] c, int[][] order,
                    boolean overshootAll) {
            int n = x.length;
            int m = order.length;
            this.a = a;
            this.s = new BigDecimal[n][m];
            this.c = new BigDecimal[n][m];
            this.order = order;
            this.overshootAll = overshootAll;
            this.denom = new BigDecimal[m];
            this.denomValue = new double[m];
            this.xsc = new BigDecimal[n][m];
            this.cursc = new BigDecimal[n][m];
            for (int k = 0; k < m; k++) {
                BigDecimal d = BigDecimal.ZERO;
                for (int i : order[k]) {
                    this.s[i][k] = a.get(s[i][k]);
                    this.c[i][k] = a.get(c[i][k]);
                    d = d.add(this.s[i][k].multiply(this.c[i][k], MC), MC);
                    xsc[i][k] = product(a.get(x[i][k]), i, k);
                    cursc[i][k] = xsc[i][k];
                }
                denom[k] = d;
                denomValue[k] = a.of(d);
            }
        }

        private BigDecimal product(BigDecimal pos, int i, int k) {
            return pos.multiply(s[i][k], MC).multiply(c[i][k], MC);
        }

        @Override
        public double denom(int k) {
            return denomValue[k];
        }

        @Override
        public double outcome(double[][] pos, int k) {
            if (denom[k].signum() == 0) {
                return a.of(BigDecimal.ZERO);
            }
            BigDecimal num = BigDecimal.ZERO;
            for (int i : order[k]) {
                num = num.add(product(a.get(pos[i][k]), i, k), MC);
            }
            return a.of(num.divide(denom[k], MC));
        }

        @Override
        public double adjustNbs(int k, int own, double position, int[] index, int firstMover, double[] recorded,
                                int count) {
            if (denom[k].signum() == 0) {
                return a.of(BigDecimal.ZERO);
            }
            BigDecimal num = BigDecimal.ZERO;
            for (int b : order[k]) {
                BigDecimal t;
                if (b == own) {
                    t = product(a.get(position), b, k);
                } else if (overshootAll) {
                    t = cursc[b][k];
                } else if (count > 0 && index[b] >= 0) {
                    t = product(a.get(recorded[index[b]]), b, k);
                } else {
                    t = xsc[b][k];
                }
                num = num.add(t, MC);
            }
            return a.of(num.divide(denom[k], MC));
        }

        @Override
        public double moveSum(int k, int own, double from, int[] index, int firstMover, double[] recorded, int count) {
            BigDecimal num = BigDecimal.ZERO;
            for (int b : order[k]) {
                BigDecimal t;
                if (overshootAll) {
                    t = b == own ? product(a.get(from), b, k) : cursc[b][k];
                } else if (index[b] >= 0) {
                    t = product(a.get(recorded[index[b]]), b, k);
                } else {
                    t = b == own ? product(a.get(from), b, k) : xsc[b][k];
                }
                num = num.add(t, MC);
            }
            return a.of(num);
        }

        @Override
        public void moved(int actor, int k, double position) {
            cursc[actor][k] = product(a.get(position), actor, k);
        }
    }
}
