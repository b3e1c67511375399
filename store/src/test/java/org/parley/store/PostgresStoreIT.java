package org.parley.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store on PostgreSQL: the same tests as {@link SqliteStoreTest}, each in a schema of its own.
 * Needs {@code PARLEY_TEST_PG_URL} (set by {@code .ci/run}); skipped loudly without it, and
 * failing, not skipped, when it is set but the server cannot be reached.
 */
class PostgresStoreIT extends AbstractStoreTest {

    static final String ENV = "PARLEY_TEST_PG_URL";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private String schema;
    private String url;

    /** The server's URL, or the test is skipped with a message saying why. */
    static String serverUrl() {
        String base = System.getenv(ENV);
        if (base == null || base.isBlank()) {
            String msg = "SKIPPED: PostgreSQL store tests: " + ENV + " is not set (.ci/run sets it after starting "
                    + "PostgreSQL)";
            System.err.println(msg);
            Assumptions.abort(msg);
        }
        return base;
    }

    /** The server's URL with {@code currentSchema} set. */
    static String withSchema(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @BeforeEach
    void createSchema() throws SQLException {
        String base = serverUrl();
        schema = String.format(Locale.ROOT, "parley_it_%d_%d", ProcessHandle.current().pid(), COUNTER.incrementAndGet());
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        url = withSchema(base, schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(System.getenv(ENV)); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Override
    String url() {
        return url;
    }
}
