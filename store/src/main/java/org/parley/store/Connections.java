package org.parley.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.sqlite.SQLiteConfig;

/** Opening a store's connection: SQLite's settings and its file checks, PostgreSQL's batching. */
final class Connections {

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Seconds to connect and log in to PostgreSQL ({@code connectTimeout}, {@code loginTimeout}). */
    static final int CONNECT_TIMEOUT_S = 10;
    /** Seconds a PostgreSQL read may wait for the server ({@code socketTimeout}). */
    static final int SOCKET_TIMEOUT_S = 300;

    private Connections() {
    }

    /** A connection to {@code url}; an SQLite file that is not a database is refused untouched. */
    static Connection open(String url, Dialect d) {
        Connection c;
        try {
            if (d == Dialect.SQLITE) {
                Path file = sqliteFile(url);
                if (file != null) {
                    if (Files.isDirectory(file)) {
                        throw new ParleyException(ErrorCode.BAD_INPUT, "cannot use the store " + Store.mask(url) + ": "
                                + file + " is a folder, not a store file.\nMaybe name a file in it, e.g. --store "
                                + file.resolve("parley.db") + ".");
                    }
                    checkHeader(url, file);
                    Path dir = file.toAbsolutePath().getParent();
                    if (dir != null) {
                        Files.createDirectories(dir);
                    }
                }
                c = DriverManager.getConnection(url, sqliteConfig().toProperties());
            } else {
                // many-row saves as multi-row INSERTs; a parameter in the URL still wins
                Properties props = new Properties();
                props.setProperty("reWriteBatchedInserts", "true");
                // a server that accepts but never answers must not hang the caller
                props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_S));
                props.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_S));
                props.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_S));
                c = DriverManager.getConnection(url, props);
            }
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "cannot use the store " + Store.mask(url) + ": "
                    + Sql.describe(e) + ".\nMaybe name another store with --store or " + Store.ENV + ".", e);
        } catch (SQLException e) {
            throw Sql.translate(url, d, e, "opening the store");
        }
        return c;
    }

    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(Store.BUSY_TIMEOUT_MS);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        cfg.enforceForeignKeys(true);
        return cfg;
    }

    /** The file of an SQLite URL, or null for an in-memory database. */
    static Path sqliteFile(String url) {
        String p = url.substring("jdbc:sqlite:".length());
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        if (p.startsWith("file:")) {
            p = p.substring("file:".length());
        }
        if (p.isEmpty() || p.equals(":memory:") || p.contains("mode=memory")) {
            return null;
        }
        return Path.of(p);
    }

    /** A file that exists, is not empty and does not start like an SQLite database is refused untouched. */
    private static void checkHeader(String url, Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_HEADER.length);
        }
        if (!Arrays.equals(head, SQLITE_HEADER)) {
            throw new StoreCorruptException("the store " + file + " is not an SQLite database (damaged, or another "
                    + "kind of file); it was left untouched.\nMaybe move it aside, or name another store with --store "
                    + "or " + Store.ENV + ".", null);
        }
    }
}
