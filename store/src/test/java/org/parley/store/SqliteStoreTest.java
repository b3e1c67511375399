package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.ErrorCode;

/** The store on SQLite, plus what only a file can go through: damage, foreign files, WAL. */
class SqliteStoreTest extends AbstractStoreTest {

    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("parley.db");
    }

    @Test
    void theDefaultStoreIsInTheHomeFolderUnlessTheEnvironmentOrAFlagSaysOtherwise() {
        Path home = Path.of("/home/ann");
        assertThat(Store.url(null, null, home)).isEqualTo("jdbc:sqlite:/home/ann/.parley/parley.db");
        assertThat(Store.url(null, "jdbc:postgresql://db/parley", home)).isEqualTo("jdbc:postgresql://db/parley");
        assertThat(Store.url("jdbc:sqlite:/tmp/x.db", "jdbc:postgresql://db/parley", home)).isEqualTo("jdbc:sqlite:/tmp/x.db");
        assertThat(Store.url("/tmp/y.db", null, home)).isEqualTo("jdbc:sqlite:/tmp/y.db");
        assertThatThrownBy(() -> Store.open("jdbc:mysql://x/y"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_OPTION));
    }

    @Test
    void theStoreIsInWalModeAndItsFolderIsCreated() throws SQLException {
        String nested = "jdbc:sqlite:" + dir.resolve("a/b/parley.db");
        try (Store s = Store.open(nested)) {
            assertThat(s.schemaVersion()).isEqualTo(Migrations.CURRENT);
        }
        try (Connection c = DriverManager.getConnection(nested); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAndNeverOverwritten() throws IOException {
        Path f = dir.resolve("parley.db");
        byte[] junk = "these are my notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(f, junk);
        assertThatThrownBy(this::open).isInstanceOf(StoreCorruptException.class)
                .satisfies(e -> assertThat(code(e).exitCode()).isEqualTo(2))
                .hasMessageContaining("left untouched");
        assertThat(Files.readAllBytes(f)).isEqualTo(junk);
        assertThat(Files.exists(dir.resolve("parley.db-wal"))).isFalse();
    }

    @Test
    void aDamagedDatabaseIsReportedAndNeverOverwritten() throws IOException {
        try (Store s = open()) {
            for (int i = 0; i < 5; i++) {
                s.saveRun(Fixtures.seedForecast(), Fixtures.save(true));
            }
        }
        Path f = dir.resolve("parley.db");
        long size = Files.size(f);
        assertThat(size).isGreaterThan(16 * 4096);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            // keep the header page, scribble over the schema's and data pages
            byte[] noise = new byte[(int) size - 100];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = (byte) (i * 31 + 7);
            }
            raf.seek(100);
            raf.write(noise);
        }
        byte[] damaged = Files.readAllBytes(f);
        assertThatThrownBy(() -> {
            try (Store s = open()) {
                s.runs(null, 0);
                s.check();
            }
        }).isInstanceOf(StoreCorruptException.class).hasMessageContaining("damaged");
        assertThat(Files.readAllBytes(f)).isEqualTo(damaged);
    }

    @Test
    void anotherApplicationsDatabaseIsNotTakenOver() throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE ktab_runs (id INTEGER)");
        }
        assertThatThrownBy(this::open).isInstanceOf(StoreCorruptException.class).hasMessageContaining("ktab_runs");
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'parley_schema'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
