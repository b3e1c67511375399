package org.parley.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class DraftMergeTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> byId(Object list, String id) {
        for (Object o : (List<Object>) list) {
            if (id.equals(((Map<String, Object>) o).get("id"))) {
                return (Map<String, Object>) o;
            }
        }
        return null;
    }

    @Test
    @SuppressWarnings("unchecked")
    void keepsTheAnalystsValuesDeletionsAndClaimStatuses() throws IOException {
        String text = Files.readString(SeedArticleTest.ARTICLE, StandardCharsets.UTF_8);
        Draft d = Drafter.defaults().draft("article.txt", text);
        // the analyst's copy: a capability stated, Cuba deleted, a claim rejected, a value filled
        Map<String, Object> edited = load(DraftFormat.YAML.write(DraftWriter.tree(d, "article.txt")));
        Map<String, Object> nk = byId(edited.get("actors"), "north-korea");
        nk.put("capability", new LinkedHashMap<>(Map.of("value", 60, "judgement", "analyst")));
        Map<String, Object> sal = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) nk.get("stances"))
                .get("sanctions")).get("salience");
        sal.clear();
        sal.put("value", 80);
        sal.put("judgement", "analyst");
        List<Object> actors = new ArrayList<>((List<Object>) edited.get("actors"));
        actors.remove(byId(actors, "cuba"));
        edited.put("actors", actors);
        Map<String, Object> draftBlock = (Map<String, Object>) edited.get("draft");
        byId(draftBlock.get("claims"), "c3").put("status", "rejected");
        edited.put("title", "My title");

        Map<String, Object> merged = DraftMerge.merge(load(DraftFormat.YAML.write(edited)), DraftWriter.tree(d, "article.txt"));
        Map<String, Object> nk2 = byId(merged.get("actors"), "north-korea");
        assertThat((Map<String, Object>) nk2.get("capability")).containsEntry("value", 60);
        assertThat(((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) nk2.get("stances")).get("sanctions"))
                .get("salience"))).containsEntry("value", 80);
        assertThat(byId(merged.get("actors"), "cuba")).as("deleted by the analyst").isNull();
        assertThat(byId(merged.get("actors"), "japan")).isNotNull();
        assertThat(merged.get("title")).isEqualTo("My title");
        assertThat(byId(((Map<String, Object>) merged.get("draft")).get("claims"), "c3")).containsEntry("status", "rejected");
        assertThat(byId(((Map<String, Object>) merged.get("draft")).get("claims"), "c4")).containsEntry("status", "proposed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void addsNewItemsAndFillsOpenValuesFromANewArticle() throws IOException {
        String text = Files.readString(SeedArticleTest.ARTICLE, StandardCharsets.UTF_8);
        Map<String, Object> fresh = DraftWriter.tree(Drafter.defaults().draft("article.txt", text), "article.txt");
        Map<String, Object> old = load(DraftFormat.YAML.write(fresh));
        // an older scenario knew only North Korea, with its sanctions position still open
        Map<String, Object> nk = byId(old.get("actors"), "north-korea");
        Map<String, Object> st = (Map<String, Object>) ((Map<String, Object>) nk.get("stances")).get("sanctions");
        st.put("position", new LinkedHashMap<>(Map.of("value", "open", "default", 50)));
        old.put("actors", new ArrayList<>(List.of(nk)));
        ((Map<String, Object>) old.get("draft")).put("actors", List.of());
        Map<String, Object> merged = DraftMerge.merge(old, fresh);
        assertThat(byId(merged.get("actors"), "japan")).isNotNull();
        Map<String, Object> pos = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) byId(merged.get("actors"),
                "north-korea").get("stances")).get("sanctions")).get("position");
        assertThat(pos).containsEntry("value", 100L).containsEntry("quote", "lifting sanctions");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeletedStanceAndWhatOnlyRejectedClaimsSupportAreNotAddedAgain() throws IOException {
        String text = Files.readString(SeedArticleTest.ARTICLE, StandardCharsets.UTF_8);
        Map<String, Object> fresh = DraftWriter.tree(Drafter.defaults().draft("article.txt", text), "article.txt");
        // reviewed on the web: c3 (sanctions) and the condition c2 rejected; then the abductee stance deleted by hand
        DraftReview.Decision no = new DraftReview.Decision(DraftReview.Status.REJECTED, null, null);
        Map<String, Object> old = load(DraftFormat.YAML.write(new DraftReview(Map.of(), Map.of(),
                Map.of("c3", no, "c2", no), Map.of()).apply(fresh)));
        ((Map<String, Object>) byId(old.get("actors"), "north-korea").get("stances")).remove("abductees");
        assertThat(byId(old.get("issues"), "sanctions")).isNull();
        assertThat(old).doesNotContainKey("branches");

        Map<String, Object> merged = DraftMerge.merge(old, fresh);
        Map<String, Object> stances = (Map<String, Object>) byId(merged.get("actors"), "north-korea").get("stances");
        assertThat(stances).doesNotContainKeys("abductees", "sanctions").containsKeys("terror-list", "aid", "talks");
        assertThat(byId(merged.get("issues"), "sanctions")).as("only the rejected c3 asks for it").isNull();
        assertThat(merged).as("the rejected condition's branches").doesNotContainKey("branches");
        assertThat(byId(((Map<String, Object>) merged.get("draft")).get("claims"), "c3")).containsEntry("status", "rejected");
        // the file as merged is a scenario
        org.parley.io.Scenarios.read(org.parley.io.TextFile.of("merged.yaml", DraftFormat.YAML.write(merged)),
                org.parley.io.ImportSettings.detect());
    }
}
