package org.parley.models.exchange;

import java.util.Arrays;

/**
 * A candidate exchange between two actors on two issues: side {@code i} supplies issue {@code q}
 * and demands {@code p}, side {@code j} supplies {@code p} and demands {@code q}. It takes the steps
 * the Equal Gain exchange of decide-exchange-model takes (read there, written anew here; names of
 * its functions in the comments): the equal-gain solution, the overshoot check, the recalculation
 * after another exchange, and the random exchange rates (REX). The order of the arithmetic follows
 * it too, so that ties behave alike.
 */
final class Candidate {

    final RoundState st;
    final int p;
    final int q;
    final Side i;
    final Side j;

    double gain;
    /** {@link #gain} on the comparison grid of {@link DoubleEngine#key}, kept with it. */
    long rank;
    boolean valid = true;
    double dp;
    double dq;
    /**
     * Positions of other actors that earlier exchanges moved, as this candidate knows them, per
     * issue slot (0 = p, 1 = q): a short list of (actor, position), null until the first one.
     */
    private final int[][] updActor = new int[2][];
    private final double[][] updPos = new double[2][];
    private final int[] updCount = new int[2];

    Candidate(RoundState st, int a, int b, int p, int q) {
        this.st = st;
        this.p = p;
        this.q = q;
        double[][] s = st.s;
        Side first;
        Side second;
        // the actor with the relatively higher salience on p demands p and supplies q
        if (s[a][p] / s[a][q] < s[b][p] / s[b][q]) {
            first = new Side(b, q, p, st.x, s, st.c);
            second = new Side(a, p, q, st.x, s, st.c);
        } else {
            first = new Side(a, q, p, st.x, s, st.c);
            second = new Side(b, p, q, st.x, s, st.c);
        }
        this.i = first;
        this.j = second;
        i.opposite = j;
        j.opposite = i;
    }

    /**
     * Writes both update lists into the round's actor index, which the sums and {@link #record}
     * read while this candidate is worked on; {@link #unmark} clears it again.
     */
    private void mark() {
        for (int slot = 0; slot < 2; slot++) {
            int[] index = st.updateIndex[slot];
            int[] ua = updActor[slot];
            for (int u = 0; u < updCount[slot]; u++) {
                index[ua[u]] = u;
            }
        }
    }

    /** Clears what {@link #mark} (and {@link #record}) wrote. */
    private void unmark() {
        for (int slot = 0; slot < 2; slot++) {
            int[] index = st.updateIndex[slot];
            int[] ua = updActor[slot];
            for (int u = 0; u < updCount[slot]; u++) {
                index[ua[u]] = -1;
            }
        }
    }

    // ---- the formulas of decide/model/calculations.py, on this candidate's state ----

    /** Outcome on {@code a}'s supply issue with {@code a} at {@code position} ({@code adjust_nbs}). */
    double adjustNbs(Side a, double position) {
        int k = a.supply;
        double den = st.denom[k];
        if (den == 0) {
            return 0;
        }
        double num = 0;
        int[] order = st.order[k];
        if (st.overshootAll) {
            for (int t = 0; t < order.length; t++) {
                int b = order[t];
                double x = b == a.actor ? position : st.cur[b][k];
                num += x * st.s[b][k] * st.c[b][k];
            }
        } else {
            // x * s * c in that order, as the outcome sums multiply; unmoved actors' terms precomputed
            int slot = k == p ? 0 : 1;
            double[] xsc = st.xsc[k];
            int own = a.actor;
            if (updCount[slot] == 0) {
                for (int t = 0; t < order.length; t++) {
                    int b = order[t];
                    num += b == own ? position * st.s[b][k] * st.c[b][k] : xsc[t];
                }
            } else {
                int[] index = st.updateIndex[slot];
                for (int t = 0; t < order.length; t++) {
                    int b = order[t];
                    int u;
                    if (b == own) {
                        num += position * st.s[b][k] * st.c[b][k];
                    } else if ((u = index[b]) >= 0) {
                        num += updPos[slot][u] * st.s[b][k] * st.c[b][k];
                    } else {
                        num += xsc[t];
                    }
                }
            }
        }
        return num / den;
    }

    /**
     * How far {@code a} must move from {@code from} to put the outcome at {@code target}, signed
     * ({@code adjusted_nbs_by_position}: its identity test on deep-copied keys keeps the actor's own
     * term in the sum, so the result is the move, not the position).
     */
    double moveForOutcome(Side a, double from, double target) {
        int k = a.supply;
        double num = 0;
        int[] order = st.order[k];
        if (st.overshootAll) {
            for (int t = 0; t < order.length; t++) {
                int b = order[t];
                double x = b == a.actor ? from : st.cur[b][k];
                num += x * st.s[b][k] * st.c[b][k];
            }
        } else {
            // the recorded update comes before the actor's own position here (see above)
            int slot = k == p ? 0 : 1;
            double[] xsc = st.xsc[k];
            int own = a.actor;
            int[] index = st.updateIndex[slot];
            for (int t = 0; t < order.length; t++) {
                int b = order[t];
                int u = index[b];
                if (u >= 0) {
                    num += updPos[slot][u] * st.s[b][k] * st.c[b][k];
                } else if (b == own) {
                    num += from * st.s[b][k] * st.c[b][k];
                } else {
                    num += xsc[t];
                }
            }
        }
        double left = target * st.denom[k] - num;
        return left / (a.sSupply * a.cSupply);
    }

    private double reverseMove(Side a, double ratio) {
        return (ratio * st.denom[a.supply]) / (a.cSupply * a.sSupply);
    }

    private static double byExchangeRatio(Side a, double ratio) {
        Side d = a.opposite;
        return ((a.sSupply + d.sDemand) / (a.sDemand + d.sSupply)) * ratio;
    }

    private double byAbsoluteMove(Side a) {
        return (Math.abs(a.opposite.demandPos - a.supplyPos) * a.sSupply * a.cSupply) / st.denom[a.supply];
    }

    private double exchangeRatio(double delta, Side a) {
        return (delta * a.sSupply * a.cSupply) / st.denom[a.supply];
    }

    private static double expectedUtility(Side a, double demandRatio, double supplyRatio) {
        return Math.abs(demandRatio * a.sSupply - supplyRatio * a.sDemand);
    }

    // ---- EqualGainExchange.calculate ----

    /** Computes the exchange from the round's start (a new candidate: nothing recorded yet). */
    void calculate() {
        if (updCount[0] + updCount[1] > 0) {
            mark();
            compute();
            unmark();
        } else {
            compute();
        }
    }

    /** The Equal Gain solution; the update lists must be marked (see {@link #mark}). */
    private void compute() {
        dp = byAbsoluteMove(j);
        dq = byExchangeRatio(j, dp);
        i.move = reverseMove(i, dq);
        j.move = Math.abs(i.demandPos - j.supplyPos);
        if (Math.abs(i.move) > Math.abs(j.demandPos - i.supplyPos)) {
            dq = byAbsoluteMove(i);
            dp = byExchangeRatio(i, dq);
            i.move = Math.abs(j.demandPos - i.supplyPos);
            j.move = reverseMove(j, dp);
        }
        if (i.supplyPos > j.demandPos) {
            i.move = -i.move;
        }
        if (j.supplyPos > i.demandPos) {
            j.move = -j.move;
        }
        i.pushMove(i.move);
        j.pushMove(j.move);
        i.y = i.supplyPos + i.move;
        j.y = j.supplyPos + j.move;
        gain = Math.abs(expectedUtility(i, dq, dp));
        rank = DoubleEngine.key(gain);
        i.eu = gain;
        j.eu = gain;
        valid = i.validMove(i.move, st.sumRule) && j.validMove(j.move, st.sumRule);
        if (gain < 1e-10) {
            valid = false;
        }
        if (!valid) {
            return;
        }
        checkNbs(i);
        checkNbs(j);
        valid = i.validMove(i.move, st.sumRule) && j.validMove(j.move, st.sumRule);
        if (st.p > 0) {
            double u = st.random.nextDouble();
            double v = st.random.nextDouble();
            double z = st.random.nextDouble();
            maximumUtility();
            randomizedGain(u < 0.5 ? i : j, v, z);
        }
    }

    /** The overshoot check of one side ({@code check_nbs}). */
    private void checkNbs(Side a) {
        Side b = a.opposite;
        a.nbs0 = adjustNbs(a, a.supplyPos);
        a.nbs1 = adjustNbs(a, a.y);
        double x = b.demandPos;
        if ((x - a.nbs0) >= 0 && (x - a.nbs1) >= 0) {
            return;
        }
        if ((x - a.nbs0) <= 0 && (x - a.nbs1) <= 0) {
            return;
        }
        double delta = Math.abs(moveForOutcome(a, a.supplyPos, x));
        dp = exchangeRatio(delta, a);
        dq = byExchangeRatio(a, dp);
        b.move = Math.abs(reverseMove(b, dq));
        a.move = delta;
        if (b.supplyPos > a.demandPos) {
            b.move = -b.move;
        }
        if (a.supplyPos > b.demandPos) {
            a.move = -a.move;
        }
        b.popMove();
        a.popMove();
        b.pushMove(b.move);
        a.pushMove(a.move);
        b.y = b.supplyPos + b.move;
        a.y = a.supplyPos + a.move;
        gain = Math.abs(expectedUtility(b, dq, dp));
        rank = DoubleEngine.key(gain);
        boolean b1 = b.validMove(b.move, st.sumRule);
        boolean b2 = a.validMove(a.move, st.sumRule);
        a.nbs1 = adjustNbs(a, a.y);
        valid = b1 && b2;
        a.adjustedByNbs = true;
    }

    // ---- random exchange rates (REX): calculate_maximum_utility and randomized_gain ----

    private void maximumUtility() {
        boolean iOptimal = i.demandPos == i.y;
        boolean jOptimal = j.demandPos == j.y;
        double nbsI = adjustNbs(i, iOptimal ? i.y : j.demandPos);
        double nbsJ = adjustNbs(j, jOptimal ? j.y : i.demandPos);
        double deltaI = Math.abs(i.nbs0 - nbsI);
        double deltaJ = Math.abs(j.nbs0 - nbsJ);
        double loss1 = deltaJ * j.sSupply;
        double gain2 = deltaJ * i.sDemand;
        double loss2 = deltaI * i.sSupply;
        double gain1 = deltaI * j.sDemand;
        double utilityI = gain1 - loss1;
        double utilityJ = gain2 - loss2;
        double overwrite = 0;
        if (iOptimal && utilityI > 0) {
            overwrite = gain2 - (loss1 / j.sDemand) * i.sSupply;
        }
        if (jOptimal && utilityJ > 0) {
            overwrite = gain1 - (loss2 / i.sDemand) * j.sSupply;
        }
        Side a;
        double g;
        double l;
        if (gain2 > gain1) {
            a = j;
            g = gain1;
            l = loss2;
        } else {
            a = i;
            g = gain2;
            l = loss1;
        }
        double s = a.sSupply / (a.sSupply + a.opposite.sDemand);
        double d2u1 = l / (s * a.opposite.sDemand);
        double d2u2 = g / (s * a.sSupply);
        if (overwrite != 0) {
            a.opposite.euMax = overwrite;
        } else {
            a.opposite.euMax = s * a.opposite.sDemand * d2u2 - l;
        }
        a.euMax = g - (s * a.sSupply * d2u1);
    }

    private void randomizedGain(Side f, double v, double z) {
        Side o = f.opposite;
        double pr = st.p;
        double eu = gain;
        double eui;
        if (v < 0.5) {
            eui = eu + pr * z * (f.euMax - eu);
        } else {
            eui = eu - pr * z * eu;
        }
        double moveI = Math.abs(f.supplyPos - o.demandPos);
        double ratioQ = exchangeRatio(moveI, f);
        double ratioP = (eui + ratioQ * f.sSupply) / f.sDemand;
        double moveJ = reverseMove(o, ratioP);
        double euj = Math.abs(expectedUtility(o, ratioP, ratioQ));
        double deltaJ = Math.abs(o.supplyPos - f.demandPos);
        if (Math.abs(moveJ) > deltaJ) {
            ratioP = exchangeRatio(deltaJ, o);
            ratioQ = Math.abs((eui - ratioP * f.sDemand) / f.sSupply);
            moveJ = deltaJ;
            moveI = reverseMove(f, ratioQ);
            if (Math.abs(moveI) < Math.abs(f.supplyPos - o.demandPos)) {
                euj = Math.abs(expectedUtility(o, ratioP, ratioQ));
                double signed = o.supplyPos > f.demandPos ? -moveJ : moveJ;
                // the Python code stores this as nbs_0 and then compares it with itself: never a cut
                o.nbs0 = adjustNbs(o, o.supplyPos + signed);
            }
        } else {
            double signed = f.supplyPos > o.demandPos ? -moveI : moveI;
            double nbsAdjusted = adjustNbs(f, f.supplyPos + signed);
            double x = o.demandPos;
            boolean outside = (x >= f.nbs0 && x >= nbsAdjusted) || (x <= f.nbs0 && x <= nbsAdjusted);
            if (!outside) {
                double delta = Math.abs(moveForOutcome(f, f.supplyPos, x));
                ratioQ = exchangeRatio(delta, f);
                ratioP = (eui + ratioQ * f.sSupply) / f.sDemand;
                double moveJb = reverseMove(o, ratioP);
                euj = Math.abs(expectedUtility(o, ratioP, ratioQ));
                // as in the Python code the signed move is signed once more below
                moveI = signed;
                moveJ = moveJb;
                f.adjustedByNbs = true;
            }
        }
        f.eu = eui;
        o.eu = euj;
        f.move = moveI;
        o.move = moveJ;
        if (f.supplyPos > o.demandPos) {
            f.move = -f.move;
        }
        if (o.supplyPos > f.demandPos) {
            o.move = -o.move;
        }
        f.popMove();
        f.pushMove(f.move);
        o.popMove();
        o.pushMove(o.move);
        f.y = f.supplyPos + f.move;
        o.y = o.supplyPos + o.move;
        boolean b1 = f.validMove(f.move, st.sumRule);
        boolean b2 = o.validMove(o.move, st.sumRule);
        valid = b1 && b2;
        f.nbs0 = adjustNbs(f, f.supplyPos);
        f.nbs1 = adjustNbs(f, f.y);
        o.nbs0 = adjustNbs(o, o.supplyPos);
        o.nbs1 = adjustNbs(o, o.y);
    }

    // ---- AbstractExchange.recalculate after exchange e was realised ----

    private void takeBackMoves() {
        i.popMove();
        j.popMove();
    }

    void recalculate(Candidate e) {
        boolean invalidI = false;
        boolean invalidJ = false;
        if (i.sameActorSupply(e.i)) {
            i.supplyPos = e.i.y;
            i.pushMove(e.i.lastMove());
            invalidI = true;
        } else if (i.sameActorSupply(e.j)) {
            i.supplyPos = e.j.y;
            i.pushMove(e.j.lastMove());
            invalidI = true;
        }
        if (j.sameActorSupply(e.i)) {
            j.supplyPos = e.i.y;
            j.pushMove(e.i.lastMove());
            invalidJ = true;
        } else if (j.sameActorSupply(e.j)) {
            j.supplyPos = e.j.y;
            j.pushMove(e.j.lastMove());
            invalidJ = true;
        }
        boolean reCalc = invalidI || invalidJ;
        if (reCalc) {
            takeBackMoves();
        }
        boolean recordI = e.j.sameActorDemand(j) || e.j.sameActorDemand(i);
        boolean recordJ = e.i.sameActorDemand(j) || e.i.sameActorDemand(i);
        if (!reCalc && !recordI && !recordJ) {
            return; // untouched by e
        }
        mark();
        if (recordI) {
            record(e.i, e.j.demand);
            if (!reCalc) {
                takeBackMoves();
                reCalc = true;
            }
        }
        if (recordJ) {
            record(e.j, e.i.demand);
            if (!reCalc) {
                takeBackMoves();
                reCalc = true;
            }
        }
        if (reCalc) {
            compute();
        }
        unmark();
    }

    /** Records that {@code mover} now votes elsewhere on {@code issue} ({@code update_updates}). */
    private void record(Side mover, int issue) {
        int slot = issue == p ? 0 : 1;
        int u = st.updateIndex[slot][mover.actor];
        if (u < 0) {
            int count = updCount[slot];
            if (updActor[slot] == null) {
                updActor[slot] = new int[4];
                updPos[slot] = new double[4];
            } else if (count == updActor[slot].length) {
                updActor[slot] = Arrays.copyOf(updActor[slot], count * 2);
                updPos[slot] = Arrays.copyOf(updPos[slot], count * 2);
            }
            updActor[slot][count] = mover.actor;
            updPos[slot][count] = mover.y;
            updCount[slot] = count + 1;
            st.updateIndex[slot][mover.actor] = count;
            return;
        }
        double prev = updPos[slot][u];
        if (mover.start <= prev) {
            updPos[slot][u] = prev < mover.y ? prev : mover.y;
        } else if (prev > mover.y) {
            updPos[slot][u] = prev;
        } else {
            updPos[slot][u] = mover.y;
        }
    }
}
