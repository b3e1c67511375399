package org.parley.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.uncertainty.ClusterBootstrap;

/**
 * A backtest that can make a claim: every model, the naive baselines and the frozen
 * {@link Candidates}, scored out of fold under a declared protocol, compared with the compromise
 * model by a proposal-cluster bootstrap, Holm-adjusted across the candidates, with cross-conformal
 * model-error intervals and their coverage on both halves of the legacy split.
 *
 * <p>Protocols (all grouped by proposal, so no proposal's issues are on both sides of a fold):
 * <ul>
 *   <li>{@code lopo}: leave one proposal out; each proposal is forecast by weights and conformal
 *       quantiles fitted on all the others;</li>
 *   <li>{@code kfold}: {@code folds} folds of proposals, repeated {@code repeats} times with fold
 *       seeds {@link Seeds#forRun}(seed, r); the per-issue errors are averaged over the repeats and
 *       the spread of the MAE difference over repeats is reported separately;</li>
 *   <li>{@code split}: the legacy halves (odd proposals train, even test), fitted on one half and
 *       scored on the other; the headline is train to test.</li>
 * </ul>
 * Inside every training set, the stacked candidate's conformal scores come from an inner 10-fold
 * cross-validation by proposal, so no quantile is computed from forecasts fitted on the same issues.
 *
 * <p>Decision rule (declared before any result): a candidate "beats compromise" iff the
 * Holm-adjusted one-sided 95% upper bound of MAE(candidate) - MAE(compromise) is below 0; "clearly"
 * iff in addition the point estimate is at most {@link #CLEARLY}. Models other than the candidates
 * get the unadjusted bound and no decision.
 */
public final class ProtocolBacktest {

    /** The point difference below which a win is "clear" (about the minimum detectable effect). */
    public static final double CLEARLY = -1.0;
    /** The family-wise error rate of the decision rule. */
    public static final double ALPHA = 0.05;
    /** Inner folds used to score fitted candidates inside a training set. */
    static final int INNER_FOLDS = 10;

    /** The cross-validation protocol. */
    public enum Protocol {
        SPLIT, KFOLD, LOPO;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Protocol fromId(String id) {
            String norm = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
            for (Protocol p : values()) {
                if (p.id().equals(norm)) {
                    return p;
                }
            }
            throw new ParleyException(ErrorCode.BAD_OPTION, "unknown protocol '" + id + "'; protocols: split, kfold, lopo");
        }
    }

    /**
     * Settings.
     *
     * @param protocol  the protocol
     * @param folds     outer folds of {@code kfold}
     * @param repeats   repeats of {@code kfold}
     * @param resamples bootstrap resamples (at least {@link ClusterBootstrap#RESAMPLES} for a decision)
     * @param level     nominal coverage of the model-error intervals
     * @param seed      seed of folds and bootstrap
     */
    public record Settings(Protocol protocol, int folds, int repeats, int resamples, double level, long seed) {
        public Settings {
            Objects.requireNonNull(protocol, "protocol");
            if (folds < 2) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "folds must be at least 2, was " + folds);
            }
            if (repeats < 1) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "repeats must be at least 1, was " + repeats);
            }
            if (resamples < 100) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "resamples must be at least 100, was " + resamples);
            }
            if (!(level > 0 && level < 1)) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "level must be in (0, 1), was " + level);
            }
        }

        public static Settings defaults(long seed) {
            return new Settings(Protocol.LOPO, 10, 20, ClusterBootstrap.RESAMPLES, 0.9, seed);
        }

        public Settings withProtocol(Protocol p) {
            return new Settings(p, folds, repeats, resamples, level, seed);
        }
    }

    /**
     * Coverage of the cross-conformal model-error intervals.
     *
     * @param q          the conformal quantile fitted on every scored issue (what a calibration ships)
     * @param constant   the error scale's constant fitted with it, points on 0-100
     * @param train      share of train-half outcomes inside their out-of-fold interval
     * @param trainLow   5th percentile of its proposal-cluster bootstrap
     * @param trainHigh  95th percentile
     * @param test       share of test-half outcomes inside
     * @param testLow    5th percentile of its proposal-cluster bootstrap
     * @param testHigh   95th percentile
     * @param all        share of all outcomes inside
     * @param meanWidth  mean width of the intervals, 0-100 points
     */
    public record Coverage(double q, double constant, double train, double trainLow, double trainHigh, double test,
                           double testLow, double testHigh, double all, double meanWidth) {
    }

    /**
     * One forecaster's row.
     *
     * @param label        model id, baseline or candidate
     * @param candidate    {@code true} for a frozen candidate (in the Holm family)
     * @param status       {@code null} when scored, else why not (e.g. "unavailable: ...")
     * @param all          score on every scored issue (out of fold); under split, the test half
     * @param train        score on the train half (out of fold)
     * @param test         score on the test half (out of fold)
     * @param diff         MAE(label) - MAE(compromise), paired, on the issues both forecast
     * @param low90        5th percentile of the bootstrap difference
     * @param high90       95th percentile: the unadjusted one-sided 95% upper bound
     * @param p            one-sided bootstrap p-value of "diff below 0"
     * @param adjustedHigh the Holm-adjusted one-sided upper bound (candidates), else NaN
     * @param adjustedP    the Holm-adjusted p-value (candidates), else NaN
     * @param decision     the decision rule's verdict (candidates), else {@code null}
     * @param trainToTest  the legacy split, fitted on train, scored on test: MAE difference, 5th, 95th percentile
     * @param testToTrain  fitted on test, scored on train: MAE difference, 5th, 95th percentile
     * @param repeatLow    kfold: least MAE difference over the repeats (NaN otherwise)
     * @param repeatHigh   kfold: largest MAE difference over the repeats
     * @param coverage     model-error interval coverage, {@code null} for baselines without one
     */
    public record Row(String label, boolean candidate, String status, Score all, Score train, Score test, double diff,
                      double low90, double high90, double p, double adjustedHigh, double adjustedP, String decision,
                      double[] trainToTest, double[] testToTrain, double repeatLow, double repeatHigh,
                      Coverage coverage) {
    }

    /**
     * The result.
     *
     * @param base      the plain backtest the forecasts come from
     * @param settings  the settings
     * @param proposals proposals scored
     * @param rows      models, baselines, then candidates
     * @param stacked   the stacked weights fitted on every scored issue (for information), empty when not fitted
     * @param notes     what the reader should know
     */
    public record Result(Backtest.Result base, Settings settings, int proposals, List<Row> rows,
                         Map<String, Double> stacked, List<String> notes) {
        public Result {
            rows = List.copyOf(rows);
            stacked = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stacked));
            notes = List.copyOf(notes);
        }

        public Row row(String label) {
            return rows.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
        }
    }

    private final Simulation simulation;
    private final Backtest.CaseRunner runner;

    public ProtocolBacktest(Simulation simulation) {
        this(simulation, Backtest.CaseRunner.LOCAL);
    }

    /** A backtest whose cases' models run on {@code runner} (a sweep engine); the same results. */
    public ProtocolBacktest(Simulation simulation, Backtest.CaseRunner runner) {
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Runs the models, builds the candidates' forecasts and scores everything under {@code settings}. */
    public Result run(BacktestSet set, CapabilityRule capability, RunSpec given, Settings settings) {
        Backtest backtest = new Backtest(simulation, runner);
        // the models are scored as they are: the consent stage (which a data set's decision rules switch on) is
        // off unless the user sets it; the stage is what the compromise-consent candidate adds
        RunSpec spec = given;
        if (!given.options().containsKey(Candidates.CONSENT_OPTION)) {
            Map<String, String> o = new LinkedHashMap<>(given.options());
            o.put(Candidates.CONSENT_OPTION, "ignore");
            spec = given.withOptions(o);
        }
        Backtest.Result base = backtest.run(set, capability, spec, false);
        List<String> notes = new ArrayList<>(base.notes());
        Map<String, String> unavailable = new LinkedHashMap<>();
        List<IssueForecast> issues = base.issues();
        // compromise-averaged: compromise under the three rules
        if (!set.capabilityOptions().contains(CapabilityRule.COUNCIL)) {
            unavailable.put(Candidates.AVERAGED, "unavailable: the council rule needs every case's date and voting rule");
        } else {
            List<double[]> cols = new ArrayList<>();
            for (String r : Candidates.AVERAGED_RULES) {
                CapabilityRule rule = r.equals("written") ? CapabilityRule.written(set.writtenCapability())
                        : CapabilityRule.forSet(r, set);
                cols.add(column(backtest, set, rule, spec, Candidates.REFERENCE, Map.of(), issues));
            }
            double[] avg = new double[issues.size()];
            for (int i = 0; i < avg.length; i++) {
                double s = 0;
                for (double[] c : cols) {
                    s += c[i];
                }
                avg[i] = s / cols.size();
            }
            issues = withColumn(issues, Candidates.AVERAGED, avg);
        }
        // compromise-consent: a model + option setting
        try {
            issues = withColumn(issues, Candidates.CONSENT, column(backtest, set, capability, spec,
                    Candidates.CONSENT_MODEL, Candidates.CONSENT_OPTIONS, issues));
        } catch (ParleyException e) {
            if (e.code() != ErrorCode.BAD_OPTION && e.code() != ErrorCode.UNKNOWN_ID) {
                throw e;
            }
            unavailable.put(Candidates.CONSENT, "unavailable: this build has no consent stage (" + e.getMessage() + ")");
        }
        // components of the stacked candidate that the user's model list left out
        for (String comp : List.of(Candidates.REFERENCE, "exchange")) {
            if (!base.models().contains(comp)) {
                issues = withColumn(issues, comp, column(backtest, set, capability, spec, comp, Map.of(), issues));
            }
        }
        List<String> components = new ArrayList<>();
        for (String c : Candidates.STACKED_COMPONENTS) {
            if (!unavailable.containsKey(c)) {
                components.add(c);
            }
        }
        if (components.size() < Candidates.STACKED_COMPONENTS.size()) {
            notes.add(Candidates.STACKED + " is fitted on " + String.join(", ", components) + " only: "
                    + Candidates.CONSENT + " is unavailable, so this is not yet the frozen definition");
        }
        List<String> labels = new ArrayList<>(base.labels());
        labels.addAll(Candidates.ALL);
        return score(issues, labels, components, unavailable, base, settings, notes);
    }

    /** One model's forecasts under a rule and options, lined up with {@code issues} (NaN where it gave none). */
    private double[] column(Backtest backtest, BacktestSet set, CapabilityRule rule, RunSpec spec, String model,
                            Map<String, String> options, List<IssueForecast> issues) {
        Map<String, String> merged = new LinkedHashMap<>(spec.options());
        merged.putAll(options);
        Backtest.Result r = backtest.run(set, rule, spec.withModels(List.of(model)).withOptions(merged), false);
        Map<String, Double> byKey = new LinkedHashMap<>();
        for (IssueForecast f : r.issues()) {
            byKey.put(f.caseId() + "\u0000" + f.issueId(), f.forecast(model));
        }
        double[] out = new double[issues.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = byKey.get(issues.get(i).caseId() + "\u0000" + issues.get(i).issueId());
            out[i] = v == null ? Double.NaN : v;
        }
        return out;
    }

    private static List<IssueForecast> withColumn(List<IssueForecast> issues, String label, double[] col) {
        List<IssueForecast> out = new ArrayList<>(issues.size());
        for (int i = 0; i < issues.size(); i++) {
            out.add(issues.get(i).with(label, col[i]));
        }
        return out;
    }
    /**
     * Scores forecasts already lined up in {@code issues}. Package-private so tests can score a small
     * hand-made table. {@code labels} lists every forecaster; a candidate in {@code unavailable} gets a
     * row with its reason; {@value Candidates#STACKED} is fitted from {@code components}.
     */
    static Result score(List<IssueForecast> issues, List<String> shown, List<String> components,
                        Map<String, String> unavailable, Backtest.Result base, Settings s, List<String> notes) {
        return ProtocolScoring.score(issues, shown, components, unavailable, base, s, notes);
    }
}
