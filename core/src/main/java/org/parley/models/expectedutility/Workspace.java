package org.parley.models.expectedutility;

import org.parley.engine.Grids;

/**
 * The n x n matrices of a round. Issues are played one after the other within a round (and
 * each issue's moves are read before the next issue plays), so one workspace sized for the
 * largest issue serves them all.
 *
 * <p>A workspace of {@link #rows rows} keeps one row of a, b, U_s and U_f, shared by every actor: a
 * round reads row i of them only while it plays actor i's offers, so a run that explains no move
 * afterwards (untraced) needs no more; U_s and U_f read down a column (the counterpart's exponent)
 * are then made in full when first asked for.
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
    private final boolean rows;
    /** Made when first used: the voters' distances one row per actor, prefix sums ({@link Votes}), full U_s and U_f. */
    private double[][] dt;
    private double[][] sums;
    private double[][] fullUs;
    private double[][] fullUf;

    Workspace(int capacity) {
        this(capacity, false);
    }

    Workspace(int capacity, boolean rows) {
        this.capacity = capacity;
        this.rows = rows;
        p = Grids.doubles(capacity, capacity);
        dv = Grids.doubles(capacity, capacity);
        a = rows ? shared(capacity) : Grids.doubles(capacity, capacity);
        b = rows ? shared(capacity) : Grids.doubles(capacity, capacity);
        us = rows ? shared(capacity) : Grids.doubles(capacity, capacity);
        uf = rows ? shared(capacity) : Grids.doubles(capacity, capacity);
    }

    /** A matrix whose rows are one array. */
    private static double[][] shared(int capacity) {
        double[] row = new double[capacity];
        double[][] m = new double[capacity][];
        java.util.Arrays.fill(m, row);
        return m;
    }

    /** U_s with a row per actor. */
    double[][] everyUs() {
        if (!rows) {
            return us;
        }
        if (fullUs == null) {
            fullUs = Grids.doubles(capacity, capacity);
        }
        return fullUs;
    }

    /** U_f with a row per actor. */
    double[][] everyUf() {
        if (!rows) {
            return uf;
        }
        if (fullUf == null) {
            fullUf = Grids.doubles(capacity, capacity);
        }
        return fullUf;
    }

    double[][] dt() {
        if (dt == null) {
            dt = Grids.doubles(capacity, capacity);
        }
        return dt;
    }

    double[][] sums() {
        if (sums == null) {
            sums = Grids.doubles(capacity + 1, capacity);
        }
        return sums;
    }
}
