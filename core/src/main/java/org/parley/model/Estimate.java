package org.parley.model;

import java.util.Objects;

/**
 * A number as an analyst states it: the value, an optional range for Monte Carlo, and where it
 * came from.
 *
 * <p>An <em>open</em> value is one nobody has stated yet (a draft leaves what its article does not
 * give open): {@code value} is then the default an analyst may accept, or NaN when there is none.
 * Validation warns about every open value; a forecast refuses them unless the defaults are
 * accepted ({@link #accepted()}).
 *
 * @param value      the point value (an open value's default, or NaN)
 * @param range      the plausible range, or {@code null} when the value is taken as certain
 * @param provenance the source sentence or judgement behind the value (never {@code null})
 * @param conditional for a conditional position, the condition under which {@code value} holds and
 *                   the value otherwise; {@code null} for an unconditional value
 * @param open       true while the value is left open
 */
public record Estimate(double value, Range range, Provenance provenance, Conditional conditional, boolean open) {

    public Estimate {
        Objects.requireNonNull(provenance, "provenance");
    }

    /** A value that is not open. */
    public Estimate(double value, Range range, Provenance provenance, Conditional conditional) {
        this(value, range, provenance, conditional, false);
    }

    /** An unconditional value. */
    public Estimate(double value, Range range, Provenance provenance) {
        this(value, range, provenance, null, false);
    }

    public static Estimate of(double value) {
        return new Estimate(value, null, Provenance.none());
    }

    public static Estimate of(double value, Provenance provenance) {
        return new Estimate(value, null, provenance);
    }

    /** An open value with a default ({@code NaN} for none). */
    public static Estimate open(double dflt, Provenance provenance) {
        return new Estimate(dflt, null, provenance, null, true);
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

    /** True when the value is open and has no default to accept. */
    public boolean openWithoutDefault() {
        return open && Double.isNaN(value);
    }

    /** This value with its default accepted (no longer open); the same value when not open. */
    public Estimate accepted() {
        return open ? new Estimate(value, range, provenance, conditional, false) : this;
    }
}
