package org.parley.model;

import java.util.Objects;

/**
 * What makes a position conditional: the position as stated holds when {@code when} holds on the
 * forecast of other issues, and {@code otherwise} holds when it does not (an offer made only in
 * exchange for something: "relief only for denuclearisation steps").
 *
 * @param when      the condition on other issues' forecasts
 * @param otherwise the position when the condition fails, with its own range and provenance
 */
public record Conditional(Condition when, Estimate otherwise) {
    public Conditional {
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(otherwise, "otherwise");
    }
}
