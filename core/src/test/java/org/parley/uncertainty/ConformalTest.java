package org.parley.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Conformal quantiles and model-error intervals worked by hand. */
class ConformalTest {

    @Test
    void quantileIsTheCeilNPlusOneTimesLevelOrderStatistic() {
        // 9 scores 1..9: rank ceil(10 * 0.9) = 9 -> 9; rank ceil(10 * 0.5) = 5 -> 5
        double[] s = {9, 1, 8, 2, 7, 3, 6, 4, 5};
        assertThat(Conformal.rank(9, 0.9)).isEqualTo(9);
        assertThat(Conformal.quantile(s, 0.9)).isEqualTo(9.0);
        assertThat(Conformal.quantile(s, 0.5)).isEqualTo(5.0);
        // 19 scores: rank ceil(20 * 0.9) = 18
        double[] t = new double[19];
        for (int i = 0; i < 19; i++) {
            t[i] = 10 * (i + 1);
        }
        assertThat(Conformal.quantile(t, 0.9)).isEqualTo(180.0);
        // 8 scores: rank ceil(9 * 0.9) = 9 > 8: no finite quantile
        assertThat(Conformal.quantile(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 0.9)).isInfinite();
        // NaN ignored
        assertThat(Conformal.quantile(new double[] {Double.NaN, 1, 2, 3}, 0.5)).isEqualTo(2.0);
    }

    @Test
    void weightedSpreadAndClippedInterval() {
        // two actors at 20 and 60 with capability x salience 1 and 3: mean 50, variance (900 + 3 x 100) / 4 = 300
        double[] cap = {1, 3};
        double[][] pos = {{20}, {60}};
        double[][] sal = {{1}, {1}};
        ModelError.Spread sp = ModelError.spread(cap, pos, sal, 0, 0, 100);
        assertThat(sp.sd()).isCloseTo(Math.sqrt(300), within(1e-12));
        assertThat(sp.low()).isEqualTo(20);
        assertThat(sp.high()).isEqualTo(60);
        double scale = Math.sqrt(300) + 5;
        // forecast 50, q 0.5: half width 0.5 x 22.32 = 11.16 -> [38.84, 61.16] clipped to 60
        double[] iv = ModelError.interval(50, 0.5, sp, 0, 100);
        assertThat(iv[0]).isCloseTo(50 - 0.5 * scale, within(1e-12));
        assertThat(iv[1]).isEqualTo(60.0);
        // on a 0-10 scale the same positions / 10 give the same score and an interval / 10
        ModelError.Spread sp10 = ModelError.spread(cap, new double[][] {{2}, {6}}, sal, 0, 0, 10);
        assertThat(sp10.sd()).isCloseTo(Math.sqrt(300), within(1e-9));
        assertThat(ModelError.score(5, 3, sp10, 0, 10)).isCloseTo(20 / scale, within(1e-12));
        // 7 lies outside the positions' range [2, 6] (widened to the forecast 5): no q covers it
        assertThat(ModelError.score(5, 7, sp10, 0, 10)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ModelError.covers(iv, 60)).isTrue();
        assertThat(ModelError.covers(iv, 61)).isFalse();
    }

    @Test
    void crossConformalOnATinyDataSetWithKnownQuantiles() {
        // 10 issues, spread 0 (scale = 5 points), errors 5, 10, ..., 50 -> scores 1..10.
        // Leaving issue j out, 9 scores remain; rank ceil(10 x 0.9) = 9 = the largest remaining score.
        double[] scores = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        int covered = 0;
        for (int j = 0; j < 10; j++) {
            double[] rest = new double[9];
            int c = 0;
            for (int i = 0; i < 10; i++) {
                if (i != j) {
                    rest[c++] = scores[i];
                }
            }
            double q = Conformal.quantile(rest, 0.9);
            assertThat(q).isEqualTo(j == 9 ? 9.0 : 10.0);
            covered += scores[j] <= q ? 1 : 0;
        }
        // every issue but the largest is covered: 9 of 10
        assertThat(covered).isEqualTo(9);
    }

    @Test
    void anOutcomeOutsideTheClippingRangeScoresInfinity() {
        ModelError.Spread sp = new ModelError.Spread(10, 40, 60);
        assertThat(ModelError.score(50, 70, sp, 5, 0, 100)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ModelError.score(50, 55, sp, 5, 0, 100)).isCloseTo(5.0 / 15, within(1e-12));
        // the range widens to the forecast: a forecast of 70 can be covered at 65
        assertThat(ModelError.score(70, 65, sp, 5, 0, 100)).isCloseTo(5.0 / 15, within(1e-12));
        assertThat(ModelError.score(Double.NaN, 55, sp, 5, 0, 100)).isNaN();
    }

    @Test
    void theConstantWithTheNarrowestMeanIntervalWins() {
        // 10 issues, forecast 50 on 0-100, positions spanning the scale: 5 with SD 0 missing by 2, 5 with SD 40
        // missing by 20. Rank ceil(11 x 0.9) = 10: q is the largest score. Mean widths by constant c:
        // c = 1: q = 2, widths 4 and 100 (clipped) -> 52; 2.5: q = 0.8 -> 4, 68 -> 36;
        // 5: q = 20/45 -> 4.44, 40 -> 22.22; 10: q = 0.4 -> 8, 40 -> 24; 20: q = 1/3 -> 13.3, 40 -> 26.7; 40: 20, 40 -> 30
        int n = 10;
        double[] f = new double[n];
        double[] y = new double[n];
        ModelError.Spread[] sp = new ModelError.Spread[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean a = i < 5;
            f[i] = 50;
            y[i] = a ? 52 : 30;
            sp[i] = new ModelError.Spread(a ? 0 : 40, 0, 100);
            hi[i] = 100;
            use[i] = true;
        }
        IntervalFit fit = IntervalFit.fit(f, y, sp, lo, hi, use, 0.9);
        assertThat(fit.constant()).isEqualTo(5.0);
        assertThat(fit.q()).isCloseTo(20.0 / 45, within(1e-12));
        assertThat(fit.meanWidth()).isCloseTo(200.0 / 9, within(1e-9));
        assertThat(fit.n()).isEqualTo(10);
        // issues left out of the calibration set are not used: with 8, rank ceil(9 x 0.9) = 9 > 8, no finite q
        use[8] = false;
        use[9] = false;
        assertThat(IntervalFit.fit(f, y, sp, lo, hi, use, 0.9).q()).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
