package org.parley.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.ProblemCode;
import org.parley.engine.RunSpec;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.engine.Simulation;
import org.parley.io.ImportSettings;
import org.parley.io.Scenarios;
import org.parley.model.OpenValues;

/** The seed article (examples/01-dprk-us-talks-2024/article.txt, the same file as shared/seed/article.txt). */
class SeedArticleTest {

    static final Path ARTICLE = Path.of("../examples/01-dprk-us-talks-2024/article.txt");
    static String text;
    static Draft draft;

    @BeforeAll
    static void draft() throws IOException {
        text = Files.readString(ARTICLE, StandardCharsets.UTF_8);
        draft = Drafter.defaults().draft("article.txt", text);
    }

    private static Entity entity(String id) {
        Entity e = draft.entity(id);
        assertThat(e).as("entity " + id).isNotNull();
        return e;
    }

    private static List<String> mentionTexts(Entity e) {
        return e.mentions().stream().map(r -> r.mention().text()).toList();
    }

    @Test
    void theFiveCountriesAreActorsWithTheirMetonymsLeadersAndDemonymsMerged() {
        assertThat(draft.parties()).extracting(Entity::id)
                .contains("north-korea", "united-states", "russia", "japan", "south-korea");
        assertThat(mentionTexts(entity("north-korea"))).contains("North Korea", "Pyongyang", "Kim Jong Un", "Kim",
                "North Korean");
        assertThat(entity("north-korea").mentions()).extracting(Entity.Resolved::rule)
                .contains("gazetteer.capital-metonym", "gazetteer.demonym", "leader.table", "alias.name-part+leader.table");
        assertThat(mentionTexts(entity("united-states"))).contains("United States", "Donald Trump", "Trump", "U.S.");
        assertThat(entity("united-states").notes()).anyMatch(n -> n.contains("not in office"));
        assertThat(mentionTexts(entity("japan"))).contains("Japan", "Fumio Kishida");
        assertThat(entity("japan").mentions()).anyMatch(r -> r.mention().text().equals("Fumio Kishida")
                && "Prime Minister".equals(r.mention().title()) && r.rule().equals("leader.table"));
        assertThat(entity("north-korea").key()).isEqualTo("PRK");
    }

    @Test
    void reutersAndRiAreSourcesNotParties() {
        assertThat(entity("reuters").role()).isEqualTo(Entity.Role.SOURCE);
        assertThat(entity("reuters").type()).isEqualTo(Entity.Type.MEDIA);
        Entity ri = entity("ri-il-gyu");
        assertThat(ri.role()).isEqualTo(Entity.Role.SOURCE);
        assertThat(ri.affiliation()).isEqualTo("PRK");
        assertThat(ri.mentions()).anyMatch(r -> r.mention().text().equals("Ri") && r.rule().equals("alias.name-part"));
        assertThat(draft.parties()).extracting(Entity::id).doesNotContain("reuters", "ri-il-gyu");
    }

    private static Claim claim(Claim.Type type, String content) {
        return draft.claims().stream().filter(c -> c.type() == type && draft.text(c.content()).equals(content))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " claim '" + content + "' in "
                        + draft.claims().stream().map(c -> c.type() + ":" + draft.text(c.content())).toList()));
    }

    private static void spanned(Claim c, int start, int end, int sentence, String issue) {
        assertThat(c.content()).isEqualTo(new Span(start, end));
        assertThat(text.substring(start, end)).isEqualTo(draft.text(c.content()));
        assertThat(c.sentence()).isEqualTo(sentence);
        if (issue != null) {
            assertThat(draft.claimIssue().get(c.id())).isEqualTo(issue);
        }
    }

    @Test
    void claimsWithTheirSpans() {
        Claim sanctions = claim(Claim.Type.DEMAND, "lifting sanctions");
        spanned(sanctions, 469, 486, 4, "sanctions");
        assertThat(sanctions.holder()).isEqualTo("north-korea");
        assertThat(sanctions.source()).isEqualTo("ri-il-gyu");
        assertThat(sanctions.rule()).isEqualTo("demand.focus-list");
        spanned(claim(Claim.Type.DEMAND, "removing its designation as a state sponsor of terrorism"), 488, 544, 4, "terror-list");
        spanned(claim(Claim.Type.DEMAND, "securing economic aid"), 550, 571, 4, "aid");
        Claim russia = claim(Claim.Type.AIM, "bolster relations with Russia");
        spanned(russia, 856, 885, 7, "relations-with-russia");
        assertThat(russia.holder()).isEqualTo("north-korea");
        Claim trade = claim(Claim.Type.TRADE, "economic assistance");
        spanned(trade, 1893, 1912, 13, "aid");
        assertThat(draft.text(trade.offer())).isEqualTo("address this issue");
        assertThat(trade.offer()).isEqualTo(new Span(1858, 1876));
        assertThat(draft.offerIssue().get(trade.id())).isEqualTo("abductees");
        assertThat(trade.holder()).isEqualTo("north-korea");
        Claim talks = claim(Claim.Type.AIM, "reopen nuclear negotiations with the United States");
        Claim condition = claim(Claim.Type.CONDITION, "Donald Trump is re-elected as president");
        spanned(condition, 220, 259, 3, null);
        assertThat(condition.appliesTo()).isEqualTo(talks.id());
        assertThat(condition.source()).isEqualTo("ri-il-gyu");
        assertThat(claim(Claim.Type.AIM, "meet Kim").holder()).isEqualTo("japan");
    }

    @Test
    void segmentationKeepsOffsetsAndNumbersSentencesAsProvenanceDoes() {
        Article a = draft.article();
        assertThat(a.headline().number()).isEqualTo(1);
        assertThat(a.text(a.headline().span())).isEqualTo("North Korea Eyes Nuclear Talks If Trump Wins, Says Defector");
        assertThat(a.date()).hasToString("2024-08-01");
        assertThat(a.text(a.dateline())).isEqualTo("SEOUL, South Korea: ");
        assertThat(a.sentences()).filteredOn(s -> !s.body() && s.kind() != Sentence.Kind.HEADLINE)
                .extracting(Sentence::number).containsExactly(2, 20, 21);
        List<String> core = org.parley.model.Sentences.split(text);
        assertThat(a.sentences()).hasSize(core.size());
        for (Sentence s : a.sentences()) {
            assertThat(a.text(s.span()).replaceAll("\\s+", " ")).isEqualTo(core.get(s.number() - 1));
            for (Token t : s.tokens()) {
                assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
            }
        }
    }

    @Test
    void theDraftValidatesWithOpenValuesAndForecastsOnlyWithDefaultsAccepted(@TempDir Path dir) throws IOException {
        Files.copy(ARTICLE, dir.resolve("article.txt"));
        Map<String, Object> tree = DraftWriter.tree(draft, "article.txt");
        Path yaml = dir.resolve("draft.yaml");
        Files.writeString(yaml, DraftFormat.YAML.write(tree), StandardCharsets.UTF_8);
        Scenarios.Loaded loaded = Scenarios.read(yaml, ImportSettings.detect());
        List<ScenarioProblem> open = loaded.warnings().stream().filter(w -> w.code() == ProblemCode.OPEN_VALUE).toList();
        assertThat(open).isNotEmpty().allMatch(p -> p.line() > 0);
        assertThat(loaded.warnings()).noneMatch(w -> w.code() == ProblemCode.BAD_SENTENCE);
        assertThat(loaded.scenario().actors()).extracting(a -> a.id())
                .contains("north-korea", "united-states", "russia", "japan", "south-korea");
        assertThat(loaded.scenario().stance("north-korea", "sanctions")).get()
                .satisfies(st -> assertThat(st.position().value()).isEqualTo(100.0));
        assertThat(loaded.scenario().branchIds()).contains("donald-trump-re-elected-president",
                "not-donald-trump-re-elected-president");
        Simulation sim = org.parley.models.Models.simulation();
        assertThatThrownBy(() -> sim.plan(loaded.scenario(), RunSpec.defaults()))
                .isInstanceOfSatisfying(ScenarioException.class,
                        e -> assertThat(e.problems()).allMatch(p -> p.code() == ProblemCode.OPEN_VALUE));
        assertThat(sim.run(OpenValues.acceptDefaults(loaded.scenario()), RunSpec.defaults().withModels(List.of("compromise")))
                .worlds()).isNotEmpty();
        // JSON is the same tree
        assertThat(DraftFormat.JSON.write(tree)).contains("\"lifting sanctions\"");
    }
}
