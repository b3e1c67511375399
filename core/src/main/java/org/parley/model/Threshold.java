package org.parley.model;

import java.util.Objects;

/**
 * A line on an issue scale the analyst cares about ("sanctions relief above 50"). Monte Carlo
 * reports the share of runs in which the outcome lies beyond it.
 *
 * @param id       stable id within the issue
 * @param value    the line on the scale
 * @param above    {@code true} when the question is "outcome above value", {@code false} for below
 * @param question the question in words
 */
public record Threshold(String id, double value, boolean above, String question) {
    public Threshold {
        Objects.requireNonNull(id, "id");
        question = question == null ? "" : question;
    }

    public boolean crossedBy(double outcome) {
        return above ? outcome > value : outcome < value;
    }
}
