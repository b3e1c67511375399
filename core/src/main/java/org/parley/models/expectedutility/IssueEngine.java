package org.parley.models.expectedutility;

import java.util.Arrays;

import org.parley.engine.Problem;

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

    private EuConfig cfg;
    /** Actors on the issue (the arrays may be longer). */
    int n;
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

    private double fixedRange;
    private final double[] ones;
    /** Actor indices sorted by position (kept between rounds: nearly sorted). */
    final int[] order;
    private final Votes votes;
    private final Offers offers;
    private final double[] scratch;
    /** us[i][j], uf[i][j]: U_s and U_f of i challenging j with r_i; usq[i]: U_sq with r_i (pass 2). */
    private final double[][] us;
    private final double[][] uf;
    private final Workspace workspace;
    private final double[] usq;
    /** Range R and mu of the current round. */
    double range;
    double mu;
    /** Whether the last {@link #step()} computed utilities (false when nobody could move). */
    boolean played;


    IssueEngine(EuConfig cfg, double[] x, double[] c, double[] s, double scaleRange) {
        this(cfg, x, c, s, scaleRange, new Workspace(x.length));
    }

    /** An engine whose round matrices live in {@code ws} (shared with the other issues of a run). */
    IssueEngine(EuConfig cfg, double[] x, double[] c, double[] s, double scaleRange, Workspace ws) {
        this(ws);
        if (ws.capacity < x.length) {
            throw new IllegalArgumentException("workspace for " + ws.capacity + " actors, issue has " + x.length);
        }
        System.arraycopy(x, 0, this.x, 0, x.length);
        System.arraycopy(c, 0, this.c, 0, x.length);
        System.arraycopy(s, 0, this.s, 0, x.length);
        start(cfg, x.length, scaleRange);
    }

    /**
     * An engine for issues of up to {@code ws.capacity} actors, to be {@link #load loaded} with one
     * issue after another (one issue at a time: the untraced runs of a thread reuse it).
     */
    IssueEngine(Workspace ws) {
        int cap = ws.capacity;
        this.x = new double[cap];
        this.c = new double[cap];
        this.s = new double[cap];
        this.w = new double[cap];
        this.r = new double[cap];
        this.security = new double[cap];
        this.p = ws.p;
        this.a = ws.a;
        this.b = ws.b;
        this.kind = new int[cap];
        this.with = new int[cap];
        this.from = new double[cap];
        this.to = new double[cap];
        this.ones = new double[cap];
        Arrays.fill(ones, 1.0);
        this.order = new int[cap];
        this.scratch = new double[Math.max(cap, 1)];
        this.us = ws.us;
        this.uf = ws.uf;
        this.workspace = ws;
        this.usq = new double[cap];
        this.votes = new Votes(this, ws);
        this.offers = new Offers(this);
    }

    /** Issue {@code k} of {@code problem} on the positions, capabilities and saliences of its actors {@code map}. */
    void load(EuConfig config, Problem problem, int k, int[] map) {
        int count = map.length;
        if (count > x.length) {
            throw new IllegalArgumentException("engine for " + x.length + " actors, issue has " + count);
        }
        double[][] position = problem.position();
        double[] capability = problem.capability();
        double[][] salience = problem.salience();
        for (int li = 0; li < count; li++) {
            int i = map[li];
            x[li] = position[i][k];
            c[li] = capability[i];
            s[li] = salience[i][k];
        }
        start(config, count, problem.scaleMax(k) - problem.scaleMin(k));
    }

    /** The state before the first round, from the first {@code count} positions, capabilities and saliences. */
    private void start(EuConfig config, int count, double scaleRange) {
        this.cfg = config;
        this.n = count;
        votes.cfg = config;
        offers.cfg = config;
        for (int i = 0; i < n; i++) {
            w[i] = c[i] * s[i];
            r[i] = 1.0;
            kind[i] = NONE;
            with[i] = -1;
            from[i] = x[i];
            to[i] = x[i];
            order[i] = i;
        }
        played = false;
        this.fixedRange = cfg.range == EuConfig.Range.SCALE ? scaleRange : spread();
        this.range = fixedRange;
        // mu enters only U_b/U_w (q < 1); each round sets it again
        this.mu = cfg.q < 1 ? median() : Double.NaN;
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
        if (cfg.q < 1) {
            mu = cfg.muMean ? mean() : median();
        }
        sortOrder();

        // pass 1: every exponent 1, security levels, risk exponents
        Arrays.fill(r, 1.0);
        votes.probabilities(ones);
        // S_i sums over j in order; j outside reads p by rows
        Arrays.fill(security, 0, n, 0.0);
        for (int j = 0; j < n; j++) {
            double[] pj = p[j];
            for (int i = 0; i < n; i++) {
                if (j != i) {
                    security[i] += eu(x[j], x[i], 1.0, s[i], pj[i], x[j], x[i]);
                }
            }
        }
        if (cfg.riskOverPositions) {
            riskOverPositions();
        } else {
            riskOverActors();
        }

        // pass 2: the new exponents, then each actor's utilities and its choice of offer
        votes.probabilities(r);
        for (int i = 0; i < n; i++) {
            usq[i] = 2 - 4 * pw(0.5, r[i]);
        }
        boolean focalRisk = cfg.counterRisk == EuConfig.CounterRisk.FOCAL;
        // the counterpart's exponent reads U_s, U_f down a column: every row first
        double[][] us = focalRisk ? this.us : workspace.everyUs();
        double[][] uf = focalRisk ? this.uf : workspace.everyUf();
        if (!focalRisk) {
            for (int i = 0; i < n; i++) {
                utilities(i, us[i], uf[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (focalRisk) {
                utilities(i, us[i], uf[i]);
            }
            utilities(i, us, uf);
            // offers: each actor is the mover only in its own chart, which row i holds
            offers.choose(i);
        }
        for (int i = 0; i < n; i++) {
            x[i] = to[i];
        }
    }

    /**
     * U_s and U_f of i challenging every j with r_i (two powers each), shared by the pair's own EU
     * and by the counterpart-view EUs that use the same exponent; not on the diagonal, nor where
     * the pair shares a position and is skipped (never read).
     */
    private void utilities(int i, double[] usRow, double[] ufRow) {
        boolean skipSame = cfg.skipSamePosition;
        double xi = x[i];
        double ri = r[i];
        for (int j = 0; j < n; j++) {
            if (j == i || (skipSame && x[j] == xi)) {
                continue;
            }
            double d = Math.abs(xi - x[j]) / range;
            usRow[j] = 2 - 4 * pw(0.5 - 0.5 * d, ri);
            ufRow[j] = 2 - 4 * pw(0.5 + 0.5 * d, ri);
        }
    }

    /** Row i of {@link #a} and {@link #b}: i's expected utilities and its view of each counterpart's. */
    private void utilities(int i, double[][] us, double[][] uf) {
        boolean focalRisk = cfg.counterRisk == EuConfig.CounterRisk.FOCAL;
        double[] aRow = a[i];
        double[] bRow = b[i];
        for (int j = 0; j < n; j++) {
            if (i == j) {
                aRow[j] = 0;
                bRow[j] = 0;
                continue;
            }
            aRow[j] = eu(x[i], x[j], r[i], s[j], p[i][j], x[i], x[j], us[i][j], uf[i][j], usq[i]);
            // j challenging i seen with r_i (perception) or r_j: |x_j - x_i| = |x_i - x_j|
            int rOwner = focalRisk ? i : j;
            double rb = r[rOwner];
            double ubs = focalRisk ? us[i][j] : us[j][i];
            double ubf = focalRisk ? uf[i][j] : uf[j][i];
            double sb = cfg.counterSalienceTarget ? s[i] : s[j];
            if (cfg.counterTermsFocal) {
                bRow[j] = eu(x[j], x[i], rb, sb, p[j][i], x[i], x[j], ubs, ubf, usq[rOwner]);
            } else {
                bRow[j] = eu(x[j], x[i], rb, sb, p[j][i], x[j], x[i], ubs, ubf, usq[rOwner]);
            }
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

    static double pw(double base, double e) {
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
                double denominator = cfg.probability == EuConfig.Probability.ALL_PAIRS ? votes.allPairsDirect() : 0;
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        sum += eu(x[j], x[i], 1.0, s[i], votes.probabilityDirect(j, i, denominator), x[j], x[i]);
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

    /** For explanations: the kind of the offer j made to i in the last round ({@link #NONE} if none). */
    int offerKind(int i, int j) {
        if (!played) {
            return NONE;
        }
        return offers.kind(i, j);
    }

    /** For explanations: where accepting j's offer would have moved i in the last round. */
    double offerTarget(int i, int j) {
        return offers.target(i, j);
    }
}
