package org.parley.model;

import java.util.List;
import java.util.Objects;

/**
 * One dimension of the negotiation.
 *
 * @param id          stable id, referred to by stances and branches
 * @param name        human name
 * @param description optional longer text
 * @param scale       the policy scale with its labelled ends
 * @param statusQuo   where the issue stands today (the disagreement point), or {@code null}
 * @param rule        how the issue is decided
 * @param thresholds  lines the analyst asks about
 */
public record Issue(String id, String name, String description, Scale scale, Estimate statusQuo,
                    DecisionRule rule, List<Threshold> thresholds) {

    public Issue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scale, "scale");
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        rule = rule == null ? DecisionRule.MAJORITY : rule;
        thresholds = List.copyOf(thresholds == null ? List.of() : thresholds);
    }

    public static Issue of(String id, Scale scale) {
        return new Issue(id, id, "", scale, null, DecisionRule.MAJORITY, List.of());
    }

    public Issue withStatusQuo(Estimate sq) {
        return new Issue(id, name, description, scale, sq, rule, thresholds);
    }

    public boolean hasStatusQuo() {
        return statusQuo != null;
    }
}
