package org.parley.models.spatial;

/**
 * Every challenge one actor could make, in its own eyes (KTAB bestChallengeUtils): for initiator i
 * and each target j, KTAB's probEduChlg with h = k = i. The arithmetic of each (i, j) is
 * {@link SmpState}'s {@code contest} term by term: the same operations on the same doubles, each
 * pair's two strength sums added third party by third party in KTAB's order. Only the loop nest
 * differs: third parties outside, targets inside, so the inner loop streams row t of the
 * distances and every target's running sums side by side, and the JIT can vectorise it (the
 * targets' sums are independent).
 */
final class SmpChallenges {

    /** A thread's scratch arrays, each of length n. */
    static final class Work {
        final double[] uI;
        final double[] uT;
        final double[] ci0;
        final double[] cj0;
        final double[] chij;
        final double[] chji;
        final double[] tu;
        final double[] tp;

        Work(int n) {
            uI = new double[n];
            uT = new double[n];
            ci0 = new double[n];
            cj0 = new double[n];
            chij = new double[n];
            chji = new double[n];
            tu = new double[n];
            tp = new double[n];
        }
    }

    private SmpChallenges() {
    }

    /**
     * Fills {@code prob[j]} = P(i beats j) and {@code gain[j]} = expected change in i's utility for
     * every j != i (entry i is left as it was).
     */
    static void from(SmpState s, int i, double[] prob, double[] gain, Work w) {
        final int n = s.n;
        final SmpParameters.Vote vr = s.params.votingRule();
        final double[] rh = s.rEst[i];
        final double[][] d = s.d;
        final double[] salCap = s.a.salCap;
        final double[] uI = w.uI;
        final double[] uT = w.uT;
        final double[] ci0 = w.ci0;
        final double[] cj0 = w.cj0;
        final double[] chij = w.chij;
        final double[] chji = w.chji;
        final double[] dI = s.dT[i];
        for (int t = 0; t < n; t++) {
            uI[t] = SmpState.util(dI[t], rh[t]);
            uT[t] = SmpState.util(d[t][t], rh[t]);
        }
        final double uii = uT[i];
        final double[] di = d[i];
        for (int j = 0; j < n; j++) {
            if (j == i) {
                // no challenge of oneself: harmless sums, never read
                ci0[j] = 1.0;
                cj0[j] = 1.0;
            } else {
                final double uij = SmpState.util(di[j], rh[i]);
                final double ci = Pce.vote(vr, salCap[i], uii, uij);
                final double cj = Pce.vote(vr, salCap[j], uI[j], uT[j]);
                double a = 1e-10;
                double b = 1e-10;
                if (ci > 0.0) {
                    a = a + ci;
                }
                if (ci < 0.0) {
                    b = b - ci;
                }
                if (cj > 0.0) {
                    a = a + cj;
                }
                if (cj < 0.0) {
                    b = b - cj;
                }
                ci0[j] = a;
                cj0[j] = b;
            }
            chij[j] = ci0[j];
            chji[j] = cj0[j];
        }
        final SmpParameters.ThirdParty tpc = s.params.thirdParty();
        final boolean fast = vr == SmpParameters.Vote.PROP && tpc == SmpParameters.ThirdParty.SEMI_COMMIT;
        for (int t = 0; t < n; t++) {
            if (t != i) {
                if (fast) {
                    semiProp(s, w, t, rh[t], uI[t], uT[t]);
                } else {
                    general(s, w, vr, tpc, t, rh[t], uI[t], uT[t]);
                }
            }
        }
        if (fast && !(Pce.finite(chij, n) && Pce.finite(chji, n))) {
            // an infinite or NaN vote: KTAB's way, one target at a time
            System.arraycopy(ci0, 0, chij, 0, n);
            System.arraycopy(cj0, 0, chji, 0, n);
            for (int t = 0; t < n; t++) {
                if (t != i) {
                    general(s, w, vr, tpc, t, rh[t], uI[t], uT[t]);
                }
            }
        }
        final double uhkij = uii + uii;
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            final double ukj = SmpState.util(di[j], rh[i]);
            final double euSQ = uii + ukj;
            final double uhkji = ukj + ukj;
            final double sj = s.a.salSum[j];
            final double phij = chij[j] / (chij[j] + chji[j]);
            final double phji = chji[j] / (chij[j] + chji[j]);
            final double euCntst = phij * uhkij + phji * uhkji;
            final double euChlg = (1 - sj) * uhkij + sj * euCntst;
            prob[j] = phij;
            gain[j] = euChlg - euSQ;
        }
    }

    /**
     * Third party t's votes in the contests of i against every j, KTAB's defaults (proportional
     * voting, semi-commitment), in four short loops the JIT vectorises (one long loop body is not
     * unrolled, so not vectorised). Target t itself gets a vote of +0.0, which leaves its positive
     * sums unchanged, as skipping it does. For finite x, {@code pos = (x + |x|) * 0.5} is exactly
     * {@code Math.max(x, 0.0)} and {@code x - pos} exactly {@code Math.min(x, 0.0)}; an
     * infinite or NaN vote turns a sum into NaN, and the caller then starts again with
     * {@link #general}.
     */
    private static void semiProp(SmpState s, Work w, int t, double r, double uti, double utt) {
        final int n = s.n;
        final double[] row = s.d[t];
        final double wt = s.a.salCap[t];
        final double[] tu = w.tu;
        final double[] tp = w.tp;
        final double[] ci0 = w.ci0;
        final double[] cj0 = w.cj0;
        final double[] chij = w.chij;
        final double[] chji = w.chji;
        final double uIkDefJ = uti + uti + utt;
        final double uIDefJk = uti + uti + uti;
        if (s.withinUnit) {
            // KTAB bsUtil with every distance at most 1
            for (int j = 0; j < n; j++) {
                final double sd = row[j];
                tu[j] = (1 - sd) * (1 + sd * r);
            }
        } else {
            for (int j = 0; j < n; j++) {
                final double sd = row[j];
                // KTAB bsUtil: sd <= 1 gives (1 - sd) * (1 + sd * r), else (1 - sd) * (1 + r); 1 * r == r
                tu[j] = (1 - sd) * (1 + Math.min(sd, 1.0) * r);
            }
        }
        for (int j = 0; j < n; j++) {
            // the third party's little contest against the principals only (KTAB vProbLittle)
            final double cn = wt * (uti - tu[j]);
            final double a = Math.abs(cn);
            final double pos = (cn + a) * 0.5;
            final double cni = ci0[j] + pos;
            final double cnj = cj0[j] - (cn - pos);
            tp[j] = cni / (cni + cnj);
        }
        for (int j = 0; j < n; j++) {
            // its vote between the two hypothetical contests (KTAB thirdPartyVoteSU)
            final double utj = tu[j];
            final double pin = tp[j];
            final double pjn = 1.0 - pin;
            final double uIkJ = (pin * uIkDefJ) + (pjn * (utj + utj + utj));
            final double uIJk = (pin * uIDefJk) + (pjn * (utj + utj + utt));
            tp[j] = wt * (uIkJ - uIJk);
        }
        tp[t] = 0.0;
        for (int j = 0; j < n; j++) {
            final double vt = tp[j];
            final double a = Math.abs(vt);
            final double pos = (vt + a) * 0.5;
            chij[j] = chij[j] + pos;
            chji[j] = chji[j] - (vt - pos);
        }
    }

    /** The same for any voting rule and third-party commitment, one target at a time. */
    private static void general(SmpState s, Work w, SmpParameters.Vote vr, SmpParameters.ThirdParty tpc, int t,
                                double r, double uti, double utt) {
        final double[] row = s.d[t];
        final double wt = s.a.salCap[t];
        for (int j = 0; j < s.n; j++) {
            if (j == t) {
                continue;
            }
            final double utj = SmpState.util(row[j], r);
            final double cn = Pce.vote(vr, wt, uti, utj);
            final double cni = w.ci0[j] + Math.max(cn, 0.0);
            final double cnj = w.cj0[j] - Math.min(cn, 0.0);
            final double pin = cni / (cni + cnj);
            final double pjn = 1.0 - pin;
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
            w.chij[j] = w.chij[j] + Math.max(vt, 0.0);
            w.chji[j] = w.chji[j] - Math.min(vt, 0.0);
        }
    }
}
