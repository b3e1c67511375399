package org.parley.models.exchange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The exchange model in 28-digit decimals, rounding half-even after every operation: the arithmetic
 * of the Python code ({@code decimal.Decimal}, default context). It exists for exact replication:
 * where two gains are mathematically equal, the Python code's order is decided by rounding in the
 * 27th or 28th digit, which doubles cannot reproduce. Gains are ordered exactly and tie when they
 * differ by less than 1e-20; about 15 times slower than {@link DoubleArithmetic}.
 */
final class DecimalArithmetic implements Arithmetic<BigDecimal> {

    static final DecimalArithmetic INSTANCE = new DecimalArithmetic();

    static final MathContext MC = new MathContext(28, RoundingMode.HALF_EVEN);
    /** Inputs are doubles; 15 significant digits recover the decimal the data file states (0.35, not 0.35000000000000003). */
    private static final MathContext INPUT = new MathContext(15, RoundingMode.HALF_EVEN);
    /** The Python code compares with a float literal: its exact binary value. */
    private static final BigDecimal TIE = new BigDecimal(1e-20);

    private DecimalArithmetic() {
    }

    @Override
    public BigDecimal exact(double v) {
        return new BigDecimal(v);
    }

    @Override
    public BigDecimal stated(double v) {
        return BigDecimal.valueOf(v);
    }

    @Override
    public BigDecimal input(double v) {
        return BigDecimal.valueOf(v).round(INPUT);
    }

    @Override
    public BigDecimal add(BigDecimal a, BigDecimal b) {
        return a.add(b, MC);
    }

    @Override
    public BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return a.subtract(b, MC);
    }

    @Override
    public BigDecimal multiply(BigDecimal a, BigDecimal b) {
        return a.multiply(b, MC);
    }

    @Override
    public BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, MC);
    }

    @Override
    public BigDecimal negate(BigDecimal a) {
        return a.negate();
    }

    @Override
    public BigDecimal abs(BigDecimal a) {
        return a.abs();
    }

    @Override
    public boolean lt(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) < 0;
    }

    @Override
    public boolean le(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0;
    }

    @Override
    public boolean gt(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) > 0;
    }

    @Override
    public boolean ge(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0;
    }

    @Override
    public boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    @Override
    public boolean isZero(BigDecimal a) {
        return a.signum() == 0;
    }

    @Override
    public double toDouble(BigDecimal a) {
        return a == null ? Double.NaN : a.doubleValue();
    }

    @Override
    public BigDecimal[] newArray(int length) {
        return new BigDecimal[length];
    }

    @Override
    public BigDecimal[][] newMatrix(int rows, int columns) {
        return new BigDecimal[rows][columns];
    }

    @Override
    public long rank(BigDecimal gain) {
        return 0;
    }

    @Override
    public int compareEqualRanks(BigDecimal a, BigDecimal b) {
        return a.compareTo(b);
    }

    @Override
    public boolean tie(BigDecimal best, BigDecimal second) {
        return best.subtract(second, MC).abs().compareTo(TIE) < 0;
    }

    @Override
    public Sums<BigDecimal> sums(BigDecimal[][] x, BigDecimal[][] s, BigDecimal[][] c, int[][] order,
                                 boolean overshootAll) {
        return new DecimalSums(x, s, c, order, overshootAll);
    }

    /** The sums in decimals; position x salience x capability kept per actor for the start and current positions. */
    private static final class DecimalSums implements Sums<BigDecimal> {

        private final BigDecimal[][] s;
        private final BigDecimal[][] c;
        private final int[][] order;
        private final boolean overshootAll;
        private final BigDecimal[] denom;
        private final BigDecimal[][] xsc;
        private final BigDecimal[][] cursc;

        DecimalSums(BigDecimal[][] x, BigDecimal[][] s, BigDecimal[][] c, int[][] order, boolean overshootAll) {
            int n = x.length;
            int m = order.length;
            this.s = s;
            this.c = c;
            this.order = order;
            this.overshootAll = overshootAll;
            this.denom = new BigDecimal[m];
            this.xsc = new BigDecimal[n][m];
            this.cursc = new BigDecimal[n][m];
            for (int k = 0; k < m; k++) {
                BigDecimal d = BigDecimal.ZERO;
                for (int a : order[k]) {
                    d = d.add(s[a][k].multiply(c[a][k], MC), MC);
                    xsc[a][k] = product(x[a][k], a, k);
                    cursc[a][k] = xsc[a][k];
                }
                denom[k] = d;
            }
        }

        private BigDecimal product(BigDecimal pos, int a, int k) {
            return pos.multiply(s[a][k], MC).multiply(c[a][k], MC);
        }

        @Override
        public BigDecimal denom(int k) {
            return denom[k];
        }

        @Override
        public BigDecimal outcome(BigDecimal[][] pos, int k) {
            if (denom[k].signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal num = BigDecimal.ZERO;
            for (int a : order[k]) {
                num = num.add(product(pos[a][k], a, k), MC);
            }
            return num.divide(denom[k], MC);
        }

        @Override
        public BigDecimal adjustNbs(int k, int own, BigDecimal position, int[] index, int[] movers,
                                    BigDecimal[] recorded, int count) {
            if (denom[k].signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal num = BigDecimal.ZERO;
            for (int b : order[k]) {
                BigDecimal t;
                if (b == own) {
                    t = product(position, b, k);
                } else if (overshootAll) {
                    t = cursc[b][k];
                } else if (count > 0 && index[b] >= 0) {
                    t = product(recorded[index[b]], b, k);
                } else {
                    t = xsc[b][k];
                }
                num = num.add(t, MC);
            }
            return num.divide(denom[k], MC);
        }

        @Override
        public BigDecimal moveSum(int k, int own, BigDecimal from, int[] index, int[] movers, BigDecimal[] recorded,
                                  int count) {
            BigDecimal num = BigDecimal.ZERO;
            for (int b : order[k]) {
                BigDecimal t;
                if (overshootAll) {
                    t = b == own ? product(from, b, k) : cursc[b][k];
                } else if (index[b] >= 0) {
                    t = product(recorded[index[b]], b, k);
                } else {
                    t = b == own ? product(from, b, k) : xsc[b][k];
                }
                num = num.add(t, MC);
            }
            return num;
        }

        @Override
        public void moved(int actor, int k, BigDecimal position) {
            cursc[actor][k] = product(position, actor, k);
        }
    }
}
