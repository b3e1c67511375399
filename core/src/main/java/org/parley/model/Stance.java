package org.parley.model;

import java.util.Objects;

/**
 * One actor's position and salience on one issue. An actor without a stance on an issue takes
 * no part in it.
 *
 * @param actor    actor id
 * @param issue    issue id
 * @param position ideal point on the issue's scale
 * @param salience how much the issue matters to the actor, 0-100
 * @param outsideOption the position on the issue's scale the actor gets without an agreement
 *                 (its disagreement point), or {@code null} for the issue's status quo
 */
public record Stance(String actor, String issue, Estimate position, Estimate salience, Estimate outsideOption) {
    public Stance {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(salience, "salience");
    }

    /** A stance without an outside option (the status quo is the actor's disagreement point). */
    public Stance(String actor, String issue, Estimate position, Estimate salience) {
        this(actor, issue, position, salience, null);
    }

    public static Stance of(String actor, String issue, double position, double salience) {
        return new Stance(actor, issue, Estimate.of(position), Estimate.of(salience));
    }

    public Stance withPosition(Estimate p) {
        return new Stance(actor, issue, p, salience, outsideOption);
    }

    public Stance withSalience(Estimate s) {
        return new Stance(actor, issue, position, s, outsideOption);
    }

    public Stance withOutsideOption(Estimate o) {
        return new Stance(actor, issue, position, salience, o);
    }

    public boolean hasOutsideOption() {
        return outsideOption != null;
    }
}
