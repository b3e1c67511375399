package org.parley.nlp;

/**
 * A half-open character range {@code [start, end)} of the article text, as Java string indices.
 *
 * @param start first character
 * @param end   one past the last character
 */
public record Span(int start, int end) implements Comparable<Span> {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + ") is not a range");
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }

    public boolean contains(Span o) {
        return start <= o.start && o.end <= end;
    }

    public boolean overlaps(Span o) {
        return start < o.end && o.start < end;
    }

    public int length() {
        return end - start;
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }
}
