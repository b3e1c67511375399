package org.parley.models.exchange;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.parley.engine.Grids;

/**
 * What every candidate of one round shares: the arithmetic and its sums, the round's start
 * positions on the 0-100 working scale, saliences and capabilities per actor and issue, the options
 * and the constants the formulas compare with.
 */
final class RoundState {

    final Arithmetic a;
    Sums sums;
    /** Start positions of the round [actor][issue], NaN where absent. */
    double[][] x;
    final double[][] s;
    final double[][] c;
    /**
     * Scratch for one candidate at a time (a run is single-threaded): per issue slot of the
     * candidate (0 = p, 1 = q) and actor, the index of the actor's recorded position in the
     * candidate's list, or -1.
     */
    final int[][] updateIndex;
    /** Per issue and actor: the actor's place in the actor order. */
    final int[][] place;

    /** Scratch for {@link Sums#adjustNbsPair}'s two results. */
    final double[] pair;
    /**
     * Scratch for the candidate being computed, per side (0 = i, 1 = j): the two outcome values of
     * the overshoot check and the highest gain the side could reach (random exchange rates only).
     */
    final double[] nbs0 = new double[2];
    final double[] nbs1 = new double[2];
    final double[] euMax = new double[2];

    final boolean sumRule;
    final boolean rex;
    final double p;
    final RandomGenerator random;
    final double zero;
    final double hundred;
    /** The Python code's 1e-10 (a float literal: its binary value) below which a move or gain is none. */
    final double tiny;

    /**
     * This round state for the next round, on start positions {@code x}: only in an arithmetic
     * without a table of values (doubles), whose constants outlive a round.
     */
    RoundState restart(double[][] x) {
        this.x = x;
        this.sums = sums.restart(x);
        return this;
    }

    RoundState(Arithmetic a, double[][] x, double[][] s, double[][] c, int[][] order, int[][] place, ExchangeSettings o,
               RandomGenerator random) {
        this.a = a;
        this.x = x;
        this.s = s;
        this.c = c;
        this.place = place;
        this.sums = a.sums(x, s, c, order, place, o.overshootAll());
        this.sumRule = o.sumRule();
        this.rex = o.p() > 0;
        this.p = a.stated(o.p());
        this.random = random;
        this.zero = a.exact(0);
        this.hundred = a.exact(100);
        this.tiny = a.exact(1e-10);
        this.pair = new double[2];
        this.updateIndex = Grids.ints(2, x.length);
        Arrays.fill(updateIndex[0], -1);
        Arrays.fill(updateIndex[1], -1);
    }
}
