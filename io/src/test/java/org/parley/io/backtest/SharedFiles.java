package org.parley.io.backtest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Peer data in {@code ../shared} beside the project; a test that needs an absent file is skipped, loudly. */
final class SharedFiles {

    private SharedFiles() {
    }

    static Path require(String relative) {
        Path dir = Paths.get("").toAbsolutePath();
        Path found = null;
        String prop = System.getProperty("parley.shared");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            found = Paths.get(prop).resolve(relative);
        }
        while (found == null && dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("peers"))) {
                found = candidate.resolve(relative);
            }
            dir = dir.getParent();
        }
        Path p = found == null ? Paths.get("../shared").resolve(relative) : found;
        if (!Files.exists(p)) {
            System.err.println("*** PEER DATA ABSENT: " + p + "; test skipped ***");
        }
        assumeTrue(Files.exists(p), "peer data absent: " + p);
        return p;
    }
}
