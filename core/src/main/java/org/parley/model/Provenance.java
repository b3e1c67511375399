package org.parley.model;

import java.util.Objects;

/**
 * Where a number came from: a sentence of a source, or an analyst's judgement with its reason.
 *
 * <p>Exactly one of the two readings is present: {@code source} (with a {@code quote} and/or a
 * 1-based {@code sentence} index into that source's text), or {@code judgement}. Values imported
 * from peer formats carry {@link #imported(String)}: the file they were read from.
 *
 * @param source   id of a {@link Source} of the scenario, or {@code null}
 * @param quote    the sentence (or the part of it) that supports the value, or {@code null}
 * @param sentence 1-based index of the sentence in the source text, or 0 when not given
 * @param judgement a one-line rationale when the value is the analyst's judgement, or {@code null}
 */
public record Provenance(String source, String quote, int sentence, String judgement) {

    private static final Provenance NONE = new Provenance(null, null, 0, null);

    public Provenance {
        if (sentence < 0) {
            throw new IllegalArgumentException("provenance.sentence must be >= 1 when given, was " + sentence);
        }
        source = blankToNull(source);
        quote = blankToNull(quote);
        judgement = blankToNull(judgement);
    }

    /** No provenance recorded. Validation reports values that lack one as a warning. */
    public static Provenance none() {
        return NONE;
    }

    public static Provenance quote(String source, String quote) {
        return new Provenance(Objects.requireNonNull(source, "source"), quote, 0, null);
    }

    public static Provenance sentence(String source, int sentence) {
        return new Provenance(Objects.requireNonNull(source, "source"), null, sentence, null);
    }

    public static Provenance judgement(String rationale) {
        return new Provenance(null, null, 0, Objects.requireNonNull(rationale, "judgement"));
    }

    /** A value read from a peer file that carries no provenance of its own. */
    public static Provenance imported(String file) {
        return new Provenance(null, null, 0, "imported from " + file);
    }

    public boolean isPresent() {
        return source != null || judgement != null;
    }

    public boolean isJudgement() {
        return source == null && judgement != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
