package org.parley.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One value a {@link Branch} changes.
 *
 * @param field      which value: an actor's position, salience, outside option, capability, name
 *                   or attributes, an issue's status quo, or the removal of an actor (from one
 *                   issue, or from all when {@code issue} is null)
 * @param actor      the actor id, or {@code null} for {@link Field#STATUS_QUO}
 * @param issue      the issue id, or {@code null} for {@link Field#CAPABILITY}, {@link Field#NAME},
 *                   {@link Field#ATTRIBUTES} and a full removal
 * @param value      the new value with its provenance, or {@code null} for {@link Field#REMOVE},
 *                   {@link Field#NAME} and {@link Field#ATTRIBUTES}
 * @param name       the actor's new name for {@link Field#NAME}, else {@code null}
 * @param attributes the attributes {@link Field#ATTRIBUTES} sets (others are kept), else empty
 */
public record Change(Field field, String actor, String issue, Estimate value, String name,
                     Map<String, String> attributes) {

    /** What a change targets. */
    public enum Field {
        POSITION, SALIENCE, OUTSIDE_OPTION, CAPABILITY, STATUS_QUO, NAME, ATTRIBUTES, REMOVE;

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
                    + "'; expected position, salience, outside-option, capability, status-quo, name, attributes or remove");
        }

        /** {@code true} for the fields whose new value is an {@link Estimate}. */
        public boolean hasValue() {
            return this != REMOVE && this != NAME && this != ATTRIBUTES;
        }
    }

    public Change {
        Objects.requireNonNull(field, "field");
        if (field.hasValue()) {
            Objects.requireNonNull(value, "value");
        }
        if (field == Field.NAME) {
            Objects.requireNonNull(name, "name");
        }
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A change of a value (or a removal, with {@code value} null). */
    public Change(Field field, String actor, String issue, Estimate value) {
        this(field, actor, issue, value, null, Map.of());
    }

    public static Change position(String actor, String issue, Estimate value) {
        return new Change(Field.POSITION, actor, issue, value);
    }

    public static Change salience(String actor, String issue, Estimate value) {
        return new Change(Field.SALIENCE, actor, issue, value);
    }

    public static Change outsideOption(String actor, String issue, Estimate value) {
        return new Change(Field.OUTSIDE_OPTION, actor, issue, value);
    }

    public static Change capability(String actor, Estimate value) {
        return new Change(Field.CAPABILITY, actor, null, value);
    }

    public static Change statusQuo(String issue, Estimate value) {
        return new Change(Field.STATUS_QUO, null, issue, value);
    }

    public static Change name(String actor, String name) {
        return new Change(Field.NAME, actor, null, null, name, Map.of());
    }

    public static Change attributes(String actor, Map<String, String> attributes) {
        return new Change(Field.ATTRIBUTES, actor, null, null, null, attributes);
    }

    public static Change remove(String actor, String issue) {
        return new Change(Field.REMOVE, actor, issue, null);
    }
}
