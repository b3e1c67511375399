package org.parley.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a source text into numbered sentences (1-based), the unit provenance cites, and finds
 * quotes in it. The rule is simple and documented so that analysts can count by hand: a sentence
 * ends at {@code . ! ?} followed by white space and an upper-case letter, digit or opening quote,
 * and at every blank line (so a headline is a sentence of its own).
 */
public final class Sentences {

    private Sentences() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\\R\\s*\\R")) {
            String p = para.replaceAll("\\s+", " ").strip();
            if (p.isEmpty()) {
                continue;
            }
            for (String s : p.split("(?<=[.!?][\"”’']?)\\s+(?=[\\p{Lu}\\d\"“‘'(])")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** Folds case, white space and typographic quotes so a quote matches its source loosely. */
    public static String normalise(String s) {
        return s.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .replace('–', '-').replace('—', '-').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The 1-based number of the first sentence that contains the quote, 0 when none does. */
    public static int find(List<String> sentences, String quote) {
        String q = normalise(quote);
        for (int i = 0; i < sentences.size(); i++) {
            if (normalise(sentences.get(i)).contains(q)) {
                return i + 1;
            }
        }
        return 0;
    }
}
