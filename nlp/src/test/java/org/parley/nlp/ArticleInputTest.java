package org.parley.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

class ArticleInputTest {

    @TempDir
    Path dir;

    private static void refused(Path p, String why) {
        assertThatThrownBy(() -> ArticleInput.read(p)).isInstanceOfSatisfying(ParleyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.code().exitCode()).isEqualTo(2);
            assertThat(e.getMessage()).contains(p.toString()).contains(why);
        });
    }

    @Test
    void binary() throws IOException {
        Path p = dir.resolve("photo.jpg");
        Files.write(p, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 0x10, 'J', 'F', 'I', 'F', 0});
        refused(p, "binary");
    }

    @Test
    void empty() throws IOException {
        Path p = dir.resolve("empty.txt");
        Files.writeString(p, "");
        refused(p, "empty");
        Files.writeString(p, " \n\n\t \n");
        refused(p, "empty");
    }

    @Test
    void notEnglish() throws IOException {
        Path p = dir.resolve("artikel.txt");
        Files.writeString(p, "Nordkorea plant, die Atomverhandlungen mit den Vereinigten Staaten wieder aufzunehmen, "
                + "falls Donald Trump wiedergewählt wird, sagte ein hochrangiger nordkoreanischer Diplomat, der "
                + "kürzlich nach Südkorea übergelaufen ist. Das Land wolle die Aufhebung der Sanktionen erreichen.",
                StandardCharsets.UTF_8);
        refused(p, "not English");
        assertThatThrownBy(() -> ArticleInput.read(p)).hasMessageContaining("'deu'");
    }

    @Test
    void fiftyMegabytesIsRefusedBeforeReading() throws IOException {
        Path p = dir.resolve("huge.txt");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        refused(p, "at most 2097152 bytes");
    }

    @Test
    void endlessDevicesAreReadOnlyUpToTheLimit() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        refused(zero, "binary");
    }

    @Test
    void missingFileAndDirectory() {
        refused(dir.resolve("nope.txt"), "no such file");
        refused(dir, "directory");
    }

    @Test
    void englishArticleIsRead() throws IOException {
        String text = ArticleInput.read(SeedArticleTest.ARTICLE);
        assertThat(text).startsWith("North Korea Eyes Nuclear Talks");
    }

    @Test
    void englishNewsPassesTheFunctionWordShortcutOtherLanguagesGoToTheDetector() throws IOException {
        assertThat(ArticleInput.englishShare(ArticleInput.read(SeedArticleTest.ARTICLE))).isGreaterThan(0.25);
        String french = "La Corée du Nord prévoit de rouvrir les négociations nucléaires avec les États-Unis si Donald "
                + "Trump est réélu président, selon un diplomate nord-coréen de haut rang qui a récemment fait défection "
                + "vers la Corée du Sud. Le pays veut la levée des sanctions et une aide économique, a-t-il dit.";
        assertThat(ArticleInput.englishShare(french)).isLessThan(ArticleInput.ENGLISH_SHARE);
        assertThatThrownBy(() -> ArticleInput.check("fr.txt", french)).hasMessageContaining("'fra'");
        // a short English text goes to the detector and passes
        ArticleInput.check("short.txt", "North Korea wants sanctions lifted before any deal.");
    }
}
