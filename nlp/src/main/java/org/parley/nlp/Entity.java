package org.parley.nlp;

import java.util.List;

/**
 * Something the article talks about, with every mention that resolved to it.
 *
 * @param id          scenario id (slug of the name)
 * @param name        display name
 * @param type        country, organisation, media or person
 * @param key         ISO 3166 alpha-3 code, organisation id, or {@code null} for persons
 * @param affiliation for persons: the country key they belong to, or {@code null}
 * @param role        party, source, mentioned or place
 * @param mentions    the mentions, in text order, each with the rule that resolved it
 * @param notes       what the analyst should check (e.g. a leader not in office on the article date)
 */
public record Entity(String id, String name, Type type, String key, String affiliation, Role role,
                     List<Resolved> mentions, List<String> notes) {

    public enum Type { COUNTRY, ORG, MEDIA, PERSON }

    /** Parties take part in the negotiation; sources report or claim; places are only where things happen. */
    public enum Role { PARTY, SOURCE, MENTIONED, PLACE }

    public Entity {
        mentions = List.copyOf(mentions);
        notes = List.copyOf(notes);
    }

    /**
     * A mention with the rule that tied it to its entity.
     *
     * @param mention    the mention
     * @param rule       rule id, e.g. {@code gazetteer.capital}, {@code alias.name-part}
     * @param confidence 0-1
     */
    public record Resolved(Mention mention, String rule, double confidence) {
    }

    public double confidence() {
        return mentions.stream().mapToDouble(Resolved::confidence).max().orElse(0);
    }
}
