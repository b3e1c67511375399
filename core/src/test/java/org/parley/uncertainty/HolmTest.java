package org.parley.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Holm's step-down adjustment worked by hand. */
class HolmTest {

    @Test
    void adjustedPValuesByHand() {
        // p = 0.01, 0.04, 0.03, 0.005 (m = 4). Sorted: 0.005 (x4 = 0.02), 0.01 (x3 = 0.03), 0.03 (x2 = 0.06),
        // 0.04 (x1 = 0.04 -> raised to the running max 0.06).
        double[] p = {0.01, 0.04, 0.03, 0.005};
        double[] adj = Holm.adjust(p);
        assertThat(adj[3]).isCloseTo(0.02, within(1e-12));
        assertThat(adj[0]).isCloseTo(0.03, within(1e-12));
        assertThat(adj[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adj[1]).isCloseTo(0.06, within(1e-12));
        assertThat(Holm.order(p)).containsExactly(3, 0, 2, 1);
        // levels: alpha / 4, / 3, / 2, / 1 in that order
        double[] lv = Holm.levels(p, 0.05);
        assertThat(lv[3]).isCloseTo(0.0125, within(1e-12));
        assertThat(lv[0]).isCloseTo(0.05 / 3, within(1e-12));
        assertThat(lv[2]).isCloseTo(0.025, within(1e-12));
        assertThat(lv[1]).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void capsAtOneAndKeepsTiesInInputOrder() {
        double[] adj = Holm.adjust(new double[] {0.6, 0.6});
        assertThat(adj).containsExactly(1.0, 1.0);
        assertThat(Holm.order(new double[] {0.2, 0.1, 0.2})).containsExactly(1, 0, 2);
        assertThat(Holm.adjust(new double[] {0.03})).containsExactly(0.03);
    }
}
