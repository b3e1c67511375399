package org.parley.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static IssueForecast f(String proposal, Split split, double outcome, double a, double b) {
        return new IssueForecast(proposal + outcome, proposal, split, "i" + outcome, 0, 100, outcome,
                Map.of("a", a, "b", b));
    }

    @Test
    void aConstantDifferenceHasAZeroWidthInterval() {
        List<IssueForecast> fs = List.of(f("p1", Split.TEST, 50, 60, 55), f("p2", Split.TEST, 20, 30, 25),
                f("p3", Split.TRAIN, 0, 90, 0));
        Comparison c = Comparison.of("a", "b", Split.TEST, fs, 7);
        assertThat(c.n()).isEqualTo(2);
        assertThat(c.diff()).isCloseTo(5, within(1e-12));
        assertThat(c.low()).isCloseTo(5, within(1e-12));
        assertThat(c.high()).isCloseTo(5, within(1e-12));
    }

    @Test
    void theIntervalSpansTheProposalsDifferencesAndIsSeeded() {
        List<IssueForecast> fs = List.of(f("p1", Split.TEST, 50, 60, 50), f("p2", Split.TEST, 50, 50, 60),
                f("p3", Split.TEST, 50, 52, 50));
        Comparison c = Comparison.of("a", "b", Split.ALL, fs, 7);
        assertThat(c.diff()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.low()).isBetween(-10.0, c.diff());
        assertThat(c.high()).isBetween(c.diff(), 10.0);
        assertThat(Comparison.of("a", "b", Split.ALL, fs, 7)).isEqualTo(c);
    }
}
