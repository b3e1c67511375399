package org.parley.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.ParleyException;

/** Government metonyms, the analyst's gazetteer, all-caps datelines and page residue on small texts. */
class DrafterTest {

    static final String TEXT = """
            Talks Stall Over Tariffs

            Share this article

            WASHINGTON (Reuters) - The White House demanded that tariffs on steel be lifted, officials said on Monday. \
            The Kremlin rejected the proposal. Acme Steel wants a waiver for its mills.
            """;

    @Test
    void anInterruptedThreadStopsDraftingWithCancelled() {
        Drafter drafter = Drafter.defaults();
        Thread.currentThread().interrupt(); // as a cancelled web job's worker is
        try {
            assertThatThrownBy(() -> drafter.draft("t.txt", TEXT)).isInstanceOf(ParleyException.class)
                    .hasMessageContaining("cancelled");
        } finally {
            Thread.interrupted(); // clear the flag for the next test
        }
        assertThat(drafter.draft("t.txt", TEXT).claims()).isNotEmpty(); // and it drafts again afterwards
    }

    @Test
    void governmentMetonymsResolveToTheirCountries() {
        Draft d = Drafter.defaults().draft("t.txt", TEXT);
        assertThat(d.entity("united-states").mentions()).anyMatch(r -> r.mention().text().equals("White House")
                && r.rule().equals("gazetteer.government-metonym"));
        assertThat(d.entity("russia").mentions()).anyMatch(r -> r.mention().text().equals("Kremlin"));
        assertThat(d.article().headline().kind()).isEqualTo(Sentence.Kind.HEADLINE);
        assertThat(d.article().sentences()).anyMatch(s -> s.kind() == Sentence.Kind.RESIDUE
                && d.article().text(s.span()).equals("Share this article"));
        assertThat(d.article().text(d.article().dateline())).startsWith("WASHINGTON (Reuters) -");
        assertThat(d.claims()).anyMatch(c -> c.type() == Claim.Type.DEMAND && "united-states".equals(c.holder())
                && d.text(c.content()).contains("tariffs on steel be lifted"));
        assertThat(d.claims()).anyMatch(c -> c.type() == Claim.Type.DEMAND && "russia".equals(c.holder()) && c.against());
        assertThat(d.entity("reuters").role()).isEqualTo(Entity.Role.SOURCE);
    }

    @Test
    void theAnalystsGazetteerAddsNames(@TempDir Path dir) throws IOException {
        Path extra = Files.writeString(dir.resolve("extra.tsv"), "# mine\norg\tAcme Steel\tACME\t\t\t\tsteel maker\n");
        Draft without = Drafter.defaults().draft("t.txt", TEXT);
        Draft with = new Drafter(Gazetteer.with(List.of(extra)), new OpenNlpTokenizer()).draft("t.txt", TEXT);
        assertThat(with.entity("acme-steel").mentions()).allMatch(r -> r.rule().equals("gazetteer.org"));
        assertThat(with.parties()).extracting(Entity::id).contains("acme-steel");
        assertThat(with.claims()).anyMatch(c -> "acme-steel".equals(c.holder()) && d(with, c).equals("a waiver for its mills"));
        assertThat(without.entity("acme-steel").mentions()).noneMatch(r -> r.rule().equals("gazetteer.org"));
    }

    private static String d(Draft d, Claim c) {
        return d.text(c.content());
    }
}
