package org.parley.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The claim gold set and the figures the README reports: precision and recall per claim type on
 * the test half (annotated after the rules were frozen), and on the dev half.
 */
class ClaimGoldTest {

    static final Path GOLD = Path.of("src/test/resources/gold");

    @Test
    void theGoldSetHasAtLeast60ClaimsFrom15TextsEachWithItsSourceAndLicence() throws IOException {
        List<ClaimScorer.Gold> gold = ClaimScorer.gold(GOLD); // throws when a content is not in its text
        assertThat(gold).hasSizeGreaterThanOrEqualTo(60);
        assertThat(gold.stream().map(ClaimScorer.Gold::doc).distinct().count()).isGreaterThanOrEqualTo(15);
        String readme = Files.readString(GOLD.resolve("README.md"));
        for (String doc : gold.stream().map(ClaimScorer.Gold::doc).distinct().toList()) {
            assertThat(readme).as("source of " + doc).contains("`" + doc + "`");
        }
        assertThat(readme).contains("CC BY 2.5");
    }

    private static void expect(Map<String, ClaimScorer.Count> c, String type, int gold, int predicted, int matched) {
        assertThat(c.get(type).gold).as(type + " gold").isEqualTo(gold);
        assertThat(c.get(type).predicted).as(type + " predicted").isEqualTo(predicted);
        assertThat(c.get(type).matched).as(type + " matched").isEqualTo(matched);
    }

    @Test
    void heldOutTestHalfAsInTheReadme() throws IOException {
        Map<String, ClaimScorer.Count> c = ClaimScorer.score(GOLD, "test", Drafter.defaults());
        System.out.print(ClaimScorer.table(c));
        expect(c, "demand", 16, 7, 4);
        expect(c, "aim", 17, 8, 6);
        expect(c, "offer", 3, 5, 0);
        expect(c, "condition", 2, 0, 0);
        expect(c, "all", 38, 20, 10);
    }

    @Test
    void devHalfAsInTheReadme() throws IOException {
        Map<String, ClaimScorer.Count> c = ClaimScorer.score(GOLD, "dev", Drafter.defaults());
        expect(c, "all", 46, 42, 29);
    }
}
