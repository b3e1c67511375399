package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of saving 1,000 runs leaves a store that opens,
 * passes {@code PRAGMA integrity_check} and holds every run whose save had returned.
 */
class SqliteCrashTest {

    /** Saves that return before the kill; the child was asked for 1,000. */
    private static final int KILL_AFTER = 15;

    @TempDir
    Path dir;

    /** Starts {@link SaveLoop} in a child JVM with this test's class path. */
    static Process child(String url, String mode, long limit) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), url, mode, Long.toString(limit));
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        return pb.start();
    }

    @Test
    void aKilledWriterLosesNoReturnedSaveAndCorruptsNothing() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("parley.db");
        try (Store s = Store.open(url)) {
            s.saveRun(Fixtures.seedForecast(), Fixtures.save(false)); // a previous state to keep
        }
        Process p = child(url, "count", 1000);
        List<Long> returned = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean killed = false;
            // kill it after KILL_AFTER returned saves: it is then inside the next save's transaction or about to be.
            // Lines it printed before dying are read to the end: each is a save that returned.
            while ((line = in.readLine()) != null) {
                if (line.startsWith("saved ")) {
                    returned.add(Long.parseLong(line.substring(6)));
                    if (!killed && returned.size() == KILL_AFTER) {
                        ProcessHandle.of(p.pid()).ifPresent(h -> h.destroyForcibly()); // SIGKILL on Unix
                        killed = true;
                    }
                }
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        assertThat(returned).hasSizeGreaterThanOrEqualTo(KILL_AFTER).hasSizeLessThan(1000);
        try (Store s = Store.open(url)) {
            assertThat(s.check()).isEmpty();
            List<Long> stored = s.runs(null, 0).stream().map(RunInfo::id).toList();
            assertThat(stored).containsAll(returned).contains(1L);
            // at most one more: a save that committed but was killed before it printed its id
            assertThat(stored.size()).isBetween(returned.size() + 1, returned.size() + 2);
            for (long id : returned) {
                StoredRun r = s.run(id);
                assertThat(r.forecasts()).isNotEmpty();
                assertThat(s.trajectories(id)).hasSize(r.info().worlds().size() * r.info().models().size() * 8);
            }
        }
    }
}
