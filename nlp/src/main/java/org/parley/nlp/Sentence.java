package org.parley.nlp;

import java.util.List;

/**
 * One sentence of the article.
 *
 * @param number    1-based number, counted as scenario provenance counts them
 *                  ({@link org.parley.model.Sentences}): what {@code sentence:} in a scenario cites
 * @param span      its characters in the article
 * @param paragraph 0-based paragraph index
 * @param kind      headline, dateline date, body, or page residue (share buttons and the like)
 * @param tokens    its tokens (empty for residue)
 */
public record Sentence(int number, Span span, int paragraph, Kind kind, List<Token> tokens) {

    /** What a sentence is in the page. Only body sentences yield claims. */
    public enum Kind { HEADLINE, DATE, BODY, RESIDUE }

    public Sentence {
        tokens = List.copyOf(tokens);
    }

    public boolean body() {
        return kind == Kind.BODY;
    }
}
