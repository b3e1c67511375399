package org.parley.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/**
 * Names the drafter knows: countries (names, aliases, capitals, demonyms; generated from MIT
 * data, see {@code nlp/SOURCE.md}), and a hand-kept list of aliases, government metonyms
 * ("White House", "Kremlin"), dated leaders, news media and organisations, which an analyst can
 * extend with a file of the same columns.
 */
public final class Gazetteer {

    /** What a name stands for. */
    public enum Kind {
        COUNTRY, ALIAS, CAPITAL, DEMONYM, GOVERNMENT, LEADER, MEDIA, ORG;

        /** Kinds that name a country (or its government) directly. */
        public boolean country() {
            return this == COUNTRY || this == ALIAS || this == CAPITAL || this == GOVERNMENT;
        }
    }

    /**
     * One name.
     *
     * @param surface the name as written in text
     * @param kind    what it names
     * @param key     the entity it resolves to: an ISO 3166 alpha-3 code for countries, an
     *                organisation or media id otherwise
     * @param from    first day in office (leaders), or {@code null}
     * @param to      last day in office (leaders), or {@code null} when open
     * @param aliases name parts news uses alone (leaders: "Trump", "Kim")
     * @param note    the office or a remark
     * @param origin  where the entry comes from (file:line)
     */
    public record Entry(String surface, Kind kind, String key, LocalDate from, LocalDate to, List<String> aliases,
                        String note, String origin) {
        public Entry {
            aliases = List.copyOf(aliases);
        }

        public boolean inOffice(LocalDate d) {
            return d != null && (from == null || !d.isBefore(from)) && (to == null || d.isBefore(to));
        }
    }

    private final List<Entry> entries;
    private final Map<String, List<Entry>> byFirstWord = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    private Gazetteer(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            byFirstWord.computeIfAbsent(firstWord(e.surface()), k -> new ArrayList<>()).add(e);
            if (e.kind() == Kind.COUNTRY || e.kind() == Kind.ORG || e.kind() == Kind.MEDIA) {
                names.putIfAbsent(e.key(), e.surface());
            }
        }
        for (List<Entry> l : byFirstWord.values()) {
            l.sort(Comparator.comparingInt((Entry e) -> -e.surface().length()).thenComparingInt(e -> e.kind().ordinal()));
        }
    }

    /** The built-in lists. */
    public static Gazetteer defaults() {
        return with(List.of());
    }

    /** The built-in lists plus the analyst's files (entries from files come first). */
    public static Gazetteer with(List<Path> extra) {
        List<Entry> all = new ArrayList<>();
        for (Path p : extra) {
            try {
                all.addAll(readHand(Files.readString(p, StandardCharsets.UTF_8), p.toString()));
            } catch (IOException e) {
                throw new ParleyException(ErrorCode.BAD_INPUT, "cannot read gazetteer " + p + ": " + e.getMessage());
            }
        }
        all.addAll(readHand(resource("hand.tsv"), "hand.tsv"));
        all.addAll(readCountries(resource("countries.tsv")));
        return new Gazetteer(all);
    }

    private static String resource(String name) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Entry> readCountries(String text) {
        List<Entry> out = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            Kind k = switch (f[1]) {
                case "name" -> Kind.COUNTRY;
                case "alias" -> Kind.ALIAS;
                case "capital" -> Kind.CAPITAL;
                case "demonym" -> Kind.DEMONYM;
                default -> throw new IllegalStateException("countries.tsv:" + n + ": kind " + f[1]);
            };
            out.add(new Entry(f[2], k, f[0], null, null, List.of(), "", "countries.tsv:" + n));
        }
        return out;
    }

    static List<Entry> readHand(String text, String file) {
        List<Entry> out = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\\R")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = file + ":" + n;
            if (f.length < 3 || f[1].isBlank() || f[2].isBlank()) {
                throw new ParleyException(ErrorCode.BAD_INPUT, where + ": a gazetteer line has at least three "
                        + "tab-separated columns: kind, surface, key; got '" + line + "'");
            }
            Kind k;
            try {
                k = Kind.valueOf(f[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParleyException(ErrorCode.BAD_INPUT, where + ": unknown kind '" + f[0]
                        + "' (alias, government, leader, media, org, country, capital, demonym)");
            }
            LocalDate from = date(f, 3, where);
            LocalDate to = date(f, 4, where);
            List<String> aliases = f.length > 5 && !f[5].isBlank() ? List.of(f[5].strip().split("\\s*\\|\\s*")) : List.of();
            String note = f.length > 6 ? f[6].strip() : "";
            out.add(new Entry(f[1].strip(), k, f[2].strip(), from, to, aliases, note, where));
        }
        return out;
    }

    private static LocalDate date(String[] f, int i, String where) {
        if (f.length <= i || f[i].isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(f[i].strip());
        } catch (DateTimeParseException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, where + ": column " + (i + 1) + " is not a date (YYYY-MM-DD): '"
                    + f[i] + "'");
        }
    }

    static String firstWord(String s) {
        int sp = s.indexOf(' ');
        String w = sp < 0 ? s : s.substring(0, sp);
        return w.toLowerCase(Locale.ROOT);
    }

    /** Entries whose surface starts with this word (case-folded), longest surface first. */
    public List<Entry> startingWith(String word) {
        return byFirstWord.getOrDefault(word.toLowerCase(Locale.ROOT), List.of());
    }

    /** The display name of a country, organisation or media key. */
    public String name(String key) {
        return names.getOrDefault(key, key);
    }

    /** Leader entries for a full name. */
    public List<Entry> leaders(String fullName) {
        return startingWith(firstWord(fullName)).stream()
                .filter(e -> e.kind() == Kind.LEADER && e.surface().equals(fullName)).toList();
    }

    public List<Entry> entries() {
        return entries;
    }
}
