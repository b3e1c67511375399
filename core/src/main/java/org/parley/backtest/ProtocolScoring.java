package org.parley.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.parley.backtest.ProtocolBacktest.Coverage;
import org.parley.backtest.ProtocolBacktest.Protocol;
import org.parley.backtest.ProtocolBacktest.Result;
import org.parley.backtest.ProtocolBacktest.Row;
import org.parley.backtest.ProtocolBacktest.Settings;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.Seeds;
import org.parley.uncertainty.ClusterBootstrap;
import org.parley.uncertainty.Holm;

/** The scoring behind {@link ProtocolBacktest}: out-of-fold forecasts, paired differences, Holm, coverage. */
final class ProtocolScoring {

    private ProtocolScoring() {
    }

    /** See {@link ProtocolBacktest#score}. */
    static Result score(List<IssueForecast> issues, List<String> shown, List<String> components,
                        Map<String, String> unavailable, Backtest.Result base, Settings s, List<String> notes) {
        // components the user's model list left out are scored too, but get no row
        List<String> labels = new ArrayList<>(shown);
        for (String c : components) {
            if (!labels.contains(c)) {
                labels.add(c);
            }
        }
        ProtocolData d = new ProtocolData(issues, labels);
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
            double[][] stackedTrain = new double[nf][];
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
                    stackedTrain[f] = CrossConformal.innerForecasts(d, comp, train);
                }
            }
            for (int l = 0; l < labels.size(); l++) {
                CrossConformal.accumulate(d, oof[l], l == stacked && fitStacked ? stackedTrain : null, fold, nf,
                        s.level(), inside[l], width[l]);
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
            trainToTest[l] = PairedDifference.paired(d, errT2T[l], refErr, half(d, Split.TEST), s.resamples(), s.seed());
            testToTrain[l] = PairedDifference.paired(d, errT2T[l], refErr, half(d, Split.TRAIN), s.resamples(), s.seed());
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
            double[] b = PairedDifference.bootstrap(d, err[l], err[ref], headline, s.resamples(), s.seed());
            boot.add(b);
            diff[l] = PairedDifference.meanDiff(err[l], err[ref], headline);
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
        double[] levels = Holm.levels(fp, ProtocolBacktest.ALPHA);
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
            decision[j] = beats ? (diff[l] <= ProtocolBacktest.CLEARLY ? "clearly beats compromise" : "beats compromise")
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
                    trainToTest[l], testToTrain[l], rl, rh, CrossConformal.coverage(d, errSum[l], inside[l], width[l], reps,
                    scored, s, l == stacked && fitStacked ? Stacking.lopoForecasts(d, comp) : forecasts[l])));
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

    private static double[] halfForecasts(ProtocolData d, int[] comp, Split fitOn) {
        boolean[] train = half(d, fitOn);
        double[] w = Stacking.fit(d, comp, train);
        double[] out = new double[d.n];
        for (int i = 0; i < d.n; i++) {
            out[i] = Stacking.forecast(d, comp, w, i);
        }
        return out;
    }

    private static boolean[] half(ProtocolData d, Split s) {
        boolean[] out = new boolean[d.n];
        for (int i = 0; i < d.n; i++) {
            out[i] = d.half[i] == s;
        }
        return out;
    }

    /** The fold of every issue per repeat ({@code -1}: not scored under this protocol). */
    private static List<int[]> foldings(ProtocolData d, Settings s) {
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
}
