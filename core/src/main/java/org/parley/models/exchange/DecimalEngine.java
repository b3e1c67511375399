package org.parley.models.exchange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

import org.parley.engine.Problem;

/**
 * The exchange model's rounds in 28-digit decimal arithmetic, rounding half-even after every
 * operation: the arithmetic of the Python code ({@code decimal.Decimal}, default context). It
 * exists for exact replication: where two gains are mathematically equal, the Python code's order
 * is decided by rounding in the 27th or 28th digit, which doubles cannot reproduce. The same steps
 * as {@link DoubleEngine} and {@link Candidate}; about 20 times slower.
 */
final class DecimalEngine implements Engine {

    static final MathContext MC = new MathContext(28, RoundingMode.HALF_EVEN);
    /** Inputs are doubles; 15 significant digits recover the decimal the data file states (0.35, not 0.35000000000000003). */
    private static final MathContext INPUT = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal ONE = BigDecimal.ONE;
    /** The Python code compares with float literals: their exact binary values. */
    private static final BigDecimal TINY_MOVE = new BigDecimal(1e-10);
    private static final BigDecimal TIE = new BigDecimal(1e-20);

    private static final Comparator<Cand> HIGHEST_GAIN_FIRST = (a, b) -> b.gain.compareTo(a.gain);

    private final int n;
    private final int m;
    private final BigDecimal[][] s;
    private final BigDecimal[][] c;
    private final boolean[][] eligible;
    private final int[][] order;
    private final ExchangeSettings o;
    private final RandomGenerator random;
    private final BigDecimal rexP;
    private final BigDecimal sw;
    private final BigDecimal fw;
    private BigDecimal[][] x;

    DecimalEngine(Problem problem, double[][] x0, boolean[][] eligible, int[][] order, ExchangeSettings o,
                  RandomGenerator random) {
        this.n = x0.length;
        this.m = order.length;
        this.eligible = eligible;
        this.order = order;
        this.o = o;
        this.random = random;
        this.rexP = BigDecimal.valueOf(o.p());
        this.sw = new BigDecimal(o.salienceWeight());
        this.fw = new BigDecimal(o.fixedWeight());
        this.s = new BigDecimal[n][m];
        this.c = new BigDecimal[n][m];
        this.x = new BigDecimal[n][m];
        for (int k = 0; k < m; k++) {
            BigDecimal lo = input(problem.scaleMin(k));
            BigDecimal step = HUNDRED.divide(input(problem.scaleMax(k)).subtract(lo, MC), MC);
            for (int a : order[k]) {
                s[a][k] = input(problem.salience()[a][k]);
                c[a][k] = input(problem.capability()[a]);
                x[a][k] = input(problem.position()[a][k]).subtract(lo, MC).multiply(step, MC);
            }
        }
    }

    private static BigDecimal input(double v) {
        return BigDecimal.valueOf(v).round(INPUT);
    }

    // ---- one round ----

    private BigDecimal[] denom;
    private BigDecimal[][] cur;
    /** position x salience x capability, rounded as the Python code rounds it, for x and for cur. */
    private BigDecimal[][] xsc;
    private BigDecimal[][] cursc;

    private BigDecimal product(BigDecimal pos, int a, int k) {
        return pos.multiply(s[a][k], MC).multiply(c[a][k], MC);
    }

    private BigDecimal outcome(BigDecimal[][] pos, int k) {
        if (denom[k].signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal num = BigDecimal.ZERO;
        for (int a : order[k]) {
            num = num.add(product(pos[a][k], a, k), MC);
        }
        return num.divide(denom[k], MC);
    }

    private double[] outcomes(BigDecimal[][] pos) {
        double[] res = new double[m];
        for (int k = 0; k < m; k++) {
            res[k] = outcome(pos, k).doubleValue();
        }
        return res;
    }

    @Override
    public RoundOutput next() {
        denom = new BigDecimal[m];
        for (int k = 0; k < m; k++) {
            BigDecimal d = BigDecimal.ZERO;
            for (int a : order[k]) {
                d = d.add(s[a][k].multiply(c[a][k], MC), MC);
            }
            denom[k] = d;
        }
        cur = copy(x);
        xsc = new BigDecimal[n][m];
        for (int k = 0; k < m; k++) {
            for (int a : order[k]) {
                xsc[a][k] = product(x[a][k], a, k);
            }
        }
        cursc = copy(xsc);
        BigDecimal[] start = new BigDecimal[m];
        double[] startD = new double[m];
        for (int k = 0; k < m; k++) {
            start[k] = outcome(x, k);
            startD[k] = start[k].doubleValue();
        }
        List<Cand> list = new ArrayList<>();
        int[] size = new int[4];
        int[][] members = new int[4][n];
        for (int pi = 0; pi < m; pi++) {
            for (int q = pi + 1; q < m; q++) {
                Arrays.fill(size, 0);
                for (int a = 0; a < n; a++) {
                    if (eligible[a][pi] && eligible[a][q]) {
                        int g = (x[a][pi].compareTo(start[pi]) <= 0 ? 1 : 0) | (x[a][q].compareTo(start[q]) <= 0 ? 2 : 0);
                        members[g][size[g]++] = a;
                    }
                }
                for (int pair = 0; pair < 2; pair++) {
                    int ga = pair == 0 ? 0 : 1;
                    int gb = pair == 0 ? 3 : 2;
                    for (int u = 0; u < size[ga]; u++) {
                        for (int v = 0; v < size[gb]; v++) {
                            Cand cand = new Cand(members[ga][u], members[gb][v], pi, q);
                            cand.calculate();
                            list.add(cand);
                        }
                    }
                }
            }
        }
        List<Cand> realized = new ArrayList<>();
        List<Realized> out = new ArrayList<>();
        int ties = 0;
        while (!list.isEmpty()) {
            list.sort(HIGHEST_GAIN_FIRST);
            Cand e = list.remove(0);
            if (!list.isEmpty() && o.ties() != ExchangeSettings.Ties.ORDERED) {
                Cand second = list.get(0);
                if (e.gain.subtract(second.gain, MC).abs().compareTo(TIE) < 0) {
                    ties++;
                    if (random.nextDouble() >= 0.5) {
                        list.add(e);
                        e = list.remove(0);
                    } else if (o.ties() == ExchangeSettings.Ties.RANDOM) {
                        list.add(second);
                    }
                }
            }
            if (!e.valid) {
                continue;
            }
            cur[e.i.actor][e.i.supply] = e.i.y;
            cur[e.j.actor][e.j.supply] = e.j.y;
            cursc[e.i.actor][e.i.supply] = product(e.i.y, e.i.actor, e.i.supply);
            cursc[e.j.actor][e.j.supply] = product(e.j.y, e.j.actor, e.j.supply);
            int keep = 0;
            for (int t = 0; t < list.size(); t++) {
                Cand cand = list.get(t);
                if (cand.valid) {
                    cand.recalculate(e);
                    if (cand.valid) {
                        list.set(keep++, cand);
                    }
                }
            }
            list.subList(keep, list.size()).clear();
            realized.add(e);
            out.add(new Realized(e.i.supplyRecord(), e.j.supplyRecord(), e.gain.doubleValue()));
        }
        BigDecimal[][] vote = copy(x);
        for (Cand e : realized) {
            vote[e.i.actor][e.i.supply] = e.i.y;
            vote[e.j.actor][e.j.supply] = e.j.y;
        }
        BigDecimal[][] next = copy(vote);
        for (Cand e : realized) {
            next[e.i.actor][e.i.supply] = shift(e.i);
            next[e.j.actor][e.j.supply] = shift(e.j);
        }
        x = next;
        return new RoundOutput(startD, toDouble(vote), outcomes(vote), outcomes(next), out, ties);
    }

    /** {@code new_start_position}: (1 - s) sw y + fw y + (1 - (1 - s) sw - fw) x. */
    private BigDecimal shift(DSide a) {
        BigDecimal oneMinusS = ONE.subtract(a.sSupply, MC);
        BigDecimal swv = oneMinusS.multiply(sw, MC).multiply(a.y, MC);
        BigDecimal fwv = fw.multiply(a.y, MC);
        BigDecimal pv = ONE.subtract(oneMinusS.multiply(sw, MC), MC).subtract(fw, MC).multiply(a.start, MC);
        return swv.add(fwv, MC).add(pv, MC);
    }

    private BigDecimal[][] copy(BigDecimal[][] v) {
        BigDecimal[][] out = new BigDecimal[n][];
        for (int a = 0; a < n; a++) {
            out[a] = v[a].clone();
        }
        return out;
    }

    private double[][] toDouble(BigDecimal[][] v) {
        double[][] out = new double[n][m];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < m; k++) {
                out[a][k] = v[a][k] == null ? Double.NaN : v[a][k].doubleValue();
            }
        }
        return out;
    }

    private static BigDecimal abs(BigDecimal v) {
        return v.abs();
    }

    // ---- one side and one candidate: the steps of Side and Candidate, in decimals ----

    private final class DSide {
        final int actor;
        final int supply;
        final int demand;
        final BigDecimal sSupply;
        final BigDecimal cSupply;
        final BigDecimal sDemand;
        final BigDecimal start;
        final BigDecimal demandPos;
        BigDecimal supplyPos;
        BigDecimal y = BigDecimal.ZERO;
        BigDecimal move = BigDecimal.ZERO;
        BigDecimal eu = BigDecimal.ZERO;
        BigDecimal nbs0 = BigDecimal.ZERO;
        BigDecimal nbs1 = BigDecimal.ZERO;
        BigDecimal euMax = BigDecimal.ZERO;
        DSide opposite;
        private final List<BigDecimal> moves = new ArrayList<>(4);

        DSide(int actor, int supply, int demand) {
            this.actor = actor;
            this.supply = supply;
            this.demand = demand;
            this.sSupply = s[actor][supply];
            this.cSupply = c[actor][supply];
            this.sDemand = s[actor][demand];
            this.start = x[actor][supply];
            this.demandPos = x[actor][demand];
            this.supplyPos = start;
        }

        Supply supplyRecord() {
            return new Supply(actor, supply, demand, supplyPos.doubleValue(), y.doubleValue(), eu.doubleValue());
        }

        void popMove() {
            moves.remove(moves.size() - 1);
        }

        BigDecimal lastMove() {
            return moves.get(moves.size() - 1);
        }

        boolean validMove(BigDecimal mv) {
            BigDecimal a = mv.abs();
            if (a.compareTo(HUNDRED) > 0 || a.compareTo(TINY_MOVE) <= 0) {
                return false;
            }
            BigDecimal to = supplyPos.add(mv, MC);
            if (to.signum() < 0 || to.compareTo(HUNDRED) > 0) {
                return false;
            }
            if (o.sumRule()) {
                BigDecimal sum = BigDecimal.ZERO;
                for (BigDecimal t : moves) {
                    sum = sum.add(t, MC);
                }
                if (sum.compareTo(HUNDRED) > 0) {
                    return false;
                }
            }
            BigDecimal min = moves.get(0);
            BigDecimal max = moves.get(0);
            for (BigDecimal t : moves) {
                min = min.min(t);
                max = max.max(t);
            }
            return (min.signum() < 0 && max.signum() < 0) || (min.signum() > 0 && max.signum() > 0);
        }

        boolean sameActorSupply(DSide other) {
            return actor == other.actor && supply == other.supply;
        }

        boolean sameActorDemand(DSide other) {
            return actor == other.actor && demand == other.demand;
        }
    }

    private final class Cand {
        final int p;
        final DSide i;
        final DSide j;
        BigDecimal gain = BigDecimal.ZERO;
        boolean valid = true;
        BigDecimal dp;
        BigDecimal dq;
        private final BigDecimal[][] updates = new BigDecimal[2][];

        Cand(int a, int b, int p, int q) {
            this.p = p;
            BigDecimal ra = s[a][p].divide(s[a][q], MC);
            BigDecimal rb = s[b][p].divide(s[b][q], MC);
            if (ra.compareTo(rb) < 0) {
                i = new DSide(b, q, p);
                j = new DSide(a, p, q);
            } else {
                i = new DSide(a, q, p);
                j = new DSide(b, p, q);
            }
            i.opposite = j;
            j.opposite = i;
        }

        private BigDecimal[] updatesFor(int issue, boolean create) {
            int slot = issue == p ? 0 : 1;
            if (updates[slot] == null && create) {
                updates[slot] = new BigDecimal[n];
            }
            return updates[slot];
        }

        /**
         * The product term of actor {@code b} on {@code a}'s supply issue. {@code ownFirst}: the
         * actor's own position is set before the recorded updates (adjusted_nbs_by_position), else
         * after them (adjusted_nbs).
         */
        private BigDecimal term(DSide a, int b, BigDecimal own, BigDecimal[] upd, boolean ownFirst) {
            int k = a.supply;
            if (b == a.actor && !ownFirst) {
                return product(own, b, k);
            }
            if (o.overshootAll()) {
                return b == a.actor ? product(own, b, k) : cursc[b][k];
            }
            if (upd != null && upd[b] != null) {
                return product(upd[b], b, k);
            }
            return b == a.actor ? product(own, b, k) : xsc[b][k];
        }

        BigDecimal adjustNbs(DSide a, BigDecimal position) {
            int k = a.supply;
            if (denom[k].signum() == 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal[] upd = o.overshootAll() ? null : updatesFor(k, false);
            BigDecimal num = BigDecimal.ZERO;
            for (int b : order[k]) {
                num = num.add(term(a, b, position, upd, false), MC);
            }
            return num.divide(denom[k], MC);
        }

        BigDecimal moveForOutcome(DSide a, BigDecimal from, BigDecimal target) {
            int k = a.supply;
            BigDecimal[] upd = o.overshootAll() ? null : updatesFor(k, false);
            BigDecimal num = BigDecimal.ZERO;
            for (int b : order[k]) {
                num = num.add(term(a, b, from, upd, true), MC);
            }
            BigDecimal left = target.multiply(denom[k], MC).subtract(num, MC);
            return left.divide(a.sSupply.multiply(a.cSupply, MC), MC);
        }

        private BigDecimal reverseMove(DSide a, BigDecimal ratio) {
            return ratio.multiply(denom[a.supply], MC).divide(a.cSupply.multiply(a.sSupply, MC), MC);
        }

        private BigDecimal byExchangeRatio(DSide a, BigDecimal ratio) {
            DSide d = a.opposite;
            return a.sSupply.add(d.sDemand, MC).divide(a.sDemand.add(d.sSupply, MC), MC).multiply(ratio, MC);
        }

        private BigDecimal byAbsoluteMove(DSide a) {
            return abs(a.opposite.demandPos.subtract(a.supplyPos, MC)).multiply(a.sSupply, MC)
                    .multiply(a.cSupply, MC).divide(denom[a.supply], MC);
        }

        private BigDecimal exchangeRatio(BigDecimal delta, DSide a) {
            return delta.multiply(a.sSupply, MC).multiply(a.cSupply, MC).divide(denom[a.supply], MC);
        }

        private BigDecimal expectedUtility(DSide a, BigDecimal demandRatio, BigDecimal supplyRatio) {
            return abs(demandRatio.multiply(a.sSupply, MC).subtract(supplyRatio.multiply(a.sDemand, MC), MC));
        }

        void calculate() {
            dp = byAbsoluteMove(j);
            dq = byExchangeRatio(j, dp);
            i.move = reverseMove(i, dq);
            j.move = abs(i.demandPos.subtract(j.supplyPos, MC));
            if (abs(i.move).compareTo(abs(j.demandPos.subtract(i.supplyPos, MC))) > 0) {
                dq = byAbsoluteMove(i);
                dp = byExchangeRatio(i, dq);
                i.move = abs(j.demandPos.subtract(i.supplyPos, MC));
                j.move = reverseMove(j, dp);
            }
            if (i.supplyPos.compareTo(j.demandPos) > 0) {
                i.move = i.move.negate();
            }
            if (j.supplyPos.compareTo(i.demandPos) > 0) {
                j.move = j.move.negate();
            }
            i.moves.add(i.move);
            j.moves.add(j.move);
            i.y = i.supplyPos.add(i.move, MC);
            j.y = j.supplyPos.add(j.move, MC);
            gain = abs(expectedUtility(i, dq, dp));
            i.eu = gain;
            j.eu = gain;
            valid = i.validMove(i.move) && j.validMove(j.move);
            if (gain.compareTo(TINY_MOVE) < 0) {
                valid = false;
            }
            if (!valid) {
                return;
            }
            checkNbs(i);
            checkNbs(j);
            valid = i.validMove(i.move) && j.validMove(j.move);
            if (o.p() > 0) {
                double u = random.nextDouble();
                double v = random.nextDouble();
                double z = random.nextDouble();
                maximumUtility();
                randomizedGain(u < 0.5 ? i : j, v, new BigDecimal(z));
            }
        }

        private void checkNbs(DSide a) {
            DSide b = a.opposite;
            a.nbs0 = adjustNbs(a, a.supplyPos);
            a.nbs1 = adjustNbs(a, a.y);
            BigDecimal xd = b.demandPos;
            int s0 = xd.subtract(a.nbs0, MC).signum();
            int s1 = xd.subtract(a.nbs1, MC).signum();
            if ((s0 >= 0 && s1 >= 0) || (s0 <= 0 && s1 <= 0)) {
                return;
            }
            BigDecimal delta = abs(moveForOutcome(a, a.supplyPos, xd));
            dp = exchangeRatio(delta, a);
            dq = byExchangeRatio(a, dp);
            b.move = abs(reverseMove(b, dq));
            a.move = delta;
            if (b.supplyPos.compareTo(a.demandPos) > 0) {
                b.move = b.move.negate();
            }
            if (a.supplyPos.compareTo(b.demandPos) > 0) {
                a.move = a.move.negate();
            }
            b.popMove();
            a.popMove();
            b.moves.add(b.move);
            a.moves.add(a.move);
            b.y = b.supplyPos.add(b.move, MC);
            a.y = a.supplyPos.add(a.move, MC);
            gain = abs(expectedUtility(b, dq, dp));
            boolean b1 = b.validMove(b.move);
            boolean b2 = a.validMove(a.move);
            a.nbs1 = adjustNbs(a, a.y);
            valid = b1 && b2;
        }

        private void maximumUtility() {
            boolean iOptimal = i.demandPos.compareTo(i.y) == 0;
            boolean jOptimal = j.demandPos.compareTo(j.y) == 0;
            BigDecimal nbsI = adjustNbs(i, iOptimal ? i.y : j.demandPos);
            BigDecimal nbsJ = adjustNbs(j, jOptimal ? j.y : i.demandPos);
            BigDecimal deltaI = abs(i.nbs0.subtract(nbsI, MC));
            BigDecimal deltaJ = abs(j.nbs0.subtract(nbsJ, MC));
            BigDecimal loss1 = deltaJ.multiply(j.sSupply, MC);
            BigDecimal gain2 = deltaJ.multiply(i.sDemand, MC);
            BigDecimal loss2 = deltaI.multiply(i.sSupply, MC);
            BigDecimal gain1 = deltaI.multiply(j.sDemand, MC);
            BigDecimal utilityI = gain1.subtract(loss1, MC);
            BigDecimal utilityJ = gain2.subtract(loss2, MC);
            BigDecimal overwrite = null;
            if (iOptimal && utilityI.signum() > 0) {
                overwrite = gain2.subtract(loss1.divide(j.sDemand, MC).multiply(i.sSupply, MC), MC);
            }
            if (jOptimal && utilityJ.signum() > 0) {
                overwrite = gain1.subtract(loss2.divide(i.sDemand, MC).multiply(j.sSupply, MC), MC);
            }
            DSide a;
            BigDecimal g;
            BigDecimal l;
            if (gain2.compareTo(gain1) > 0) {
                a = j;
                g = gain1;
                l = loss2;
            } else {
                a = i;
                g = gain2;
                l = loss1;
            }
            BigDecimal sh = a.sSupply.divide(a.sSupply.add(a.opposite.sDemand, MC), MC);
            BigDecimal d2u1 = l.divide(sh.multiply(a.opposite.sDemand, MC), MC);
            BigDecimal d2u2 = g.divide(sh.multiply(a.sSupply, MC), MC);
            if (overwrite != null && overwrite.signum() != 0) {
                a.opposite.euMax = overwrite;
            } else {
                a.opposite.euMax = sh.multiply(a.opposite.sDemand, MC).multiply(d2u2, MC).subtract(l, MC);
            }
            a.euMax = g.subtract(sh.multiply(a.sSupply, MC).multiply(d2u1, MC), MC);
        }

        private void randomizedGain(DSide f, double v, BigDecimal z) {
            DSide w = f.opposite;
            BigDecimal eu = gain;
            BigDecimal eui;
            if (v < 0.5) {
                eui = eu.add(rexP.multiply(z, MC).multiply(f.euMax.subtract(eu, MC), MC), MC);
            } else {
                eui = eu.subtract(rexP.multiply(z, MC).multiply(eu, MC), MC);
            }
            BigDecimal moveI = abs(f.supplyPos.subtract(w.demandPos, MC));
            BigDecimal ratioQ = exchangeRatio(moveI, f);
            BigDecimal ratioP = eui.add(ratioQ.multiply(f.sSupply, MC), MC).divide(f.sDemand, MC);
            BigDecimal moveJ = reverseMove(w, ratioP);
            BigDecimal euj = abs(expectedUtility(w, ratioP, ratioQ));
            BigDecimal deltaJ = abs(w.supplyPos.subtract(f.demandPos, MC));
            if (abs(moveJ).compareTo(deltaJ) > 0) {
                ratioP = exchangeRatio(deltaJ, w);
                ratioQ = abs(eui.subtract(ratioP.multiply(f.sDemand, MC), MC).divide(f.sSupply, MC));
                moveJ = deltaJ;
                moveI = reverseMove(f, ratioQ);
                if (abs(moveI).compareTo(abs(f.supplyPos.subtract(w.demandPos, MC))) < 0) {
                    euj = abs(expectedUtility(w, ratioP, ratioQ));
                    BigDecimal signed = w.supplyPos.compareTo(f.demandPos) > 0 ? moveJ.negate() : moveJ;
                    w.nbs0 = adjustNbs(w, w.supplyPos.add(signed, MC));
                }
            } else {
                BigDecimal signed = f.supplyPos.compareTo(w.demandPos) > 0 ? moveI.negate() : moveI;
                BigDecimal nbsAdjusted = adjustNbs(f, f.supplyPos.add(signed, MC));
                BigDecimal xd = w.demandPos;
                boolean outside = (xd.compareTo(f.nbs0) >= 0 && xd.compareTo(nbsAdjusted) >= 0)
                        || (xd.compareTo(f.nbs0) <= 0 && xd.compareTo(nbsAdjusted) <= 0);
                if (!outside) {
                    BigDecimal delta = abs(moveForOutcome(f, f.supplyPos, xd));
                    ratioQ = exchangeRatio(delta, f);
                    ratioP = eui.add(ratioQ.multiply(f.sSupply, MC), MC).divide(f.sDemand, MC);
                    BigDecimal moveJb = reverseMove(w, ratioP);
                    euj = abs(expectedUtility(w, ratioP, ratioQ));
                    moveI = signed;
                    moveJ = moveJb;
                }
            }
            f.eu = eui;
            w.eu = euj;
            f.move = moveI;
            w.move = moveJ;
            if (f.supplyPos.compareTo(w.demandPos) > 0) {
                f.move = f.move.negate();
            }
            if (w.supplyPos.compareTo(f.demandPos) > 0) {
                w.move = w.move.negate();
            }
            f.popMove();
            f.moves.add(f.move);
            w.popMove();
            w.moves.add(w.move);
            f.y = f.supplyPos.add(f.move, MC);
            w.y = w.supplyPos.add(w.move, MC);
            boolean b1 = f.validMove(f.move);
            boolean b2 = w.validMove(w.move);
            valid = b1 && b2;
            f.nbs0 = adjustNbs(f, f.supplyPos);
            f.nbs1 = adjustNbs(f, f.y);
            w.nbs0 = adjustNbs(w, w.supplyPos);
            w.nbs1 = adjustNbs(w, w.y);
        }

        private void takeBackMoves() {
            i.popMove();
            j.popMove();
        }

        void recalculate(Cand e) {
            boolean invalidI = false;
            boolean invalidJ = false;
            if (i.sameActorSupply(e.i)) {
                i.supplyPos = e.i.y;
                i.moves.add(e.i.lastMove());
                invalidI = true;
            } else if (i.sameActorSupply(e.j)) {
                i.supplyPos = e.j.y;
                i.moves.add(e.j.lastMove());
                invalidI = true;
            }
            if (j.sameActorSupply(e.i)) {
                j.supplyPos = e.i.y;
                j.moves.add(e.i.lastMove());
                invalidJ = true;
            } else if (j.sameActorSupply(e.j)) {
                j.supplyPos = e.j.y;
                j.moves.add(e.j.lastMove());
                invalidJ = true;
            }
            boolean reCalc = invalidI || invalidJ;
            if (reCalc) {
                takeBackMoves();
            }
            if (e.j.sameActorDemand(j) || e.j.sameActorDemand(i)) {
                record(e.i, e.j.demand);
                if (!reCalc) {
                    takeBackMoves();
                    reCalc = true;
                }
            }
            if (e.i.sameActorDemand(j) || e.i.sameActorDemand(i)) {
                record(e.j, e.i.demand);
                if (!reCalc) {
                    takeBackMoves();
                    reCalc = true;
                }
            }
            if (reCalc) {
                calculate();
            }
        }

        private void record(DSide mover, int issue) {
            BigDecimal[] upd = updatesFor(issue, true);
            BigDecimal prev = upd[mover.actor];
            if (prev == null) {
                upd[mover.actor] = mover.y;
            } else if (mover.start.compareTo(prev) <= 0) {
                upd[mover.actor] = prev.compareTo(mover.y) < 0 ? prev : mover.y;
            } else if (prev.compareTo(mover.y) > 0) {
                upd[mover.actor] = prev;
            } else {
                upd[mover.actor] = mover.y;
            }
        }
    }
}
