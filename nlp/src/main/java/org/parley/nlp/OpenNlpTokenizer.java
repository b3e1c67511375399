package org.parley.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Apache OpenNLP's maximum-entropy tokenizer with the Universal Dependencies English-EWT model
 * ({@code opennlp-models-tokenizer-en} 1.3.0 from Maven Central, Apache-2.0). Loaded once; the
 * model is thread-safe to share, the {@link TokenizerME} is not, so each thread gets its own.
 */
public final class OpenNlpTokenizer implements Tokenizer {

    static final String MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    private static volatile TokenizerModel model;

    private final ThreadLocal<TokenizerME> me = ThreadLocal.withInitial(() -> new TokenizerME(model()));

    static TokenizerModel model() {
        TokenizerModel m = model;
        if (m == null) {
            synchronized (OpenNlpTokenizer.class) {
                m = model;
                if (m == null) {
                    try (InputStream in = OpenNlpTokenizer.class.getResourceAsStream(MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("the OpenNLP tokenizer model " + MODEL + " is not on the class path");
                        }
                        m = new TokenizerModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    model = m;
                }
            }
        }
        return m;
    }

    @Override
    public List<Token> tokenize(String text, int start, int end) {
        String s = text.substring(start, end);
        Span[] spans = me.get().tokenizePos(s);
        List<Token> out = new ArrayList<>(spans.length);
        for (Span sp : spans) {
            String t = s.substring(sp.getStart(), sp.getEnd());
            int a = start + sp.getStart();
            int b = start + sp.getEnd();
            // the model splits "Kim's" but not the typographic "Kim’s": split possessives alike
            if (t.length() > 2 && (t.endsWith("’s") || t.endsWith("'s") || t.endsWith("’S"))) {
                out.add(new Token(t.substring(0, t.length() - 2), a, b - 2));
                out.add(new Token(t.substring(t.length() - 2), b - 2, b));
            } else if (t.length() > 1 && (t.endsWith("’") || t.endsWith("'")) && Character.isLetter(t.charAt(t.length() - 2))
                    && Character.isUpperCase(t.charAt(0))) {
                out.add(new Token(t.substring(0, t.length() - 1), a, b - 1));
                out.add(new Token(t.substring(t.length() - 1), b - 1, b));
            } else {
                out.add(new Token(t, a, b));
            }
        }
        return out;
    }
}
