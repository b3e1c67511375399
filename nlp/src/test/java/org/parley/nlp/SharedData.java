package org.parley.nlp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Evaluation data in {@code ../shared/peers/nlp-eval} (read, never copied). Absent data skips the
 * test loudly, or fails it when {@code PARLEY_REQUIRE_PEERS=1}.
 */
final class SharedData {

    private SharedData() {
    }

    static Path require(String relative) {
        String prop = System.getProperty("parley.shared");
        Path shared = prop != null ? Paths.get(prop) : Paths.get("../shared");
        Path p = shared.resolve(relative).normalize();
        if (!Files.exists(p)) {
            String msg = "*** PEER DATA ABSENT: " + p + " (expected ../shared beside the project) ***";
            System.err.println(msg);
            if ("1".equals(System.getenv("PARLEY_REQUIRE_PEERS"))) {
                fail(msg + " and PARLEY_REQUIRE_PEERS=1");
            }
            assumeTrue(false, msg);
        }
        return p;
    }
}
