package org.parley.models.exchange;

import java.util.Arrays;

/**
 * One actor's side of a candidate exchange: the issue it supplies (moves its voting position on)
 * and the issue it demands (where the partner moves). Positions are on the 0-100 working scale.
 *
 * @param <T> the number type (see {@link Arithmetic})
 */
final class Side<T> {

    final int actor;
    final int supply;
    final int demand;
    /** Salience and capability on the supply and the demand issue. */
    final T sSupply;
    final T cSupply;
    final T sDemand;
    /** The actor's position on its supply issue when the candidate was made (the round's start). */
    final T start;
    /** The actor's round-start position on its demand issue (never updated within the round). */
    final T demandPos;

    /** Current position on the supply issue (moves when an earlier exchange moved this actor there). */
    T supplyPos;
    /** Voting position after this exchange, and the signed move that leads there. */
    T y;
    T move;
    /** Gain of this side, and the two outcome values of the overshoot check. */
    T eu;
    T nbs0;
    T nbs1;
    /** Highest gain this side could reach (random exchange rates only). */
    T euMax;

    Side<T> opposite;

    /** History of the moves recorded for this actor-issue within the round (see the Python quirk). */
    private T[] moves;
    private int moveCount;

    Side(RoundState<T> st, int actor, int supply, int demand) {
        this.actor = actor;
        this.supply = supply;
        this.demand = demand;
        this.sSupply = st.s[actor][supply];
        this.cSupply = st.c[actor][supply];
        this.sDemand = st.s[actor][demand];
        this.start = st.x[actor][supply];
        this.demandPos = st.x[actor][demand];
        this.supplyPos = start;
        this.moves = st.a.newArray(2);
    }

    void pushMove(T m) {
        if (moveCount == moves.length) {
            moves = Arrays.copyOf(moves, moveCount * 2);
        }
        moves[moveCount++] = m;
    }

    void popMove() {
        if (moveCount == 0) {
            throw new IllegalStateException("no move to take back");
        }
        moves[--moveCount] = null;
    }

    T lastMove() {
        return moves[moveCount - 1];
    }

    /**
     * The validity test of the Python code ({@code is_move_valid}) of this side's move: at most 100
     * and more than 1e-10, a voting position inside [0, 100], optionally the signed sum of the
     * recorded moves at most 100, and all recorded moves in one direction.
     */
    boolean validMove(RoundState<T> st) {
        Arithmetic<T> a = st.a;
        T size = a.abs(move);
        if (a.gt(size, st.hundred) || a.le(size, st.tiny)) {
            return false;
        }
        T to = a.add(supplyPos, move);
        if (a.lt(to, st.zero) || a.gt(to, st.hundred)) {
            return false;
        }
        if (st.sumRule) {
            T sum = st.zero;
            for (int t = 0; t < moveCount; t++) {
                sum = a.add(sum, moves[t]);
            }
            if (a.gt(sum, st.hundred)) {
                return false;
            }
        }
        if (moveCount == 0) {
            return false;
        }
        boolean negative = true;
        boolean positive = true;
        for (int t = 0; t < moveCount; t++) {
            negative &= a.lt(moves[t], st.zero);
            positive &= a.gt(moves[t], st.zero);
        }
        return negative || positive;
    }

    boolean sameActorSupply(Side<T> o) {
        return actor == o.actor && supply == o.supply;
    }

    boolean sameActorDemand(Side<T> o) {
        return actor == o.actor && demand == o.demand;
    }
}
