package org.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ErrorCode;
import org.parley.engine.Numbers;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Threshold;
import org.parley.uncertainty.ModelError;
import org.parley.uncertainty.ModelErrorCalibration;

/**
 * The forecast registry: register a saved run's forecast of an issue as issued, resolve it when
 * reality answers, score every resolved forecast per model. Registrations and resolutions are
 * never updated or deleted (the schema refuses it); an edit is a new record.
 */
public final class Registry {

    private final Store store;

    public Registry(Store store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The threshold of a question: {@code spec} names one of the issue's thresholds in the run's
     * scenario, or is a number (outcome above it, or below it with {@code below}); null for none.
     */
    public Threshold threshold(long runId, String world, String issueId, String spec, boolean below) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        StoredRun run = store.run(runId);
        String w = org.parley.engine.BottomLine.MIXTURE.equals(world) ? org.parley.model.Scenario.BASE : world;
        Issue issue = store.scenario(run.info().scenario().id()).resolve(w).issue(issueId).orElse(null);
        if (issue != null) {
            for (Threshold t : issue.thresholds()) {
                if (t.id().equals(spec.strip())) {
                    return t;
                }
            }
        }
        try {
            double v = Double.parseDouble(spec.strip());
            return new Threshold(Numbers.format(v), v, !below, "");
        } catch (NumberFormatException e) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "threshold '" + spec + "' is neither a number nor a "
                    + "threshold of issue '" + issueId + "'"
                    + (issue == null || issue.thresholds().isEmpty() ? "" : "; its thresholds: "
                    + String.join(", ", issue.thresholds().stream().map(Threshold::id).toList())), e);
        }
    }

    /**
     * Registers every model's forecast of an issue in a world of a saved run.
     *
     * @param threshold  the line of a threshold question, or null
     * @param supersedes the registration this one replaces, or 0
     */
    public Registration register(long runId, String world, String issue, String question, LocalDate resolvesBy,
                                 Threshold threshold, long supersedes, String author) {
        return register(runId, world, issue, question, resolvesBy, threshold, supersedes, author, false);
    }

    /**
     * Registers every model's forecast, with each model's calibrated model-error interval
     * ({@link ModelErrorCalibration#shipped()}) and the calibration's version.
     *
     * @param pointOnly register only the points and their model-error intervals. Without it, a threshold
     *                  question on a run without Monte Carlo is refused: the share of one run beyond a line
     *                  is 0 or 1, a certainty nobody has
     * @throws ParleyException BAD_OPTION for a threshold question on a run without Monte Carlo and no pointOnly
     */
    public Registration register(long runId, String world, String issue, String question, LocalDate resolvesBy,
                                 Threshold threshold, long supersedes, String author, boolean pointOnly) {
        Objects.requireNonNull(resolvesBy, "resolvesBy");
        String q = question == null || question.isBlank() ? (threshold == null ? "" : threshold.question()) : question;
        if (q.isBlank()) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "a registered forecast needs a question (--question)");
        }
        String who = author == null || author.isBlank() ? "unknown" : author;
        StoredRun run = store.run(runId);
        if (threshold != null && !pointOnly && run.forecasts().stream().anyMatch(f -> f.n() <= 1)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "run " + runId + " has no Monte Carlo runs: the probability "
                    + "of '" + describe(threshold) + "' from a single run is 0 or 1, a certainty no forecast has"
                    + "\nMaybe forecast again with --runs 2000 --save and register that run, or register the point "
                    + "and its model-error interval with --point-only.");
        }
        boolean mixed = org.parley.engine.BottomLine.MIXTURE.equals(world);
        List<RegisteredForecast> forecasts = mixed ? mixture(run, issue, pointOnly ? null : threshold)
                : worldForecasts(run, runId, world, issue, threshold, pointOnly);
        return insert(runId, world, issue, q, resolvesBy, threshold, supersedes, who, forecasts, pointOnly);
    }

    /**
     * Every model's forecast of an issue mixed over the run's probability branches and each world's
     * talks probability (the bottom line): P(yes) = sum over worlds of p_w (talks_w x share of the
     * world's runs past the line + (1 - talks_w) x [status quo past the line]); the point is the
     * mixture's mean, the same sum with each world's point forecast (after the consent stage) and its
     * status quo. No interval: the mixture has none of its own.
     */
    private List<RegisteredForecast> mixture(StoredRun run, String issue, Threshold threshold) {
        org.parley.model.Scenario s = store.scenario(run.info().scenario().id());
        Map<String, Double> weights = new LinkedHashMap<>();
        double sum = 0;
        for (org.parley.model.Branch b : s.branches()) {
            if (b.probability() != null && b.probability() > 0 && run.info().worlds().contains(b.id())) {
                weights.put(b.id(), b.probability());
                sum += b.probability();
            }
        }
        if (weights.isEmpty()) {
            throw new ParleyException(ErrorCode.UNKNOWN_ID, "run " + run.info().id() + " has no probability branch "
                    + "to mix (its worlds: " + String.join(", ", run.info().worlds()) + "); register one world with "
                    + "--branch ID");
        }
        Map<String, double[]> byModel = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            String w = e.getKey();
            double pw = e.getValue() / sum;
            org.parley.model.Scenario world = s.resolve(w);
            double talks = world.talksProbability();
            for (StoredForecast f : run.forecasts()) {
                if (!f.world().equals(w) || !f.issue().equals(issue)) {
                    continue;
                }
                double[] acc = byModel.computeIfAbsent(f.model(), k -> new double[3]);
                double sq = f.statusQuo();
                double noTalksPoint = Double.isNaN(sq) ? f.point() : sq;
                acc[0] += pw * (talks * f.point() + (1 - talks) * noTalksPoint);
                acc[2] += pw;
                if (threshold != null) {
                    double[] samples = store.samples(run.info().id(), w, f.model(), issue);
                    int finite = 0;
                    int crossed = 0;
                    for (double x : samples) {
                        if (Double.isFinite(x)) {
                            finite++;
                            crossed += threshold.crossedBy(x) ? 1 : 0;
                        }
                    }
                    double share = finite == 0 ? Double.NaN : (double) crossed / finite;
                    double noTalks = !Double.isNaN(sq) && threshold.crossedBy(sq) ? 1 : 0;
                    acc[1] += pw * (talks * share + (1 - talks) * noTalks);
                }
            }
        }
        if (byModel.isEmpty()) {
            throw new ParleyException(ErrorCode.UNKNOWN_ID, "run " + run.info().id() + " has no forecast of issue '"
                    + issue + "' in its probability branches");
        }
        List<RegisteredForecast> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byModel.entrySet()) {
            double[] acc = e.getValue();
            boolean complete = Math.abs(acc[2] - 1) < 1e-9;
            out.add(new RegisteredForecast(e.getKey(), complete ? acc[0] : Double.NaN, Double.NaN, Double.NaN,
                    threshold == null || !complete ? Double.NaN : acc[1], 1));
        }
        return out;
    }

    private List<RegisteredForecast> worldForecasts(StoredRun run, long runId, String world, String issue,
                                                    Threshold threshold, boolean pointOnly) {
        List<StoredForecast> mine = run.forecasts().stream()
                .filter(f -> f.world().equals(world) && f.issue().equals(issue)).toList();
        if (mine.isEmpty()) {
            List<String> issues = run.forecasts().stream().filter(f -> f.world().equals(world))
                    .map(StoredForecast::issue).distinct().toList();
            throw new ParleyException(ErrorCode.UNKNOWN_ID, "run " + runId + " has no forecast of issue '" + issue
                    + "' in world '" + world + "'" + (issues.isEmpty() ? "; its worlds: " + String.join(", ",
                    run.info().worlds()) : "; its issues: " + String.join(", ", issues)));
        }
        ModelErrorCalibration cal = ModelErrorCalibration.shipped();
        ModelError.Spread spread = spread(run, world, issue);
        List<RegisteredForecast> forecasts = new ArrayList<>();
        for (StoredForecast f : mine) {
            double p = Double.NaN;
            double[] me = spread == null ? null : cal.interval(f.model(), f.point(), spread, spreadScale[0],
                    spreadScale[1]);
            if (threshold != null && !pointOnly) {
                double[] samples = store.samples(runId, world, f.model(), issue);
                int finite = 0;
                int crossed = 0;
                for (double x : samples) {
                    if (Double.isFinite(x)) {
                        finite++;
                        if (threshold.crossedBy(x)) {
                            crossed++;
                        }
                    }
                }
                p = finite == 0 ? Double.NaN : (double) crossed / finite;
            }
            boolean interval = f.n() > 1 && !pointOnly;
            forecasts.add(new RegisteredForecast(f.model(), f.point(), interval ? f.p05() : Double.NaN,
                    interval ? f.p95() : Double.NaN, p, pointOnly ? 1 : f.n(), me == null ? Double.NaN : me[0],
                    me == null ? Double.NaN : me[1]));
        }
        return forecasts;
    }

    private Registration insert(long runId, String world, String issue, String q, LocalDate resolvesBy,
                                Threshold threshold, long supersedes, String who, List<RegisteredForecast> forecasts,
                                boolean pointOnly) {
        Instant now = store.clock().instant();
        ModelErrorCalibration cal = ModelErrorCalibration.shipped();
        long id = store.write("registering a forecast of run " + runId, c -> {
            if (supersedes != 0 && registrationRow(c, supersedes) == null) {
                throw new ParleyException(ErrorCode.UNKNOWN_ID, "no registration " + supersedes + " to supersede");
            }
            long rid;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO registrations (run_id, world, issue, question, "
                    + "resolves_by, threshold, above, supersedes, author, created, calibration, point_only) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, runId);
                ps.setString(2, world);
                ps.setString(3, issue);
                ps.setString(4, q);
                ps.setString(5, resolvesBy.toString());
                if (threshold == null) {
                    ps.setNull(6, Types.DOUBLE);
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setDouble(6, threshold.value());
                    ps.setInt(7, threshold.above() ? 1 : 0);
                }
                if (supersedes == 0) {
                    ps.setNull(8, Types.BIGINT);
                } else {
                    ps.setLong(8, supersedes);
                }
                ps.setString(9, who);
                ps.setString(10, now.toString());
                ps.setString(11, cal.version());
                ps.setInt(12, pointOnly ? 1 : 0);
                rid = Sql.returnedId(ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO registered_forecasts (registration_id, ordinal, "
                    + "model, point, lo, hi, probability, n, model_error_lo, model_error_hi) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int ordinal = 0;
                for (RegisteredForecast f : forecasts) {
                    ps.setLong(1, rid);
                    ps.setInt(2, ordinal++);
                    ps.setString(3, f.model());
                    Sql.setDouble(ps, 4, f.point());
                    Sql.setDouble(ps, 5, f.lo());
                    Sql.setDouble(ps, 6, f.hi());
                    Sql.setDouble(ps, 7, f.probability());
                    ps.setInt(8, f.n());
                    Sql.setDouble(ps, 9, f.modelErrorLo());
                    Sql.setDouble(ps, 10, f.modelErrorHi());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rid;
        });
        return registration(id);
    }

    /** Records what happened to a registered question. */
    public Resolution resolve(long registrationId, double outcome, LocalDate date, String source, String author) {
        if (!Double.isFinite(outcome)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "outcome must be a finite number, was " + outcome);
        }
        Objects.requireNonNull(date, "date");
        String src = source == null ? "" : source.strip();
        if (src.isEmpty()) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "a resolution needs a source (--source)");
        }
        String who = author == null || author.isBlank() ? "unknown" : author;
        Registration reg = store.read("reading registration " + registrationId, c -> registrationRow(c, registrationId));
        if (reg != null) { // else the write below names the missing registration
            ResolutionCheck.check(store, reg, outcome, date);
        }
        Instant now = store.clock().instant();
        long id = store.write("resolving registration " + registrationId, c -> {
            if (registrationRow(c, registrationId) == null) {
                throw new ParleyException(ErrorCode.UNKNOWN_ID, "no registration " + registrationId
                        + "\nMaybe see 'parley score --all'.");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO resolutions (registration_id, outcome, "
                    + "resolved_on, source, author, created) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
                ps.setLong(1, registrationId);
                ps.setDouble(2, outcome);
                ps.setString(3, date.toString());
                ps.setString(4, src);
                ps.setString(5, who);
                ps.setString(6, now.toString());
                return Sql.returnedId(ps);
            }
        });
        return new Resolution(id, registrationId, outcome, date, src, who, now);
    }

    /** A registration by id. */
    public Registration registration(long id) {
        return store.read("reading registration " + id, c -> {
            Registration r = registrationRow(c, id);
            if (r == null) {
                throw new ParleyException(ErrorCode.UNKNOWN_ID, "no registration " + id);
            }
            return r;
        });
    }

    /** Every registration, oldest first, superseded ones included. */
    public List<Registration> registrations() {
        return store.read("listing registrations", c -> {
            List<Long> ids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM registrations ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            List<Registration> out = new ArrayList<>();
            for (long id : ids) {
                out.add(registrationRow(c, id));
            }
            return out;
        });
    }

    /** The latest resolution of every resolved registration, by registration id. */
    public Map<Long, Resolution> resolutions() {
        return store.read("listing resolutions", c -> {
            Map<Long, Resolution> out = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, registration_id, outcome, "
                    + "resolved_on, source, author, created FROM resolutions ORDER BY id")) {
                while (rs.next()) {
                    Resolution r = new Resolution(rs.getLong(1), rs.getLong(2), rs.getDouble(3),
                            LocalDate.parse(rs.getString(4)), rs.getString(5), rs.getString(6),
                            Instant.parse(rs.getString(7)));
                    out.put(r.registrationId(), r); // later rows replace earlier ones
                }
            }
            return out;
        });
    }

    /** Scores every current (not superseded) registration that has a resolution. */
    public Scores score() {
        List<Registration> all = registrations();
        Map<Long, Resolution> resolved = resolutions();
        List<Long> superseded = all.stream().map(Registration::supersedes).filter(x -> x != 0).toList();
        List<Scores.Line> lines = new ArrayList<>();
        for (Registration r : all) {
            Resolution res = resolved.get(r.id());
            if (res == null || superseded.contains(r.id())) {
                continue;
            }
            for (RegisteredForecast f : r.forecasts()) {
                double err = Math.abs(f.point() - res.outcome());
                boolean covered = f.hasInterval() && f.lo() <= res.outcome() && res.outcome() <= f.hi();
                boolean meCovered = f.hasModelErrorInterval() && f.modelErrorLo() <= res.outcome()
                        && res.outcome() <= f.modelErrorHi();
                double is = f.hasInterval() ? Scores.intervalScore(f.lo(), f.hi(), res.outcome()) : Double.NaN;
                double meIs = f.hasModelErrorInterval()
                        ? Scores.intervalScore(f.modelErrorLo(), f.modelErrorHi(), res.outcome()) : Double.NaN;
                double brier = Double.NaN;
                if (r.threshold() != null && Double.isFinite(f.probability())) {
                    double happened = r.threshold().crossedBy(res.outcome()) ? 1 : 0;
                    brier = (f.probability() - happened) * (f.probability() - happened);
                }
                lines.add(new Scores.Line(r, f, res, err, covered, brier, is, meCovered, meIs));
            }
        }
        Map<String, List<Scores.Line>> byModel = new LinkedHashMap<>();
        for (Scores.Line l : lines) {
            byModel.computeIfAbsent(l.forecast().model(), k -> new ArrayList<>()).add(l);
        }
        List<Scores.ModelScore> models = new ArrayList<>();
        for (Map.Entry<String, List<Scores.Line>> e : byModel.entrySet()) {
            int n = 0;
            double errSum = 0;
            int intervals = 0;
            int covered = 0;
            int thresholds = 0;
            double brierSum = 0;
            double isSum = 0;
            int meN = 0;
            int meCov = 0;
            double meIsSum = 0;
            for (Scores.Line l : e.getValue()) {
                if (l.forecast().hasInterval()) {
                    isSum += l.intervalScore();
                }
                if (l.forecast().hasModelErrorInterval()) {
                    meN++;
                    meCov += l.modelErrorCovered() ? 1 : 0;
                    meIsSum += l.modelErrorScore();
                }
                if (Double.isFinite(l.absError())) {
                    n++;
                    errSum += l.absError();
                }
                if (l.forecast().hasInterval()) {
                    intervals++;
                    covered += l.covered() ? 1 : 0;
                }
                if (Double.isFinite(l.brier())) {
                    thresholds++;
                    brierSum += l.brier();
                }
            }
            models.add(new Scores.ModelScore(e.getKey(), n, n == 0 ? Double.NaN : errSum / n, intervals, covered,
                    thresholds, thresholds == 0 ? Double.NaN : brierSum / thresholds,
                    intervals == 0 ? Double.NaN : isSum / intervals, meN, meCov, meN == 0 ? Double.NaN : meIsSum / meN));
        }
        return new Scores(lines, models);
    }

    private static Registration registrationRow(Connection c, long id) throws SQLException {
        Registration head;
        String calibration;
        boolean pointOnly;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, run_id, world, issue, question, resolves_by, threshold, "
                + "above, supersedes, author, created, calibration, point_only FROM registrations WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                double t = Sql.getDouble(rs, 7);
                Threshold threshold = Double.isNaN(t) ? null
                        : new Threshold(Numbers.format(t), t, rs.getInt(8) == 1, rs.getString(5));
                head = new Registration(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        LocalDate.parse(rs.getString(6)), threshold, rs.getLong(9), rs.getString(10),
                        Instant.parse(rs.getString(11)), List.of(), "", false);
                calibration = rs.getString(12);
                pointOnly = rs.getInt(13) == 1;
            }
        }
        List<RegisteredForecast> fs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT model, point, lo, hi, probability, n, model_error_lo, "
                + "model_error_hi FROM registered_forecasts WHERE registration_id = ? ORDER BY ordinal")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fs.add(new RegisteredForecast(rs.getString(1), Sql.getDouble(rs, 2), Sql.getDouble(rs, 3),
                            Sql.getDouble(rs, 4), Sql.getDouble(rs, 5), rs.getInt(6), Sql.getDouble(rs, 7),
                            Sql.getDouble(rs, 8)));
                }
            }
        }
        return new Registration(head.id(), head.runId(), head.world(), head.issue(), head.question(), head.resolvesBy(),
                head.threshold(), head.supersedes(), head.author(), head.created(), fs, calibration, pointOnly);
    }

    /** The issue's scale {min, max}, set by {@link #spread}. */
    private final double[] spreadScale = new double[2];

    /** The spread of the actors' positions on the issue in the run's world, or null when it cannot be read. */
    private synchronized ModelError.Spread spread(StoredRun run, String world, String issue) {
        try {
            Scenario sc = store.scenario(run.info().scenario().id()).resolve(world);
            Problem p = Problem.of(sc);
            int k = p.issueIndex(issue);
            if (k < 0) {
                return null;
            }
            spreadScale[0] = p.scaleMin(k);
            spreadScale[1] = p.scaleMax(k);
            return ModelError.spread(p.capability(), p.position(), p.salience(), k, p.scaleMin(k), p.scaleMax(k));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** "above 50" / "below 20". */
    public static String describe(Threshold t) {
        return t == null ? "" : (t.above() ? "above " : "below ") + Numbers.format(t.value()).toLowerCase(Locale.ROOT);
    }
}
