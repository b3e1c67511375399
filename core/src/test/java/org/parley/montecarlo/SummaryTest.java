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
}
