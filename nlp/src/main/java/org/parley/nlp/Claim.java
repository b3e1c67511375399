package org.parley.nlp;

/**
 * What an actor wants, aims at, offers or trades, or a condition on another claim, with its
 * evidence.
 *
 * @param id          draft-local id ({@code c1}, {@code c2}, ...)
 * @param type        demand, aim, offer, trade or condition
 * @param holder      the entity id of whoever holds the claim, or {@code null} when no holder was found
 * @param holderSpan  the mention the holder was read from, or {@code null}
 * @param cue         the words that signal the claim ("with a focus on", "aims to", "if")
 * @param content     what is claimed (for a trade: what is asked in return)
 * @param offer       for a trade: what is offered; else {@code null}
 * @param sentence    the sentence number (as provenance counts)
 * @param rule        rule id
 * @param confidence  0-1
 * @param source      the entity id of whoever reports the claim (attribution), or {@code null}
 * @param attribution the attribution rule id, or {@code null}
 * @param appliesTo   for a condition: the id of the claim it conditions, or {@code null}
 * @param against     true when the holder opposes the content ("rejects", "opposes")
 */
public record Claim(String id, Type type, String holder, Span holderSpan, Span cue, Span content, Span offer,
                    int sentence, String rule, double confidence, String source, String attribution, String appliesTo,
                    boolean against) {

    public enum Type {
        DEMAND, AIM, OFFER, TRADE, CONDITION;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
