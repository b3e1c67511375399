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

    static ParleyException translate(String url, Dialect d, SQLException e, String doing) {
        String msg = String.valueOf(e.getMessage());
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
