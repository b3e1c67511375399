package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four processes save runs into one store at once for 30 s (system property
 * {@code parley.concurrency.seconds} to change it): no save that returned is lost, no two saves
 * get one id, and the store passes its integrity check. On SQLite, and on PostgreSQL when
 * {@code PARLEY_TEST_PG_URL} is set.
 */
class ConcurrentWritersIT {

    private static final int PROCESSES = 4;

    @TempDir
    Path dir;

    @Test
    void fourSqliteWritersLoseNothing() throws Exception {
        writeConcurrently("jdbc:sqlite:" + dir.resolve("parley.db"));
    }

    @Test
    void fourPostgresWritersLoseNothing() throws Exception {
        String base = PostgresStoreIT.serverUrl();
        String schema = "parley_it_concurrent_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            writeConcurrently(PostgresStoreIT.withSchema(base, schema));
        } finally {
            try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void writeConcurrently(String url) throws Exception {
        long seconds = Long.getLong("parley.concurrency.seconds", 30);
        List<Process> children = new ArrayList<>();
        List<Long> returned = Collections.synchronizedList(new ArrayList<>());
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        List<Thread> readers = new ArrayList<>();
        // every child opens the fresh store at once: the schema is created exactly once
        for (int i = 0; i < PROCESSES; i++) {
            Process p = SqliteCrashTest.child(url, "seconds", seconds);
            children.add(p);
            Thread t = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("saved ")) {
                            returned.add(Long.parseLong(line.substring(6)));
                        } else if (line.equals("done")) {
                            finished.add(line);
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            t.start();
            readers.add(t);
        }
        for (Process p : children) {
            assertThat(p.waitFor(seconds + 300, TimeUnit.SECONDS)).as("writer finished").isTrue();
            assertThat(p.exitValue()).as("writer exit code").isZero();
        }
        for (Thread t : readers) {
            t.join();
        }
        assertThat(finished).hasSize(PROCESSES);
        Set<Long> unique = new HashSet<>(returned);
        assertThat(unique).as("no id handed out twice").hasSameSizeAs(returned);
        assertThat(returned.size()).as("saves made").isGreaterThanOrEqualTo(PROCESSES);
        try (Store s = Store.open(url)) {
            assertThat(s.check()).isEmpty();
            assertThat(s.schemaVersion()).isEqualTo(Migrations.CURRENT);
            List<Long> stored = s.runs(null, 0).stream().map(RunInfo::id).toList();
            assertThat(stored).containsExactlyInAnyOrderElementsOf(returned);
            long some = returned.get(returned.size() / 2);
            assertThat(s.trajectories(some)).hasSize(s.run(some).info().worlds().size()
                    * s.run(some).info().models().size() * 8);
            System.err.println("concurrency: " + PROCESSES + " writers x " + seconds + " s saved " + returned.size()
                    + " runs into " + url.replaceAll("password=[^&]*", "password=***"));
        }
    }
}
