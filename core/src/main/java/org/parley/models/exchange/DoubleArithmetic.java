package org.parley.models.exchange;

/**
 * The exchange model in doubles: the default, fast. Gains are ranked on a grid of 1e-12: the Python
 * code computes in 28-digit Decimal, where mathematically equal gains are mostly exactly equal,
 * while in doubles they may differ in the last bit; on the grid they stay equal, so the order and
 * the tie test treat them as the Python code does (except where Decimal's own rounding noise
 * decides, see the README and {@link DecimalArithmetic}).
 */
final class DoubleArithmetic implements Arithmetic<Double> {

    static final DoubleArithmetic INSTANCE = new DoubleArithmetic();

    static final double GAIN_GRID = 1e12;

    private DoubleArithmetic() {
    }

    @Override
    public Double exact(double v) {
        return v;
    }

    @Override
    public Double stated(double v) {
        return v;
    }

    @Override
    public Double input(double v) {
        return v;
    }

    @Override
    public Double add(Double a, Double b) {
        return a + b;
    }

    @Override
    public Double subtract(Double a, Double b) {
        return a - b;
    }

    @Override
    public Double multiply(Double a, Double b) {
        return a * b;
    }

    @Override
    public Double divide(Double a, Double b) {
        return a / b;
    }

    @Override
    public Double negate(Double a) {
        return -a;
    }

    @Override
    public Double abs(Double a) {
        return Math.abs(a);
    }

    @Override
    public boolean lt(Double a, Double b) {
        return a < b;
    }

    @Override
    public boolean le(Double a, Double b) {
        return a <= b;
    }

    @Override
    public boolean gt(Double a, Double b) {
        return a > b;
    }

    @Override
    public boolean ge(Double a, Double b) {
        return a >= b;
    }

    @Override
    public boolean same(Double a, Double b) {
        return a.doubleValue() == b.doubleValue();
    }

    @Override
    public boolean isZero(Double a) {
        return a == 0;
    }

    @Override
    public double toDouble(Double a) {
        return a == null ? Double.NaN : a;
    }

    @Override
    public Double[] newArray(int length) {
        return new Double[length];
    }

    @Override
    public Double[][] newMatrix(int rows, int columns) {
        return new Double[rows][columns];
    }

    @Override
    public long rank(Double gain) {
        return Math.round(gain * GAIN_GRID);
    }

    @Override
    public int compareEqualRanks(Double a, Double b) {
        return 0;
    }

    @Override
    public boolean tie(Double best, Double second) {
        return rank(best) == rank(second);
    }

    @Override
    public Sums<Double> sums(Double[][] x, Double[][] s, Double[][] c, int[][] order, boolean overshootAll) {
        return new DoubleSums(x, s, c, order, overshootAll);
    }

    /** The sums on primitive arrays: the hot loops of the double engine. */
    private static final class DoubleSums implements Sums<Double> {

        private final double[][] s;
        private final double[][] c;
        private final int[][] order;
        private final boolean overshootAll;
        private final double[] denom;
        /** Per issue, in {@link #order}: start position x salience x capability. */
        private final double[][] xsc;
        /** Current voting positions (read with {@code overshoot=all}). */
        private final double[][] cur;

        DoubleSums(Double[][] x, Double[][] s0, Double[][] c0, int[][] order, boolean overshootAll) {
            int n = x.length;
            int m = order.length;
            this.order = order;
            this.overshootAll = overshootAll;
            this.s = new double[n][m];
            this.c = new double[n][m];
            this.cur = new double[n][m];
            for (int k = 0; k < m; k++) {
                for (int a : order[k]) {
                    s[a][k] = s0[a][k];
                    c[a][k] = c0[a][k];
                    cur[a][k] = x[a][k];
                }
            }
            this.denom = new double[m];
            this.xsc = new double[m][];
            for (int k = 0; k < m; k++) {
                double d = 0;
                int[] ok = order[k];
                double[] t = new double[ok.length];
                for (int u = 0; u < ok.length; u++) {
                    int a = ok[u];
                    d += s[a][k] * c[a][k];
                    t[u] = cur[a][k] * s[a][k] * c[a][k];
                }
                denom[k] = d;
                xsc[k] = t;
            }
        }

        @Override
        public Double denom(int k) {
            return denom[k];
        }

        @Override
        public Double outcome(Double[][] pos, int k) {
            if (denom[k] == 0) {
                return 0.0;
            }
            double num = 0;
            for (int a : order[k]) {
                num += pos[a][k] * s[a][k] * c[a][k];
            }
            return num / denom[k];
        }

        @Override
        public Double adjustNbs(int k, int own, Double position, int[] index, Double[] recorded, int recordedCount) {
            double den = denom[k];
            if (den == 0) {
                return 0.0;
            }
            double pos = position;
            double num = 0;
            int[] ok = order[k];
            if (overshootAll) {
                for (int b : ok) {
                    double x = b == own ? pos : cur[b][k];
                    num += x * s[b][k] * c[b][k];
                }
            } else if (recordedCount == 0) {
                double[] t = xsc[k];
                for (int u = 0; u < ok.length; u++) {
                    int b = ok[u];
                    num += b == own ? pos * s[b][k] * c[b][k] : t[u];
                }
            } else {
                double[] t = xsc[k];
                for (int u = 0; u < ok.length; u++) {
                    int b = ok[u];
                    int r;
                    if (b == own) {
                        num += pos * s[b][k] * c[b][k];
                    } else if ((r = index[b]) >= 0) {
                        num += recorded[r] * s[b][k] * c[b][k];
                    } else {
                        num += t[u];
                    }
                }
            }
            return num / den;
        }

        @Override
        public Double moveSum(int k, int own, Double from, int[] index, Double[] recorded) {
            double f = from;
            double num = 0;
            int[] ok = order[k];
            if (overshootAll) {
                for (int b : ok) {
                    double x = b == own ? f : cur[b][k];
                    num += x * s[b][k] * c[b][k];
                }
            } else {
                double[] t = xsc[k];
                for (int u = 0; u < ok.length; u++) {
                    int b = ok[u];
                    int r = index[b];
                    if (r >= 0) {
                        num += recorded[r] * s[b][k] * c[b][k];
                    } else if (b == own) {
                        num += f * s[b][k] * c[b][k];
                    } else {
                        num += t[u];
                    }
                }
            }
            return num;
        }

        @Override
        public void moved(int actor, int k, Double position) {
            cur[actor][k] = position;
        }
    }
}
