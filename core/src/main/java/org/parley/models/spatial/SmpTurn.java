package org.parley.models.spatial;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened in one KTAB turn (the bargain-challenge-negotiate step from one state to the next):
 * each actor's best challenge, the bargains, every actor's queue with the PCE probabilities of its
 * entries, and the entry it chose.
 */
final class SmpTurn {

    /** A proposed bargain: both actors' new positions on [0, 1]. */
    record Bargain(int init, int rcvr, double[] posInit, double[] posRcvr, String perspective) {
    }

    /** Target of each initiator, -1 when it has no advantageous challenge. */
    final int[] target;
    /** The initiator's expected gain from its best challenge (KTAB bestEU). */
    final double[] gain;
    /** The initiator's estimate of the probability it would win the contest. */
    final double[] prob;
    /** The receiver's estimate of the probability the initiator would win. */
    final double[] rcvrProb;
    /** The receiver's estimate of its own change in utility from the challenge. */
    final double[] rcvrGain;
    final List<Bargain> bargains = new ArrayList<>();
    /** Queue of each actor: bargain indices in order, -1 for its status-quo entry. */
    final int[][] queue;
    /** PCE probability of each queue entry. */
    final double[][] queueProb;
    /** Index (into the queue) of the entry each actor chose. */
    final int[] chosen;

    SmpTurn(int n) {
        target = new int[n];
        gain = new double[n];
        prob = new double[n];
        rcvrProb = new double[n];
        rcvrGain = new double[n];
        queue = new int[n][];
        queueProb = new double[n][];
        chosen = new int[n];
    }

    /** The bargain actor k chose, or null when it kept its position. */
    Bargain choice(int k) {
        int b = queue[k][chosen[k]];
        return b < 0 ? null : bargains.get(b);
    }
}
