package org.parley.model;

import java.util.Objects;

/** A labelled point on an issue scale, e.g. {@code 50: "partial relief"}. */
public record ScalePoint(double value, String label) {
    public ScalePoint {
        Objects.requireNonNull(label, "label");
    }
}
