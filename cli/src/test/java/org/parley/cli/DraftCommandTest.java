package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley draft}: the seed article end to end, --into, --format json, and bad input (exit 2). */
class DraftCommandTest {

    static final Path ARTICLE = Path.of("../examples/01-dprk-us-talks-2024/article.txt");

    @TempDir
    Path dir;

    @Test
    void draftsTheSeedArticleAndTheDraftValidatesButRunsOnlyWithDefaultsAccepted() throws IOException {
        Path article = Files.copy(ARTICLE, dir.resolve("article.txt"));
        Path draft = dir.resolve("draft.yaml");
        CliRun r = CliRun.of("draft", article.toString(), "--into", draft.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("6 actors, 2 sources").contains("open values:");
        String yaml = Files.readString(draft, StandardCharsets.UTF_8);
        assertThat(yaml).contains("id: north-korea").contains("file: article.txt").contains("value: open")
                .contains("if: {issue: aid, at-least: 50}").contains("talks: {probability: open");
        CliRun v = CliRun.of("validate", draft.toString());
        assertThat(v.exit()).as(v.out() + v.err()).isZero();
        assertThat(v.out() + v.err()).contains("warning OPEN_VALUE");
        CliRun f = CliRun.of("forecast", draft.toString(), "--model", "compromise");
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("draft.yaml:").contains("error OPEN_VALUE").contains("--accept-defaults");
        CliRun ok = CliRun.of("forecast", draft.toString(), "--model", "compromise", "--accept-defaults");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("sanctions");
    }

    @Test
    void intoKeepsTheAnalystsEdits() throws IOException {
        Path article = Files.copy(ARTICLE, dir.resolve("article.txt"));
        Path draft = dir.resolve("draft.yaml");
        assertThat(CliRun.of("draft", article.toString(), "--into", draft.toString()).exit()).isZero();
        String edited = Files.readString(draft).replaceFirst(
                "capability: \\{value: open, default: 50, judgement: the article does not say how much clout North Korea has\\}",
                "capability: {value: 70, judgement: analyst}");
        assertThat(edited).contains("capability: {value: 70, judgement: analyst}");
        Files.writeString(draft, edited);
        assertThat(CliRun.of("draft", article.toString(), "--into", draft.toString()).exit()).isZero();
        assertThat(Files.readString(draft)).contains("capability: {value: 70, judgement: analyst}");
    }

    @Test
    void jsonToStdout() {
        CliRun r = CliRun.of("draft", ARTICLE.toString(), "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("{").contains("\"holder\": \"north-korea\"");
    }

    @Test
    void badInputExitsWith2() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        CliRun e = CliRun.of("draft", empty.toString());
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.err()).contains("empty.txt").contains("empty");
        Path bin = Files.write(dir.resolve("x.bin"), new byte[] {1, 0, 2, 0});
        assertThat(CliRun.of("draft", bin.toString()).err()).contains("binary");
        Path fr = Files.writeString(dir.resolve("fr.txt"), "La Corée du Nord prévoit de rouvrir les négociations nucléaires "
                + "avec les États-Unis si Donald Trump est réélu président, selon un diplomate nord-coréen de haut rang.");
        CliRun f = CliRun.of("draft", fr.toString());
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("not English");
        Path big = dir.resolve("big.txt");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(50L * 1024 * 1024);
        }
        CliRun b = CliRun.of("draft", big.toString());
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("big.txt").contains("bytes");
        if (Files.isReadable(Path.of("/dev/zero"))) { // endless: read up to the limit only, then refused
            CliRun z = CliRun.of("draft", "/dev/zero");
            assertThat(z.exit()).as(z.err()).isEqualTo(2);
            assertThat(z.err()).contains("/dev/zero").contains("binary");
        }
        assertThat(CliRun.of("draft", ARTICLE.toString(), "--format", "xml").exit()).isEqualTo(2);
        Path gz = Files.writeString(dir.resolve("bad.tsv"), "leader\tSomeone\n");
        CliRun g = CliRun.of("draft", ARTICLE.toString(), "--gazetteer", gz.toString());
        assertThat(g.exit()).isEqualTo(2);
        assertThat(g.err()).contains("bad.tsv:1");
    }
}
