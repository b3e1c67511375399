package org.parley.nlp;

/**
 * One token with its place in the article text.
 *
 * @param text  the token as written
 * @param start first character in the article
 * @param end   one past the last character
 */
public record Token(String text, int start, int end) {
    public boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }
}
