package org.parley.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parley.engine.Seeds;
import org.parley.model.Distribution;
import org.parley.model.Range;

class SamplerTest {

    private static final int N = 20_000;

    private static double[] draws(Range r, double value) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Sampler.draw(r, value, Sampler.inputSeed(Seeds.forRun(1, i)), 7);
        }
        return x;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    @Test
    void everyDistributionStaysInsideItsRange() {
        for (Distribution d : Distribution.values()) {
            for (double v : new double[] {10, 15, 30}) {
                for (double x : draws(new Range(10, 30, d), v)) {
                    assertThat(x).as("%s mode %s", d, v).isBetween(10.0, 30.0);
                }
            }
        }
    }

    /** Means: uniform (a+b)/2 = 20; triangular (a+b+c)/3 = 16.67 for c = 10... sd of a mean ~ 6/sqrt(N) = 0.04. */
    @Test
    void meansMatchTheDocumentedDistributions() {
        assertThat(mean(draws(new Range(10, 30, Distribution.UNIFORM), 12))).isCloseTo(20, within(0.2));
        assertThat(mean(draws(new Range(10, 30, Distribution.TRIANGULAR), 10))).isCloseTo(50.0 / 3, within(0.2));
        assertThat(mean(draws(new Range(10, 30, Distribution.TRIANGULAR), 25))).isCloseTo(65.0 / 3, within(0.2));
        // normal centred in its range: mean 20, sd (30-10)/4 = 5 before truncation at +-2 sd
        double[] x = draws(new Range(10, 30, Distribution.NORMAL), 20);
        assertThat(mean(x)).isCloseTo(20, within(0.2));
        double ss = 0;
        for (double v : x) {
            ss += (v - 20) * (v - 20);
        }
        // a normal truncated at +-2 sd has sd = 5 * sqrt(1 - 2*2*phi(2)/(2*Phi(2)-1)) = 5 * 0.880 = 4.40
        assertThat(Math.sqrt(ss / N)).isCloseTo(4.40, within(0.1));
    }

    @Test
    void aDegenerateRangeGivesItsValue() {
        assertThat(Sampler.draw(new Range(5, 5, Distribution.NORMAL), 5, 1, 1)).isEqualTo(5);
    }

    @Test
    void drawsDependOnSlotAndSeed() {
        Range r = Range.uniform(0, 1);
        assertThat(Sampler.draw(r, 0.5, 1, 1)).isNotEqualTo(Sampler.draw(r, 0.5, 1, 2));
        assertThat(Sampler.draw(r, 0.5, 1, 1)).isNotEqualTo(Sampler.draw(r, 0.5, 2, 1));
        assertThat(Sampler.draw(r, 0.5, 1, 1)).isEqualTo(Sampler.draw(r, 0.5, 1, 1));
    }
}
