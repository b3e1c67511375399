package org.parley.models.spatial;

/**
 * The fixed inputs of an SMP run on KTAB's internal scales: capabilities, saliences as fractions
 * (each actor's total at most 1) and the accommodation matrix (null for the identity).
 */
final class SmpActors {

    final int n;
    final int m;
    final double[] cap;
    final double[][] sal;
    /** Each actor's total salience, summed in dimension order as KTAB does. */
    final double[] salSum;
    /** Voting weight in a challenge, {@code salSum[i] * cap[i]} as KTAB forms it. */
    final double[] salCap;
    /** Each actor's sum of squared saliences in dimension order (the denominator of KTAB bvDiff). */
    final double[] salSq;
    /** Accommodation matrix {@code acc[i][j]}, or null for the identity. */
    final double[][] acc;

    SmpActors(double[] cap, double[][] sal, double[][] acc) {
        this.n = cap.length;
        this.m = sal.length == 0 ? 0 : sal[0].length;
        this.cap = cap;
        this.sal = sal;
        this.acc = acc;
        this.salSum = new double[n];
        this.salCap = new double[n];
        this.salSq = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int k = 0; k < m; k++) {
                s = s + sal[i][k];
            }
            salSum[i] = s;
            salCap[i] = s * cap[i];
            salSq[i] = sumOfSquares(sal[i]);
        }
    }

    /** {@code s[0]^2 + s[1]^2 + ...}, added in dimension order. */
    static double sumOfSquares(double[] s) {
        double ss = 0;
        for (double sk : s) {
            ss = ss + (sk * sk);
        }
        return ss;
    }
}
