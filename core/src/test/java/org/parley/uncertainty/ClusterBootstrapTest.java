package org.parley.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;
import org.parley.engine.Seeds;

/** The proposal-cluster bootstrap with a fixed seed and known resamples. */
class ClusterBootstrapTest {

    @Test
    void oneClusterGivesItsMeanEveryTime() {
        double[] b = ClusterBootstrap.means(new double[] {6}, new double[] {3}, 50, 1);
        assertThat(b).containsOnly(2.0);
    }

    @Test
    void resamplesAreTheDrawnClustersIssueWeighted() {
        // cluster g holds 2^g issues each of value 1 and... simpler: sums 1, 10, 100 and counts 1, 1, 1:
        // the sum of a resample of 3 names the drawn multiset (digits count the draws).
        double[] sums = {1, 10, 100};
        double[] counts = {1, 1, 1};
        long seed = 42;
        int resamples = 7;
        double[] got = ClusterBootstrap.means(sums, counts, resamples, seed);
        // the documented protocol: nextInt(k) k times per resample from Seeds.random(seed)
        RandomGenerator r = Seeds.random(seed);
        double[] expected = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += sums[r.nextInt(3)];
            }
            expected[b] = s / 3;
        }
        Arrays.sort(expected);
        assertThat(got).containsExactly(expected);
        // every value is a mean of three draws from {1, 10, 100}: 3 x mean is a number whose digits sum to 3
        for (double g : got) {
            long s = Math.round(g * 3);
            assertThat(s % 10 + (s / 10) % 10 + s / 100).isEqualTo(3);
        }
    }

    @Test
    void clustersWithMoreIssuesWeighMore() {
        // cluster 0: 1 issue of 0; cluster 1: 3 issues summing 3. Resample {0, 1}: (0 + 3) / (1 + 3) = 0.75;
        // {0, 0}: 0; {1, 1}: 1. Over many resamples only these three values occur, about 1:2:1.
        double[] b = ClusterBootstrap.means(new double[] {0, 3}, new double[] {1, 3}, 4000, 9);
        assertThat(Arrays.stream(b).distinct().toArray()).containsExactly(0.0, 0.75, 1.0);
        long mid = Arrays.stream(b).filter(x -> x == 0.75).count();
        assertThat(mid / 4000.0).isCloseTo(0.5, within(0.03));
        assertThat(ClusterBootstrap.quantile(b, 0.5)).isEqualTo(0.75);
    }

    @Test
    void sameSeedSameResamplesAndPValue() {
        double[] s = {-3, 1, -2, 0.5, -1};
        double[] c = {2, 1, 3, 1, 2};
        assertThat(ClusterBootstrap.means(s, c, 500, 5)).containsExactly(ClusterBootstrap.means(s, c, 500, 5));
        // all values negative: p = 1 / (B + 1)
        double[] neg = ClusterBootstrap.means(new double[] {-1, -2}, new double[] {1, 1}, 99, 3);
        assertThat(ClusterBootstrap.pBelowZero(neg)).isEqualTo(0.01);
    }
}
