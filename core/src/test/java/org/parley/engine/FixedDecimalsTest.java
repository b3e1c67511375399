package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link FixedDecimals} gives {@code String.format}'s text for every kind of double. */
class FixedDecimalsTest {

    private static void same(double d, int p) {
        assertEquals(String.format(Locale.ROOT, "%." + p + "f", d), FixedDecimals.format(d, p), () -> d + " to " + p);
    }

    @Test
    void edgeCasesMatchTheFormatter() {
        double[] edge = {0.0, -0.0, 1e-320, -1e-320, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.5, 1.5,
            2.5, -2.5, 9.9999, 99.95, 999.9995, 0.05, 0.005, 0.0005, 0.00049, 1e7, 1e23, 123456789.125, 1e-3, 9.5e-4,
            -0.0004, 0.1 + 0.2, 1.005, 2.675, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double d : edge) {
            for (int p = 0; p <= 8; p++) {
                same(d, p);
            }
        }
    }

    @Test
    void randomValuesOfEveryMagnitudeMatchTheFormatter() {
        SplittableRandom r = new SplittableRandom(18);
        for (int i = 0; i < 400_000; i++) {
            double d;
            switch (i % 8) {
                case 0 -> d = Double.longBitsToDouble(r.nextLong());
                case 1 -> d = r.nextDouble() * 200 - 100;
                case 2 -> d = (r.nextInt(2_000_000) - 1_000_000) / 1000.0 + 0.0005;
                case 3 -> d = (r.nextInt(200_000) - 100_000) / 10_000.0;
                case 4 -> d = Math.scalb(r.nextDouble(), r.nextInt(-40, 80));
                case 5 -> d = r.nextInt(-1000, 1000) + 0.5;
                case 6 -> d = (r.nextInt(2000) - 1000) * Math.pow(10, r.nextInt(-12, 25));
                default -> d = (r.nextInt(20_000) + 0.5) / Math.pow(10, r.nextInt(0, 8));
            }
            same(d, i % 7);
        }
    }

    @Test
    void decimalTiesAndTheirNeighboursMatchTheFormatter() {
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 200_000; i++) {
            int p = i % 7;
            String digits = Long.toString(r.nextLong(0, (long) Math.pow(10, p)) * 10 + 5);
            String text = r.nextInt(0, 1_000_000) + "." + "0".repeat(p + 1 - digits.length()) + digits;
            double tie = Double.parseDouble(text);
            double d = switch (i % 3) {
                case 0 -> tie;
                case 1 -> Math.nextUp(tie);
                default -> Math.nextDown(tie);
            };
            same(r.nextBoolean() ? d : -d, p);
        }
    }
}
