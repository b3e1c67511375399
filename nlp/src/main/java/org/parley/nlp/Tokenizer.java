package org.parley.nlp;

import java.util.List;

/** Splits a stretch of text into tokens with their offsets. */
public interface Tokenizer {

    /**
     * The tokens of {@code text.substring(start, end)}, with offsets into {@code text}.
     */
    List<Token> tokenize(String text, int start, int end);
}
