package org.parley.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores the claim rules against the hand-annotated gold set ({@code src/test/resources/gold/}).
 * A predicted claim matches a gold claim of the same type whose content span it overlaps (for a
 * trade, the span of what is asked); each gold claim matches at most one prediction. Run:
 * {@code java -cp ... org.parley.nlp.ClaimScorer nlp/src/test/resources/gold [dev|test|all]}.
 */
public final class ClaimScorer {

    /** One gold claim, located in its text. */
    record Gold(String doc, String split, Claim.Type type, String holder, String content, Span span) {
    }

    /** Counts for one claim type. */
    static final class Count {
        int gold;
        int predicted;
        int matched;

        double precision() {
            return predicted == 0 ? Double.NaN : (double) matched / predicted;
        }

        double recall() {
            return gold == 0 ? Double.NaN : (double) matched / gold;
        }
    }

    static List<Gold> gold(Path dir) throws IOException {
        List<Gold> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(dir.resolve("claims.tsv"), StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalArgumentException("claims.tsv:" + n + ": 5 columns expected, got " + f.length);
            }
            String text = Segmenter.normaliseNewlines(Files.readString(dir.resolve("texts").resolve(f[0] + ".txt"),
                    StandardCharsets.UTF_8));
            int at = text.indexOf(f[4]);
            if (at < 0) {
                throw new IllegalArgumentException("claims.tsv:" + n + ": content not in texts/" + f[0] + ".txt: " + f[4]);
            }
            out.add(new Gold(f[0], f[1], Claim.Type.valueOf(f[2].toUpperCase(Locale.ROOT)), f[3], f[4],
                    new Span(at, at + f[4].length())));
        }
        return out;
    }

    /** Per type (and "all"): gold, predicted, matched, over the documents of the split. */
    static Map<String, Count> score(Path dir, String split, Drafter drafter) throws IOException {
        List<Gold> gold = gold(dir);
        Set<String> docs = new LinkedHashSet<>();
        for (Gold g : gold) {
            if (split.equals("all") || g.split().equals(split)) {
                docs.add(g.doc());
            }
        }
        // documents with no gold claim still count for precision: take them from the split list
        for (String line : Files.readAllLines(dir.resolve("splits.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 2 && !line.startsWith("#") && (split.equals("all") || f[1].equals(split))) {
                docs.add(f[0]);
            }
        }
        Map<String, Count> counts = new LinkedHashMap<>();
        for (Claim.Type t : Claim.Type.values()) {
            counts.put(t.id(), new Count());
        }
        for (String doc : docs) {
            String text = Files.readString(dir.resolve("texts").resolve(doc + ".txt"), StandardCharsets.UTF_8);
            Draft d = drafter.draft(doc + ".txt", text);
            List<Gold> gs = gold.stream().filter(g -> g.doc().equals(doc)).toList();
            boolean[] used = new boolean[gs.size()];
            for (Gold g : gs) {
                counts.get(g.type().id()).gold++;
            }
            for (Claim c : d.claims()) {
                Count ct = counts.get(c.type().id());
                ct.predicted++;
                for (int i = 0; i < gs.size(); i++) {
                    if (!used[i] && gs.get(i).type() == c.type() && gs.get(i).span().overlaps(c.content())) {
                        used[i] = true;
                        ct.matched++;
                        break;
                    }
                }
            }
        }
        Count all = new Count();
        for (Count c : counts.values()) {
            all.gold += c.gold;
            all.predicted += c.predicted;
            all.matched += c.matched;
        }
        counts.put("all", all);
        return counts;
    }

    static String table(Map<String, Count> counts) {
        StringBuilder sb = new StringBuilder("| type | gold | predicted | matched | precision | recall |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Count> e : counts.entrySet()) {
            Count c = e.getValue();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s |%n", e.getKey(), c.gold, c.predicted,
                    c.matched, fmt(c.precision()), fmt(c.recall())));
        }
        return sb.toString();
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "-" : String.format(Locale.ROOT, "%.2f", d);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "nlp/src/test/resources/gold");
        String split = args.length > 1 ? args[1] : "test";
        System.out.print(table(score(dir, split, Drafter.defaults())));
    }
}
