package org.parley.model;

import java.util.Objects;

/**
 * The plausible interval of an uncertain input, used by Monte Carlo.
 *
 * @param low          lower bound (inclusive)
 * @param high         upper bound (inclusive), {@code >= low}
 * @param distribution how values are drawn inside the interval
 */
public record Range(double low, double high, Distribution distribution) {

    public Range {
        Objects.requireNonNull(distribution, "distribution");
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("range bounds must be finite, were [" + low + ", " + high + "]");
        }
        if (low > high) {
            throw new IllegalArgumentException("range.low must be <= range.high, was [" + low + ", " + high + "]");
        }
    }

    public static Range uniform(double low, double high) {
        return new Range(low, high, Distribution.UNIFORM);
    }

    public boolean contains(double x) {
        return x >= low && x <= high;
    }
}
