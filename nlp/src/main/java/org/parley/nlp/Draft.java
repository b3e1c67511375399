package org.parley.nlp;

import java.util.List;
import java.util.Map;

/**
 * Everything the drafter read from one article, before it is written in the scenario format:
 * the segmented article, mentions, entities with roles, claims with evidence and issues.
 * Only {@link DraftWriter} knows the scenario format.
 *
 * @param article    the segmented article
 * @param mentions   every mention found
 * @param entities   resolved entities, with roles
 * @param claims     claims in text order
 * @param issues     candidate issues by id
 * @param claimIssue the issue of each claim (for a trade: of what is asked)
 * @param offerIssue for trades: the issue of what is offered
 * @param unresolved name mentions tied to no country, source or party (for the analyst to map)
 */
public record Draft(Article article, List<Mention> mentions, List<Entity> entities, List<Claim> claims,
                    Map<String, DraftIssue> issues, Map<String, String> claimIssue, Map<String, String> offerIssue,
                    List<Entity> unresolved) {

    public Draft {
        mentions = List.copyOf(mentions);
        entities = List.copyOf(entities);
        claims = List.copyOf(claims);
        issues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(issues));
        claimIssue = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(claimIssue));
        offerIssue = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(offerIssue));
        unresolved = List.copyOf(unresolved);
    }

    public List<Entity> parties() {
        return entities.stream().filter(e -> e.role() == Entity.Role.PARTY).toList();
    }

    public List<Entity> sources() {
        return entities.stream().filter(e -> e.role() == Entity.Role.SOURCE).toList();
    }

    public Entity entity(String id) {
        return entities.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    }

    public String text(Span s) {
        return s.of(article.text());
    }
}
