package org.parley.models.expectedutility;

/**
 * The n x n matrices of a round. Issues are played one after the other within a round (and
 * each issue's moves are read before the next issue plays), so one workspace sized for the
 * largest issue serves them all.
 */
final class Workspace {
    final int capacity;
    final double[][] p;
    final double[][] a;
    final double[][] b;
    /** Voters' distances, one row per voter ({@link Votes}). */
    final double[][] dv;
    final double[][] us;
    final double[][] uf;
    /** Made when first used: the voters' distances one row per actor, and prefix sums ({@link Votes}). */
    private double[][] dt;
    private double[][] sums;

    Workspace(int capacity) {
        this.capacity = capacity;
        p = new double[capacity][capacity];
        a = new double[capacity][capacity];
        b = new double[capacity][capacity];
        dv = new double[capacity][capacity];
        us = new double[capacity][capacity];
        uf = new double[capacity][capacity];
    }

    double[][] dt() {
        if (dt == null) {
            dt = new double[capacity][capacity];
        }
        return dt;
    }

    double[][] sums() {
        if (sums == null) {
            sums = new double[capacity + 1][capacity];
        }
        return sums;
    }
}
