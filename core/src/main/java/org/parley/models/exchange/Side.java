package org.parley.models.exchange;

import java.util.Arrays;

/**
 * One actor's side of a candidate exchange: the issue it supplies (moves its voting position on)
 * and the issue it demands (where the partner moves). Positions are on the 0-100 working scale.
 */
final class Side {

    int actor;
    int supply;
    int demand;

    /** Current position on the supply issue (moves when an earlier exchange moved this actor there). */
    double supplyPos;
    /** Voting position after this exchange, and the signed move that leads there. */
    double y;
    double move;
    /** Gain of this side. */
    double eu;

    Side opposite;

    /**
     * History of the moves recorded for this actor-issue within the round (see the Python quirk):
     * the first in a field, the later ones in an array made at the second; with the count of
     * negative and of positive moves, so the validity test does not walk the history for them,
     * and the running sums of the sum rule (the sum up to each later move, added in order: the same
     * additions as summing the history afresh, except that the sum starts from the first move
     * instead of zero plus it, which differs at most in the sign of a zero sum: the rule only
     * compares the sum with 100). {@code later} holds each later move then the sum up to it.
     */
    private double firstMove;
    private double[] later;
    private int moveCount;
    private int negatives;
    private int positives;
    private RoundState st;

    Side(RoundState st, int actor, int supply, int demand) {
        init(st, actor, supply, demand);
    }

    /** Makes this a new side (a side is reused from round to round; its arrays are kept). */
    void init(RoundState st, int actor, int supply, int demand) {
        this.actor = actor;
        this.supply = supply;
        this.demand = demand;
        this.st = st;
        this.supplyPos = start();
        this.y = 0;
        this.move = 0;
        this.eu = 0;
        this.opposite = null;
        this.moveCount = 0;
        this.negatives = 0;
        this.positives = 0;
    }

    /** Salience on the supply issue (read from the round, not kept: a round can hold millions of sides). */
    double sSupply() {
        return st.s[actor][supply];
    }

    /** Capability on the supply issue. */
    double cSupply() {
        return st.c[actor][supply];
    }

    /** Salience on the demand issue. */
    double sDemand() {
        return st.s[actor][demand];
    }

    /** The actor's position on its supply issue when the candidate was made (the round's start). */
    double start() {
        return st.x[actor][supply];
    }

    /** The actor's round-start position on its demand issue (never updated within the round). */
    double demandPos() {
        return st.x[actor][demand];
    }

    /** Gives the values this side keeps their references after {@link Arithmetic#compact}. */
    void keep() {
        Arithmetic a = st.a;
        supplyPos = a.keep(supplyPos);
        y = a.keep(y);
        move = a.keep(move);
        eu = a.keep(eu);
        if (moveCount > 0) {
            firstMove = a.keep(firstMove);
        }
        for (int t = 1; t < moveCount; t++) {
            later[2 * t - 2] = a.keep(later[2 * t - 2]);
            if (st.sumRule) {
                later[2 * t - 1] = a.keep(later[2 * t - 1]);
            }
        }
    }

    private double moveAt(int t) {
        return t == 0 ? firstMove : later[2 * t - 2];
    }

    void pushMove(double m) {
        Arithmetic a = st.a;
        if (a.lt(m, st.zero)) {
            negatives++;
        }
        if (a.gt(m, st.zero)) {
            positives++;
        }
        if (moveCount == 0) {
            firstMove = m;
        } else {
            if (later == null) {
                later = new double[2];
            } else if (2 * moveCount - 2 == later.length) {
                later = Arrays.copyOf(later, later.length * 2);
            }
            later[2 * moveCount - 2] = m;
            if (st.sumRule) {
                later[2 * moveCount - 1] = a.add(sumAt(moveCount - 1), m);
            }
        }
        moveCount++;
    }

    void popMove() {
        if (moveCount == 0) {
            throw new IllegalStateException("no move to take back");
        }
        double m = moveAt(--moveCount);
        Arithmetic a = st.a;
        if (a.lt(m, st.zero)) {
            negatives--;
        }
        if (a.gt(m, st.zero)) {
            positives--;
        }
    }

    double lastMove() {
        return moveAt(moveCount - 1);
    }

    /** The sum of the first {@code t + 1} recorded moves (sum rule only; see {@link #later}). */
    private double sumAt(int t) {
        return t == 0 ? firstMove : later[2 * t - 1];
    }

    /** The signed sum of the recorded moves, added in their order from zero. */
    private double moveSum() {
        return moveCount == 0 ? st.zero : sumAt(moveCount - 1);
    }

    /**
     * The validity test of the Python code ({@code is_move_valid}) of this side's move: at most 100
     * and more than 1e-10, a voting position inside [0, 100], optionally the signed sum of the
     * recorded moves at most 100, and all recorded moves in one direction.
     */
    boolean validMove() {
        Arithmetic a = st.a;
        double size = a.abs(move);
        if (a.gt(size, st.hundred) || a.le(size, st.tiny)) {
            return false;
        }
        double to = a.add(supplyPos, move);
        if (a.lt(to, st.zero) || a.gt(to, st.hundred)) {
            return false;
        }
        if (st.sumRule && a.gt(moveSum(), st.hundred)) {
            return false;
        }
        return moveCount > 0 && (negatives == moveCount || positives == moveCount);
    }

    boolean sameActorSupply(Side o) {
        return actor == o.actor && supply == o.supply;
    }

    boolean sameActorDemand(Side o) {
        return actor == o.actor && demand == o.demand;
    }
}
