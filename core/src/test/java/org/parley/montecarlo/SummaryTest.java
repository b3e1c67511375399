package org.parley.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.model.Threshold;

class SummaryTest {

    @Test
    void percentilesFollowHyndmanFanDefinition7() {
        // R: quantile(c(1, 2, 3, 4), c(.05, .25, .5, .75, .95)) = 1.15 1.75 2.50 3.25 3.85
        Summary s = Summary.of(new double[] {4, 1, 3, 2}, List.of());
        assertThat(s.p5()).isCloseTo(1.15, within(1e-12));
        assertThat(s.p25()).isCloseTo(1.75, within(1e-12));
        assertThat(s.median()).isCloseTo(2.5, within(1e-12));
        assertThat(s.p75()).isCloseTo(3.25, within(1e-12));
        assertThat(s.p95()).isCloseTo(3.85, within(1e-12));
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.sd()).isCloseTo(Math.sqrt(1.25), within(1e-12));
    }

    @Test
    void runsWithoutAForecastAreCountedButNotSummarised() {
        Threshold above = new Threshold("t", 2, true, "");
        Summary s = Summary.of(new double[] {1, Double.NaN, 3}, List.of(above));
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.valid()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(2);
        assertThat(s.share("t")).isEqualTo(0.5);
        Summary none = Summary.of(new double[] {Double.NaN}, List.of(above));
        assertThat(none.valid()).isZero();
        assertThat(none.median()).isNaN();
        assertThat(none.share("t")).isNaN();
    }

    @Test
    void thresholdsAreStrict() {
        Summary s = Summary.of(new double[] {50, 50.5, 49}, List.of(new Threshold("above", 50, true, ""),
                new Threshold("below", 50, false, "")));
        assertThat(s.share("above")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.share("below")).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void aMixtureWeighsEachSampleByItsWeightNotItsSize() {
        // sample a: 1 run at 0 (weight 0.75); sample b: 3 runs at 10 (weight 0.25)
        Summary m = Summary.mixture(List.of(new double[] {0}, new double[] {10, 10, 10}), new double[] {0.75, 0.25},
                List.of(new Threshold("t", 5, true, "")));
        assertThat(m.mean()).isCloseTo(2.5, within(1e-12));
        assertThat(m.median()).isEqualTo(0);
        assertThat(m.p95()).isEqualTo(10);
        assertThat(m.share("t")).isCloseTo(0.25, within(1e-12));
        assertThat(m.runs()).isEqualTo(4);
    }

    @Test
    void aMixtureIsTheStableSortOfItsSamplesBitForBit() {
        // ties across samples (the earlier sample's weight comes first in the cumulative sums), -0.0
        // and 0.0, runs without a forecast, an empty sample, uneven weights: the merge of the sorted
        // samples gives the same doubles as a stable sort of every value with its weight
        java.util.Random g = new java.util.Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + g.nextInt(5);
            List<double[]> samples = new java.util.ArrayList<>();
            double[] w = new double[k];
            for (int b = 0; b < k; b++) {
                double[] x = new double[g.nextInt(40)];
                for (int j = 0; j < x.length; j++) {
                    int c = g.nextInt(10);
                    x[j] = c == 0 ? Double.NaN : c == 1 ? -0.0 : c == 2 ? 0.0 : g.nextInt(6) * 0.1 + g.nextDouble() * (c & 1);
                }
                samples.add(x);
                w[b] = 0.1 + g.nextDouble();
            }
            List<Threshold> th = List.of(new Threshold("a", 0.2, true, ""), new Threshold("b", 0.3, false, ""));
            assertThat(Summary.mixture(samples, w, th)).isEqualTo(stableSortMixture(samples, w, th));
        }
    }

    /** The mixture as first written: every value with its weight, stably sorted by value. */
    private static Summary stableSortMixture(List<double[]> samples, double[] weights, List<Threshold> thresholds) {
        int runs = 0;
        double wsum = 0;
        List<Double> v = new java.util.ArrayList<>();
        List<Double> w = new java.util.ArrayList<>();
        List<double[]> finite = new java.util.ArrayList<>();
        for (int b = 0; b < samples.size(); b++) {
            double[] x = java.util.Arrays.stream(samples.get(b)).filter(Double::isFinite).sorted().toArray();
            finite.add(x);
            runs += samples.get(b).length;
            wsum += x.length > 0 ? weights[b] : 0;
        }
        if (wsum <= 0) {
            return Summary.mixture(samples, weights, thresholds);
        }
        for (int b = 0; b < finite.size(); b++) {
            for (double xi : finite.get(b)) {
                v.add(xi);
                w.add(weights[b] / wsum / finite.get(b).length);
            }
        }
        int total = v.size();
        Integer[] order = new Integer[total];
        for (int j = 0; j < total; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(v.get(p), v.get(q)));
        double[] sv = new double[total];
        double[] cw = new double[total];
        double acc = 0;
        double mean = 0;
        for (int j = 0; j < total; j++) {
            sv[j] = v.get(order[j]);
            acc += w.get(order[j]);
            cw[j] = acc;
            mean += w.get(order[j]) * sv[j];
        }
        double var = 0;
        for (int j = 0; j < total; j++) {
            var += w.get(order[j]) * (sv[j] - mean) * (sv[j] - mean);
        }
        List<Summary.Share> shares = new java.util.ArrayList<>();
        for (Threshold t : thresholds) {
            double s = 0;
            for (int j = 0; j < total; j++) {
                s += t.crossedBy(sv[j]) ? w.get(order[j]) : 0;
            }
            shares.add(new Summary.Share(t, s));
        }
        double[] p = new double[5];
        double[] ps = {0.05, 0.25, 0.5, 0.75, 0.95};
        for (int q = 0; q < 5; q++) {
            p[q] = sv[total - 1];
            for (int j = 0; j < total; j++) {
                if (cw[j] >= ps[q] * cw[total - 1] - 1e-12) {
                    p[q] = sv[j];
                    break;
                }
            }
        }
        return new Summary(runs, total, mean, Math.sqrt(var), sv[0], p[0], p[1], p[2], p[3], p[4], sv[total - 1], shares);
    }
}
