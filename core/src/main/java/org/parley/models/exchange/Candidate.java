package org.parley.models.exchange;

import java.util.Arrays;
import java.util.List;

/**
 * A candidate exchange between two actors on two issues: side {@code i} supplies issue {@code q}
 * and demands {@code p}, side {@code j} supplies {@code p} and demands {@code q}. It takes the steps
 * the Equal Gain exchange of decide-exchange-model takes (read there, written anew here; names of
 * its functions in the comments): the equal-gain solution, the overshoot check, the recalculation
 * after another exchange, and the random exchange rates (REX). The order of the arithmetic follows
 * it too, so that ties behave alike; the arithmetic itself is the {@link Arithmetic}'s.
 */
final class Candidate extends CandidateQueue.Entry {

    RoundState st;
    int p;
    int q;
    /** The two sides; null once an invalid new candidate let them go (see {@link #release}). */
    Side i;
    Side j;

    double gain;
    boolean valid = true;
    /**
     * Positions of other actors that earlier exchanges moved, as this candidate knows them, on
     * either issue slot (0 = p, 1 = q), in one list, null until the first: {@code upd} holds the
     * count per slot, then {@link #firstMover} per slot, then per recorded position
     * {@code slot + 2 * actor}; {@code updPos} the positions. Two arrays per candidate: a round
     * can hold hundreds of thousands of candidates.
     */
    private int[] upd;
    private double[] updPos;

    /**
     * This candidate's places in the queue (more than one after the Python code's re-queueing);
     * the candidate is itself a place, its first when the queue is made.
     */
    CandidateQueue.Entry entry;
    List<CandidateQueue.Entry> moreEntries;
    /** The number of the last realised exchange this candidate was looked at for (see {@link Engine}). */
    int seen = -1;

    Candidate(RoundState st, int x, int y, int p, int q) {
        init(st, x, y, p, q);
    }

    /**
     * Makes this the new candidate of actors {@code x} and {@code y} on issues {@code p < q}: the
     * engine reuses candidates (with their sides and arrays) from round to round, so everything a
     * computation reads is set here.
     */
    Candidate init(RoundState st, int x, int y, int p, int q) {
        Arithmetic a = st.a;
        this.st = st;
        this.p = p;
        this.q = q;
        this.gain = 0;
        this.valid = true;
        this.entry = null;
        this.moreEntries = null;
        this.seen = -1;
        if (upd != null) {
            upd[0] = 0;
            upd[1] = 0;
            upd[2] = Integer.MAX_VALUE;
            upd[3] = Integer.MAX_VALUE;
        }
        double[][] s = st.s;
        // the actor with the relatively higher salience on p demands p and supplies q
        int mark = a.mark();
        boolean yDemandsP = a.lt(a.divide(s[x][p], s[x][q]), a.divide(s[y][p], s[y][q]));
        if (mark >= 0) {
            a.compact(mark);
        }
        int ia = yDemandsP ? y : x;
        int ja = yDemandsP ? x : y;
        if (i == null) {
            i = new Side(st, ia, q, p);
            j = new Side(st, ja, p, q);
        } else {
            i.init(st, ia, q, p);
            j.init(st, ja, p, q);
        }
        i.opposite = j;
        j.opposite = i;
        return this;
    }

    /**
     * Lets go of the sides of a candidate invalid from the start: it keeps its place in the list
     * until the first realised exchange drops it (its gain still orders the list and meets ties
     * until then), but is never recalculated.
     */
    void release() {
        i = null;
        j = null;
    }

    /** {@link Arithmetic#rank} of {@link #gain} (worked out when asked: a round can hold hundreds of thousands of candidates). */
    long rank() {
        return st.a.rank(gain);
    }

    boolean queued() {
        return entry != null;
    }

    /** The recorded positions of both slots (the round's actor index tells which is whose). */
    private double[] recorded(int slot) {
        return updPos;
    }

    /** The first place on the slot's issue (in the round's actor order) of an actor with a recorded position. */
    private int firstMover(int slot) {
        return upd == null ? Integer.MAX_VALUE : upd[2 + slot];
    }

    private int count(int slot) {
        return upd == null ? 0 : upd[slot];
    }

    /**
     * Writes the update list into the round's actor index (per slot and actor, the place of the
     * actor's recorded position), which the sums and {@link #record} read while this candidate is
     * worked on; {@link #unmark} clears it again.
     */
    private void mark() {
        writeIndex(false);
    }

    /** Clears what {@link #mark} (and {@link #record}) wrote. */
    private void unmark() {
        writeIndex(true);
    }

    private void writeIndex(boolean clear) {
        if (upd == null) {
            return;
        }
        int total = upd[0] + upd[1];
        int[][] index = st.updateIndex;
        for (int u = 0; u < total; u++) {
            int code = upd[4 + u];
            index[code & 1][code >>> 1] = clear ? -1 : u;
        }
    }

    /** The slot of a side in the round's scratch ({@link RoundState#nbs0} and the like). */
    int w(Side s) {
        return s == i ? 0 : 1;
    }

    // ---- the formulas of decide/model/calculations.py, on this candidate's state ----

    /** Outcome on {@code s}'s supply issue with {@code s} at {@code position} ({@code adjust_nbs}). */
    double adjustNbs(Side s, double position) {
        int slot = s.supply == p ? 0 : 1;
        return st.sums.adjustNbs(s.supply, s.actor, position, st.updateIndex[slot], firstMover(slot), recorded(slot),
                count(slot));
    }

    /**
     * How far {@code s} must move from {@code from} to put the outcome at {@code target}, signed
     * ({@code adjusted_nbs_by_position}: its identity test on deep-copied keys keeps the actor's own
     * term in the sum, so the result is the move, not the position).
     */
    double moveForOutcome(Side s, double from, double target) {
        Arithmetic a = st.a;
        int k = s.supply;
        int slot = k == p ? 0 : 1;
        double num = st.sums.moveSum(k, s.actor, from, st.updateIndex[slot], firstMover(slot), recorded(slot), count(slot));
        double left = a.subtract(a.multiply(target, st.sums.denom(k)), num);
        return a.divide(left, a.multiply(s.sSupply(), s.cSupply()));
    }

    double reverseMove(Side s, double ratio) {
        Arithmetic a = st.a;
        return a.divide(a.multiply(ratio, st.sums.denom(s.supply)), a.multiply(s.cSupply(), s.sSupply()));
    }

    private double byExchangeRatio(Side s, double ratio) {
        Arithmetic a = st.a;
        Side d = s.opposite;
        return a.multiply(a.divide(a.add(s.sSupply(), d.sDemand()), a.add(s.sDemand(), d.sSupply())), ratio);
    }

    private double byAbsoluteMove(Side s) {
        Arithmetic a = st.a;
        double move = a.abs(a.subtract(s.opposite.demandPos(), s.supplyPos));
        return a.divide(a.multiply(a.multiply(move, s.sSupply()), s.cSupply()), st.sums.denom(s.supply));
    }

    double exchangeRatio(double delta, Side s) {
        Arithmetic a = st.a;
        return a.divide(a.multiply(a.multiply(delta, s.sSupply()), s.cSupply()), st.sums.denom(s.supply));
    }

    double expectedUtility(Side s, double demandRatio, double supplyRatio) {
        Arithmetic a = st.a;
        return a.abs(a.subtract(a.multiply(demandRatio, s.sSupply()), a.multiply(supplyRatio, s.sDemand())));
    }

    double signed(boolean negative, double v) {
        Arithmetic a = st.a;
        return negative ? a.negate(v) : v;
    }

    private void setGain(double g) {
        gain = g;
    }

    // ---- EqualGainExchange.calculate ----

    /** Computes the exchange from the round's start (a new candidate: nothing recorded yet). */
    void calculate() {
        mark();
        compute();
        unmark();
    }

    /**
     * The Equal Gain solution; the update lists must be marked (see {@link #mark}). What only the
     * computation reads is let go afterwards: a round can hold hundreds of thousands of candidates.
     */
    private void compute() {
        Arithmetic a = st.a;
        int mark = a.mark();
        solve();
        if (mark >= 0) {
            a.compact(mark);
            gain = a.keep(gain);
            i.keep();
            j.keep();
        }
    }

    private void solve() {
        Arithmetic a = st.a;
        double dp = byAbsoluteMove(j);
        double dq = byExchangeRatio(j, dp);
        i.move = reverseMove(i, dq);
        j.move = a.abs(a.subtract(i.demandPos(), j.supplyPos));
        if (a.gt(a.abs(i.move), a.abs(a.subtract(j.demandPos(), i.supplyPos)))) {
            dq = byAbsoluteMove(i);
            dp = byExchangeRatio(i, dq);
            i.move = a.abs(a.subtract(j.demandPos(), i.supplyPos));
            j.move = reverseMove(j, dp);
        }
        i.move = signed(a.gt(i.supplyPos, j.demandPos()), i.move);
        j.move = signed(a.gt(j.supplyPos, i.demandPos()), j.move);
        i.pushMove(i.move);
        j.pushMove(j.move);
        i.y = a.add(i.supplyPos, i.move);
        j.y = a.add(j.supplyPos, j.move);
        setGain(a.abs(expectedUtility(i, dq, dp)));
        i.eu = gain;
        j.eu = gain;
        valid = i.validMove() && j.validMove();
        if (a.lt(gain, st.tiny)) {
            valid = false;
        }
        if (!valid) {
            return;
        }
        checkNbs(i);
        checkNbs(j);
        valid = i.validMove() && j.validMove();
        if (st.rex) {
            double u = st.random.nextDouble();
            double v = st.random.nextDouble();
            double z = st.random.nextDouble();
            Rex.maximumUtility(this);
            Rex.randomizedGain(this, u < 0.5 ? i : j, v, a.exact(z));
        }
    }

    /** The overshoot check of one side ({@code check_nbs}). */
    private void checkNbs(Side s) {
        Arithmetic a = st.a;
        Side b = s.opposite;
        int slot = s.supply == p ? 0 : 1;
        st.sums.adjustNbsPair(s.supply, s.actor, s.supplyPos, s.y, st.updateIndex[slot], firstMover(slot), recorded(slot),
                count(slot), st.pair);
        st.nbs0[w(s)] = st.pair[0];
        st.nbs1[w(s)] = st.pair[1];
        double x = b.demandPos();
        double d0 = a.subtract(x, st.nbs0[w(s)]);
        double d1 = a.subtract(x, st.nbs1[w(s)]);
        if (a.ge(d0, st.zero) && a.ge(d1, st.zero)) {
            return;
        }
        if (a.le(d0, st.zero) && a.le(d1, st.zero)) {
            return;
        }
        double delta = a.abs(moveForOutcome(s, s.supplyPos, x));
        double dp = exchangeRatio(delta, s);
        double dq = byExchangeRatio(s, dp);
        b.move = a.abs(reverseMove(b, dq));
        s.move = delta;
        b.move = signed(a.gt(b.supplyPos, s.demandPos()), b.move);
        s.move = signed(a.gt(s.supplyPos, b.demandPos()), s.move);
        b.popMove();
        s.popMove();
        b.pushMove(b.move);
        s.pushMove(s.move);
        b.y = a.add(b.supplyPos, b.move);
        s.y = a.add(s.supplyPos, s.move);
        setGain(a.abs(expectedUtility(b, dq, dp)));
        boolean b1 = b.validMove();
        boolean b2 = s.validMove();
        st.nbs1[w(s)] = adjustNbs(s, s.y);
        valid = b1 && b2;
    }

    // ---- AbstractExchange.recalculate after exchange e was realised ----

    /** Whether {@link #recalculate} would change this candidate (it shares an actor-issue with {@code e}). */
    boolean touchedBy(Candidate e) {
        // side i supplies q and demands p, side j supplies p and demands q (likewise for e): the
        // eight tests of the Python code, each a pair of int comparisons, evaluated without
        // short-circuits (no branch to mispredict; bench/PROFILE.md, stop 28)
        int ia = i.actor;
        int ja = j.actor;
        int eia = e.i.actor;
        int eja = e.j.actor;
        int ep = e.p;
        int eq = e.q;
        boolean supply = (ia == eia & q == eq) | (ia == eja & q == ep) | (ja == eia & p == eq) | (ja == eja & p == ep);
        boolean demand = (eja == ja & eq == q) | (eja == ia & eq == p) | (eia == ja & ep == q) | (eia == ia & ep == p);
        return supply | demand;
    }

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
        Arithmetic a = st.a;
        int slot = issue == p ? 0 : 1;
        int u = st.updateIndex[slot][mover.actor];
        if (u < 0) {
            if (upd == null) {
                upd = new int[] {0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0};
                updPos = new double[2];
            }
            int total = upd[0] + upd[1];
            if (total == updPos.length) {
                upd = Arrays.copyOf(upd, 4 + total * 2);
                updPos = Arrays.copyOf(updPos, total * 2);
            }
            upd[4 + total] = slot + 2 * mover.actor;
            updPos[total] = mover.y;
            upd[slot]++;
            upd[2 + slot] = Math.min(upd[2 + slot], st.place[issue][mover.actor]);
            st.updateIndex[slot][mover.actor] = total;
            return;
        }
        double[] pos = recorded(slot);
        double prev = pos[u];
        if (a.le(mover.start(), prev)) {
            pos[u] = a.lt(prev, mover.y) ? prev : mover.y;
        } else if (a.gt(prev, mover.y)) {
            pos[u] = prev;
        } else {
            pos[u] = mover.y;
        }
    }
}
