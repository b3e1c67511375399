package org.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.engine.Trajectory;
import org.parley.io.Json;

/**
 * The run tables ({@code runs}, {@code run_models}, {@code forecasts}, {@code trajectories}): a
 * saved forecast's settings, aggregates, per-run values and trajectories.
 */
final class RunTable {

    private static final int BATCH = 500;

    private RunTable() {
    }

    /** Saves a run record with its scenario version; the caller holds the write transaction. */
    static long save(Connection c, RunRecord rec, SaveOptions o, InstantSource clock) throws SQLException {
        ScenarioVersion v = ScenarioTable.forRun(c, rec.scenario(), o.author(), clock);
        RunSpec spec = rec.spec();
        long runId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (scenario_version, models, worlds, options, "
                + "seed, runs, rounds, code_version, author, started, millis, status, trajectories, warnings) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, v.id());
            ps.setString(2, Json.write(rec.models()).strip());
            ps.setString(3, Json.write(rec.worlds()).strip());
            ps.setString(4, Json.write(new LinkedHashMap<>(spec.options())).strip());
            ps.setLong(5, spec.seed());
            ps.setInt(6, spec.runs());
            ps.setInt(7, spec.rounds());
            ps.setString(8, o.codeVersion());
            ps.setString(9, o.author());
            ps.setString(10, o.started().toString());
            ps.setLong(11, o.millis());
            ps.setString(12, "complete");
            ps.setString(13, o.allTrajectories() ? "all" : rec.trajectories().isEmpty() ? "none" : "point");
            ps.setString(14, Json.write(rec.warnings()).strip());
            runId = Sql.returnedId(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_models (run_id, ordinal, model, options) "
                + "VALUES (?, ?, ?, ?)")) {
            int ordinal = 0;
            for (String m : rec.models()) {
                ps.setLong(1, runId);
                ps.setInt(2, ordinal++);
                ps.setString(3, m);
                ps.setString(4, Json.write(new LinkedHashMap<>(rec.modelOptions().getOrDefault(m, Map.of()))).strip());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO forecasts (run_id, ordinal, world, model, issue, "
                + "status_quo, point, n, mean, sd, min, p05, p25, p50, p75, p95, max, stop_reason, samples) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (RunRecord.Forecasts g : rec.forecasts()) {
                for (int k = 0; k < g.issues().size(); k++) {
                    double[] samples = g.samples()[k];
                    Stats st = Stats.of(samples);
                    int col = 1;
                    ps.setLong(col++, runId);
                    ps.setInt(col++, ordinal++);
                    ps.setString(col++, g.world());
                    ps.setString(col++, g.model());
                    ps.setString(col++, g.issues().get(k));
                    Sql.setDouble(ps, col++, g.statusQuo()[k]);
                    Sql.setDouble(ps, col++, g.point()[k]);
                    ps.setInt(col++, st.n());
                    for (double d : new double[] {st.mean(), st.sd(), st.min(), st.p05(), st.p25(), st.p50(), st.p75(),
                            st.p95(), st.max()}) {
                        Sql.setDouble(ps, col++, d);
                    }
                    ps.setString(col++, g.stopReason());
                    ps.setBytes(col, Codec.doubles(samples));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trajectories (run_id, ordinal, world, model, "
                + "run_index, seed, data) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            int ordinal = 0;
            for (RunResult r : rec.trajectories()) {
                ps.setLong(1, runId);
                ps.setInt(2, ordinal++);
                ps.setString(3, r.world());
                ps.setString(4, r.model());
                ps.setInt(5, r.run());
                ps.setLong(6, r.seed());
                ps.setBytes(7, Codec.trajectory(r.trajectory()));
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return runId;
    }

    static final String RUN_COLUMNS = "SELECT r.id, r.models, r.worlds, r.options, r.seed, r.runs, r.rounds, "
            + "r.code_version, r.author, r.started, r.millis, r.status, r.trajectories, r.warnings, "
            + "v.id AS v_id, v.scenario AS v_scenario, v.version AS v_version, v.hash AS v_hash, v.parent AS v_parent, "
            + "v.author AS v_author, v.created AS v_created, v.title AS v_title "
            + "FROM runs r JOIN scenario_versions v ON r.scenario_version = v.id";

    private static RunInfo runInfo(ResultSet rs) throws SQLException {
        return new RunInfo(rs.getLong("id"), ScenarioTable.version(rs, "v_"), JsonValues.strings(rs.getString("models")),
                JsonValues.strings(rs.getString("worlds")), JsonValues.map(rs.getString("options")), rs.getLong("seed"),
                rs.getInt("runs"), rs.getInt("rounds"), rs.getString("code_version"), rs.getString("author"),
                Instant.parse(rs.getString("started")), rs.getLong("millis"), rs.getString("status"),
                rs.getString("trajectories"), JsonValues.strings(rs.getString("warnings")));
    }

    /** Every saved run, newest first; {@code scenarioId} null for all scenarios, {@code limit} 0 for no limit. */
    static List<RunInfo> list(Connection c, String scenarioId, int limit) throws SQLException {
        List<RunInfo> out = new ArrayList<>();
        String sql = RUN_COLUMNS + (scenarioId == null ? "" : " WHERE v.scenario = ?") + " ORDER BY r.id DESC"
                + (limit > 0 ? " LIMIT " + limit : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (scenarioId != null) {
                ps.setString(1, scenarioId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(runInfo(rs));
                }
            }
        }
        return out;
    }

    /** A saved run's settings and forecasts. */
    static StoredRun run(Connection c, long runId, String url) throws SQLException {
        RunInfo info;
        try (PreparedStatement ps = c.prepareStatement(RUN_COLUMNS + " WHERE r.id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ParleyException(ErrorCode.UNKNOWN_ID, "no run " + runId + " in the store " + url
                            + "\nMaybe see 'parley runs list'.");
                }
                info = runInfo(rs);
            }
        }
        Map<String, Map<String, String>> options = modelOptions(c, runId);
        List<StoredForecast> forecasts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT world, model, issue, status_quo, point, n, mean, sd, "
                + "min, p05, p25, p50, p75, p95, max, stop_reason FROM forecasts WHERE run_id = ? ORDER BY ordinal")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    forecasts.add(new StoredForecast(rs.getString(1), rs.getString(2), rs.getString(3),
                            Sql.getDouble(rs, 4), Sql.getDouble(rs, 5), rs.getInt(6), Sql.getDouble(rs, 7), Sql.getDouble(rs, 8),
                            Sql.getDouble(rs, 9), Sql.getDouble(rs, 10), Sql.getDouble(rs, 11), Sql.getDouble(rs, 12),
                            Sql.getDouble(rs, 13), Sql.getDouble(rs, 14), Sql.getDouble(rs, 15), rs.getString(16)));
                }
            }
        }
        return new StoredRun(info, options, forecasts);
    }

    private static Map<String, Map<String, String>> modelOptions(Connection c, long runId) throws SQLException {
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT model, options FROM run_models WHERE run_id = ? "
                + "ORDER BY ordinal")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    options.put(rs.getString(1), JsonValues.map(rs.getString(2)));
                }
            }
        }
        return options;
    }

    /** Every run's forecast of one (world, model, issue), in run order. */
    static double[] samples(Connection c, long runId, String world, String model, String issue) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT samples FROM forecasts WHERE run_id = ? AND world = ? "
                + "AND model = ? AND issue = ?")) {
            ps.setLong(1, runId);
            ps.setString(2, world);
            ps.setString(3, model);
            ps.setString(4, issue);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ParleyException(ErrorCode.UNKNOWN_ID, "run " + runId + " has no forecast of "
                            + world + " / " + model + " / " + issue);
                }
                return Codec.doubles(rs.getBytes(1));
            }
        }
    }

    /** The stored trajectories of a run (run 0 of each world and model, or all), in result order. */
    static List<RunResult> trajectories(Connection c, long runId) throws SQLException {
        Map<String, Map<String, String>> options = modelOptions(c, runId);
        List<RunResult> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT world, model, run_index, seed, data "
                + "FROM trajectories WHERE run_id = ? ORDER BY ordinal")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String model = rs.getString(2);
                    Trajectory t = Codec.trajectory(rs.getBytes(5));
                    out.add(new RunResult(rs.getString(1), model, rs.getInt(3), rs.getLong(4),
                            options.getOrDefault(model, Map.of()), t));
                }
            }
        }
        return out;
    }
}
