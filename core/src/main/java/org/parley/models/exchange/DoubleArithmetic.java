package org.parley.models.exchange;

import org.parley.engine.Grids;

/**
 * The exchange model in doubles: the default, fast. Gains are ranked on a grid of 1e-12: the Python
 * code computes in 28-digit Decimal, where mathematically equal gains are mostly exactly equal,
 * while in doubles they may differ in the last bit; on the grid they stay equal, so the order and
 * the tie test treat them as the Python code does (except where Decimal's own rounding noise
 * decides, see the README and {@link DecimalArithmetic}).
 */
final class DoubleArithmetic implements Arithmetic {

    static final DoubleArithmetic INSTANCE = new DoubleArithmetic();

    static final double GAIN_GRID = 1e12;

    private DoubleArithmetic() {
    }

    @Override
    public double exact(double v) {
        return v;
    }

    @Override
    public double stated(double v) {
        return v;
    }

    @Override
    public double input(double v) {
        return v;
    }

    @Override
    public double add(double a, double b) {
        return a + b;
    }

    @Override
    public double subtract(double a, double b) {
        return a - b;
    }

    @Override
    public double multiply(double a, double b) {
        return a * b;
    }

    @Override
    public double divide(double a, double b) {
        return a / b;
    }

    @Override
    public double negate(double a) {
        return -a;
    }

    @Override
    public double abs(double a) {
        return Math.abs(a);
    }

    @Override
    public boolean lt(double a, double b) {
        return a < b;
    }

    @Override
    public boolean le(double a, double b) {
        return a <= b;
    }

    @Override
    public boolean gt(double a, double b) {
        return a > b;
    }

    @Override
    public boolean ge(double a, double b) {
        return a >= b;
    }

    @Override
    public boolean same(double a, double b) {
        return a == b;
    }

    @Override
    public boolean isZero(double a) {
        return a == 0;
    }

    @Override
    public double toDouble(double a) {
        return a;
    }

    @Override
    public long rank(double gain) {
        return Math.round(gain * GAIN_GRID);
    }

    @Override
    public int compareEqualRanks(double a, double b) {
        return 0;
    }

    @Override
    public boolean tie(double best, double second) {
        return rank(best) == rank(second);
    }

    @Override
    public Sums sums(double[][] x, double[][] s, double[][] c, int[][] order, int[][] place,
                     boolean overshootAll) {
        return new DoubleSums(x, s, c, order, place, overshootAll);
    }

    @Override
    public int mark() {
        return -1; // no table: nothing to let go of
    }

    @Override
    public void compact(int mark) {
    }

    @Override
    public double keep(double v) {
        return v;
    }

    /**
     * The sums on primitive arrays: the hot loops of the double engine. A sum in which one actor's
     * term differs from the round's start starts from the start terms' running sum just before the
     * first differing actor (the same additions in the same order, so the same bits).
     */
    private static final class DoubleSums implements Sums {

        private final double[][] s;
        private final double[][] c;
        private final int[][] order;
        private final boolean overshootAll;
        private final double[] denom;
        /** Per issue, in {@link #order}: start position x salience x capability. */
        private final double[][] xsc;
        /** Per issue: the running sum of {@link #xsc} before each place (and after the last). */
        private final double[][] prefix;
        /** Per issue, in {@link #order}: start position. */
        private final double[][] startAt;
        /** Per issue and actor: the actor's place in {@link #order}. */
        private final int[][] place;
        /** Current voting positions (read with {@code overshoot=all}). */
        private final double[][] cur;

        DoubleSums(double[][] x, double[][] s0, double[][] c0, int[][] order, int[][] place, boolean overshootAll) {
            int n = x.length;
            int m = order.length;
            this.order = order;
            this.overshootAll = overshootAll;
            this.s = s0;
            this.c = c0;
            this.cur = Grids.doubles(n, m);
            this.denom = new double[m];
            this.xsc = new double[m][];
            this.prefix = new double[m][];
            this.startAt = new double[m][];
            this.place = place;
            for (int k = 0; k < m; k++) {
                int len = order[k].length;
                xsc[k] = new double[len];
                prefix[k] = new double[len + 1];
                startAt[k] = new double[len];
            }
            fill(x);
        }

        @Override
        public Sums restart(double[][] x) {
            fill(x);
            return this;
        }

        /** The sums on start positions {@code x}, into this object's arrays. */
        private void fill(double[][] x) {
            for (int k = 0; k < order.length; k++) {
                int[] ok = order[k];
                double d = 0;
                double run = 0;
                double[] t = xsc[k];
                double[] pre = prefix[k];
                double[] st = startAt[k];
                for (int u = 0; u < ok.length; u++) {
                    int a = ok[u];
                    cur[a][k] = x[a][k];
                    st[u] = cur[a][k];
                    d += s[a][k] * c[a][k];
                    t[u] = cur[a][k] * s[a][k] * c[a][k];
                    pre[u] = run;
                    run += t[u];
                }
                pre[ok.length] = run;
                denom[k] = d;
            }
        }

        @Override
        public double denom(int k) {
            return denom[k];
        }

        @Override
        public double outcome(double[][] pos, int k) {
            if (denom[k] == 0) {
                return 0.0;
            }
            double num = 0;
            for (int a : order[k]) {
                num += pos[a][k] * s[a][k] * c[a][k];
            }
            return num / denom[k];
        }

        /** The first place on issue {@code k} whose term may differ from the start's. */
        private int firstChanged(int k, int own, int firstMover) {
            return Math.min(place[k][own], firstMover);
        }

        @Override
        public double adjustNbs(int k, int own, double position, int[] index, int firstMover, double[] recorded,
                                int count) {
            double den = denom[k];
            if (den == 0) {
                return 0.0;
            }
            double pos = position;
            int[] ok = order[k];
            if (overshootAll) {
                double num = 0;
                for (int b : ok) {
                    double x = b == own ? pos : cur[b][k];
                    num += x * s[b][k] * c[b][k];
                }
                return num / den;
            }
            int first = firstChanged(k, own, firstMover);
            double num = prefix[k][first];
            double[] t = xsc[k];
            if (count == 0) {
                if (Double.doubleToRawLongBits(pos) == Double.doubleToRawLongBits(startAt[k][first])) {
                    return prefix[k][ok.length] / den; // every term the start's: the same additions
                }
                num += pos * s[own][k] * c[own][k];
                for (int u = first + 1; u < ok.length; u++) {
                    num += t[u];
                }
                return num / den;
            }
            for (int u = first; u < ok.length; u++) {
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
            return num / den;
        }

        /** Both sums in one pass: two independent chains of the same additions, so each keeps its bits. */
        @Override
        public void adjustNbsPair(int k, int own, double position0, double position1, int[] index, int firstMover,
                                  double[] recorded, int count, double[] out) {
            int first = firstChanged(k, own, firstMover);
            double start = startAt[k][first];
            double p0 = position0;
            double p1 = position1;
            if (overshootAll || denom[k] == 0 || (count == 0 && (Double.doubleToRawLongBits(p0)
                    == Double.doubleToRawLongBits(start) || Double.doubleToRawLongBits(p1)
                    == Double.doubleToRawLongBits(start)))) {
                Sums.super.adjustNbsPair(k, own, position0, position1, index, firstMover, recorded, count, out);
                return;
            }
            int[] ok = order[k];
            double[] t = xsc[k];
            double num0 = prefix[k][first];
            double num1 = num0;
            for (int u = first; u < ok.length; u++) {
                int b = ok[u];
                int r;
                if (b == own) {
                    num0 += p0 * s[b][k] * c[b][k];
                    num1 += p1 * s[b][k] * c[b][k];
                } else {
                    double x = count > 0 && (r = index[b]) >= 0 ? recorded[r] * s[b][k] * c[b][k] : t[u];
                    num0 += x;
                    num1 += x;
                }
            }
            out[0] = num0 / denom[k];
            out[1] = num1 / denom[k];
        }

        @Override
        public double moveSum(int k, int own, double from, int[] index, int firstMover, double[] recorded, int count) {
            double f = from;
            int[] ok = order[k];
            if (overshootAll) {
                double num = 0;
                for (int b : ok) {
                    double x = b == own ? f : cur[b][k];
                    num += x * s[b][k] * c[b][k];
                }
                return num;
            }
            int first = firstChanged(k, own, firstMover);
            double num = prefix[k][first];
            double[] t = xsc[k];
            for (int u = first; u < ok.length; u++) {
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
            return num;
        }

        @Override
        public void moved(int actor, int k, double position) {
            cur[actor][k] = position;
        }
    }
}
