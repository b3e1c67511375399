package org.parley.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.uncertainty.ClusterBootstrap;
import org.parley.uncertainty.Conformal;
import org.parley.uncertainty.Holm;
import org.parley.uncertainty.ModelError;

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
     * @param train      share of train-half outcomes inside their out-of-fold interval
     * @param test       share of test-half outcomes inside
     * @param all        share of all outcomes inside
     * @param meanWidth  mean width of the intervals, 0-100 points
     */
    public record Coverage(double q, double train, double test, double all, double meanWidth) {
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
        // components the user's model list left out are scored too, but get no row
        List<String> labels = new ArrayList<>(shown);
        for (String c : components) {
            if (!labels.contains(c)) {
                labels.add(c);
            }
        }
        Data d = new Data(issues, labels);
        int n = d.n;
        int ref = labels.indexOf(Candidates.REFERENCE);
        if (ref < 0) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "the protocol compares with the compromise model; "
                    + "it must be among the models");
        }
        int[] comp = components.stream().mapToInt(labels::indexOf).toArray();
        int stacked = labels.indexOf(Candidates.STACKED);
        boolean fitStacked = stacked >= 0 && !unavailable.containsKey(Candidates.STACKED) && comp.length > 0;
        // out-of-fold forecasts and interval coverage, per repeat
        List<int[]> foldings = foldings(d, s);
        int reps = foldings.size();
        double[][] errSum = new double[labels.size()][n];
        double[][] inside = new double[labels.size()][n];
        double[][] width = new double[labels.size()][n];
        double[][] repeatMae = new double[labels.size()][reps];
        double[][] forecasts = d.forecasts;
        for (int r = 0; r < reps; r++) {
            int[] fold = foldings.get(r);
            int nf = Arrays.stream(fold).max().orElse(-1) + 1;
            double[][] oof = new double[labels.size()][];
            for (int l = 0; l < labels.size(); l++) {
                oof[l] = forecasts[l];
            }
            double[][] stackedTrainScores = new double[nf][];
            if (fitStacked) {
                oof[stacked] = new double[n];
                for (int f = 0; f < nf; f++) {
                    boolean[] train = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        train[i] = fold[i] != f && fold[i] >= 0;
                    }
                    double[] w = Stacking.fit(d, comp, train);
                    for (int i = 0; i < n; i++) {
                        if (fold[i] == f) {
                            oof[stacked][i] = Stacking.forecast(d, comp, w, i);
                        }
                    }
                    stackedTrainScores[f] = innerScores(d, comp, train);
                }
            }
            for (int l = 0; l < labels.size(); l++) {
                double[] sc = d.scores(oof[l]);
                for (int f = 0; f < nf; f++) {
                    double[] cal;
                    if (l == stacked && fitStacked) {
                        cal = stackedTrainScores[f];
                    } else {
                        List<Double> xs = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            if (fold[i] != f && fold[i] >= 0 && !Double.isNaN(sc[i])) {
                                xs.add(sc[i]);
                            }
                        }
                        cal = xs.stream().mapToDouble(Double::doubleValue).toArray();
                    }
                    double q = Conformal.quantile(cal, s.level());
                    for (int i = 0; i < n; i++) {
                        if (fold[i] != f || Double.isNaN(oof[l][i])) {
                            continue;
                        }
                        double[] iv = ModelError.interval(oof[l][i], q, d.spread[i], d.lo[i], d.hi[i]);
                        inside[l][i] += ModelError.covers(iv, d.outcome[i]) ? 1 : 0;
                        width[l][i] += (iv[1] - iv[0]) * d.unit[i];
                    }
                }
                double sum = 0;
                int cnt = 0;
                double sumRef = 0;
                for (int i = 0; i < n; i++) {
                    if (fold[i] < 0) {
                        continue;
                    }
                    double e = Math.abs(oof[l][i] - d.outcome[i]) * d.unit[i];
                    errSum[l][i] += e;
                    double eRef = Math.abs(forecasts[ref][i] - d.outcome[i]) * d.unit[i];
                    if (!Double.isNaN(e) && !Double.isNaN(eRef)) {
                        sum += e;
                        sumRef += eRef;
                        cnt++;
                    }
                }
                repeatMae[l][r] = cnt == 0 ? Double.NaN : (sum - sumRef) / cnt;
            }
        }
        boolean[] scored = new boolean[n];
        for (int i = 0; i < n; i++) {
            scored[i] = foldings.get(0)[i] >= 0;
        }
        // legacy split, both directions
        double[][] trainToTest = new double[labels.size()][];
        double[][] testToTrain = new double[labels.size()][];
        double[] splitStackedT2T = fitStacked ? halfForecasts(d, comp, Split.TRAIN) : null;
        double[] splitStackedT2Tr = fitStacked ? halfForecasts(d, comp, Split.TEST) : null;
        double[][] errT2T = new double[labels.size()][n];
        for (int l = 0; l < labels.size(); l++) {
            double[] fT2T = l == stacked && fitStacked ? splitStackedT2T : forecasts[l];
            double[] fT2Tr = l == stacked && fitStacked ? splitStackedT2Tr : forecasts[l];
            for (int i = 0; i < n; i++) {
                errT2T[l][i] = d.half[i] == Split.TEST ? Math.abs(fT2T[i] - d.outcome[i]) * d.unit[i]
                        : Math.abs(fT2Tr[i] - d.outcome[i]) * d.unit[i];
            }
        }
        double[] refErr = errT2T[ref];
        for (int l = 0; l < labels.size(); l++) {
            trainToTest[l] = paired(d, errT2T[l], refErr, half(d, Split.TEST), s.resamples(), s.seed());
            testToTrain[l] = paired(d, errT2T[l], refErr, half(d, Split.TRAIN), s.resamples(), s.seed());
        }
        // headline scores and the bootstrap
        double[][] err = new double[labels.size()][n];
        for (int l = 0; l < labels.size(); l++) {
            for (int i = 0; i < n; i++) {
                err[l][i] = s.protocol() == Protocol.SPLIT ? errT2T[l][i] : errSum[l][i] / reps;
                if (!scored[i] && s.protocol() != Protocol.SPLIT) {
                    err[l][i] = Double.NaN;
                }
            }
        }
        boolean[] headline = s.protocol() == Protocol.SPLIT ? half(d, Split.TEST) : scored;
        List<double[]> boot = new ArrayList<>();
        double[] diff = new double[labels.size()];
        double[] pval = new double[labels.size()];
        for (int l = 0; l < labels.size(); l++) {
            double[] b = bootstrap(d, err[l], err[ref], headline, s.resamples(), s.seed());
            boot.add(b);
            diff[l] = meanDiff(err[l], err[ref], headline);
            pval[l] = b == null ? Double.NaN : ClusterBootstrap.pBelowZero(b);
        }
        // Holm over the available candidates
        List<Integer> family = new ArrayList<>();
        for (String c : Candidates.ALL) {
            int l = labels.indexOf(c);
            if (l >= 0 && !unavailable.containsKey(c) && boot.get(l) != null) {
                family.add(l);
            }
        }
        double[] fp = family.stream().mapToDouble(l -> pval[l]).toArray();
        double[] adjP = Holm.adjust(fp);
        double[] levels = Holm.levels(fp, ALPHA);
        int[] order = Holm.order(fp);
        String[] decision = new String[family.size()];
        double[] adjHigh = new double[family.size()];
        boolean stillRejecting = true;
        for (int r = 0; r < order.length; r++) {
            int j = order[r];
            int l = family.get(j);
            adjHigh[j] = ClusterBootstrap.quantile(boot.get(l), 1 - levels[j]);
            boolean beats = stillRejecting && adjHigh[j] < 0;
            stillRejecting = beats;
            decision[j] = beats ? (diff[l] <= CLEARLY ? "clearly beats compromise" : "beats compromise")
                    : "does not beat compromise";
        }
        List<Row> rows = new ArrayList<>();
        for (int l = 0; l < shown.size(); l++) {
            String label = labels.get(l);
            boolean cand = Candidates.ALL.contains(label);
            if (unavailable.containsKey(label)) {
                rows.add(new Row(label, cand, unavailable.get(label), null, null, null, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, null, Double.NaN, Double.NaN,
                        null));
                continue;
            }
            int j = family.indexOf(l);
            double[] b = boot.get(l);
            Score all = d.score(label, err[l], headline, Split.ALL);
            Score tr = d.score(label, err[l], headline, Split.TRAIN);
            Score te = d.score(label, err[l], headline, Split.TEST);
            double lo = b == null ? Double.NaN : ClusterBootstrap.quantile(b, 0.05);
            double hi = b == null ? Double.NaN : ClusterBootstrap.quantile(b, 0.95);
            double rl = Double.NaN;
            double rh = Double.NaN;
            if (s.protocol() == Protocol.KFOLD) {
                rl = Arrays.stream(repeatMae[l]).min().orElse(Double.NaN);
                rh = Arrays.stream(repeatMae[l]).max().orElse(Double.NaN);
            }
            rows.add(new Row(label, cand, null, all, tr, te, diff[l], lo, hi, pval[l],
                    j >= 0 ? adjHigh[j] : Double.NaN, j >= 0 ? adjP[j] : Double.NaN, j >= 0 ? decision[j] : null,
                    trainToTest[l], testToTrain[l], rl, rh, coverage(d, errSum[l], inside[l], width[l], reps, scored, s,
                    l == stacked && fitStacked ? Stacking.lopoScores(d, comp) : null, forecasts[l])));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        if (fitStacked) {
            boolean[] all = new boolean[n];
            Arrays.fill(all, true);
            double[] w = Stacking.fit(d, comp, all);
            for (int k = 0; k < comp.length; k++) {
                weights.put(labels.get(comp[k]), w[k]);
            }
        }
        return new Result(base, s, d.proposalCount, rows, weights, notes);
    }

    private static Coverage coverage(Data d, double[] err, double[] inside, double[] width, int reps, boolean[] scored,
                                     Settings s, double[] fittedScores, double[] forecastsOf) {
        double[] tr = new double[2];
        double[] te = new double[2];
        double w = 0;
        for (int i = 0; i < d.n; i++) {
            if (!scored[i] || Double.isNaN(err[i])) {
                continue;
            }
            double[] acc = d.half[i] == Split.TRAIN ? tr : te;
            acc[0] += inside[i] / reps;
            acc[1]++;
            w += width[i] / reps;
        }
        double nAll = tr[1] + te[1];
        if (nAll == 0) {
            return null;
        }
        double[] sc = fittedScores != null ? fittedScores : d.scores(forecastsOf);
        double q = Conformal.quantile(sc, s.level());
        return new Coverage(q, tr[0] / tr[1], te[0] / te[1], (tr[0] + te[0]) / nAll, w / nAll);
    }

    /** Scores of the stacked candidate on a training set, from an inner cross-validation by proposal. */
    private static double[] innerScores(Data d, int[] comp, boolean[] train) {
        int[] inner = new int[d.n];
        Arrays.fill(inner, -1);
        Map<Integer, Integer> order = new LinkedHashMap<>();
        for (int i = 0; i < d.n; i++) {
            if (train[i]) {
                order.putIfAbsent(d.group[i], order.size());
                inner[i] = order.get(d.group[i]) % INNER_FOLDS;
            }
        }
        List<Double> out = new ArrayList<>();
        for (int f = 0; f < INNER_FOLDS; f++) {
            boolean[] t = new boolean[d.n];
            boolean any = false;
            for (int i = 0; i < d.n; i++) {
                t[i] = train[i] && inner[i] != f;
                any |= train[i] && inner[i] == f;
            }
            if (!any) {
                continue;
            }
            double[] w = Stacking.fit(d, comp, t);
            for (int i = 0; i < d.n; i++) {
                if (train[i] && inner[i] == f) {
                    double sc = ModelError.score(Stacking.forecast(d, comp, w, i), d.outcome[i], d.spread[i], d.lo[i],
                            d.hi[i]);
                    if (!Double.isNaN(sc)) {
                        out.add(sc);
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] halfForecasts(Data d, int[] comp, Split fitOn) {
        boolean[] train = half(d, fitOn);
        double[] w = Stacking.fit(d, comp, train);
        double[] out = new double[d.n];
        for (int i = 0; i < d.n; i++) {
            out[i] = Stacking.forecast(d, comp, w, i);
        }
        return out;
    }

    private static boolean[] half(Data d, Split s) {
        boolean[] out = new boolean[d.n];
        for (int i = 0; i < d.n; i++) {
            out[i] = d.half[i] == s;
        }
        return out;
    }

    /** The fold of every issue per repeat ({@code -1}: not scored under this protocol). */
    private static List<int[]> foldings(Data d, Settings s) {
        List<int[]> out = new ArrayList<>();
        switch (s.protocol()) {
            case LOPO -> out.add(d.group.clone());
            case SPLIT -> {
                int[] f = new int[d.n];
                for (int i = 0; i < d.n; i++) {
                    f[i] = d.half[i] == Split.TRAIN ? 0 : 1;
                }
                out.add(f);
            }
            case KFOLD -> {
                for (int r = 0; r < s.repeats(); r++) {
                    int[] perm = new int[d.proposalCount];
                    for (int g = 0; g < perm.length; g++) {
                        perm[g] = g;
                    }
                    RandomGenerator random = Seeds.random(Seeds.forRun(s.seed(), r));
                    for (int g = perm.length - 1; g > 0; g--) {
                        int j = random.nextInt(g + 1);
                        int t = perm[g];
                        perm[g] = perm[j];
                        perm[j] = t;
                    }
                    int[] foldOf = new int[d.proposalCount];
                    for (int pos = 0; pos < perm.length; pos++) {
                        foldOf[perm[pos]] = pos % s.folds();
                    }
                    int[] f = new int[d.n];
                    for (int i = 0; i < d.n; i++) {
                        f[i] = foldOf[d.group[i]];
                    }
                    out.add(f);
                }
            }
            default -> throw new IllegalStateException();
        }
        return out;
    }

    private static double meanDiff(double[] e, double[] eRef, boolean[] use) {
        double s = 0;
        int c = 0;
        for (int i = 0; i < e.length; i++) {
            if (use[i] && !Double.isNaN(e[i]) && !Double.isNaN(eRef[i])) {
                s += e[i] - eRef[i];
                c++;
            }
        }
        return c == 0 ? Double.NaN : s / c;
    }

    /** Sorted bootstrap means of the paired difference over the proposals of {@code use}, or {@code null}. */
    static double[] bootstrap(Data d, double[] e, double[] eRef, boolean[] use, int resamples, long seed) {
        double[] sums = new double[d.proposalCount];
        double[] counts = new double[d.proposalCount];
        for (int i = 0; i < d.n; i++) {
            if (use[i] && !Double.isNaN(e[i]) && !Double.isNaN(eRef[i])) {
                sums[d.group[i]] += e[i] - eRef[i];
                counts[d.group[i]]++;
            }
        }
        List<Integer> present = new ArrayList<>();
        for (int g = 0; g < counts.length; g++) {
            if (counts[g] > 0) {
                present.add(g);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        double[] s = new double[present.size()];
        double[] c = new double[present.size()];
        for (int j = 0; j < s.length; j++) {
            s[j] = sums[present.get(j)];
            c[j] = counts[present.get(j)];
        }
        return ClusterBootstrap.means(s, c, resamples, seed);
    }

    private static double[] paired(Data d, double[] e, double[] eRef, boolean[] use, int resamples, long seed) {
        double[] b = bootstrap(d, e, eRef, use, resamples, seed);
        return new double[] {meanDiff(e, eRef, use), b == null ? Double.NaN : ClusterBootstrap.quantile(b, 0.05),
                b == null ? Double.NaN : ClusterBootstrap.quantile(b, 0.95)};
    }

    /** The forecasts as arrays: one row per label, one column per issue. */
    static final class Data {
        final int n;
        final List<String> labels;
        final double[][] forecasts;
        final double[] outcome;
        final double[] unit;
        final double[] lo;
        final double[] hi;
        final ModelError.Spread[] spread;
        final Split[] half;
        final int[] group;
        final int proposalCount;

        Data(List<IssueForecast> issues, List<String> labels) {
            this.n = issues.size();
            this.labels = List.copyOf(labels);
            forecasts = new double[labels.size()][n];
            outcome = new double[n];
            unit = new double[n];
            lo = new double[n];
            hi = new double[n];
            spread = new ModelError.Spread[n];
            half = new Split[n];
            group = new int[n];
            Map<String, Integer> groups = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                IssueForecast f = issues.get(i);
                for (int l = 0; l < labels.size(); l++) {
                    forecasts[l][i] = f.forecast(labels.get(l));
                }
                outcome[i] = f.outcome();
                unit[i] = 100.0 / (f.scaleMax() - f.scaleMin());
                lo[i] = f.scaleMin();
                hi[i] = f.scaleMax();
                spread[i] = f.spread();
                half[i] = f.split();
                group[i] = groups.computeIfAbsent(f.proposal(), k -> groups.size());
            }
            proposalCount = groups.size();
        }

        double[] scores(double[] f) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = ModelError.score(f[i], outcome[i], spread[i], lo[i], hi[i]);
            }
            return out;
        }

        Score score(String label, double[] err, boolean[] use, Split split) {
            double[] x = new double[n];
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (use[i] && split.includes(half[i]) && !Double.isNaN(err[i])) {
                    x[c++] = err[i];
                }
            }
            if (c == 0) {
                return new Score(label, split, "", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            x = Arrays.copyOf(x, c);
            Arrays.sort(x);
            double sum = 0;
            double sq = 0;
            int within = 0;
            for (double v : x) {
                sum += v;
                sq += v * v;
                within += v <= 10 + 1e-9 ? 1 : 0;
            }
            double med = c % 2 == 1 ? x[c / 2] : (x[c / 2 - 1] + x[c / 2]) / 2;
            return new Score(label, split, "", c, sum / c, med, Math.sqrt(sq / c), (double) within / c);
        }
    }

    /** The stacked candidate's weights: a grid search on the simplex, minimising MAE on a subset. */
    static final class Stacking {
        private Stacking() {
        }

        /** Weights per component (fractions of {@link Candidates#STACKED_GRID}), fitted on {@code train}. */
        static double[] fit(Data d, int[] comp, boolean[] train) {
            int m = comp.length;
            int grid = Candidates.STACKED_GRID;
            int[] w = new int[m];
            int[] best = new int[m];
            double[] bestMae = {Double.POSITIVE_INFINITY};
            Ensemble.search(0, grid, w, x -> mae(d, comp, train, x), best, bestMae);
            double[] out = new double[m];
            for (int k = 0; k < m; k++) {
                out[k] = (double) best[k] / grid;
            }
            return out;
        }

        private static double mae(Data d, int[] comp, boolean[] train, int[] w) {
            double sum = 0;
            int c = 0;
            for (int i = 0; i < d.n; i++) {
                if (!train[i]) {
                    continue;
                }
                double num = 0;
                double den = 0;
                for (int k = 0; k < comp.length; k++) {
                    double x = d.forecasts[comp[k]][i];
                    if (w[k] > 0 && !Double.isNaN(x)) {
                        num += w[k] * x;
                        den += w[k];
                    }
                }
                if (den > 0) {
                    sum += Math.abs(num / den - d.outcome[i]) * d.unit[i];
                    c++;
                }
            }
            return c == 0 ? Double.POSITIVE_INFINITY : sum / c;
        }

        static double forecast(Data d, int[] comp, double[] w, int i) {
            double num = 0;
            double den = 0;
            for (int k = 0; k < comp.length; k++) {
                double x = d.forecasts[comp[k]][i];
                if (w[k] > 0 && !Double.isNaN(x)) {
                    num += w[k] * x;
                    den += w[k];
                }
            }
            return den > 0 ? num / den : Double.NaN;
        }

        /** Scores of leave-one-proposal-out stacked forecasts on every issue (for the shipped quantile). */
        static double[] lopoScores(Data d, int[] comp) {
            double[] out = new double[d.n];
            for (int g = 0; g < d.proposalCount; g++) {
                boolean[] train = new boolean[d.n];
                for (int i = 0; i < d.n; i++) {
                    train[i] = d.group[i] != g;
                }
                double[] w = fit(d, comp, train);
                for (int i = 0; i < d.n; i++) {
                    if (d.group[i] == g) {
                        out[i] = ModelError.score(forecast(d, comp, w, i), d.outcome[i], d.spread[i], d.lo[i], d.hi[i]);
                    }
                }
            }
            return out;
        }
    }
}
