package org.parley.models.expectedutility;

import java.util.Arrays;

/**
 * One issue of the expected-utility model on primitive arrays: every array is allocated once in
 * the constructor and reused, so a round ({@link #step()}) allocates nothing.
 *
 * <p>Indices are local to the issue: {@code 0..n-1} over the actors present on it. After
 * {@link #step()}, {@link #r} holds the exponents used in the round, {@link #a}/{@link #b} the
 * second-pass expected utilities, and {@link #kind}/{@link #with}/{@link #to} what each actor did.
 */
final class IssueEngine {

    static final int NONE = 0;
    static final int CONFLICT = 1;
    static final int COMPROMISE = 2;
    static final int CAPITULATE = 3;

    private final EuConfig cfg;
    final int n;
    /** Current positions. */
    final double[] x;
    final double[] c;
    final double[] s;
    /** Vote weights c x s. */
    final double[] w;
    /** Risk exponents of the last round (1 before the first). */
    final double[] r;
    /** Security levels S_i of the last round's first pass. */
    final double[] security;
    /** p[i][j]: probability that i prevails over j (second pass of the last round); rows may be longer than n. */
    final double[][] p;
    /** a[i][j]: E^i(U_ij), i's expected utility of challenging j, with r_i. */
    final double[][] a;
    /** b[i][j]: the focal actor i's view of E(U_ji), j's expected utility of challenging i. */
    final double[][] b;
    /** What actor i did in the last round: {@link #NONE}, {@link #CONFLICT}, ... */
    final int[] kind;
    /** The counterpart of actor i's move, -1 for none. */
    final int[] with;
    /** Position before the last round. */
    final double[] from;
    /** Position after the last round. */
    final double[] to;

    private final double fixedRange;
    private final double[] ones;
    private final double[] voterR;
    /** dt[j][k] = (|x_k - x_j| / R)^{rv_k}: voter k's (possibly powered) distance to actor j's position. */
    private final double[][] dt;
    private final int[] order;
    private final double[] sortedX;
    private final double[] prefixW;
    private final double[] prefixWx;
    private final double[] scratch;
    private final double[] voteTotal;
    /** us[i][j], uf[i][j]: U_s and U_f of i challenging j with r_i; usq[i]: U_sq with r_i (pass 2). */
    private final double[][] us;
    private final double[][] uf;
    private final double[] usq;
    /** Range R and mu of the current round. */
    double range;
    double mu;
    /** Whether the last {@link #step()} computed utilities (false when nobody could move). */
    boolean played;
    private double allPairsDenominator;

    // candidate produced by classify()
    private int candKind;
    private double candTarget;

    /**
     * The n x n matrices of a round. Issues are played one after the other within a round (and
     * each issue's moves are read before the next issue plays), so one workspace sized for the
     * largest issue serves them all.
     */
    static final class Workspace {
        final int capacity;
        final double[][] p;
        final double[][] a;
        final double[][] b;
        final double[][] dt;
        final double[][] us;
        final double[][] uf;

        Workspace(int capacity) {
            this.capacity = capacity;
            p = new double[capacity][capacity];
            a = new double[capacity][capacity];
            b = new double[capacity][capacity];
            dt = new double[capacity][capacity];
            us = new double[capacity][capacity];
            uf = new double[capacity][capacity];
        }
    }

    IssueEngine(EuConfig cfg, double[] x, double[] c, double[] s, double scaleRange) {
        this(cfg, x, c, s, scaleRange, new Workspace(x.length));
    }

    /** An engine whose round matrices live in {@code ws} (shared with the other issues of a run). */
    IssueEngine(EuConfig cfg, double[] x, double[] c, double[] s, double scaleRange, Workspace ws) {
        if (ws.capacity < x.length) {
            throw new IllegalArgumentException("workspace for " + ws.capacity + " actors, issue has " + x.length);
        }
        this.cfg = cfg;
        this.n = x.length;
        this.x = x.clone();
        this.c = c.clone();
        this.s = s.clone();
        this.w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = c[i] * s[i];
        }
        this.r = new double[n];
        Arrays.fill(r, 1.0);
        this.security = new double[n];
        this.p = ws.p;
        this.a = ws.a;
        this.b = ws.b;
        this.kind = new int[n];
        this.with = new int[n];
        Arrays.fill(with, -1);
        this.from = this.x.clone();
        this.to = this.x.clone();
        this.ones = new double[n];
        Arrays.fill(ones, 1.0);
        this.voterR = new double[n];
        this.dt = ws.dt;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        this.sortedX = new double[n];
        this.prefixW = new double[n + 1];
        this.prefixWx = new double[n + 1];
        this.scratch = new double[Math.max(n, 1)];
        this.voteTotal = new double[n];
        this.us = ws.us;
        this.uf = ws.uf;
        this.usq = new double[n];
        this.fixedRange = cfg.range == EuConfig.Range.SCALE ? scaleRange : spread();
        this.range = fixedRange;
        this.mu = median();
    }

    /** Current spread of positions. */
    double spread() {
        if (n == 0) {
            return 0;
        }
        double lo = x[0];
        double hi = x[0];
        for (int i = 1; i < n; i++) {
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        return hi - lo;
    }

    /** One round: median, pass 1 (r = 1), risk exponents, pass 2, offers, simultaneous moves. */
    void step() {
        for (int i = 0; i < n; i++) {
            from[i] = x[i];
            to[i] = x[i];
            kind[i] = NONE;
            with[i] = -1;
        }
        range = cfg.range == EuConfig.Range.CURRENT ? spread() : fixedRange;
        played = false;
        if (n < 2 || !(range > 0) || spread() == 0) {
            Arrays.fill(r, 1.0);
            return;
        }
        played = true;
        mu = cfg.muMean ? mean() : median();
        sortOrder();

        // pass 1: every exponent 1, security levels, risk exponents
        Arrays.fill(r, 1.0);
        probabilities(ones);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum += eu(x[j], x[i], 1.0, s[i], p[j][i], x[j], x[i]);
                }
            }
            security[i] = sum;
        }
        if (cfg.riskOverPositions) {
            riskOverPositions();
        } else {
            riskOverActors();
        }

        // pass 2: the new exponents; U_s and U_f of every ordered pair once (two powers each),
        // shared by the pair's own EU and by the counterpart-view EUs that use the same exponent
        probabilities(r);
        for (int i = 0; i < n; i++) {
            usq[i] = 2 - 4 * pw(0.5, r[i]);
            double[] usRow = us[i];
            double[] ufRow = uf[i];
            for (int j = 0; j < n; j++) {
                double d = Math.abs(x[i] - x[j]) / range;
                usRow[j] = 2 - 4 * pw(0.5 - 0.5 * d, r[i]);
                ufRow[j] = 2 - 4 * pw(0.5 + 0.5 * d, r[i]);
            }
        }
        boolean focalRisk = cfg.counterRisk == EuConfig.CounterRisk.FOCAL;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    a[i][j] = 0;
                    b[i][j] = 0;
                    continue;
                }
                a[i][j] = eu(x[i], x[j], r[i], s[j], p[i][j], x[i], x[j], us[i][j], uf[i][j], usq[i]);
                // j challenging i seen with r_i (perception) or r_j: |x_j - x_i| = |x_i - x_j|
                int rOwner = focalRisk ? i : j;
                double rb = r[rOwner];
                double ubs = focalRisk ? us[i][j] : us[j][i];
                double ubf = focalRisk ? uf[i][j] : uf[j][i];
                double sb = cfg.counterSalienceTarget ? s[i] : s[j];
                if (cfg.counterTermsFocal) {
                    b[i][j] = eu(x[j], x[i], rb, sb, p[j][i], x[i], x[j], ubs, ubf, usq[rOwner]);
                } else {
                    b[i][j] = eu(x[j], x[i], rb, sb, p[j][i], x[j], x[i], ubs, ubf, usq[rOwner]);
                }
            }
        }

        // offers: each actor is the mover only in its own chart
        for (int i = 0; i < n; i++) {
            choose(i);
        }
        for (int i = 0; i < n; i++) {
            x[i] = to[i];
        }
    }

    /**
     * Expected utility of a challenge by the actor at {@code xc} against the actor at {@code xt}:
     * Scholz eqs. 25a/25b with exponent {@code rr}, target salience {@code st} and probability
     * {@code pc} that the challenger prevails; {@code xo}/{@code xother} are the positions whose
     * distances enter U_b, U_w and T.
     */
    double eu(double xc, double xt, double rr, double st, double pc, double xo, double xother) {
        if (xc == xt && cfg.skipSamePosition) {
            return 0;
        }
        double d = Math.abs(xc - xt) / range;
        return eu(xc, xt, rr, st, pc, xo, xother, 2 - 4 * pw(0.5 - 0.5 * d, rr), 2 - 4 * pw(0.5 + 0.5 * d, rr),
                2 - 4 * pw(0.5, rr));
    }

    /** The same with U_s, U_f and U_sq already computed for exponent {@code rr}. */
    private double eu(double xc, double xt, double rr, double st, double pc, double xo, double xother, double us,
                      double uf, double usq) {
        if (xc == xt && cfg.skipSamePosition) {
            return 0;
        }
        double challenge = st * (pc * us + (1 - pc) * uf) + (1 - st) * us;
        double noChallenge = cfg.q * usq;
        if (cfg.q < 1) {
            double dMu = Math.abs(xo - mu);
            double dOther = Math.abs(xo - xother);
            double e = cfg.ubUwDifference ? 0.5 * Math.abs(dOther - dMu) / range : 0.25 * (dMu + dOther) / range;
            double ub = 2 - 4 * pw(0.5 - e, rr);
            double uw = 2 - 4 * pw(0.5 + e, rr);
            double t;
            switch (cfg.t) {
                case ONE:
                    t = 1;
                    break;
                case ZERO:
                    t = 0;
                    break;
                case CLOSER:
                default:
                    t = dMu < dOther ? 1 : 0;
                    break;
            }
            noChallenge += (1 - cfg.q) * (t * ub + (1 - t) * uw);
        }
        return challenge - noChallenge;
    }

    private static double pw(double base, double e) {
        return e == 1.0 ? base : Math.pow(base, e);
    }

    /** R_i and r_i from the security levels, normalised over all actors (Scholz eqs. 32-33). */
    private void riskOverActors() {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, security[i]);
            min = Math.min(min, security[i]);
        }
        for (int i = 0; i < n; i++) {
            r[i] = exponent(security[i], min, max);
        }
    }

    private double exponent(double sec, double min, double max) {
        double span = max - min;
        if (!(span > cfg.zeroBand) || span == 0) {
            return cfg.flatRiskZero ? 0 : 1;
        }
        // R_i lies in [-1, 1] by construction; clamp the rounding error so r stays in [0.5, 2]
        double big = Math.max(-1, Math.min(1, (2 * sec - max - min) / span));
        return (1 - big / 3) / (1 + big / 3);
    }

    /**
     * F8 "positions": i's security at each distinct current position it could hold, others fixed,
     * exponents 1; R_i normalised over those. Recomputes the probabilities directly, O(n^4).
     */
    private void riskOverPositions() {
        for (int i = 0; i < n; i++) {
            double own = x[i];
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int m = 0; m < n; m++) {
                double pos = x[m];
                boolean seen = false;
                for (int e = 0; e < m; e++) {
                    if (x[e] == pos) {
                        seen = true;
                        break;
                    }
                }
                if (seen) {
                    continue;
                }
                x[i] = pos;
                double denominator = cfg.probability == EuConfig.Probability.ALL_PAIRS ? allPairsDirect() : 0;
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        sum += eu(x[j], x[i], 1.0, s[i], probabilityDirect(j, i, denominator), x[j], x[i]);
                    }
                }
                max = Math.max(max, sum);
                min = Math.min(min, sum);
            }
            x[i] = own;
            scratch[i] = exponent(security[i], min, max);
        }
        System.arraycopy(scratch, 0, r, 0, n);
    }

    private double allPairsDirect() {
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
    private double probabilityDirect(int i, int j, double allPairs) {
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

    private double probability(double nij, double nji, double allPairs) {
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

    /** Fills {@link #p} with voter exponents {@code rv} (used only when votes are powered). */
    private void probabilities(double[] rv) {
        for (int k = 0; k < n; k++) {
            voterR[k] = cfg.poweredVotes ? rv[k] : 1.0;
        }
        for (int j = 0; j < n; j++) {
            double[] row = dt[j];
            double xj = x[j];
            for (int k = 0; k < n; k++) {
                row[k] = pw(Math.abs(x[k] - xj) / range, voterR[k]);
            }
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

    /**
     * {@link #p} for linear votes in O(n^2 log n): over the positions sorted with prefix sums of
     * w and w x, the voters at or beyond the nearer end give the whole distance, those between
     * it and the midpoint give (x_lo + x_hi - 2 x_k), those at the midpoint nothing.
     */
    private void probabilitiesLinear() {
        prefixW[0] = 0;
        prefixWx[0] = 0;
        for (int m = 0; m < n; m++) {
            int k = order[m];
            sortedX[m] = x[k];
            prefixW[m + 1] = prefixW[m] + w[k];
            prefixWx[m + 1] = prefixWx[m] + w[k] * x[k];
        }
        for (int i = 0; i < n; i++) {
            p[i][i] = 0;
            for (int j = i + 1; j < n; j++) {
                if (x[i] == x[j]) {
                    p[i][j] = 0;
                    p[j][i] = 0;
                    continue;
                }
                double lo = Math.min(x[i], x[j]);
                double hi = Math.max(x[i], x[j]);
                double mid = (lo + hi) / 2;
                int aLo = upper(lo);
                int bMid = lower(mid);
                int cMid = upper(mid);
                int dHi = lower(hi);
                double span = hi - lo;
                double forLo = span * prefixW[aLo] + (lo + hi) * (prefixW[bMid] - prefixW[aLo])
                        - 2 * (prefixWx[bMid] - prefixWx[aLo]);
                double forHi = span * (prefixW[n] - prefixW[dHi]) + 2 * (prefixWx[dHi] - prefixWx[cMid])
                        - (lo + hi) * (prefixW[dHi] - prefixW[cMid]);
                forLo = Math.max(0, forLo) / range;
                forHi = Math.max(0, forHi) / range;
                double nij = x[i] < x[j] ? forLo : forHi;
                double nji = x[i] < x[j] ? forHi : forLo;
                if (cfg.thirdPartiesOnly) {
                    nij -= w[i] * dt[j][i];
                    nji -= w[j] * dt[i][j];
                }
                p[i][j] = probability(nij, nji, allPairsDenominator);
                p[j][i] = probability(nji, nij, allPairsDenominator);
            }
        }
    }

    /** Number of sorted positions {@code <= v}. */
    private int upper(double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedX[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of sorted positions {@code < v}. */
    private int lower(double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedX[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Scholz's code's denominator: sum over voters k and ordered pairs (u, v) of
     * w_k |dt[u][k] - dt[v][k]|, in O(n^2) by walking the positions outward from each voter.
     */
    private double allPairs() {
        double total = 0;
        for (int k = 0; k < n; k++) {
            double xk = x[k];
            // split: first index in sorted order with position >= xk
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (x[order[mid]] < xk) {
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
                } else if (xk - x[order[left]] < x[order[right]] - xk) {
                    pick = order[left--];
                } else {
                    pick = order[right++];
                }
                sum += dt[pick][k] * (2 * m - (n - 1));
            }
            total += w[k] * 2 * sum;
        }
        return total;
    }

    /** Insertion sort of {@link #order} by position (nearly sorted from the last round). */
    private void sortOrder() {
        for (int m = 1; m < n; m++) {
            int v = order[m];
            double xv = x[v];
            int q = m - 1;
            while (q >= 0 && (x[order[q]] > xv || (x[order[q]] == xv && order[q] > v))) {
                order[q + 1] = order[q];
                q--;
            }
            order[q + 1] = v;
        }
    }

    /** Weighted mean of the current positions (c x s), plain mean when every weight is 0. */
    double mean() {
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += w[i] * x[i];
            den += w[i];
        }
        if (den > 0) {
            return num / den;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i];
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The median voter position of the current positions (F16). */
    double median() {
        if (n == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += w[i];
        }
        boolean equal = !(total > 0);
        if (cfg.median != EuConfig.Median.CONDORCET) {
            // eum / dmasad: the first actor whose position minimises sum_k w_k |x_k - x|
            double best = Double.POSITIVE_INFINITY;
            double at = x[0];
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int k = 0; k < n; k++) {
                    f += (equal ? 1 : w[k]) * Math.abs(x[k] - x[i]);
                }
                if (f < best) {
                    best = f;
                    at = x[i];
                }
            }
            return at;
        }
        sortOrder();
        if (equal) {
            total = n;
        }
        double half = total / 2;
        double cum = 0;
        for (int m = 0; m < n; m++) {
            int i = order[m];
            cum += equal ? 1 : w[i];
            while (m + 1 < n && x[order[m + 1]] == x[i]) {
                m++;
                cum += equal ? 1 : w[order[m]];
            }
            if (cum >= half - 1e-12 * total) {
                // at an exact half both this point and the next are weak Condorcet winners: the lower one
                return x[i];
            }
        }
        return x[order[n - 1]];
    }

    /**
     * Classifies the dyad (i focal, j counterpart) from i's chart at the positions the round
     * started from; sets {@link #candKind} and {@link #candTarget} (i's new position if it accepts).
     */
    private void classify(int i, int j) {
        candKind = NONE;
        candTarget = from[i];
        if (i == j || (from[i] == from[j] && cfg.skipSamePosition)) {
            return;
        }
        double ai = a[i][j];
        double bj = b[i][j];
        double z = cfg.zeroBand;
        boolean nearA = Math.abs(ai) < z;
        boolean nearB = Math.abs(bj) < z;
        if (nearA && nearB) {
            return;
        }
        if (nearA) {
            if (bj > 0) {
                compromise(i, j, ai, bj);
            }
            return;
        }
        if (nearB) {
            return;
        }
        if (ai > 0 && bj > 0) {
            if (ai < bj) {
                switch (cfg.conflict) {
                    case NONE:
                        return;
                    case EXPECTED:
                        candKind = CONFLICT;
                        candTarget = from[i] + (1 - p[i][j]) * (from[j] - from[i]);
                        return;
                    case FULL:
                    default:
                        candKind = CONFLICT;
                        candTarget = from[j];
                        return;
                }
            }
            return;
        }
        if (ai < 0 && bj > 0) {
            if (bj > -ai) {
                compromise(i, j, ai, bj);
            } else if (-ai > bj && cfg.capitulationFixed) {
                candKind = CAPITULATE;
                candTarget = from[j];
            }
        }
    }

    private void compromise(int i, int j, double ai, double bj) {
        candKind = COMPROMISE;
        if (cfg.compromiseRatio) {
            candTarget = from[i] + (from[j] - from[i]) * Math.abs(ai / bj);
        } else {
            candTarget = weightedAverage(i, j, ai, bj);
        }
    }

    private double weightedAverage(int i, int j, double ai, double bj) {
        double wa = Math.abs(ai);
        double wb = Math.abs(bj);
        return (wa * from[i] + wb * from[j]) / (wa + wb);
    }

    /** Actor i picks one offer (F13) and records it in kind/with/to. */
    private void choose(int i) {
        if (cfg.offerChoice == EuConfig.OfferChoice.HIGHEST_EU) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (j == i || !(b[i][j] > 0)) {
                    continue;
                }
                if (best < 0 || b[i][j] > b[i][best]
                        || (b[i][j] == b[i][best] && Math.abs(from[i] - from[j]) < Math.abs(from[i] - from[best]))) {
                    best = j;
                }
            }
            if (best >= 0) {
                classify(i, best);
                if (candKind != NONE) {
                    kind[i] = candKind;
                    with[i] = best;
                    to[i] = candTarget;
                }
            }
            return;
        }
        int bestKind = NONE;
        int bestWith = -1;
        double bestTarget = from[i];
        double bestKey = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            classify(i, j);
            if (candKind == NONE) {
                continue;
            }
            double key = cfg.offerChoice == EuConfig.OfferChoice.CLASS_WEIGHTED_KEY && candKind == COMPROMISE
                    ? weightedAverage(i, j, a[i][j], b[i][j])
                    : Math.abs(candTarget - from[i]);
            boolean better;
            if (bestKind == NONE || rank(candKind) < rank(bestKind)) {
                better = true;
            } else if (rank(candKind) > rank(bestKind)) {
                better = false;
            } else if (key != bestKey) {
                better = key < bestKey;
            } else if (cfg.tiesFirst) {
                better = false;
            } else {
                // equal: the proposer with the higher expected utility, then the lower position
                double bNew = b[i][j];
                double bOld = b[i][bestWith];
                better = bNew > bOld || (bNew == bOld && candTarget < bestTarget);
            }
            if (better) {
                bestKind = candKind;
                bestWith = j;
                bestTarget = candTarget;
                bestKey = key;
            }
        }
        if (bestKind != NONE) {
            kind[i] = bestKind;
            with[i] = bestWith;
            to[i] = bestTarget;
        }
    }

    private static int rank(int k) {
        switch (k) {
            case CONFLICT:
                return 0;
            case COMPROMISE:
                return 1;
            case CAPITULATE:
                return 2;
            default:
                return 3;
        }
    }

    /** For explanations: the kind of the offer j made to i in the last round ({@link #NONE} if none). */
    int offerKind(int i, int j) {
        if (!played) {
            return NONE;
        }
        classify(i, j);
        return candKind;
    }

    /** For explanations: where accepting j's offer would have moved i in the last round. */
    double offerTarget(int i, int j) {
        classify(i, j);
        return candTarget;
    }
}
