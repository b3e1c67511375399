package org.parley.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/**
 * Reads an article with the checks a draft needs: a size limit, no binary content, UTF-8 (else
 * Windows-1252), some text, and English: a text with at least 20% English function words is
 * English; any other goes to OpenNLP's 103-language detector ({@code opennlp-models-langdetect}
 * 1.3.0, Apache-2.0), which names its language. Every refusal is a {@link ParleyException}
 * with {@link ErrorCode#BAD_INPUT} (exit 2) naming the file.
 */
public final class ArticleInput {

    /** A news article is a few kilobytes; anything past this is not one. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    static final String LANG_MODEL = "/langdetect-183.bin";
    /** Language detection reads at most this many characters (enough for a stable answer). */
    static final int LANG_SAMPLE = 4000;

    private static volatile LanguageDetectorModel langModel;

    private ArticleInput() {
    }

    /** The article text (line breaks kept as in the file). */
    public static String read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ParleyException(ErrorCode.BAD_INPUT, name + ": is a directory, not an article");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ParleyException(ErrorCode.BAD_INPUT, name + ": the file has " + size + " bytes; 'parley draft' "
                        + "reads news articles of at most " + MAX_BYTES + " bytes (2 MiB). Maybe split it into articles?");
            }
            // bounded: a device or pipe (/dev/zero) reports size 0 and would never end
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                int nul = indexOfNul(bytes);
                throw new ParleyException(ErrorCode.BAD_INPUT, name + (nul >= 0
                        ? ": this is a binary file, not an article (a NUL byte at offset " + nul + ")"
                        : ": the text goes on past " + MAX_BYTES + " bytes; 'parley draft' reads news articles of at most "
                                + MAX_BYTES + " bytes (2 MiB). Maybe split it into articles?"));
            }
        } catch (NoSuchFileException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, name + ": no such file");
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, name + ": cannot read: " + e.getMessage(), e);
        }
        String text = decode(name, bytes);
        check(name, text);
        return text;
    }

    /**
     * An article that came as text (the web app's review screen): the same checks as a file,
     * size (in UTF-8 bytes), binary content, empty text and language, {@code name} naming it.
     */
    public static String text(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new ParleyException(ErrorCode.BAD_INPUT, name + ": the text has " + bytes.length + " bytes; 'parley draft' "
                    + "reads news articles of at most " + MAX_BYTES + " bytes (2 MiB). Maybe split it into articles?");
        }
        String t = decode(name, bytes);
        check(name, t);
        return t;
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    static String decode(String name, byte[] bytes) {
        int controls = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == 0) {
                throw new ParleyException(ErrorCode.BAD_INPUT, name + ": this is a binary file, not an article "
                        + "(a NUL byte at offset " + i + ")");
            }
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0c) {
                controls++;
            }
        }
        if (bytes.length > 0 && controls * 20 > bytes.length) {
            throw new ParleyException(ErrorCode.BAD_INPUT, name + ": this is a binary file, not an article ("
                    + controls + " control characters in " + bytes.length + " bytes)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Refuses an empty text and one that is not English. */
    public static void check(String name, String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (text.isBlank() || letters == 0) {
            throw new ParleyException(ErrorCode.BAD_INPUT, name + ": the article is empty (no words to read)");
        }
        if (letters < 20) {
            return; // too short to tell a language; the draft will simply find little
        }
        String sample = text.length() > LANG_SAMPLE ? text.substring(0, LANG_SAMPLE) : text;
        if (englishShare(sample) >= ENGLISH_SHARE) {
            return; // plainly English: the 10 MB detector need not load (it costs most of the start-up)
        }
        Language best = new LanguageDetectorME(langModel()).predictLanguage(sample);
        if (!best.getLang().equals("eng")) {
            throw new ParleyException(ErrorCode.BAD_INPUT, name + ": the article reads as '" + best.getLang()
                    + "' (ISO 639-3, confidence " + String.format(Locale.ROOT, "%.2f", best.getConfidence())
                    + "), not English; 'parley draft' has English rules only");
        }
    }

    /** English news has 35-50% of its words among these; other languages a few percent. */
    static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("the", "of", "and", "to", "a", "in", "is",
            "that", "for", "on", "with", "as", "was", "by", "it", "at", "from", "he", "she", "said", "are", "be", "has",
            "have", "his", "her", "this", "which", "an", "not", "were", "but", "or", "will", "they", "their", "its",
            "had", "would", "been", "who", "after", "also", "than", "into", "about");
    /** At or above this share of function words (and 30 words or more) a text is taken as English without the detector. */
    static final double ENGLISH_SHARE = 0.2;

    /** The share of words that are English function words, 0 for texts under 30 words. */
    static double englishShare(String sample) {
        String[] words = sample.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        int n = 0;
        int hits = 0;
        for (String w : words) {
            if (!w.isEmpty()) {
                n++;
                if (FUNCTION_WORDS.contains(w)) {
                    hits++;
                }
            }
        }
        return n < 30 ? 0 : (double) hits / n;
    }

    static LanguageDetectorModel langModel() {
        LanguageDetectorModel m = langModel;
        if (m == null) {
            synchronized (ArticleInput.class) {
                m = langModel;
                if (m == null) {
                    try (InputStream in = ArticleInput.class.getResourceAsStream(LANG_MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("the OpenNLP language model " + LANG_MODEL + " is not on the class path");
                        }
                        m = new LanguageDetectorModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    langModel = m;
                }
            }
        }
        return m;
    }
}
