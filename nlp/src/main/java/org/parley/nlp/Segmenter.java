package org.parley.nlp;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an article into headline, date, dateline, paragraphs, sentences and tokens, keeping
 * character offsets, and marks page residue (share buttons, lone symbols).
 *
 * <p>Sentences follow the rule scenario provenance counts by ({@link org.parley.model.Sentences}:
 * a sentence ends at {@code . ! ?} followed by white space and an upper-case letter, digit or
 * opening quote, and at every blank line), so that the number a draft cites is the number
 * {@code parley validate} checks. Residue sentences keep their number and are skipped by
 * extraction.
 */
public final class Segmenter {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?][\"”’']?)\\s+(?=[\\p{Lu}\\d\"“‘'(])");
    private static final Pattern DATELINE = Pattern.compile(
            "^(\\p{Lu}[\\p{Lu}.'\\- ]{2,}(?:,\\s*\\p{Lu}[\\p{L}.' \\-]{1,40}?)?)\\s*(?:\\([^)]{1,40}\\))?\\s*(?::|—|–|-{1,2})\\s");
    private static final Pattern RESIDUE_TOKEN = Pattern.compile(
            "(?i)icon-[\\w-]+|share|tweet|email|print|comments?|advertisement|subscribe|follow|facebook|twitter|"
                    + "whatsapp|linkedin|reddit|pinterest|telegram|x|save|copy|link|close|menu|this|article|story|on|via|page"
            + "|read|more|now|\\W+");
    private static final Set<String> MONTHS = set("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\p{L}*,?\\s+)?(\\p{L}{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})\\b");
    private static final Pattern DATE_DMY = Pattern.compile(
            "^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\p{L}*,?\\s+)?(\\d{1,2})\\s+(\\p{L}{3,9})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern DATE_ISO = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\b");

    private final Tokenizer tokenizer;

    public Segmenter(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Line breaks become {@code \n}; nothing else changes, so offsets stay close to the file's. */
    public static String normaliseNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    public Article segment(String name, String raw) {
        String text = normaliseNewlines(raw);
        List<Span> pieces = new ArrayList<>();
        List<Integer> paragraphOf = new ArrayList<>();
        int para = 0;
        int from = 0;
        Matcher pm = PARAGRAPH_BREAK.matcher(text);
        List<Span> paragraphs = new ArrayList<>();
        while (pm.find()) {
            paragraphs.add(new Span(from, pm.start()));
            from = pm.end();
        }
        paragraphs.add(new Span(from, text.length()));
        for (Span p : paragraphs) {
            String ps = p.of(text);
            if (ps.replaceAll("\\s+", " ").strip().isEmpty()) {
                continue;
            }
            Matcher sm = SENTENCE_BREAK.matcher(ps);
            int s0 = 0;
            while (true) {
                boolean found = sm.find();
                int s1 = found ? sm.start() : ps.length();
                Span piece = strip(text, p.start() + s0, p.start() + s1);
                if (piece != null) {
                    pieces.add(piece);
                    paragraphOf.add(para);
                }
                if (!found) {
                    break;
                }
                s0 = sm.end();
            }
            para++;
        }
        List<Sentence> sentences = new ArrayList<>();
        Sentence headline = null;
        LocalDate date = null;
        Span dateline = null;
        for (int i = 0; i < pieces.size(); i++) {
            Span sp = pieces.get(i);
            String s = sp.of(text);
            int p = paragraphOf.get(i);
            boolean alone = (i + 1 >= pieces.size() || paragraphOf.get(i + 1) != p) && (i == 0 || paragraphOf.get(i - 1) != p);
            Sentence.Kind kind;
            LocalDate d = date == null ? parseDate(s) : null;
            if (d != null) {
                kind = Sentence.Kind.DATE;
                date = d;
            } else if (residue(s)) {
                kind = Sentence.Kind.RESIDUE;
            } else if (headline == null && sentences.isEmpty() && alone && !s.matches("(?s).*[.!?][\"”’']?") && words(s) <= 25) {
                kind = Sentence.Kind.HEADLINE;
            } else {
                kind = Sentence.Kind.BODY;
            }
            List<Token> tokens = kind == Sentence.Kind.BODY || kind == Sentence.Kind.HEADLINE
                    ? tokenizer.tokenize(text, sp.start(), sp.end()) : List.of();
            Sentence sentence = new Sentence(i + 1, sp, p, kind, tokens);
            if (kind == Sentence.Kind.HEADLINE) {
                headline = sentence;
            }
            if (kind == Sentence.Kind.BODY && dateline == null && sentences.stream().noneMatch(Sentence::body)) {
                Matcher dm = DATELINE.matcher(s);
                if (dm.find() && dm.group(1).length() >= 3) {
                    dateline = new Span(sp.start(), sp.start() + dm.end());
                }
            }
            sentences.add(sentence);
        }
        return new Article(name, text, headline, date, dateline, sentences);
    }

    private static Span strip(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new Span(start, end) : null;
    }

    private static int words(String s) {
        return s.strip().split("\\s+").length;
    }

    /** A sentence made only of share-button names, icon labels or symbols. */
    static boolean residue(String s) {
        String t = s.replace('\u00a0', ' ').strip();
        if (t.isEmpty() || t.chars().noneMatch(Character::isLetter)) {
            return true;
        }
        for (String w : t.split("\\s+")) {
            if (!RESIDUE_TOKEN.matcher(w).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A date at the start of a line made of a date and residue ("Thu Aug 01 2024 icon-facebook ..."). */
    static LocalDate parseDate(String s) {
        String t = s.replace('\u00a0', ' ').strip();
        Matcher m = DATE_ISO.matcher(t);
        LocalDate d = null;
        int end = -1;
        if (m.find()) {
            try {
                d = LocalDate.parse(m.group(1));
                end = m.end();
            } catch (DateTimeParseException e) {
                return null;
            }
        } else {
            m = DATE_WORDS.matcher(t);
            boolean words = m.find();
            Integer month = null;
            int day = 0;
            int year = 0;
            if (words) {
                month = month(m.group(1));
                day = Integer.parseInt(m.group(2));
                year = Integer.parseInt(m.group(3));
            } else {
                m = DATE_DMY.matcher(t);
                if (m.find()) {
                    month = month(m.group(2));
                    day = Integer.parseInt(m.group(1));
                    year = Integer.parseInt(m.group(3));
                }
            }
            if (month == null) {
                return null;
            }
            try {
                d = LocalDate.of(year, month, day);
                end = m.end();
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        String rest = t.substring(end).strip();
        return rest.isEmpty() || residue(rest) ? d : null;
    }

    private static Integer month(String w) {
        String k = w.toLowerCase(Locale.ROOT);
        if (!MONTHS.contains(k)) {
            return null;
        }
        String three = k.substring(0, 3);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(three) + 1;
    }

    static String iso(LocalDate d) {
        return d == null ? null : d.format(DateTimeFormatter.ISO_LOCAL_DATE);
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }
}
