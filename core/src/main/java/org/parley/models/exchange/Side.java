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
    boolean adjustedByNbs;

    Side opposite;

    /** History of the moves recorded for this actor-issue within the round (see the Python quirk). */
    private double[] moves = new double[4];
    private int moveCount;

    Side(int actor, int supply, int demand, double[][] x, double[][] s, double[][] c) {
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

    void pushMove(double m) {
        if (moveCount == moves.length) {
            moves = Arrays.copyOf(moves, moveCount * 2);
        }
        moves[moveCount++] = m;
    }

    void popMove() {
        if (moveCount == 0) {
            throw new IllegalStateException("no move to take back");
        }
        moveCount--;
    }

    double lastMove() {
        return moves[moveCount - 1];
    }

    /**
     * The validity test of the Python code ({@code is_move_valid}): a move of at most 100 and more
     * than 1e-10, a voting position inside [0, 100], optionally the signed sum of the recorded moves
     * at most 100, and all recorded moves in one direction.
     */
    boolean validMove(double m, boolean sumRule) {
        double a = Math.abs(m);
        if (a > 100 || a <= 1e-10) {
            return false;
        }
        double to = supplyPos + m;
        if (to < 0 || to > 100) {
            return false;
        }
        if (sumRule) {
            double sum = 0;
            for (int t = 0; t < moveCount; t++) {
                sum += moves[t];
            }
            if (sum > 100) {
                return false;
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < moveCount; t++) {
            min = Math.min(min, moves[t]);
            max = Math.max(max, moves[t]);
        }
        return (min < 0 && max < 0) || (min > 0 && max > 0);
    }

    boolean sameActorSupply(Side o) {
        return actor == o.actor && supply == o.supply;
    }

    boolean sameActorDemand(Side o) {
        return actor == o.actor && demand == o.demand;
    }
}
