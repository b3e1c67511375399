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
 */
public record Stance(String actor, String issue, Estimate position, Estimate salience) {
    public Stance {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(salience, "salience");
    }

    public static Stance of(String actor, String issue, double position, double salience) {
        return new Stance(actor, issue, Estimate.of(position), Estimate.of(salience));
    }

    public Stance withPosition(Estimate p) {
        return new Stance(actor, issue, p, salience);
    }

    public Stance withSalience(Estimate s) {
        return new Stance(actor, issue, position, s);
    }
}
