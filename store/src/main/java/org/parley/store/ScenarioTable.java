package org.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.io.ScenarioWriter;
import org.parley.model.Scenario;

/** The {@code scenario_versions} table: every saved version of every scenario, as canonical JSON. */
final class ScenarioTable {

    private ScenarioTable() {
    }

    /** Saves a scenario: its latest version when the content is unchanged, else a new version. */
    static ScenarioVersion save(Connection c, Scenario scenario, String author, InstantSource clock) throws SQLException {
        String content = ScenarioWriter.toJson(scenario);
        String hash = Sql.sha256(content);
        ScenarioVersion latest = null;
        try (PreparedStatement ps = c.prepareStatement(VERSION_COLUMNS
                + " WHERE scenario = ? ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, scenario.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    latest = version(rs);
                }
            }
        }
        if (latest != null && latest.hash().equals(hash)) {
            return latest;
        }
        int number = latest == null ? 1 : latest.version() + 1;
        long parent = latest == null ? 0 : latest.id();
        Instant now = clock.instant();
        String who = author == null || author.isBlank() ? "unknown" : author;
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scenario_versions (scenario, version, hash, parent, "
                + "author, created, title, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, scenario.id());
            ps.setInt(2, number);
            ps.setString(3, hash);
            if (parent == 0) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, parent);
            }
            ps.setString(5, who);
            ps.setString(6, now.toString());
            ps.setString(7, scenario.title());
            ps.setString(8, content);
            id = Sql.returnedId(ps);
        }
        return new ScenarioVersion(id, scenario.id(), number, hash, parent, who, now, scenario.title());
    }

    /**
     * The version a run refers to: any saved version with the same content (an older one when the
     * run was made on it), else a new version as {@link #save} makes it.
     */
    static ScenarioVersion forRun(Connection c, Scenario scenario, String author, InstantSource clock) throws SQLException {
        String hash = Sql.sha256(ScenarioWriter.toJson(scenario));
        try (PreparedStatement ps = c.prepareStatement(VERSION_COLUMNS
                + " WHERE scenario = ? AND hash = ? ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, scenario.id());
            ps.setString(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return version(rs);
                }
            }
        }
        return save(c, scenario, author, clock);
    }

    static final String VERSION_COLUMNS = "SELECT id, scenario, version, hash, parent, author, created, title "
            + "FROM scenario_versions";

    static ScenarioVersion version(ResultSet rs) throws SQLException {
        return version(rs, "");
    }

    static ScenarioVersion version(ResultSet rs, String prefix) throws SQLException {
        return new ScenarioVersion(rs.getLong(prefix + "id"), rs.getString(prefix + "scenario"),
                rs.getInt(prefix + "version"), rs.getString(prefix + "hash"), rs.getLong(prefix + "parent"),
                rs.getString(prefix + "author"), Instant.parse(rs.getString(prefix + "created")),
                rs.getString(prefix + "title"));
    }

    /** Each scenario's latest version with how many versions and runs it has, by scenario id. */
    static List<ScenarioSummary> list(Connection c) throws SQLException {
        List<ScenarioSummary> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(VERSION_COLUMNS + " v "
                + "WHERE v.version = (SELECT MAX(x.version) FROM scenario_versions x WHERE x.scenario = v.scenario) "
                + "ORDER BY v.scenario")) {
            while (rs.next()) {
                out.add(new ScenarioSummary(version(rs), 0, 0));
            }
        }
        List<ScenarioSummary> counted = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM scenario_versions WHERE "
                + "scenario = ?), (SELECT COUNT(*) FROM runs r JOIN scenario_versions w ON r.scenario_version = w.id "
                + "WHERE w.scenario = ?)")) {
            for (ScenarioSummary sum : out) {
                ps.setString(1, sum.latest().scenario());
                ps.setString(2, sum.latest().scenario());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    counted.add(new ScenarioSummary(sum.latest(), rs.getInt(1), rs.getInt(2)));
                }
            }
        }
        return counted;
    }

    /** Every saved version of a scenario, oldest first. */
    static List<ScenarioVersion> history(Connection c, String scenarioId, String url) throws SQLException {
        List<ScenarioVersion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(VERSION_COLUMNS + " WHERE scenario = ? ORDER BY version")) {
            ps.setString(1, scenarioId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(version(rs));
                }
            }
        }
        if (out.isEmpty()) {
            throw new ParleyException(ErrorCode.UNKNOWN_ID, "no scenario '" + scenarioId + "' in the store " + url
                    + "\nMaybe see 'parley scenarios list'.");
        }
        return out;
    }

    /** The canonical JSON of a saved scenario version. */
    static String content(Connection c, long versionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM scenario_versions WHERE id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ParleyException(ErrorCode.UNKNOWN_ID, "no scenario version " + versionId);
                }
                return rs.getString(1);
            }
        }
    }
}
