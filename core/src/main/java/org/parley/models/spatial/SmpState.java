package org.parley.models.spatial;

import java.util.Arrays;

import org.parley.engine.Grids;

/**
 * One KTAB SMP state: positions and ideals on [0, 1] and everything KTAB derives from them before
 * the bargain-challenge-negotiate step (spec 2.2 to 2.5): salience-weighted distances, inferred
 * risk attitudes, each actor's estimate of every actor's risk attitude, and the win probabilities
 * of the unique positions.
 */
final class SmpState {

    /** Positions closer than this (Euclidean, 0-1 units) are the same position (KTAB posTol). */
    static final double POS_TOL = 1e-3;

    final SmpActors a;
    final SmpParameters params;
    final int n;
    final int m;
    /** Positions {@code x[actor][dim]} on [0, 1]. */
    final double[][] x;
    /** Ideals {@code y[actor][dim]} on [0, 1]. */
    final double[][] y;
    /** {@code d[i][j]}: salience-weighted distance from i's ideal to j's position. */
    double[][] d;
    /** Transposed distances, {@code dT[j][i] = d[i][j]}, so loops over third parties stream memory. */
    double[][] dT;
    /** Inferred risk attitude R_i. */
    final double[] risk;
    /** Risk-neutral PCE probability of each actor's position (weights = capability). */
    final double[] riskNeutralProb;
    /** {@code rEst[h][i]}: h's estimate of i's risk attitude. */
    double[][] rEst;
    /** {@code own[a][j] = aUtil[a](a, j)}: a's utility for j's position in a's own eyes. */
    double[][] own;
    /** True when every distance is at most 1 (so KTAB bsUtil's first branch always applies). */
    boolean withinUnit;
    /** True when every position had the same win probability, so no risk attitude could be inferred (R = 0). */
    boolean riskUndefined;
    /** Threads for the n x n coalitions of {@link #assess} (set by the run; null: this thread). */
    java.util.concurrent.ExecutorService pool;
    int threads = 1;
    /** Indices of the unique positions (first occurrence), KTAB uIndices. */
    int[] unique;
    /** Win probability of each unique position (KTAB pDist(-1)). */
    double[] uniqueProb;

    SmpState(SmpActors a, SmpParameters params, double[][] x, double[][] y) {
        this.a = a;
        this.params = params;
        this.n = a.n;
        this.m = a.m;
        this.x = x;
        this.y = y;
        this.d = Grids.doubles(n, n);
        this.dT = Grids.doubles(n, n);
        this.risk = new double[n];
        this.riskNeutralProb = new double[n];
        this.rEst = Grids.doubles(n, n);
        this.own = Grids.doubles(n, n);
    }

    /**
     * Drops the n x n matrices (distances, risk estimates, utilities) once the next state exists:
     * what remains (positions, ideals, risk attitudes, win probabilities of the unique positions)
     * is what the stop rule and the explanation read. After this, {@link #pDist} and the
     * challenge estimates are unavailable.
     */
    void release() {
        d = null;
        dT = null;
        rEst = null;
        own = null;
        pool = null;
    }

    /** KTAB bsUtil: utility of a (normalised) distance for risk attitude R. */
    static double util(double sd, double r) {
        if (sd <= 1) {
            return (1 - sd) * (1 + sd * r);
        }
        return (1 - sd) * (1 + r);
    }

    /** KTAB bvDiff: salience-weighted distance between ideal {@code idl} and position {@code p}. */
    static double distance(double[] idl, double[] p, double[] s) {
        return distance(idl, p, s, SmpActors.sumOfSquares(s));
    }

    /** The same with {@code ssSqr} = {@link SmpActors#sumOfSquares} of {@code s} given. */
    static double distance(double[] idl, double[] p, double[] s, double ssSqr) {
        double dsSqr = 0;
        for (int k = 0; k < idl.length; k++) {
            final double ds = (idl[k] - p[k]) * s[k];
            dsSqr = dsSqr + (ds * ds);
        }
        return Math.sqrt(dsSqr / ssSqr);
    }

    /** h's estimate of i's risk attitude from R_h and R_i (KTAB estNRA). */
    static double estimate(SmpParameters.RiskAdjust ra, double rh, double ri) {
        switch (ra) {
            case FULL:
                return ri;
            case TWO_THIRDS:
                return (rh + (2.0 * ri)) / 3.0;
            case HALF:
                return (rh + ri) / 2;
            case ONE_THIRD:
                return ((2.0 * rh) + ri) / 3.0;
            case NONE:
                return rh;
            default:
                throw new IllegalStateException("risk adjust " + ra);
        }
    }

    /** h's estimate of the utility to actor i of actor j's position (KTAB aUtil[h](i, j)). */
    double u(int h, int i, int j) {
        return util(d[i][j], rEst[h][i]);
    }

    /** Utility to actor i of an arbitrary position, with i's own risk attitude (KTAB posUtil). */
    double posUtil(int i, double[] p) {
        return util(distance(y[i], p, a.sal[i], a.salSq[i]), risk[i]);
    }

    /**
     * Computes distances, risk attitudes, every perspective's risk estimates (KTAB setAllAUtil),
     * and the win probabilities of the unique positions (KTAB pDist(-1)).
     */
    void assess(double[][] c, double[][] pv, double[][] uScratch) {
        // row by row in small methods, each compiled once (see MonteCarlo.block); the same operations in order
        boolean unit = true;
        for (int i = 0; i < n; i++) {
            unit = distanceRow(i, unit);
        }
        withinUnit = unit;
        double[][] rn = uScratch;
        for (int i = 0; i < n; i++) {
            utilRow(d[i], 0.0, rn[i]);
        }
        Pce.scalar(params, a.cap, rn, n, n, c, pv, riskNeutralProb, pool, threads);
        bigR(riskNeutralProb);
        for (int h = 0; h < n; h++) {
            estimateRow(h);
        }
        for (int i = 0; i < n; i++) {
            utilRow(d[i], rEst[i][i], own[i]);
        }
        unique = uniqueIndices();
        uniqueProb = new double[unique.length];
        pDistInto(-1, c, pv, uScratch, uniqueProb);
    }

    /** Row {@code i} of the distances (and their transpose); {@code unit} and'ed with each being at most 1. */
    private boolean distanceRow(int i, boolean unit) {
        boolean u = unit;
        for (int j = 0; j < n; j++) {
            d[i][j] = distance(y[i], x[j], a.sal[i], a.salSq[i]);
            dT[j][i] = d[i][j];
            u = u && d[i][j] <= 1.0;
        }
        return u;
    }

    /** {@code out[j] = util(dist[j], r)} for every actor j. */
    private void utilRow(double[] dist, double r, double[] out) {
        for (int j = 0; j < n; j++) {
            out[j] = util(dist[j], r);
        }
    }

    private void estimateRow(int h) {
        for (int i = 0; i < n; i++) {
            rEst[h][i] = estimate(params.riskAdjust(), risk[h], risk[i]);
        }
    }

    private void bigR(double[] p) {
        double pMin = 1.0;
        double pMax = 0.0;
        for (double pi : p) {
            pMin = (pi < pMin) ? pi : pMin;
            pMax = (pi > pMax) ? pi : pMax;
        }
        riskUndefined = !(pMax - pMin > 0);
        for (int i = 0; i < n; i++) {
            double r;
            if (riskUndefined) {
                r = 0.0;
            } else {
                switch (params.riskRange()) {
                    case MIN:
                        r = (p[i] - pMin) / (pMax - pMin);
                        break;
                    case MID:
                        r = (3 * p[i] - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
                        break;
                    case MAX:
                        r = (2 * p[i] - (pMax + pMin)) / (pMax - pMin);
                        break;
                    default:
                        throw new IllegalStateException("risk range " + params.riskRange());
                }
            }
            risk[i] = r;
        }
    }

    /** KTAB equivNdx: positions i and j are the same within {@link #POS_TOL}. */
    boolean equivalent(int i, int j) {
        double s = 0.0;
        for (int k = 0; k < m; k++) {
            double dk = x[i][k] - x[j][k];
            s = s + dk * dk;
        }
        return Math.sqrt(s) < POS_TOL;
    }

    private int[] uniqueIndices() {
        int[] uns = new int[n];
        int nu = 0;
        for (int i = 0; i < n; i++) {
            boolean found = false;
            for (int j = 0; !found && j < nu; j++) {
                if (equivalent(i, uns[j])) {
                    found = true;
                }
            }
            if (!found) {
                uns[nu++] = i;
            }
        }
        return Arrays.copyOf(uns, nu);
    }

    /**
     * Win probabilities of the unique positions from perspective {@code h} (KTAB pDist(h)); h = -1
     * uses each actor's own estimates.
     */
    double[] pDist(int h) {
        int nu = unique.length;
        double[] p = new double[nu];
        pDistInto(h, Grids.doubles(nu, nu), Grids.doubles(nu, nu), Grids.doubles(n, nu), p);
        return p;
    }

    private void pDistInto(int h, double[][] c, double[][] pv, double[][] u, double[] p) {
        int nu = unique.length;
        for (int i = 0; i < n; i++) {
            for (int jj = 0; jj < nu; jj++) {
                u[i][jj] = h < 0 ? own[i][unique[jj]] : u(h, i, unique[jj]);
            }
        }
        Pce.scalar(params, a.cap, u, n, nu, c, pv, p, pool, threads);
    }

    /** Win probability of actor i's position: that of the last unique position equivalent to it (KTAB posProb). */
    double winProbability(int i, double[] p) {
        int k = -1;
        for (int j1 = 0; j1 < unique.length; j1++) {
            if (equivalent(i, unique[j1])) {
                k = j1;
            }
        }
        return p[k];
    }

    /**
     * h's estimate of the contest when i challenges j, and of its effect on k (KTAB probEduChlg).
     * Writes {@code out[0]} = P(i beats j), {@code out[1]} = expected change in k's utility,
     * {@code out[2..5]} = euSQ, euVict, euContest, euChlg (twice the utilities, as KTAB's
     * UtilChlg table). When {@code tp} is not null, {@code tp[n][0..2]} receive each third party's
     * little-contest probability and its two hypothetical utilities (KTAB TPProbVictLoss).
     */
    void challenge(int h, int k, int i, int j, double[] out, double[][] tp) {
        final double[] rh = rEst[h];
        final double uki = util(d[k][i], rh[k]);
        final double ukj = util(d[k][j], rh[k]);
        final double[] uI = new double[n];
        final double[] uT = new double[n];
        for (int t = 0; t < n; t++) {
            uI[t] = util(dT[i][t], rh[t]);
            uT[t] = util(d[t][t], rh[t]);
        }
        contest(h, k, i, j, uki, ukj, uI, uT, out, tp);
    }

    /**
     * The body of KTAB probEduChlg with h's utilities for i's position ({@code uI[t] = aUtil[h](t, i)})
     * and for each actor's own position ({@code uT[t] = aUtil[h](t, t)}) precomputed.
     */
    private void contest(int h, int k, int i, int j, double uki, double ukj, double[] uI, double[] uT,
                         double[] out, double[][] tp) {
        final SmpParameters.Vote vr = params.votingRule();
        final double[] rh = rEst[h];
        final double[] dj = dT[j];
        final double uii = uT[i];
        final double uij = util(d[i][j], rh[i]);
        final double uji = uI[j];
        final double ujj = uT[j];
        final double euSQ = uki + ukj;
        final double uhkij = uki + uki;
        final double uhkji = ukj + ukj;
        final double sj = a.salSum[j];

        double ci = Pce.vote(vr, a.salCap[i], uii, uij);
        double cj = Pce.vote(vr, a.salCap[j], uji, ujj);
        double chij = 1e-10;
        double chji = 1e-10;
        if (ci > 0.0) {
            chij = chij + ci;
        }
        if (ci < 0.0) {
            chji = chji - ci;
        }
        if (cj > 0.0) {
            chij = chij + cj;
        }
        if (cj < 0.0) {
            chji = chji - cj;
        }
        final double ci0 = chij;
        final double cj0 = chji;
        final double[] salCap = a.salCap;
        final SmpParameters.ThirdParty tpc = params.thirdParty();
        for (int t = 0; t < n; t++) {
            if (t == i || t == j) {
                continue;
            }
            final double uti = uI[t];
            final double utj = util(dj[t], rh[t]);
            final double utt = uT[t];
            final double wt = salCap[t];
            // the third party's little contest against the principals only (KTAB vProbLittle)
            final double cn = Pce.vote(vr, wt, uti, utj);
            // branch-free forms of KTAB's "(cn > 0) ? ci0 + cn : ci0": adding 0.0 leaves a positive sum unchanged
            final double cni = ci0 + Math.max(cn, 0.0);
            final double cnj = cj0 - Math.min(cn, 0.0);
            final double pin = cni / (cni + cnj);
            final double pjn = 1.0 - pin;
            // its vote between the two hypothetical contests (KTAB thirdPartyVoteSU)
            double uIkDefJ;
            double uJDefIk;
            double uIDefJk;
            double uJkDefI;
            switch (tpc) {
                case FULL_COMMIT:
                    uIkDefJ = uti + uti + uti;
                    uJDefIk = utj + utj + utj;
                    uIDefJk = uti + uti + uti;
                    uJkDefI = utj + utj + utj;
                    break;
                case SEMI_COMMIT:
                    uIkDefJ = uti + uti + utt;
                    uJDefIk = utj + utj + utj;
                    uIDefJk = uti + uti + uti;
                    uJkDefI = utj + utj + utt;
                    break;
                case NO_COMMIT:
                    uIkDefJ = uti + uti + utt;
                    uJDefIk = utj + utj + utt;
                    uIDefJk = uti + uti + utt;
                    uJkDefI = utj + utj + utt;
                    break;
                default:
                    throw new IllegalStateException("third party " + tpc);
            }
            final double uIkJ = (pin * uIkDefJ) + (pjn * uJDefIk);
            final double uIJk = (pin * uIDefJk) + (pjn * uJkDefI);
            final double vt = Pce.vote(vr, wt, uIkJ, uIJk);
            chij = chij + Math.max(vt, 0.0);
            chji = chji - Math.min(vt, 0.0);
            if (tp != null) {
                tp[t][0] = pin;
                tp[t][1] = uIkDefJ;
                tp[t][2] = uIDefJk;
            }
        }
        final double phij = chij / (chij + chji);
        final double phji = chji / (chij + chji);
        final double euVict = uhkij;
        final double euCntst = phij * uhkij + phji * uhkji;
        final double euChlg = (1 - sj) * euVict + sj * euCntst;
        out[0] = phij;
        out[1] = euChlg - euSQ;
        if (out.length >= 6) {
            out[2] = euSQ;
            out[3] = euVict;
            out[4] = euCntst;
            out[5] = euChlg;
        }
    }
}
