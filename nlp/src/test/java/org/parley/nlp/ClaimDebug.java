package org.parley.nlp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Prints every predicted claim and every missed gold claim of one split (for rule writing on dev). */
public final class ClaimDebug {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String split = args[1];
        Drafter drafter = Drafter.defaults();
        List<ClaimScorer.Gold> gold = ClaimScorer.gold(dir);
        for (String line : Files.readAllLines(dir.resolve("splits.tsv"))) {
            String[] f = line.split("\t");
            if (line.startsWith("#") || !f[1].equals(split)) {
                continue;
            }
            String text = Files.readString(dir.resolve("texts").resolve(f[0] + ".txt"), StandardCharsets.UTF_8);
            Draft d = drafter.draft(f[0], text);
            System.out.println("=== " + f[0]);
            for (Claim c : d.claims()) {
                boolean hit = gold.stream().anyMatch(g -> g.doc().equals(f[0]) && g.type() == c.type() && g.span().overlaps(c.content()));
                System.out.println((hit ? "  OK " : "  FP ") + c.type().id() + " [" + c.holder() + "] " + d.text(c.content()) + "  <" + c.rule() + ">");
            }
            for (ClaimScorer.Gold g : gold) {
                if (g.doc().equals(f[0]) && d.claims().stream().noneMatch(c -> c.type() == g.type() && g.span().overlaps(c.content()))) {
                    System.out.println("  MISS " + g.type().id() + " [" + g.holder() + "] " + g.content());
                }
            }
        }
    }
}
