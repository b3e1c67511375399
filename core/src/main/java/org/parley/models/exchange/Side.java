package org.parley.models.exchange;

import java.util.Arrays;

/**
 * One actor's side of a candidate exchange: the issue it supplies (moves its voting position on)
 * and the issue it demands (where the partner moves). Positions are on the 0-100 working scale.
 */
final class Side {

    final int actor;
    final int supply;
    final int demand;
    /** Salience and capability on the supply and the demand issue. */
    final double sSupply;
    final double cSupply;
    final double sDemand;
    /** The actor's position on its supply issue when the candidate was made (the round's start). */
    final double start;
    /** The actor's round-start position on its demand issue (never updated within the round). */
    final double demandPos;

    /** Current position on the supply issue (moves when an earlier exchange moved this actor there). */
    double supplyPos;
    /** Voting position after this exchange, and the signed move that leads there. */
    double y;
    double move;
    /** Gain of this side, and the two outcome values of the overshoot check. */
    double eu;
    double nbs0;
    double nbs1;
    /** Highest gain this side could reach (random exchange rates only). */
    double euMax;

    Side opposite;

    /**
     * History of the moves recorded for this actor-issue within the round (see the Python quirk),
     * with the running sum before each move ({@code sums[t]} = moves 0..t-1 added in order) and the
     * count of negative and of positive moves, so the validity test does not walk the history.
     */
    private double[] moves;
    private double[] sums;
    private int moveCount;
    private int negatives;
    private int positives;
    private final RoundState st;

    Side(RoundState st, int actor, int supply, int demand) {
        this.actor = actor;
        this.supply = supply;
        this.demand = demand;
        this.sSupply = st.s[actor][supply];
        this.cSupply = st.c[actor][supply];
        this.sDemand = st.s[actor][demand];
        this.start = st.x[actor][supply];
        this.demandPos = st.x[actor][demand];
        this.supplyPos = start;
        this.st = st;
        this.moves = new double[1];
        this.sums = new double[2];
        this.sums[0] = st.zero;
    }

    /** Lets go of what only one computation of the candidate reads. */
    void forget() {
        nbs0 = Double.NaN;
        nbs1 = Double.NaN;
        euMax = Double.NaN;
    }

    /** Gives the values this side keeps their references after {@link Arithmetic#compact}. */
    void keep() {
        Arithmetic a = st.a;
        supplyPos = a.keep(supplyPos);
        y = a.keep(y);
        move = a.keep(move);
        eu = a.keep(eu);
        for (int t = 0; t < moveCount; t++) {
            moves[t] = a.keep(moves[t]);
            if (st.sumRule) {
                sums[t + 1] = a.keep(sums[t + 1]);
            }
        }
    }

    void pushMove(double m) {
        if (moveCount == moves.length) {
            moves = Arrays.copyOf(moves, moveCount * 2);
            sums = Arrays.copyOf(sums, moveCount * 2 + 1);
        }
        Arithmetic a = st.a;
        if (a.lt(m, st.zero)) {
            negatives++;
        }
        if (a.gt(m, st.zero)) {
            positives++;
        }
        moves[moveCount] = m;
        if (st.sumRule) {
            sums[moveCount + 1] = a.add(sums[moveCount], m);
        }
        moveCount++;
    }

    void popMove() {
        if (moveCount == 0) {
            throw new IllegalStateException("no move to take back");
        }
        double m = moves[--moveCount];
        Arithmetic a = st.a;
        if (a.lt(m, st.zero)) {
            negatives--;
        }
        if (a.gt(m, st.zero)) {
            positives--;
        }
    }

    double lastMove() {
        return moves[moveCount - 1];
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
        if (st.sumRule && a.gt(sums[moveCount], st.hundred)) {
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
