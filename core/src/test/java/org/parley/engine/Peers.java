package org.parley.engine;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The one way tests find peer data: files under {@code ../shared} whose licence keeps them out of
 * this repository (GPL, no licence).
 *
 * <p>Where the shared folder is: the environment variable {@code PARLEY_SHARED} when set (taken as
 * is, even when it does not exist: point it elsewhere to see what the build does without peer
 * data); else the system property {@code parley.shared} (set by the build to
 * {@code ../shared} beside the project) when that folder exists; else the first {@code shared}
 * folder with a {@code peers} folder beside the working directory or one of its parents.
 *
 * <p>What happens when a file is absent: with {@code PARLEY_REQUIRE_PEERS=1} (environment, or the
 * system property {@code parley.requirePeers=true}; {@code .ci/run} sets it) the test fails naming
 * the file; otherwise it is skipped, loudly, naming the file.
 */
public final class Peers {

    private Peers() {
    }

    /** The shared folder (see the class comment for where it is looked for). */
    public static Path shared() {
        String env = System.getenv("PARLEY_SHARED");
        if (env != null && !env.isBlank()) {
            return Paths.get(env).toAbsolutePath().normalize();
        }
        String prop = System.getProperty("parley.shared");
        if (prop != null && Files.isDirectory(Paths.get(prop))) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("peers"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Paths.get("../shared").toAbsolutePath().normalize();
    }

    /** True when a missing peer file must fail its test ({@code PARLEY_REQUIRE_PEERS=1}). */
    public static boolean required() {
        String env = System.getenv("PARLEY_REQUIRE_PEERS");
        return "1".equals(env) || "true".equalsIgnoreCase(env)
                || Boolean.parseBoolean(System.getProperty("parley.requirePeers", "false"));
    }

    /** A peer file, e.g. {@code peers/bdm/inputs/jmckib_ExampleActors_emission1994.csv}; it may not exist. */
    public static Path file(String relative) {
        return shared().resolve(relative);
    }

    /**
     * A peer file or folder that must exist for the calling test: when it is absent the test fails
     * ({@link #required()}) or is skipped, the message naming the file either way.
     */
    public static Path require(String relative) {
        Path p = file(relative);
        if (!Files.exists(p)) {
            String what = "peer data missing: " + p;
            if (required()) {
                fail(what + " (PARLEY_REQUIRE_PEERS=1; the shared folder is " + shared()
                        + ", set PARLEY_SHARED to move it)");
            }
            System.err.println("*** " + what + " (expected ../shared beside the project); test skipped ***");
            assumeTrue(false, what);
        }
        return p;
    }
}
