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
 * @param rule        how the issue is decided ({@link DecisionRule#BARGAINING} when not stated:
 *                    no consent stage)
 * @param thresholds  lines the analyst asks about
 * @param quota       the share of votes a qualified majority needs, in (0.5, 1], or {@code null}
 *                    when the rule takes none
 * @param votes       whose votes count how much under a voting rule: {@link #VOTES_CAPABILITY}
 *                    (the default), {@link #VOTES_EQUAL}, or the name of a numeric actor attribute
 * @param consent     ids of the veto players: actors who must accept any outcome, whatever the rule
 */
public record Issue(String id, String name, String description, Scale scale, Estimate statusQuo,
                    DecisionRule rule, List<Threshold> thresholds, Double quota, String votes,
                    List<String> consent) {

    /** Votes weighted by capability (the default). */
    public static final String VOTES_CAPABILITY = "capability";
    /** One vote per actor. */
    public static final String VOTES_EQUAL = "equal";

    public Issue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scale, "scale");
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        rule = rule == null ? DecisionRule.BARGAINING : rule;
        thresholds = List.copyOf(thresholds == null ? List.of() : thresholds);
        votes = votes == null || votes.isBlank() ? VOTES_CAPABILITY : votes.strip();
        consent = List.copyOf(consent == null ? List.of() : consent);
    }

    /** An issue without a quota, votes by capability and no consent list. */
    public Issue(String id, String name, String description, Scale scale, Estimate statusQuo,
                 DecisionRule rule, List<Threshold> thresholds) {
        this(id, name, description, scale, statusQuo, rule, thresholds, null, null, List.of());
    }

    public static Issue of(String id, Scale scale) {
        return new Issue(id, id, "", scale, null, DecisionRule.BARGAINING, List.of());
    }

    public Issue withStatusQuo(Estimate sq) {
        return new Issue(id, name, description, scale, sq, rule, thresholds, quota, votes, consent);
    }

    /** The same issue decided by another rule, with its quota, votes and consent list. */
    public Issue withRule(DecisionRule newRule, Double newQuota, String newVotes, List<String> newConsent) {
        return new Issue(id, name, description, scale, statusQuo, newRule, thresholds, newQuota, newVotes, newConsent);
    }

    /** {@code true} when the issue has a rule other than bargaining or a consent list. */
    public boolean declaresConsent() {
        return rule != DecisionRule.BARGAINING || !consent.isEmpty();
    }

    /**
     * The quota the rule uses: the stated quota under a qualified majority, 1/2 under a simple
     * majority, 1 under unanimity, NaN under bargaining (or a qualified majority without a quota,
     * which the validator refuses).
     */
    public double effectiveQuota() {
        switch (rule) {
            case MAJORITY:
                return 0.5;
            case UNANIMITY:
                return 1.0;
            case QUALIFIED_MAJORITY:
                return quota == null ? Double.NaN : quota;
            default:
                return Double.NaN;
        }
    }

    public boolean hasStatusQuo() {
        return statusQuo != null;
    }
}
