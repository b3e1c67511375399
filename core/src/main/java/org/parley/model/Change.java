package org.parley.model;

import java.util.Locale;
import java.util.Objects;

/**
 * One value a {@link Branch} changes.
 *
 * @param field which value: an actor's position, salience or capability, an issue's status quo,
 *              or the removal of an actor (from one issue, or from all when {@code issue} is null)
 * @param actor the actor id, or {@code null} for {@link Field#STATUS_QUO}
 * @param issue the issue id, or {@code null} for {@link Field#CAPABILITY} and a full removal
 * @param value the new value with its provenance, or {@code null} for {@link Field#REMOVE}
 */
public record Change(Field field, String actor, String issue, Estimate value) {

    /** What a change targets. */
    public enum Field {
        POSITION, SALIENCE, CAPABILITY, STATUS_QUO, REMOVE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Field fromId(String id) {
            String norm = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Field f : values()) {
                if (f.id().equals(norm)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown change field '" + id
                    + "'; expected position, salience, capability, status-quo or remove");
        }
    }

    public Change {
        Objects.requireNonNull(field, "field");
        if (field != Field.REMOVE) {
            Objects.requireNonNull(value, "value");
        }
    }

    public static Change position(String actor, String issue, Estimate value) {
        return new Change(Field.POSITION, actor, issue, value);
    }

    public static Change salience(String actor, String issue, Estimate value) {
        return new Change(Field.SALIENCE, actor, issue, value);
    }

    public static Change capability(String actor, Estimate value) {
        return new Change(Field.CAPABILITY, actor, null, value);
    }

    public static Change statusQuo(String issue, Estimate value) {
        return new Change(Field.STATUS_QUO, null, issue, value);
    }

    public static Change remove(String actor, String issue) {
        return new Change(Field.REMOVE, actor, issue, null);
    }
}
