package org.parley.engine;

/**
 * Two-dimensional arrays made row by row: the same zeroed arrays as {@code new double[rows][cols]}.
 *
 * <p>Why: the JIT compiles {@code new double[n][m]} whose lengths are not constants into a call
 * into the JVM's runtime (HotSpot's {@code OptoRuntime::multianewarray2_C}), while {@code new
 * double[n][]} and each row are allocated inline. On the seed scenario the runtime call cost about
 * a fifth of a spatial run's CPU time (bench/PROFILE.md, stop 27). Use these where a model or a
 * Monte Carlo run allocates per run, turn or round.
 */
public final class Grids {

    private Grids() {
    }

    /** A {@code rows x cols} array of zeros. */
    public static double[][] doubles(int rows, int cols) {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = new double[cols];
        }
        return a;
    }

    /** A {@code rows x cols} array of zeros. */
    public static int[][] ints(int rows, int cols) {
        int[][] a = new int[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = new int[cols];
        }
        return a;
    }

    /** A {@code rows x cols} array of false. */
    public static boolean[][] booleans(int rows, int cols) {
        boolean[][] a = new boolean[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = new boolean[cols];
        }
        return a;
    }
}
