package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Grids} makes the same arrays as {@code new T[rows][cols]}: the shape, zeros, rows of their own. */
class GridsTest {

    @Test
    void theSameArraysAsTheLanguagesOwn() {
        for (int rows = 0; rows <= 4; rows++) {
            for (int cols = 0; cols <= 3; cols++) {
                assertArrayEquals(new double[rows][cols], Grids.doubles(rows, cols), rows + " x " + cols);
                assertArrayEquals(new int[rows][cols], Grids.ints(rows, cols), rows + " x " + cols);
                assertArrayEquals(new boolean[rows][cols], Grids.booleans(rows, cols), rows + " x " + cols);
            }
        }
    }

    @Test
    void rowsAreNotShared() {
        double[][] d = Grids.doubles(3, 2);
        assertNotSame(d[0], d[1]);
        d[0][1] = 7;
        assertEquals(0.0, d[1][1]);
        assertEquals(0.0, d[2][1]);
    }

    @Test
    void negativeLengthsFailAsNewDoes() {
        assertThrows(NegativeArraySizeException.class, () -> Grids.doubles(-1, 2));
        assertThrows(NegativeArraySizeException.class, () -> Grids.ints(2, -1));
    }
}
