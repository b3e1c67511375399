package org.parley.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.ProblemCode;
import org.parley.io.ImportSettings;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Actor;
import org.parley.model.Scenario;

/** The review screen's decisions applied to the seed article's draft, and the result read as a scenario. */
class DraftReviewTest {

    static Map<String, Object> tree;

    @BeforeAll
    static void draft() throws IOException {
        String text = Files.readString(SeedArticleTest.ARTICLE, StandardCharsets.UTF_8);
        tree = DraftWriter.tree(Drafter.defaults().draft("article.txt", text), "article.txt");
    }

    private static DraftReview.Decision status(DraftReview.Status s) {
        return new DraftReview.Decision(s, null, null);
    }

    private static Scenarios.Loaded read(Map<String, Object> t) {
        return Scenarios.read(TextFile.of("reviewed.json", DraftFormat.JSON.write(t)), ImportSettings.detect());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claim(Map<String, Object> t, String id) {
        for (Object c : (List<Object>) ((Map<String, Object>) t.get("draft")).get("claims")) {
            if (id.equals(((Map<String, Object>) c).get("id"))) {
                return (Map<String, Object>) c;
            }
        }
        throw new AssertionError("no claim " + id);
    }

    @Test
    void noDecisionsChangeNothing() {
        DraftReview none = new DraftReview(Map.of(), Map.of(), Map.of(), Map.of());
        assertThat(none.apply(tree)).isEqualTo(tree);
    }

    @Test
    void rejectionsEditsAndAMappingMakeAValidScenario() {
        String before = DraftFormat.JSON.write(tree);
        DraftReview review = new DraftReview(
                Map.of("cuba", status(DraftReview.Status.REJECTED),
                        "japan", new DraftReview.Decision(DraftReview.Status.EDITED, "Japan (Kishida government)", null)),
                Map.of("aid", new DraftReview.Decision(DraftReview.Status.EDITED, "Economic assistance", null)),
                Map.of("c3", status(DraftReview.Status.REJECTED), "c4", status(DraftReview.Status.ACCEPTED),
                        "c5", new DraftReview.Decision(DraftReview.Status.EDITED, null, 80.0)),
                Map.of("vietnam", DraftReview.NEW_ACTOR));
        Map<String, Object> out = review.apply(tree);
        assertThat(DraftFormat.JSON.write(tree)).as("the draft itself is not changed").isEqualTo(before);

        Scenario s = read(out).scenario();
        assertThat(s.actors()).extracting(Actor::id).doesNotContain("cuba").contains("vietnam", "north-korea");
        assertThat(s.actor("japan").orElseThrow().name()).isEqualTo("Japan (Kishida government)");
        // c3 alone made the sanctions stance: it and the issue go; the terrorism list (c4) stays
        assertThat(s.issues()).extracting(org.parley.model.Issue::id).doesNotContain("sanctions").contains("terror-list");
        assertThat(s.issue("aid").orElseThrow().name()).isEqualTo("Economic assistance");
        assertThat(s.stance("north-korea", "aid").orElseThrow().position().value()).isEqualTo(80.0);
        assertThat(read(out).warnings()).extracting(p -> p.code()).containsOnly(ProblemCode.OPEN_VALUE);
        assertThat(claim(out, "c3")).containsEntry("status", "rejected");
        assertThat(claim(out, "c4")).containsEntry("status", "accepted");
        assertThat(claim(out, "c5")).containsEntry("status", "edited");
        assertThat(DraftFormat.JSON.write(out)).contains("analyst.mapped+gazetteer.country");
    }

    @Test
    void aRejectedConditionLeavesTheClaimItConditionedInEveryWorld() {
        DraftReview review = new DraftReview(Map.of(), Map.of(), Map.of("c2", status(DraftReview.Status.REJECTED)), Map.of());
        Map<String, Object> out = review.apply(tree);
        assertThat(out).doesNotContainKey("branches");
        Scenario s = read(out).scenario();
        assertThat(s.branches()).isEmpty();
        assertThat(s.stance("north-korea", "talks").orElseThrow().position().value()).isEqualTo(100.0);
    }

    @Test
    void aMentionMappedToAnActorJoinsItsMentions() {
        DraftReview review = new DraftReview(Map.of(), Map.of(), Map.of(), Map.of("algeria", "north-korea"));
        String json = DraftFormat.JSON.write(review.apply(tree));
        assertThat(json).contains("\"text\": \"Algeria\"");
        assertThat(read(review.apply(tree)).scenario().actors()).extracting(Actor::id).doesNotContain("algeria");
    }

    @Test
    void unknownIdsAreRefused() {
        for (DraftReview r : List.of(new DraftReview(Map.of("atlantis", status(DraftReview.Status.REJECTED)), Map.of(), Map.of(), Map.of()),
                new DraftReview(Map.of(), Map.of(), Map.of("c99", status(DraftReview.Status.REJECTED)), Map.of()),
                new DraftReview(Map.of(), Map.of(), Map.of(), Map.of("vietnam", "atlantis")))) {
            assertThatThrownBy(() -> r.apply(tree)).isInstanceOfSatisfying(ParleyException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT));
        }
        assertThatThrownBy(() -> new DraftReview.Decision(DraftReview.Status.EDITED, null, 140.0))
                .isInstanceOf(ParleyException.class);
    }
}
