package org.parley.models.spatial;

import org.parley.engine.Grids;
import org.parley.models.spatial.SmpParameters.VictoryProb;
import org.parley.models.spatial.SmpParameters.Vote;

/**
 * KTAB's probabilistic Condorcet election (spec 2.4): votes, coalition strengths, victory
 * probabilities and the three PCE variants. The arithmetic follows KTAB's order of operations so
 * results agree to the last bit where KTAB's are deterministic.
 */
final class Pce {

    /** Minimum coalition strength (KTAB {@code Model::coalitions}). */
    static final double MIN_COALITION = 1e-8;

    private Pce() {
    }

    /** The vote of an actor with weight {@code w} for option a over b, utilities {@code ua}, {@code ub}. */
    static double vote(Vote rule, double w, double ua, double ub) {
        final double du = ua - ub;
        switch (rule) {
            case PROP:
                return w * du;
            case BINARY:
                return w * binary(du);
            case PROP_BIN:
                return w * ((1 - 0.2) * du + 0.2 * binary(du));
            case PROP_CBC:
                return w * ((1 - 0.5) * du + 0.5 * (du * du * du));
            case CUBIC:
                return w * (du * du * du);
            case ASYM_PROSP:
                if (du < 0.0) {
                    return w * du;
                }
                if (0.0 < du) {
                    return (2.0 * w * du) / 3.0;
                }
                return 0.0;
            default:
                throw new IllegalStateException("voting rule " + rule);
        }
    }

    /** KTAB's binary response: the difference over 1e-8, clipped to [-1, 1]. */
    private static double binary(double du) {
        double rBin = du / 1e-8;
        rBin = (rBin > +1) ? +1 : rBin;
        rBin = (rBin < -1) ? -1 : rBin;
        return rBin;
    }

    /** Probability that the side of strength {@code s1} beats the side of strength {@code s2}. */
    static double victory(VictoryProb law, double s1, double s2) {
        return share(law, s1, s2, true);
    }

    /** The complementary probability as KTAB computes it ({@code x2 / (x1 + x2)}, not {@code 1 - p}). */
    private static double victoryOther(VictoryProb law, double s1, double s2) {
        return share(law, s1, s2, false);
    }

    /** The victory law's weights x1, x2 of the two strengths; the share of the first side or of the second. */
    private static double share(VictoryProb law, double s1, double s2, boolean first) {
        double x1;
        double x2;
        switch (law) {
            case LINEAR:
                x1 = s1;
                x2 = s2;
                break;
            case SQUARE:
                x1 = s1 * s1;
                x2 = s2 * s2;
                break;
            case QUARTIC:
                x1 = s1 * s1 * s1 * s1;
                x2 = s2 * s2 * s2 * s2;
                break;
            case OCTIC: {
                double q1 = s1 * s1 * s1 * s1;
                double q2 = s2 * s2 * s2 * s2;
                x1 = q1 * q1;
                x2 = q2 * q2;
                break;
            }
            case BINARY: {
                final double thresh = 1.10;
                if (s1 >= thresh * s2) {
                    x1 = 1.0;
                    x2 = 1e-6;
                } else if (s2 >= thresh * s1) {
                    x1 = 1e-6;
                    x2 = 1.0;
                } else {
                    double r12 = s1 / (s1 + s2);
                    double p12 = (r12 * (thresh + 1.0) - 1.0) / (thresh - 1.0);
                    x1 = p12;
                    x2 = 1 - p12;
                }
                break;
            }
            default:
                throw new IllegalStateException("victory law " + law);
        }
        return (first ? x1 : x2) / (x1 + x2);
    }

    /**
     * Coalition strengths {@code c[a][b]} for option a against b over {@code numOpt} options, from
     * voters' weights {@code w} and utilities {@code u[voter][option]} (KTAB {@code Model::coalitions}).
     */
    static void coalitions(Vote rule, double[] w, double[][] u, int numAct, int numOpt, double[][] c) {
        coalitions(rule, w, u, numAct, numOpt, c, null, 1);
    }

    /**
     * The same, rows of options split over {@code threads} threads of {@code pool} (null: this
     * thread). Each strength is the sum KTAB adds, voter by voter in order (a vote that is not
     * positive adds +0.0, which leaves a sum of positive strengths unchanged), so the doubles do not
     * depend on the thread count. Proportional voting (KTAB's default) runs voters outside and
     * rival options inside, so one option's sums against all others advance side by side over a
     * voter's row of utilities (a loop the JIT vectorises); other rules read the utilities
     * transposed, one option's row at a time.
     */
    static void coalitions(Vote rule, double[] w, double[][] u, int numAct, int numOpt, double[][] c,
                           java.util.concurrent.ExecutorService pool, int threads) {
        final double[][] uT;
        if (rule == Vote.PROP) {
            uT = null;
        } else {
            uT = Grids.doubles(numOpt, numAct);
            for (int k = 0; k < numAct; k++) {
                double[] uk = u[k];
                for (int o = 0; o < numOpt; o++) {
                    uT[o][k] = uk[o];
                }
            }
        }
        if (pool == null || threads < 2 || numOpt < 64) {
            rows(rule, w, u, uT, numAct, numOpt, 0, 1, c);
            return;
        }
        java.util.List<java.util.concurrent.Callable<Void>> tasks = new java.util.ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int first = t;
            tasks.add(() -> {
                rows(rule, w, u, uT, numAct, numOpt, first, threads, c);
                return null;
            });
        }
        SmpThreads.runAll(pool, tasks, "coalitions");
    }

    /** Rows {@code first, first + stride, ...} of the coalition strengths (interleaved rows balance the triangle). */
    private static void rows(Vote rule, double[] w, double[][] u, double[][] uT, int numAct, int numOpt, int first,
                             int stride, double[][] c) {
        if (rule == Vote.PROP) {
            propRows(w, u, numAct, numOpt, first, stride, c);
            return;
        }
        for (int i = first; i < numOpt; i += stride) {
            double[] ui = uT[i];
            for (int j = 0; j < i; j++) {
                double[] uj = uT[j];
                double cij = MIN_COALITION;
                double cji = MIN_COALITION;
                for (int k = 0; k < numAct; k++) {
                    double v = vote(rule, w[k], ui[k], uj[k]);
                    cij = cij + (v > 0 ? v : 0.0);
                    cji = cji - (v < 0 ? v : 0.0);
                }
                c[i][j] = cij;
                c[j][i] = cji;
            }
            c[i][i] = MIN_COALITION;
        }
    }

    /**
     * Proportional voting: for option i, every j < i at once, voter by voter. With v finite,
     * {@code pos = (v + |v|) * 0.5} is exactly KTAB's {@code v > 0 ? v : 0.0} and {@code v - pos}
     * exactly {@code v < 0 ? v : 0.0} (-0.0 for v = -0.0, whose subtraction leaves a positive sum
     * as subtracting 0.0 does); the JIT vectorises them, not the conditionals. An infinite or NaN
     * vote makes a sum NaN; such a row is computed again KTAB's way.
     */
    private static void propRows(double[] w, double[][] u, int numAct, int numOpt, int first, int stride,
                                 double[][] c) {
        final double[] cij = new double[numOpt];
        final double[] cji = new double[numOpt];
        for (int i = first; i < numOpt; i += stride) {
            java.util.Arrays.fill(cij, 0, i, MIN_COALITION);
            java.util.Arrays.fill(cji, 0, i, MIN_COALITION);
            for (int k = 0; k < numAct; k++) {
                final double[] uk = u[k];
                final double wk = w[k];
                final double uik = uk[i];
                for (int j = 0; j < i; j++) {
                    final double v = wk * (uik - uk[j]);
                    final double pos = (v + Math.abs(v)) * 0.5;
                    cij[j] = cij[j] + pos;
                    cji[j] = cji[j] - (v - pos);
                }
            }
            if (!finite(cij, i) || !finite(cji, i)) {
                propRowKtab(w, u, numAct, i, cij, cji);
            }
            final double[] ci = c[i];
            for (int j = 0; j < i; j++) {
                ci[j] = cij[j];
                c[j][i] = cji[j];
            }
            ci[i] = MIN_COALITION;
        }
    }

    /** Row i of the proportional coalitions with KTAB's conditionals, pair by pair. */
    private static void propRowKtab(double[] w, double[][] u, int numAct, int i, double[] cij, double[] cji) {
        for (int j = 0; j < i; j++) {
            double a = MIN_COALITION;
            double b = MIN_COALITION;
            for (int k = 0; k < numAct; k++) {
                double v = w[k] * (u[k][i] - u[k][j]);
                a = a + (v > 0 ? v : 0.0);
                b = b - (v < 0 ? v : 0.0);
            }
            cij[j] = a;
            cji[j] = b;
        }
    }

    /** True when {@code x[0 .. len)} holds no infinity and no NaN. */
    static boolean finite(double[] x, int len) {
        double z = 0.0;
        for (int j = 0; j < len; j++) {
            z = z + (x[j] - x[j]);
        }
        return z == 0.0;
    }

    /** Victory probabilities {@code pv[a][b]} from coalition strengths (KTAB {@code Model::vProb}). */
    static void victoryMatrix(VictoryProb law, double[][] c, int numOpt, double[][] pv) {
        for (int i = 0; i < numOpt; i++) {
            for (int j = 0; j < i; j++) {
                pv[i][j] = victory(law, c[i][j], c[j][i]);
                pv[j][i] = victoryOther(law, c[i][j], c[j][i]);
            }
            pv[i][i] = 0.5;
        }
    }

    /**
     * The PCE distribution over {@code numOpt} options into {@code p}, given coalition strengths
     * {@code c}; {@code pv} receives the victory matrix.
     */
    static void distribution(SmpParameters.Pce model, VictoryProb law, double[][] c, int numOpt, double[][] pv,
                             double[] p) {
        victoryMatrix(law, c, numOpt, pv);
        switch (model) {
            case CONDITIONAL:
                conditional(pv, numOpt, p);
                break;
            case MARKOV_UNIFORM:
                markovUniform(pv, numOpt, p);
                break;
            case MARKOV_INCENTIVE:
                markovIncentive(c, pv, numOpt, p);
                break;
            default:
                throw new IllegalStateException("pce " + model);
        }
    }

    /** Options' probabilities from voters' weights and utilities: coalitions, victory law, PCE. */
    static void scalar(SmpParameters params, double[] w, double[][] u, int numAct, int numOpt, double[][] c,
                       double[][] pv, double[] p) {
        scalar(params, w, u, numAct, numOpt, c, pv, p, null, 1);
    }

    /** The same with the coalitions on {@code threads} threads of {@code pool} (null: this thread). */
    static void scalar(SmpParameters params, double[] w, double[][] u, int numAct, int numOpt, double[][] c,
                       double[][] pv, double[] p, java.util.concurrent.ExecutorService pool, int threads) {
        coalitions(params.votingRule(), w, u, numAct, numOpt, c, pool, threads);
        distribution(params.pce(), params.victoryProb(), c, numOpt, pv, p);
    }

    static void conditional(double[][] pv, int n, double[] p) {
        for (int i = 0; i < n; i++) {
            double pi = 1.0;
            double[] row = pv[i];
            for (int j = 0; j < n; j++) {
                pi = pi * row[j];
            }
            p[i] = pi;
        }
        double one = 0.0;
        for (int i = 0; i < n; i++) {
            one = one + p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] = p[i] / one;
        }
    }

    static void markovUniform(double[][] pv, int n, double[] p) {
        final double pTol = 1e-6;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 1.0 / n;
        }
        double change = 1.0;
        int iter = 0;
        while (pTol < change) {
            change = 0;
            for (int i = 0; i < n; i++) {
                double pi = 0.0;
                for (int j = 0; j < n; j++) {
                    pi = pi + pv[i][j] * (p[i] + p[j]);
                }
                q[i] = pi / n;
                double d = Math.abs(q[i] - p[i]);
                change = (d > change) ? d : change;
            }
            for (int i = 0; i < n; i++) {
                p[i] = (p[i] + q[i]) / 2.0;
            }
            iter++;
            if (iter >= 1000) {
                throw new IllegalStateException("markov-uniform PCE did not converge in 1000 iterations");
            }
        }
    }

    static void markovIncentive(double[][] c, double[][] pv, int n, double[] p) {
        final double pTol = 1e-8;
        double[][] inctv = Grids.doubles(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = c[i][j] * pv[i][j];
                if (i == j) {
                    x = x + 1e-10;
                }
                inctv[i][j] = x;
            }
        }
        double[][] chlg = Grids.doubles(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0.0;
                for (int k = 0; k < n; k++) {
                    sum = sum + inctv[k][j];
                }
                chlg[i][j] = inctv[i][j] / sum;
            }
        }
        for (int i = 0; i < n; i++) {
            p[i] = 1.0 / n;
        }
        double[] q = new double[n];
        double[][] ct = Grids.doubles(n, n);
        double change = 1.0;
        int iter = 0;
        while (pTol < change) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ct[i][j] = p[i] * chlg[j][i];
                }
            }
            change = 0.0;
            for (int i = 0; i < n; i++) {
                double qi = 0.0;
                for (int j = 0; j < n; j++) {
                    qi = qi + pv[i][j] * (ct[i][j] + ct[j][i]);
                }
                q[i] = qi;
                double d = Math.abs(qi - p[i]);
                change = (d > change) ? d : change;
            }
            for (int i = 0; i < n; i++) {
                p[i] = (p[i] + q[i]) / 2.0;
            }
            iter++;
            if (iter >= 1000) {
                throw new IllegalStateException("markov-incentive PCE did not converge in 1000 iterations");
            }
        }
    }
}
