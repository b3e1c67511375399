package org.parley.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Records which {@link Replication} tests passed in this module's last test run: one file per test
 * under {@code target/replication-ran/}, written when the test passes and deleted when it fails, is
 * skipped or disabled. {@link #count()} is what {@code ReplicationCountIT} (run by {@code mvn
 * verify} after the unit tests) compares with the number each module expects.
 */
public final class ReplicationLog implements TestWatcher {

    /** The folder of this module's records: {@code target/replication-ran} under the module. */
    public static Path folder() {
        return Paths.get(System.getProperty("basedir", ".")).resolve("target").resolve("replication-ran");
    }

    /** Number of replication tests that passed in this module's last run. */
    public static long count() {
        Path dir = folder();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails when fewer than {@code expected} replication tests passed in this module's last test run;
     * without peer data and without {@code PARLEY_REQUIRE_PEERS=1} the check is skipped, loudly.
     */
    public static void assertRan(long expected) {
        long ran = count();
        if (!java.nio.file.Files.isDirectory(Peers.shared().resolve("peers")) && !Peers.required()) {
            System.err.println("*** peer data missing: " + Peers.shared().resolve("peers")
                    + "; replication count not checked (" + ran + " ran) ***");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "peer data missing");
        }
        org.junit.jupiter.api.Assertions.assertTrue(ran >= expected, () -> ran + " replication tests passed in "
                + folder() + ", expected at least " + expected + " (run mvn verify: the unit tests record them)");
    }

    private static Path record(ExtensionContext context) {
        String id = context.getUniqueId().replaceAll("[^A-Za-z0-9._-]+", "_");
        if (id.length() > 200) {
            id = id.substring(0, 150) + "_" + Integer.toHexString(context.getUniqueId().hashCode());
        }
        return folder().resolve(id);
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        try {
            Files.createDirectories(folder());
            Files.writeString(record(context), context.getDisplayName() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forget(ExtensionContext context) {
        try {
            Files.deleteIfExists(record(context));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        forget(context);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        forget(context);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        forget(context);
    }
}
