package org.parley.models.expectedutility;

/**
 * The vote counts of one issue's round: for every pair of actors the probability that one
 * prevails over the other ({@link IssueEngine#p}), from the voters' (possibly powered) distances,
 * with an O(n^2) path for linear votes and Scholz's all-pairs denominator. Reads the
 * engine's positions, weights, range and sorted order; writes only {@code p}.
 *
 * <p>Powered votes sum {@code w_k |dv[k][j] - dv[k][i]|} over every voter k for every pair: O(n^3).
 * From {@link #SORTED_FROM} actors on, the sums come from per-actor prefix sums over the voters in
 * position order instead (O(n^2)): a voter nearer i's position than j's votes for i (a power
 * keeps the order of distances), so each pair needs two prefix differences. The doubles are then
 * added in another order: the probabilities agree with the direct sums to about 1e-12, not bit for
 * bit, so every case below that size (the replication cases) keeps the direct sums.
 */
final class Votes {

    private final IssueEngine engine;
    /** The options of the issue the engine plays (set when it is loaded). */
    EuConfig cfg;
    private final double[] voterR;
    /** dv[k][j] = (|x_k - x_j| / R)^{rv_k}: voter k's (possibly powered) distance to actor j's position. */
    private final double[][] dv;
    private final double[] sortedX;
    private final double[] prefixW;
    private final double[] prefixWx;
    private final double[] voteTotal;
    private double allPairsDenominator;
    /** From this many actors on, powered votes use prefix sums (see the class comment). */
    static final int SORTED_FROM = 256;
    private final Workspace workspace;

    Votes(IssueEngine engine, EuConfig cfg, Workspace workspace) {
        this(engine, workspace);
        this.cfg = cfg;
    }

    /** Votes for issues of up to {@code workspace.capacity} actors. */
    Votes(IssueEngine engine, Workspace workspace) {
        this.engine = engine;
        int cap = workspace.capacity;
        this.voterR = new double[cap];
        this.workspace = workspace;
        this.dv = workspace.dv;
        this.sortedX = new double[cap];
        this.prefixW = new double[cap + 1];
        this.prefixWx = new double[cap + 1];
        this.voteTotal = new double[cap];
    }

    /** P(i prevails over j) from the votes for each (F2). */
    double probability(double nij, double nji, double allPairs) {
        switch (cfg.probability) {
            case ALL_PAIRS:
                return allPairs > 0 ? nij / allPairs : 0;
            case NET:
                return nij + nji > 0 ? Math.max(0, nij - nji) / (nij + nji) : 0;
            case TEXTBOOK:
            default:
                return nij + nji > 0 ? nij / (nij + nji) : 0;
        }
    }

    /** Fills {@link IssueEngine#p} with voter exponents {@code rv} (used only when votes are powered). */
    void probabilities(double[] rv) {
        final int n = engine.n;
        final double[] x = engine.x;
        final double[] w = engine.w;
        final double[][] p = engine.p;
        final double range = engine.range;
        for (int k = 0; k < n; k++) {
            voterR[k] = cfg.poweredVotes ? rv[k] : 1.0;
        }
        for (int k = 0; k < n; k++) {
            double[] row = dv[k];
            double xk = x[k];
            double rk = voterR[k];
            if (rk == 1.0) {
                for (int j = 0; j < n; j++) {
                    row[j] = Math.abs(xk - x[j]) / range;
                }
            } else {
                // a voter at the position itself: 0^r = +0 for r > 0 (Math.pow's own rule)
                boolean positive = rk > 0;
                for (int j = 0; j < n; j++) {
                    double base = Math.abs(xk - x[j]) / range;
                    row[j] = positive && base == 0 ? 0.0 : Math.pow(base, rk);
                }
            }
        }
        final int[] order = engine.order;
        for (int m = 0; m < n; m++) {
            sortedX[m] = x[order[m]];
        }
        allPairsDenominator = cfg.probability == EuConfig.Probability.ALL_PAIRS ? allPairs() : 0;
        boolean linear = true;
        for (int k = 0; k < n && linear; k++) {
            linear = voterR[k] == 1.0;
        }
        if (linear) {
            probabilitiesLinear();
            return;
        }
        if (n >= SORTED_FROM && minimum(voterR, n) >= 0) {
            probabilitiesSorted();
            return;
        }
        probabilitiesDirect();
    }

    /** Powered votes by direct sums over every voter, O(n^3). */
    void probabilitiesDirect() {
        final int n = engine.n;
        final double[] x = engine.x;
        final double[] w = engine.w;
        final double[][] p = engine.p;
        final double[][] dt = workspace.dt();
        for (int k = 0; k < n; k++) {
            double[] row = dv[k];
            for (int j = 0; j < n; j++) {
                dt[j][k] = row[j];
            }
        }
        // sum_k w_k dt[j][k] per actor: the net vote for i over j is total[j] - total[i]
        for (int j = 0; j < n; j++) {
            double[] dj = dt[j];
            double t = 0;
            for (int k = 0; k < n; k++) {
                t += w[k] * dj[k];
            }
            voteTotal[j] = t;
        }
        for (int i = 0; i < n; i++) {
            p[i][i] = 0;
            double[] di = dt[i];
            for (int j = i + 1; j < n; j++) {
                if (x[i] == x[j]) {
                    p[i][j] = 0;
                    p[j][i] = 0;
                    continue;
                }
                double[] dj = dt[j];
                // total vote sum_k w_k |dt[j][k] - dt[i][k]|, four accumulators, no branch
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int k = 0;
                for (; k + 3 < n; k += 4) {
                    s0 += w[k] * Math.abs(dj[k] - di[k]);
                    s1 += w[k + 1] * Math.abs(dj[k + 1] - di[k + 1]);
                    s2 += w[k + 2] * Math.abs(dj[k + 2] - di[k + 2]);
                    s3 += w[k + 3] * Math.abs(dj[k + 3] - di[k + 3]);
                }
                for (; k < n; k++) {
                    s0 += w[k] * Math.abs(dj[k] - di[k]);
                }
                double total = (s0 + s1) + (s2 + s3);
                double net = voteTotal[j] - voteTotal[i];
                // votes for i (voters nearer i) and for j; clamp the rounding of the difference
                double nij = Math.max(0, (total + net) / 2);
                double nji = Math.max(0, (total - net) / 2);
                if (cfg.thirdPartiesOnly) {
                    // voter i votes w_i dt[j][i] for itself, voter j w_j dt[i][j] for itself
                    nij -= w[i] * dj[i];
                    nji -= w[j] * di[j];
                }
                p[i][j] = probability(nij, nji, allPairsDenominator);
                p[j][i] = probability(nji, nij, allPairsDenominator);
            }
        }
    }

    private static double minimum(double[] v, int n) {
        double m = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            m = Math.min(m, v[k]);
        }
        return m;
    }

    /**
     * Powered votes from prefix sums, O(n^2): with the voters in position order, those below
     * the midpoint of a pair's positions are nearer its lower position (equidistant voters give
     * nothing), and a power with a non-negative exponent keeps that order, so the votes for the
     * lower position are {@code S_hi[c] - S_lo[c]} and those for the higher one
     * {@code (S_lo[n] - S_lo[c]) - (S_hi[n] - S_hi[c])}, where {@code S_a[c]} sums {@code w_k dv[k][a]}
     * over the first c voters (kept as {@code sums[c][a]}: one row per count, filled a row at a time).
     */
    void probabilitiesSorted() {
        final int n = engine.n;
        final double[] x = engine.x;
        final double[] w = engine.w;
        final double[][] p = engine.p;
        final int[] order = engine.order;
        final double[][] sums = workspace.sums();
        java.util.Arrays.fill(sums[0], 0, n, 0.0);
        for (int m = 0; m < n; m++) {
            int k = order[m];
            double wk = w[k];
            double[] dk = dv[k];
            double[] before = sums[m];
            double[] after = sums[m + 1];
            for (int j = 0; j < n; j++) {
                after[j] = before[j] + wk * dk[j];
            }
        }
        final double[] sN = sums[n];
        // pairs in position order: for a fixed lower actor the midpoint only grows, so the voters
        // below it and at most at it are counted by two pointers that only move forward
        for (int a = 0; a < n; a++) {
            int lo = order[a];
            double xLo = x[lo];
            p[lo][lo] = 0;
            int c = 0;
            int e = 0;
            for (int b = a + 1; b < n; b++) {
                int hi = order[b];
                if (xLo == x[hi]) {
                    p[lo][hi] = 0;
                    p[hi][lo] = 0;
                    continue;
                }
                double mid = (xLo + x[hi]) / 2;
                while (c < n && sortedX[c] < mid) {
                    c++;
                }
                if (e < c) {
                    e = c;
                }
                while (e < n && sortedX[e] <= mid) {
                    e++;
                }
                double[] sC = sums[c];
                double[] sE = sums[e];
                double forLo = Math.max(0, sC[hi] - sC[lo]);
                double forHi = Math.max(0, (sN[lo] - sE[lo]) - (sN[hi] - sE[hi]));
                if (cfg.thirdPartiesOnly) {
                    forLo -= w[lo] * dv[lo][hi];
                    forHi -= w[hi] * dv[hi][lo];
                }
                p[lo][hi] = probability(forLo, forHi, allPairsDenominator);
                p[hi][lo] = probability(forHi, forLo, allPairsDenominator);
            }
        }
    }

    /**
     * {@link IssueEngine#p} for linear votes in O(n^2): over the positions sorted with prefix sums of
     * w and w x, the voters at or beyond the nearer end give the whole distance, those between
     * it and the midpoint give (x_lo + x_hi - 2 x_k), those at the midpoint nothing.
     */
    private void probabilitiesLinear() {
        final int n = engine.n;
        final double[] x = engine.x;
        final double[] w = engine.w;
        final double[][] p = engine.p;
        final double range = engine.range;
        final int[] order = engine.order;
        prefixW[0] = 0;
        prefixWx[0] = 0;
        for (int m = 0; m < n; m++) {
            int k = order[m];
            prefixW[m + 1] = prefixW[m] + w[k];
            prefixWx[m + 1] = prefixWx[m] + w[k] * x[k];
        }
        // pairs in position order: for a fixed lower actor the midpoint and the upper position only
        // grow, so the four counts come from pointers that only move forward
        int firstLo = 0;
        for (int a = 0; a < n; a++) {
            int iLo = order[a];
            double lo = x[iLo];
            p[iLo][iLo] = 0;
            if (a > 0 && sortedX[a - 1] < lo) {
                firstLo = a;
            }
            int aLo = a;
            while (aLo < n && sortedX[aLo] <= lo) {
                aLo++;
            }
            // the counts below the midpoint and below hi start from those below lo (the midpoint
            // of two adjacent doubles may round to lo)
            int bMid = firstLo;
            int cMid = firstLo;
            int dHi = firstLo;
            for (int b = a + 1; b < n; b++) {
                int iHi = order[b];
                double hi = x[iHi];
                if (lo == hi) {
                    p[iLo][iHi] = 0;
                    p[iHi][iLo] = 0;
                    continue;
                }
                double mid = (lo + hi) / 2;
                while (bMid < n && sortedX[bMid] < mid) {
                    bMid++;
                }
                if (cMid < bMid) {
                    cMid = bMid;
                }
                while (cMid < n && sortedX[cMid] <= mid) {
                    cMid++;
                }
                while (dHi < n && sortedX[dHi] < hi) {
                    dHi++;
                }
                double span = hi - lo;
                double forLo = span * prefixW[aLo] + (lo + hi) * (prefixW[bMid] - prefixW[aLo])
                        - 2 * (prefixWx[bMid] - prefixWx[aLo]);
                double forHi = span * (prefixW[n] - prefixW[dHi]) + 2 * (prefixWx[dHi] - prefixWx[cMid])
                        - (lo + hi) * (prefixW[dHi] - prefixW[cMid]);
                forLo = Math.max(0, forLo) / range;
                forHi = Math.max(0, forHi) / range;
                if (cfg.thirdPartiesOnly) {
                    forLo -= w[iLo] * dv[iLo][iHi];
                    forHi -= w[iHi] * dv[iHi][iLo];
                }
                p[iLo][iHi] = probability(forLo, forHi, allPairsDenominator);
                p[iHi][iLo] = probability(forHi, forLo, allPairsDenominator);
            }
        }
    }

    /**
     * Scholz's code's denominator: sum over voters k and ordered pairs (u, v) of
     * w_k |dv[k][u] - dv[k][v]|, in O(n^2) by walking the positions outward from each voter.
     */
    private double allPairs() {
        final int n = engine.n;
        final double[] x = engine.x;
        final double[] w = engine.w;
        final int[] order = engine.order;
        double total = 0;
        for (int k = 0; k < n; k++) {
            double xk = x[k];
            double[] dk = dv[k];
            // split: first index in sorted order with position >= xk
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sortedX[mid] < xk) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            int left = lo - 1;
            int right = lo;
            double sum = 0;
            for (int m = 0; m < n; m++) {
                int pick;
                if (left < 0) {
                    pick = order[right++];
                } else if (right >= n) {
                    pick = order[left--];
                } else if (xk - sortedX[left] < sortedX[right] - xk) {
                    pick = order[left--];
                } else {
                    pick = order[right++];
                }
                sum += dk[pick] * (2 * m - (n - 1));
            }
            total += w[k] * 2 * sum;
        }
        return total;
    }

    /** Scholz's denominator by its definition, O(n^3), on the current positions with linear votes (F8 positions). */
    double allPairsDirect() {
        final int n = engine.n;
        final double[] x = engine.x;
        final double[] w = engine.w;
        final double range = engine.range;
        double d = 0;
        for (int k = 0; k < n; k++) {
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    d += w[k] * Math.abs(Math.abs(x[k] - x[v]) - Math.abs(x[k] - x[u])) / range;
                }
            }
        }
        return d;
    }

    /** Probability that i prevails over j from the current positions, linear votes (pass 1). */
    double probabilityDirect(int i, int j, double allPairs) {
        final int n = engine.n;
        final double[] x = engine.x;
        final double[] w = engine.w;
        final double range = engine.range;
        if (x[i] == x[j]) {
            return 0;
        }
        double nij = 0;
        double nji = 0;
        for (int k = 0; k < n; k++) {
            if (cfg.thirdPartiesOnly && (k == i || k == j)) {
                continue;
            }
            double diff = (Math.abs(x[k] - x[j]) - Math.abs(x[k] - x[i])) / range;
            if (diff > 0) {
                nij += w[k] * diff;
            } else {
                nji -= w[k] * diff;
            }
        }
        return probability(nij, nji, allPairs);
    }
}
