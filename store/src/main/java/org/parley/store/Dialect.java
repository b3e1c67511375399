package org.parley.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/**
 * The few places where SQLite and PostgreSQL differ. Everything else is one SQL text for both:
 * {@code TEXT}, {@code BIGINT}, {@code INTEGER}, {@code DOUBLE PRECISION}, {@code INSERT ...
 * RETURNING id}.
 */
enum Dialect {
    SQLITE("jdbc:sqlite:") {
        @Override
        String identity() {
            return "INTEGER PRIMARY KEY";
        }

        @Override
        String blob() {
            return "BLOB";
        }

        @Override
        void beginWrite(Connection c) {
            // the connection's transactions are BEGIN IMMEDIATE: the first statement takes the write lock
        }

        @Override
        List<String> immutable(String table) {
            return List.of("CREATE TRIGGER " + table + "_no_update BEFORE UPDATE ON " + table
                            + " BEGIN SELECT RAISE(ABORT, 'parley: " + table + " rows are immutable'); END",
                    "CREATE TRIGGER " + table + "_no_delete BEFORE DELETE ON " + table
                            + " BEGIN SELECT RAISE(ABORT, 'parley: " + table + " rows are immutable'); END");
        }
    },
    POSTGRESQL("jdbc:postgresql:") {
        @Override
        String identity() {
            return "BIGSERIAL PRIMARY KEY";
        }

        @Override
        String blob() {
            return "BYTEA";
        }

        @Override
        void beginWrite(Connection c) throws SQLException {
            // one writer at a time, as in SQLite: the same semantics on both backends
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
            }
        }

        @Override
        List<String> immutable(String table) {
            return List.of("CREATE OR REPLACE FUNCTION parley_immutable() RETURNS trigger LANGUAGE plpgsql AS "
                            + "$$ BEGIN RAISE EXCEPTION 'parley: % rows are immutable', TG_TABLE_NAME; END $$",
                    "CREATE TRIGGER " + table + "_immutable BEFORE UPDATE OR DELETE ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION parley_immutable()");
        }
    };

    /** The advisory lock key PostgreSQL writers hold for the length of a transaction. */
    static final long WRITE_LOCK = 0x7061726c6579L; // "parley"

    private final String prefix;

    Dialect(String prefix) {
        this.prefix = prefix;
    }

    /** Column type of an auto-numbered primary key. */
    abstract String identity();

    /** Column type of compressed binary data. */
    abstract String blob();

    /** Called first in every write transaction. */
    abstract void beginWrite(Connection c) throws SQLException;

    /** Statements that make a table's rows immutable (no UPDATE, no DELETE). */
    abstract List<String> immutable(String table);

    static Dialect of(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        for (Dialect d : values()) {
            if (u.startsWith(d.prefix)) {
                return d;
            }
        }
        throw new ParleyException(ErrorCode.BAD_OPTION, "unsupported store '" + Store.mask(url)
                + "': use jdbc:sqlite:PATH or jdbc:postgresql://HOST/DB");
    }
}
