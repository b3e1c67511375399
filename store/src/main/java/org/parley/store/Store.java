package org.parley.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.parley.engine.ErrorCode;
import org.parley.engine.ForecastResult;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.engine.Trajectory;
import org.parley.io.ImportSettings;
import org.parley.io.Json;
import org.parley.io.ScenarioWriter;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Scenario;
import org.sqlite.SQLiteConfig;

/**
 * The run store: every saved scenario version and run, on SQLite (embedded, the default) or
 * PostgreSQL (shared by a team), with one schema. Opening a store applies the missing schema
 * migrations; a store written by a newer Parley is refused.
 *
 * <p>Every save is one transaction: a process killed mid-save leaves the store as it was before.
 * Writers are serialised (SQLite {@code BEGIN IMMEDIATE} with a busy timeout in WAL mode; a
 * transaction-scoped advisory lock on PostgreSQL), so concurrent processes never interleave.
 * A {@code Store} is one connection: use it from one thread at a time.
 */
public final class Store implements AutoCloseable {

    /** The environment variable naming the store when {@code --store} is not given. */
    public static final String ENV = "PARLEY_STORE";

    /** How long a writer waits for another process's transaction, in milliseconds. */
    static final int BUSY_TIMEOUT_MS = 60_000;

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BATCH = 500;

    private final String url;
    private final Dialect dialect;
    private final Connection conn;
    private final InstantSource clock;

    private Store(String url, Dialect dialect, Connection conn, InstantSource clock) {
        this.url = url;
        this.dialect = dialect;
        this.conn = conn;
        this.clock = clock;
    }

    /**
     * The store to use: {@code given} (a JDBC URL or a path of an SQLite file) when not null, else
     * the environment's {@link #ENV}, else {@code ~/.parley/parley.db}.
     */
    public static String url(String given, String env, Path home) {
        String u = given != null && !given.isBlank() ? given : env;
        if (u == null || u.isBlank()) {
            return "jdbc:sqlite:" + home.resolve(".parley").resolve("parley.db");
        }
        u = u.strip();
        return u.startsWith("jdbc:") ? u : "jdbc:sqlite:" + Path.of(u).toAbsolutePath();
    }

    public static Store open(String url) {
        return open(url, InstantSource.system());
    }

    /**
     * Opens (creating when absent) and migrates a store.
     *
     * @throws ParleyException BAD_INPUT for a store of a newer schema or a damaged file
     *                         ({@link StoreCorruptException}), FAILURE when it cannot be reached
     */
    public static Store open(String url, InstantSource clock) {
        Dialect d = Dialect.of(url);
        Connection c;
        try {
            if (d == Dialect.SQLITE) {
                Path file = sqliteFile(url);
                if (file != null) {
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
                c = DriverManager.getConnection(url, props);
            }
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.FAILURE, "cannot create the store's folder for " + url + ": " + e, e);
        } catch (SQLException e) {
            throw translate(url, d, e, "opening the store");
        }
        Store s = new Store(url, d, c, clock);
        try {
            s.migrate();
            return s;
        } catch (RuntimeException e) {
            s.closeQuietly(e);
            throw e;
        }
    }

    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
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
                    + "or " + ENV + ".", null);
        }
    }

    public String url() {
        return url;
    }

    // ---------------------------------------------------------------- schema

    /** The schema version of the open store. */
    public int schemaVersion() {
        return read("reading the schema version", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM parley_schema")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private void migrate() {
        int seen = read("reading the schema version", this::versionOrMinusOne);
        if (seen == Migrations.CURRENT) {
            return;
        }
        refuseNewer(seen);
        write("migrating the schema", c -> {
            int v = versionOrMinusOne(c);
            refuseNewer(v);
            if (v == Migrations.CURRENT) {
                return null;
            }
            try (Statement s = c.createStatement()) {
                if (v < 0) {
                    List<String> foreign = tables(c);
                    if (!foreign.isEmpty()) {
                        throw new StoreCorruptException("the store " + url + " already holds tables that are not a "
                                + "Parley store's (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                                + "); it was left untouched.\nMaybe name another store with --store or " + ENV + ".", null);
                    }
                    s.execute("CREATE TABLE parley_schema (version INTEGER NOT NULL, updated TEXT NOT NULL)");
                }
                for (String sql : Migrations.from(Math.max(v, 0), dialect)) {
                    s.execute(sql);
                }
                s.execute("DELETE FROM parley_schema");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO parley_schema (version, updated) VALUES (?, ?)")) {
                ps.setInt(1, Migrations.CURRENT);
                ps.setString(2, clock.instant().toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void refuseNewer(int v) {
        if (v > Migrations.CURRENT) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "the store " + url + " has schema version " + v
                    + ", written by a newer Parley; this Parley reads schema versions up to " + Migrations.CURRENT
                    + ". It was left untouched.\nMaybe upgrade Parley, or name another store with --store or " + ENV + ".");
        }
    }

    private int versionOrMinusOne(Connection c) throws SQLException {
        if (!tables(c).contains("parley_schema")) {
            return -1;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM parley_schema")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private List<String> tables(Connection c) throws SQLException {
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
    public List<String> check() {
        if (dialect != Dialect.SQLITE) {
            return List.of();
        }
        return read("checking the store", c -> {
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

    // ---------------------------------------------------------------- scenarios

    /** Saves a scenario: its current version when the content is unchanged, else a new version. */
    public ScenarioVersion saveScenario(Scenario scenario, String author) {
        return write("saving scenario " + scenario.id(), c -> saveScenario(c, scenario, author));
    }

    private ScenarioVersion saveScenario(Connection c, Scenario scenario, String author) throws SQLException {
        String content = ScenarioWriter.toJson(scenario);
        String hash = sha256(content);
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
            id = returnedId(ps);
        }
        return new ScenarioVersion(id, scenario.id(), number, hash, parent, who, now, scenario.title());
    }

    private static final String VERSION_COLUMNS = "SELECT id, scenario, version, hash, parent, author, created, title "
            + "FROM scenario_versions";

    private static ScenarioVersion version(ResultSet rs) throws SQLException {
        return version(rs, "");
    }

    private static ScenarioVersion version(ResultSet rs, String prefix) throws SQLException {
        return new ScenarioVersion(rs.getLong(prefix + "id"), rs.getString(prefix + "scenario"),
                rs.getInt(prefix + "version"), rs.getString(prefix + "hash"), rs.getLong(prefix + "parent"),
                rs.getString(prefix + "author"), Instant.parse(rs.getString(prefix + "created")),
                rs.getString(prefix + "title"));
    }

    /** Each scenario's latest version with how many versions and runs it has, by scenario id. */
    public List<ScenarioSummary> scenarios() {
        return read("listing scenarios", c -> {
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
        });
    }

    /** Every saved version of a scenario, oldest first. */
    public List<ScenarioVersion> history(String scenarioId) {
        List<ScenarioVersion> out = read("reading the history of " + scenarioId, c -> {
            List<ScenarioVersion> l = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(VERSION_COLUMNS + " WHERE scenario = ? ORDER BY version")) {
                ps.setString(1, scenarioId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        l.add(version(rs));
                    }
                }
            }
            return l;
        });
        if (out.isEmpty()) {
            throw new ParleyException(ErrorCode.UNKNOWN_ID, "no scenario '" + scenarioId + "' in the store " + url
                    + "\nMaybe see 'parley scenarios list'.");
        }
        return out;
    }

    /** The canonical JSON of a saved scenario version. */
    public String scenarioContent(long versionId) {
        return read("reading scenario version " + versionId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM scenario_versions WHERE id = ?")) {
                ps.setLong(1, versionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ParleyException(ErrorCode.UNKNOWN_ID, "no scenario version " + versionId);
                    }
                    return rs.getString(1);
                }
            }
        });
    }

    /** A saved scenario version, read back. */
    public Scenario scenario(long versionId) {
        String content = scenarioContent(versionId);
        return Scenarios.read(TextFile.of("scenario-version-" + versionId + ".json", content),
                ImportSettings.detect()).scenario();
    }

    // ---------------------------------------------------------------- runs

    /**
     * Saves a forecast: its scenario version, settings, every forecast's aggregates and per-run
     * values, and trajectories (run 0 of each world and model, or every run when asked), in one
     * transaction.
     *
     * @return the run id
     */
    public long saveRun(ForecastResult result, SaveOptions options) {
        return saveRun(RunRecord.of(result, options.allTrajectories()), options);
    }

    /**
     * Saves a run record (see {@link RunRecord#of}) in one transaction.
     *
     * @return the run id
     */
    public long saveRun(RunRecord record, SaveOptions options) {
        return write("saving a run of " + record.scenario().id(), c -> saveRun(c, record, options));
    }

    private long saveRun(Connection c, RunRecord rec, SaveOptions o) throws SQLException {
        ScenarioVersion v = saveScenario(c, rec.scenario(), o.author());
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
            runId = returnedId(ps);
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
                    setDouble(ps, col++, g.statusQuo()[k]);
                    setDouble(ps, col++, g.point()[k]);
                    ps.setInt(col++, st.n());
                    for (double d : new double[] {st.mean(), st.sd(), st.min(), st.p05(), st.p25(), st.p50(), st.p75(),
                            st.p95(), st.max()}) {
                        setDouble(ps, col++, d);
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

    private static final String RUN_COLUMNS = "SELECT r.id, r.models, r.worlds, r.options, r.seed, r.runs, r.rounds, "
            + "r.code_version, r.author, r.started, r.millis, r.status, r.trajectories, r.warnings, "
            + "v.id AS v_id, v.scenario AS v_scenario, v.version AS v_version, v.hash AS v_hash, v.parent AS v_parent, "
            + "v.author AS v_author, v.created AS v_created, v.title AS v_title "
            + "FROM runs r JOIN scenario_versions v ON r.scenario_version = v.id";

    private static RunInfo runInfo(ResultSet rs) throws SQLException {
        return new RunInfo(rs.getLong("id"), version(rs, "v_"), JsonValues.strings(rs.getString("models")),
                JsonValues.strings(rs.getString("worlds")), JsonValues.map(rs.getString("options")), rs.getLong("seed"),
                rs.getInt("runs"), rs.getInt("rounds"), rs.getString("code_version"), rs.getString("author"),
                Instant.parse(rs.getString("started")), rs.getLong("millis"), rs.getString("status"),
                rs.getString("trajectories"), JsonValues.strings(rs.getString("warnings")));
    }

    /** Every saved run, newest first; {@code scenarioId} null for all scenarios, {@code limit} 0 for no limit. */
    public List<RunInfo> runs(String scenarioId, int limit) {
        return read("listing runs", c -> {
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
        });
    }

    /** A saved run's settings and forecasts. */
    public StoredRun run(long runId) {
        return read("reading run " + runId, c -> {
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
                                getDouble(rs, 4), getDouble(rs, 5), rs.getInt(6), getDouble(rs, 7), getDouble(rs, 8),
                                getDouble(rs, 9), getDouble(rs, 10), getDouble(rs, 11), getDouble(rs, 12),
                                getDouble(rs, 13), getDouble(rs, 14), getDouble(rs, 15), rs.getString(16)));
                    }
                }
            }
            return new StoredRun(info, options, forecasts);
        });
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
    public double[] samples(long runId, String world, String model, String issue) {
        return read("reading forecasts of run " + runId, c -> {
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
        });
    }

    /** The stored trajectories of a run (run 0 of each world and model, or all), in result order. */
    public List<RunResult> trajectories(long runId) {
        return read("reading trajectories of run " + runId, c -> {
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
        });
    }

    /** A saved run as a result the writers can print: its scenario version and stored trajectories. */
    public ForecastResult result(long runId) {
        StoredRun run = run(runId);
        RunInfo info = run.info();
        Scenario scenario = scenario(info.scenario().id());
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (String w : info.worlds()) {
            problems.put(w, Problem.of(scenario.resolve(w)));
        }
        RunSpec spec = new RunSpec(info.models(), info.worlds(), info.rounds(), info.options(), info.seed(),
                info.runs(), 0);
        return new ForecastResult(scenario, spec, problems, trajectories(runId), info.warnings());
    }

    // ---------------------------------------------------------------- plumbing

    /** Work on the connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work in autocommit mode (each statement sees committed data). */
    <T> T read(String doing, Work<T> work) {
        try {
            return work.run(conn);
        } catch (SQLException e) {
            throw translate(url, dialect, e, doing);
        }
    }

    /** Runs work in one write transaction: all of it is committed, or none. */
    <T> T write(String doing, Work<T> work) {
        try {
            conn.setAutoCommit(false);
        } catch (SQLException e) {
            throw translate(url, dialect, e, doing);
        }
        try {
            dialect.beginWrite(conn);
            T result = work.run(conn);
            conn.setAutoCommit(true); // commits; sqlite-jdbc's commit() would begin the next transaction at once
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw translate(url, dialect, e, doing);
        } catch (RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    private void rollback(Exception cause) {
        try {
            conn.rollback();
            conn.setAutoCommit(true);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    Dialect dialect() {
        return dialect;
    }

    InstantSource clock() {
        return clock;
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

    private static ParleyException translate(String url, Dialect d, SQLException e, String doing) {
        String msg = String.valueOf(e.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        if (d == Dialect.SQLITE && (lower.contains("sqlite_corrupt") || lower.contains("sqlite_notadb")
                || lower.contains("malformed") || lower.contains("not a database"))) {
            return new StoreCorruptException("the store " + url + " is damaged (" + msg + ") while " + doing
                    + "; it was left untouched.\nMaybe restore it from a backup, or name another store with --store or "
                    + ENV + ".", e);
        }
        if (d == Dialect.SQLITE && lower.contains("sqlite_busy")) {
            return new ParleyException(ErrorCode.FAILURE, "the store " + url + " stayed locked by another process for "
                    + BUSY_TIMEOUT_MS / 1000 + " s while " + doing + "; nothing was written. Try again.", e);
        }
        return new ParleyException(ErrorCode.FAILURE, "store " + url + ": failed " + doing + ": " + msg, e);
    }

    private void closeQuietly(Exception cause) {
        try {
            conn.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw translate(url, dialect, e, "closing the store");
        }
    }
}
