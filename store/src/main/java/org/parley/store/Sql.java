package org.parley.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/** JDBC helpers the store's tables share: generated ids, NaN as NULL, content hashes, error translation. */
final class Sql {

    private Sql() {
    }

    static long returnedId(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("INSERT ... RETURNING id returned no row");
            }
            return rs.getLong(1);
        }
    }

    static void setDouble(PreparedStatement ps, int col, double d) throws SQLException {
        if (Double.isFinite(d)) {
            ps.setDouble(col, d);
        } else {
            ps.setNull(col, Types.DOUBLE);
        }
    }

    static double getDouble(ResultSet rs, int col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : d;
    }

    static String sha256(String content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** An I/O failure in words, without Java exception names. */
    static String describe(java.io.IOException e) {
        String what = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : e instanceof java.nio.file.NotDirectoryException ? "not a folder"
                : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way where a folder must be"
                : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e instanceof java.nio.file.FileSystemException ? "the file system refused"
                : String.valueOf(e.getMessage());
        String file = e instanceof java.nio.file.FileSystemException fse ? fse.getFile() : null;
        return file == null ? what : what + " (" + file + ")";
    }

    static ParleyException translate(String url, Dialect d, SQLException e, String doing) {
        url = Store.mask(url);
        String msg = Store.mask(String.valueOf(e.getMessage()));
        String lower0 = msg.toLowerCase(Locale.ROOT);
        if (d == Dialect.POSTGRESQL && (lower0.contains("timed out") || lower0.contains("timeout")
                || e instanceof java.sql.SQLTimeoutException)) {
            return new ParleyException(ErrorCode.FAILURE, "the store " + url + " did not answer in time while " + doing
                    + " (connect " + Connections.CONNECT_TIMEOUT_S + " s, read " + Connections.SOCKET_TIMEOUT_S
                    + " s); nothing was written. Is the server up and is it PostgreSQL?", e);
        }
        String lower = msg.toLowerCase(Locale.ROOT);
        if (d == Dialect.SQLITE && (lower.contains("sqlite_corrupt") || lower.contains("sqlite_notadb")
                || lower.contains("malformed") || lower.contains("not a database"))) {
            return new StoreCorruptException("the store " + url + " is damaged (" + msg + ") while " + doing
                    + "; it was left untouched.\nMaybe restore it from a backup, or name another store with --store or "
                    + Store.ENV + ".", e);
        }
        if (d == Dialect.SQLITE && lower.contains("sqlite_busy")) {
            return new ParleyException(ErrorCode.FAILURE, "the store " + url + " stayed locked by another process for "
                    + Store.BUSY_TIMEOUT_MS / 1000 + " s while " + doing + "; nothing was written. Try again.", e);
        }
        return new ParleyException(ErrorCode.FAILURE, "store " + url + ": failed " + doing + ": " + msg, e);
    }
}
