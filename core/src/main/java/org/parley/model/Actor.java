package org.parley.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A party to the negotiation.
 *
 * @param id          stable id
 * @param name        human name
 * @param capability  the actor's clout (any non-negative scale; models normalise)
 * @param attributes  optional free attributes (e.g. {@code analyst-added: "true"}, {@code type:
 *                    state}), in file order
 */
public record Actor(String id, String name, Estimate capability, Map<String, String> attributes) {

    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(capability, "capability");
        name = name == null || name.isBlank() ? id : name;
        attributes = attributes == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public static Actor of(String id, double capability) {
        return new Actor(id, id, Estimate.of(capability), Map.of());
    }

    public Actor withCapability(Estimate newCapability) {
        return new Actor(id, name, newCapability, attributes);
    }

    public Actor withName(String newName) {
        return new Actor(id, newName, capability, attributes);
    }

    /** The same actor with the given attributes set (added or replaced); the others are kept. */
    public Actor withAttributes(Map<String, String> set) {
        Map<String, String> merged = new LinkedHashMap<>(attributes);
        merged.putAll(set);
        return new Actor(id, name, capability, merged);
    }
}
