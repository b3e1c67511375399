package org.parley.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Country resolution on the GUM news documents: every gold mention whose Wikification names a
 * country and whose words are all proper nouns (after trimming "the" and "'s") must be resolved,
 * by the drafter's own pipeline run on the whole document, to that country.
 */
final class GumCountryResolution {

    /** One gold mention and what the pipeline made of it. */
    record Result(String doc, String text, String gold, String predicted) {
        boolean correct() {
            return gold.equals(predicted);
        }
    }

    /** Wikipedia titles of countries the gazetteer names differently. */
    static final Map<String, String> WIKI = Map.of("People's_Republic_of_China", "CHN", "Republic_of_Ireland", "IRL",
            "Georgia_(country)", "GEO", "Republic_of_the_Congo", "COG", "Democratic_Republic_of_the_Congo", "COD",
            "The_Gambia", "GMB", "Kingdom_of_the_Netherlands", "NLD", "Soviet_Union", "RUS");

    private record Tok(String form, String upos, int start, int end, String entity) {
    }

    static List<Result> run(Path dir, Gazetteer g) throws IOException {
        Map<String, String> countryByName = new LinkedHashMap<>();
        for (Gazetteer.Entry e : g.entries()) {
            if ((e.kind() == Gazetteer.Kind.COUNTRY || e.kind() == Gazetteer.Kind.ALIAS) && e.key().length() == 3) {
                countryByName.putIfAbsent(e.surface().replace(' ', '_'), e.key());
            }
        }
        List<Result> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".conllu")).sorted().toList();
        }
        Drafter drafter = new Drafter(g, new OpenNlpTokenizer());
        for (Path f : files) {
            StringBuilder text = new StringBuilder();
            List<Tok> toks = new ArrayList<>();
            boolean space = false;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("# newpar")) {
                    if (text.length() > 0) {
                        text.append("\n\n");
                    }
                    space = false;
                    continue;
                }
                if (line.isEmpty()) {
                    if (text.length() > 0 && !text.toString().endsWith("\n")) {
                        text.append('\n');
                    }
                    space = false;
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                if (c[0].contains("-") || c[0].contains(".")) {
                    continue;
                }
                if (space) {
                    text.append(' ');
                }
                int start = text.length();
                text.append(c[1]);
                toks.add(new Tok(c[1], c[3], start, text.length(), entity(c[9])));
                space = !c[9].contains("SpaceAfter=No");
            }
            // gold mentions: open "(id-...-identity" ... close "id)"
            Map<String, Deque<Integer>> open = new LinkedHashMap<>();
            Map<String, Deque<String>> openIdentity = new LinkedHashMap<>();
            List<int[]> spans = new ArrayList<>();
            List<String> identities = new ArrayList<>();
            for (int i = 0; i < toks.size(); i++) {
                String ent = toks.get(i).entity();
                if (ent == null) {
                    continue;
                }
                int k = 0;
                while (k < ent.length()) {
                    char ch = ent.charAt(k);
                    if (ch == '(') {
                        int end = k + 1;
                        while (end < ent.length() && ent.charAt(end) != '(' && ent.charAt(end) != ')') {
                            end++;
                        }
                        String body = ent.substring(k + 1, end);
                        String[] parts = body.split("-", 8);
                        String id = parts[0];
                        String identity = parts.length == 8 ? parts[7] : "";
                        if (end < ent.length() && ent.charAt(end) == ')') {
                            spans.add(new int[] {i, i});
                            identities.add(identity);
                            k = end + 1;
                        } else {
                            open.computeIfAbsent(id, x -> new ArrayDeque<>()).push(i);
                            openIdentity.computeIfAbsent(id, x -> new ArrayDeque<>()).push(identity);
                            k = end;
                        }
                    } else if (Character.isDigit(ch)) {
                        int end = k;
                        while (end < ent.length() && ent.charAt(end) != ')') {
                            end++;
                        }
                        String id = ent.substring(k, end);
                        Deque<Integer> st = open.get(id);
                        if (st != null && !st.isEmpty()) {
                            spans.add(new int[] {st.pop(), i});
                            identities.add(openIdentity.get(id).pop());
                        }
                        k = end + 1;
                    } else {
                        k++;
                    }
                }
            }
            Draft d = drafter.draft(f.getFileName().toString(), text.toString());
            for (int m = 0; m < spans.size(); m++) {
                String iso = countryByName.get(identities.get(m));
                if (iso == null) {
                    iso = WIKI.get(identities.get(m));
                }
                if (iso == null) {
                    continue;
                }
                int a = spans.get(m)[0];
                int b = spans.get(m)[1];
                while (a <= b && (toks.get(a).upos().equals("DET") || toks.get(a).form().equalsIgnoreCase("the"))) {
                    a++;
                }
                while (b >= a && (toks.get(b).upos().equals("PART") || toks.get(b).form().equals("'s") || toks.get(b).form().equals("’s"))) {
                    b--;
                }
                if (a > b) {
                    continue;
                }
                boolean named = true;
                for (int t = a; t <= b; t++) {
                    named &= toks.get(t).upos().equals("PROPN");
                }
                if (!named) {
                    continue;
                }
                Span gold = new Span(toks.get(a).start(), toks.get(b).end());
                String predicted = "none";
                for (Entity e : d.entities()) {
                    for (Entity.Resolved r : e.mentions()) {
                        if (r.mention().span().overlaps(gold)) {
                            predicted = e.key() == null ? "person:" + e.name() : e.key();
                        }
                    }
                }
                out.add(new Result(f.getFileName().toString(), gold.of(text.toString()), iso, predicted));
            }
        }
        return out;
    }

    private static String entity(String misc) {
        for (String kv : misc.split("\\|")) {
            if (kv.startsWith("Entity=")) {
                return kv.substring("Entity=".length());
            }
        }
        return null;
    }

    public static void main(String[] args) throws IOException {
        List<Result> rs = run(Path.of(args[0]), Gazetteer.defaults());
        long ok = rs.stream().filter(Result::correct).count();
        for (Result r : rs) {
            if (!r.correct()) {
                System.out.println("MISS " + r);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "%d / %d = %.3f%n", ok, rs.size(), (double) ok / rs.size());
    }
}
