package org.parley.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.ForecastResult;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.io.ImportSettings;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Scenario;

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

    private final String url;
    private final Dialect dialect;
    private final Connection conn;
    private final InstantSource clock;

    private Store(String url, Dialect dialect, Connection conn, InstantSource clock) {
        this.url = mask(url);
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
        Connection c = Connections.open(url, d);
        Store s = new Store(url, d, c, clock);
        try {
            Schema.migrate(s);
            return s;
        } catch (RuntimeException e) {
            s.closeQuietly(e);
            throw e;
        }
    }

    /** The store's URL as shown to people: with its password masked ({@link #mask(String)}). */
    public String url() {
        return url;
    }

    /**
     * {@code url} with any password replaced by {@code ***}: a {@code password=} parameter (in the
     * query or after {@code ;}) and the password of a {@code user:password@host} part.
     */
    public static String mask(String url) {
        if (url == null) {
            return null;
        }
        String m = url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
        return m.replaceAll("^(jdbc:[a-z0-9]+://[^/@:?]*):[^/@?]*@", "$1:***@");
    }

    /** Whether {@code url} names an SQLite database kept in memory only (nothing saved there outlives the command). */
    public static boolean isEphemeral(String url) {
        return Dialect.of(url) == Dialect.SQLITE && Connections.sqliteFile(url) == null;
    }

    // ---------------------------------------------------------------- schema (Schema, Migrations)

    /** The schema version of the open store. */
    public int schemaVersion() {
        return Schema.version(this);
    }

    /**
     * Checks the store's structure: SQLite's {@code PRAGMA integrity_check} (PostgreSQL keeps its
     * own). Returns the problems found, empty when the store is sound.
     */
    public List<String> check() {
        return Schema.check(this);
    }

    // ---------------------------------------------------------------- scenarios (ScenarioTable)

    /** Saves a scenario: its current version when the content is unchanged, else a new version. */
    public ScenarioVersion saveScenario(Scenario scenario, String author) {
        return write("saving scenario " + scenario.id(), c -> ScenarioTable.save(c, scenario, author, clock));
    }

    /** Saves the text of one source of a scenario (an attached article), replacing the one saved before. */
    public void saveSourceText(String scenarioId, String sourceId, String text) {
        write("saving the text of source " + sourceId + " of " + scenarioId, c -> {
            try (java.sql.PreparedStatement del = c.prepareStatement("DELETE FROM source_texts WHERE scenario = ? AND source = ?");
                 java.sql.PreparedStatement ins = c.prepareStatement("INSERT INTO source_texts (scenario, source, saved, text) "
                         + "VALUES (?, ?, ?, ?)")) {
                del.setString(1, scenarioId);
                del.setString(2, sourceId);
                del.executeUpdate();
                ins.setString(1, scenarioId);
                ins.setString(2, sourceId);
                ins.setString(3, clock.instant().toString());
                ins.setString(4, text);
                ins.executeUpdate();
            }
            return null;
        });
    }

    /** The saved texts of a scenario's sources, by source id (empty when none). */
    public Map<String, String> sourceTexts(String scenarioId) {
        return read("reading the source texts of " + scenarioId, c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT source, text FROM source_texts WHERE scenario = ? "
                    + "ORDER BY source")) {
                ps.setString(1, scenarioId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** Each scenario's latest version with how many versions and runs it has, by scenario id. */
    public List<ScenarioSummary> scenarios() {
        return read("listing scenarios", ScenarioTable::list);
    }

    /** Every saved version of a scenario, oldest first. */
    public List<ScenarioVersion> history(String scenarioId) {
        return read("reading the history of " + scenarioId, c -> ScenarioTable.history(c, scenarioId, url));
    }

    /** The canonical JSON of a saved scenario version. */
    public String scenarioContent(long versionId) {
        return read("reading scenario version " + versionId, c -> ScenarioTable.content(c, versionId));
    }

    /** A saved scenario version, read back. */
    public Scenario scenario(long versionId) {
        String content = scenarioContent(versionId);
        return Scenarios.read(TextFile.of("scenario-version-" + versionId + ".json", content),
                ImportSettings.detect()).scenario();
    }

    // ---------------------------------------------------------------- runs (RunTable)

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
        return write("saving a run of " + record.scenario().id(), c -> RunTable.save(c, record, options, clock));
    }

    /** Every saved run, newest first; {@code scenarioId} null for all scenarios, {@code limit} 0 for no limit. */
    public List<RunInfo> runs(String scenarioId, int limit) {
        return read("listing runs", c -> RunTable.list(c, scenarioId, limit));
    }

    /** A saved run's settings and forecasts. */
    public StoredRun run(long runId) {
        return read("reading run " + runId, c -> RunTable.run(c, runId, url));
    }

    /** Every run's forecast of one (world, model, issue), in run order. */
    public double[] samples(long runId, String world, String model, String issue) {
        return read("reading forecasts of run " + runId, c -> RunTable.samples(c, runId, world, model, issue));
    }

    /** The stored trajectories of a run (run 0 of each world and model, or all), in result order. */
    public List<RunResult> trajectories(long runId) {
        return read("reading trajectories of run " + runId, c -> RunTable.trajectories(c, runId));
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
            throw Sql.translate(url, dialect, e, doing);
        }
    }

    /** Runs work in one write transaction: all of it is committed, or none. */
    <T> T write(String doing, Work<T> work) {
        try {
            conn.setAutoCommit(false);
        } catch (SQLException e) {
            throw Sql.translate(url, dialect, e, doing);
        }
        try {
            dialect.beginWrite(conn);
            T result = work.run(conn);
            conn.setAutoCommit(true); // commits; sqlite-jdbc's commit() would begin the next transaction at once
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw Sql.translate(url, dialect, e, doing);
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
            throw Sql.translate(url, dialect, e, "closing the store");
        }
    }
}
