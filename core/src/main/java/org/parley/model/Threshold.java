package org.parley.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A line on an issue scale the analyst cares about ("sanctions relief above 50"). Monte Carlo
 * reports the share of runs in which the outcome lies beyond it.
 *
 * @param id       stable id within the issue
 * @param value    the line on the scale
 * @param above    {@code true} when the question is "outcome above value", {@code false} for below
 * @param question the question in words
 * @param by       the horizon: the date by which the question is answered, or {@code null}
 */
public record Threshold(String id, double value, boolean above, String question, LocalDate by) {
    public Threshold {
        Objects.requireNonNull(id, "id");
        question = question == null ? "" : question;
    }

    /** A question without a horizon. */
    public Threshold(String id, double value, boolean above, String question) {
        this(id, value, above, question, null);
    }

    public boolean crossedBy(double outcome) {
        return above ? outcome > value : outcome < value;
    }
}
