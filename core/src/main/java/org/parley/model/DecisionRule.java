package org.parley.model;

import java.util.Locale;

/**
 * How an issue is decided in the real forum. Models that have a voting or veto logic read it;
 * the baselines report it alongside their forecast.
 */
public enum DecisionRule {
    /** Capability-weighted majority: the weighted median is pivotal. */
    MAJORITY,
    /** Every actor can veto: the outcome must be acceptable to all. */
    UNANIMITY,
    /** Qualified majority (e.g. the EU Council); models treat it as a supermajority. */
    QUALIFIED_MAJORITY,
    /** No formal rule: bargaining among the actors. */
    BARGAINING;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DecisionRule fromId(String id) {
        String norm = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (DecisionRule r : values()) {
            if (r.id().equals(norm)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown decision rule '" + id
                + "'; expected majority, unanimity, qualified-majority or bargaining");
    }
}
