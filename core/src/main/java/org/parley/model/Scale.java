package org.parley.model;

import java.util.List;
import java.util.Objects;

/**
 * An issue's policy scale: its numeric bounds and what the ends mean.
 *
 * <p>Most scenarios use 0-100; imported tables may keep their own bounds (1-10, 0-1): models work
 * on the scale as given and report on it.
 *
 * @param min      the low end
 * @param max      the high end, {@code > min}
 * @param minLabel what the low end means
 * @param maxLabel what the high end means
 * @param points   optional labelled intermediate points, sorted by value
 */
public record Scale(double min, double max, String minLabel, String maxLabel, List<ScalePoint> points) {

    public Scale {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min >= max) {
            throw new IllegalArgumentException("scale must have finite min < max, was [" + min + ", " + max + "]");
        }
        minLabel = minLabel == null ? "" : minLabel;
        maxLabel = maxLabel == null ? "" : maxLabel;
        points = List.copyOf(Objects.requireNonNull(points, "points"));
    }

    public static Scale of(double min, double max) {
        return new Scale(min, max, "", "", List.of());
    }

    public static Scale percent(String minLabel, String maxLabel) {
        return new Scale(0, 100, minLabel, maxLabel, List.of());
    }

    public boolean contains(double x) {
        return x >= min && x <= max;
    }

    public double width() {
        return max - min;
    }
}
