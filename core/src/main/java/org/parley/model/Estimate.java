package org.parley.model;

import java.util.Objects;

/**
 * A number as an analyst states it: the value, an optional range for Monte Carlo, and where it
 * came from.
 *
 * @param value      the point value
 * @param range      the plausible range, or {@code null} when the value is taken as certain
 * @param provenance the source sentence or judgement behind the value (never {@code null})
 * @param conditional for a conditional position, the condition under which {@code value} holds and
 *                   the value otherwise; {@code null} for an unconditional value
 */
public record Estimate(double value, Range range, Provenance provenance, Conditional conditional) {

    public Estimate {
        Objects.requireNonNull(provenance, "provenance");
    }

    /** An unconditional value. */
    public Estimate(double value, Range range, Provenance provenance) {
        this(value, range, provenance, null);
    }

    public static Estimate of(double value) {
        return new Estimate(value, null, Provenance.none());
    }

    public static Estimate of(double value, Provenance provenance) {
        return new Estimate(value, null, provenance);
    }

    public Estimate withValue(double newValue) {
        return new Estimate(newValue, range, provenance, conditional);
    }

    public Estimate withValue(double newValue, Provenance newProvenance) {
        return new Estimate(newValue, range, newProvenance, conditional);
    }

    public boolean isConditional() {
        return conditional != null;
    }

    public boolean hasRange() {
        return range != null;
    }
}
