package org.parley.nlp;

import java.time.LocalDate;
import java.util.List;

/**
 * A segmented news article: every part keeps its character offsets into {@link #text()}.
 *
 * @param name      file name (the scenario's source file)
 * @param text      the text as read (line breaks normalised to \n, nothing else changed)
 * @param headline  the headline sentence, or {@code null}
 * @param date      the date printed in the page, or {@code null}
 * @param dateline  the dateline ("SEOUL, South Korea:"), or {@code null}
 * @param sentences every sentence, residue included, numbered as provenance counts them
 */
public record Article(String name, String text, Sentence headline, LocalDate date, Span dateline,
                      List<Sentence> sentences) {

    public Article {
        sentences = List.copyOf(sentences);
    }

    public String text(Span s) {
        return s.of(text);
    }

    /** The sentence containing a character offset, or {@code null}. */
    public Sentence sentenceAt(int offset) {
        for (Sentence s : sentences) {
            if (s.span().start() <= offset && offset < s.span().end()) {
                return s;
            }
        }
        return null;
    }

    public List<Sentence> body() {
        return sentences.stream().filter(Sentence::body).toList();
    }
}
