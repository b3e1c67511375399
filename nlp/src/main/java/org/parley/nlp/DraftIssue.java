package org.parley.nlp;

import java.util.List;

/**
 * A candidate issue: claims grouped by what they are about.
 *
 * @param id     scenario id
 * @param name   display name
 * @param low    what the low end of the 0-100 scale means
 * @param high   what the high end means (what the demanding side asks)
 * @param rule   {@code issue.lexicon:<entry>} or {@code issue.head-words}
 * @param claims ids of the claims about it
 */
public record DraftIssue(String id, String name, String low, String high, String rule, List<String> claims) {
    public DraftIssue {
        claims = List.copyOf(claims);
    }
}
