package org.parley.montecarlo;

import java.util.Locale;
import java.util.Objects;

import org.parley.engine.Numbers;
import org.parley.model.Range;

/**
 * One number of a world that Monte Carlo varies or a sensitivity analysis moves: an actor's
 * position (or a conditional position's {@code otherwise}), salience, capability or outside option,
 * or an issue's status quo.
 *
 * <p>{@link #slot()} identifies the number independently of the world: the same actor's position on
 * the same issue has the same slot in the base and in every branch, so run {@code i} draws it from
 * the same random stream in every world (common random numbers: branch differences are not blurred
 * by independent noise).
 *
 * @param kind   what the number is
 * @param actor  actor id, or {@code null} for a status quo
 * @param issue  issue id, or {@code null} for a capability
 * @param actorIndex index of the actor in the problem, -1 for a status quo
 * @param issueIndex index of the issue in the problem, -1 for a capability
 * @param value  the stated value, on the scenario's scale (salience 0-100)
 * @param range  the range Monte Carlo draws from, or {@code null} when the value is certain
 * @param slot   world-independent index (see {@link Inputs#slot})
 */
public record Input(Kind kind, String actor, String issue, int actorIndex, int issueIndex, double value, Range range,
                    int slot) {

    /** What an input is. */
    public enum Kind {
        POSITION, SALIENCE, CAPABILITY, STATUS_QUO, OUTSIDE_OPTION,
        /** A conditional position's value when its condition fails. */
        OTHERWISE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Input {
        Objects.requireNonNull(kind, "kind");
    }

    public boolean uncertain() {
        return range != null;
    }

    /** A stable id for tables and CSV, e.g. {@code position:usa:sanctions}, {@code capability:dprk}. */
    public String id() {
        switch (kind) {
            case CAPABILITY:
                return kind.id() + ":" + actor;
            case STATUS_QUO:
                return kind.id() + ":" + issue;
            default:
                return kind.id() + ":" + actor + ":" + issue;
        }
    }

    /** The input in words, e.g. {@code usa position on sanctions}. */
    public String label() {
        switch (kind) {
            case CAPABILITY:
                return actor + " capability";
            case STATUS_QUO:
                return issue + " status quo";
            case OTHERWISE:
                return actor + " position on " + issue + " otherwise";
            default:
                return actor + " " + kind.id() + " on " + issue;
        }
    }

    /** The input with its range, e.g. {@code usa position on sanctions 30 [20, 45] uniform}. */
    public String describe() {
        String v = label() + " " + Numbers.format(value);
        return range == null ? v : v + " [" + Numbers.format(range.low()) + ", " + Numbers.format(range.high()) + "] "
                + range.distribution().id();
    }
}
