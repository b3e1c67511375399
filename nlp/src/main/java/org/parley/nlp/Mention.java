package org.parley.nlp;

/**
 * A stretch of text that names something: a gazetteer name or a run of capitalised words.
 *
 * @param span      its characters in the article
 * @param sentence  the number of its sentence
 * @param text      the text (a title such as "Prime Minister" stripped)
 * @param entry     the gazetteer entry it matched, or {@code null} for a name run
 * @param nameType  for name runs: {@code person} or {@code org}; else the entry's kind
 * @param preposition the preposition right before it ("in", "with", ...), or {@code null}
 * @param title     a title or agent noun before the name ("Prime Minister", "leader"), or {@code null}
 */
public record Mention(Span span, int sentence, String text, Gazetteer.Entry entry, String nameType, String preposition,
                      String title) {

    public boolean name() {
        return entry == null;
    }

    /** After in, from, to, at, across, inside: a place rather than an actor. */
    public boolean locative() {
        return preposition != null && switch (preposition) {
            case "in", "from", "to", "at", "across", "inside", "into", "throughout", "near", "visited", "visit" -> true;
            default -> false;
        };
    }
}
