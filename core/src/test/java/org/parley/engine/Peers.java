package org.parley.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Peer data in {@code ../shared/peers} (system property {@code parley.shared}, set by the build).
 * Data whose licence keeps it out of this repository (GPL, no licence) is read from there; a test
 * that needs it is skipped, loudly, when it is absent.
 */
public final class Peers {

    private Peers() {
    }

    /** The shared folder: {@code -Dparley.shared}, else {@code ../shared} of the working directory's project. */
    public static Path shared() {
        String prop = System.getProperty("parley.shared");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop).normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("peers"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Paths.get("../shared");
    }

    /** A peer file, e.g. {@code peers/bdm/inputs/jmckib_ExampleActors_emission1994.csv}. */
    public static Path file(String relative) {
        return shared().resolve(relative);
    }

    /**
     * A peer file that must exist for the calling test: when it is absent the test is skipped with
     * a message on stderr naming the file.
     */
    public static Path require(String relative) {
        Path p = file(relative);
        if (!Files.exists(p)) {
            System.err.println("*** PEER DATA ABSENT: " + p + " (expected ../shared beside the project); test skipped ***");
        }
        assumeTrue(Files.exists(p), "peer data absent: " + p);
        return p;
    }
}
