package org.parley.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/** The store's schema at run time: its version, applying {@link Migrations}, the integrity check. */
final class Schema {

    private Schema() {
    }

    /** The schema version of the open store. */
    static int version(Store store) {
        return store.read("reading the schema version", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM parley_schema")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Applies the missing migrations in one transaction; a store of a newer schema is refused untouched. */
    static void migrate(Store store) {
        int seen = store.read("reading the schema version", c -> versionOrMinusOne(c, store.dialect()));
        if (seen == Migrations.CURRENT) {
            return;
        }
        refuseNewer(store, seen);
        store.write("migrating the schema", c -> {
            int v = versionOrMinusOne(c, store.dialect());
            refuseNewer(store, v);
            if (v == Migrations.CURRENT) {
                return null;
            }
            try (Statement s = c.createStatement()) {
                if (v < 0) {
                    List<String> foreign = tables(c, store.dialect());
                    if (!foreign.isEmpty()) {
                        throw new StoreCorruptException("the store " + store.url() + " already holds tables that are not a "
                                + "Parley store's (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                                + "); it was left untouched.\nMaybe name another store with --store or " + Store.ENV + ".", null);
                    }
                    s.execute("CREATE TABLE parley_schema (version INTEGER NOT NULL, updated TEXT NOT NULL)");
                }
                for (String sql : Migrations.from(Math.max(v, 0), store.dialect())) {
                    s.execute(sql);
                }
                s.execute("DELETE FROM parley_schema");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO parley_schema (version, updated) VALUES (?, ?)")) {
                ps.setInt(1, Migrations.CURRENT);
                ps.setString(2, store.clock().instant().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void refuseNewer(Store store, int v) {
        if (v > Migrations.CURRENT) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "the store " + store.url() + " has schema version " + v
                    + ", written by a newer Parley; this Parley reads schema versions up to " + Migrations.CURRENT
                    + ". It was left untouched.\nMaybe upgrade Parley, or name another store with --store or " + Store.ENV + ".");
        }
    }

    private static int versionOrMinusOne(Connection c, Dialect dialect) throws SQLException {
        if (!tables(c, dialect).contains("parley_schema")) {
            return -1;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM parley_schema")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<String> tables(Connection c, Dialect dialect) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = dialect == Dialect.POSTGRESQL ? c.getSchema() : null;
        List<String> out = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /**
     * Checks the store's structure: SQLite's {@code PRAGMA integrity_check} (PostgreSQL keeps its
     * own). Returns the problems found, empty when the store is sound.
     */
    static List<String> check(Store store) {
        if (store.dialect() != Dialect.SQLITE) {
            return List.of();
        }
        return store.read("checking the store", c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (!"ok".equals(line)) {
                        out.add(line);
                    }
                }
            }
            return out;
        });
    }
}
