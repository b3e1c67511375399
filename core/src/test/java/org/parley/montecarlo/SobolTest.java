package org.parley.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.models.Models;

/** Sobol indices against functions whose indices are known in closed form. */
class SobolTest {

    /**
     * Ishigami & Homma (1990), a = 7, b = 0.1, inputs uniform on [-pi, pi]: V = 13.8446;
     * S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437). With N = 20,000 rows (80,000
     * evaluations) every estimate is within 0.02 of the true value (the estimators' standard errors
     * here are about 0.005 to 0.008).
     */
    @Test
    void ishigamiIndicesWithinTwoHundredths() {
        Sobol.Indices ix = Sobol.ofFunction(3, 20_000, 20240801L, u -> {
            double x1 = Math.PI * (2 * u[0] - 1);
            double x2 = Math.PI * (2 * u[1] - 1);
            double x3 = Math.PI * (2 * u[2] - 1);
            return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
        });
        assertThat(ix.variance()).isCloseTo(13.8446, within(0.4));
        assertThat(ix.first()[0]).isCloseTo(0.3139, within(0.02));
        assertThat(ix.first()[1]).isCloseTo(0.4424, within(0.02));
        assertThat(ix.first()[2]).isCloseTo(0.0, within(0.02));
        assertThat(ix.total()[0]).isCloseTo(0.5576, within(0.02));
        assertThat(ix.total()[1]).isCloseTo(0.4424, within(0.02));
        assertThat(ix.total()[2]).isCloseTo(0.2437, within(0.02));
    }

    @Test
    void sameSeedSameIndicesAnotherSeedOthers() {
        Sobol.Indices a = Sobol.ofFunction(2, 500, 7, u -> u[0] + 2 * u[1] * u[1]);
        Sobol.Indices b = Sobol.ofFunction(2, 500, 7, u -> u[0] + 2 * u[1] * u[1]);
        Sobol.Indices c = Sobol.ofFunction(2, 500, 8, u -> u[0] + 2 * u[1] * u[1]);
        assertThat(a.first()).containsExactly(b.first());
        assertThat(a.total()).containsExactly(b.total());
        assertThat(a.first()).isNotEqualTo(c.first());
    }

    /**
     * An additive function has S_i = ST_i; here f = x1 + 2 x2 with uniform inputs: variances 1/12
     * and 4/12, so S = (0.2, 0.8).
     */
    @Test
    void additiveFunctionFirstEqualsTotal() {
        Sobol.Indices ix = Sobol.ofFunction(2, 20_000, 3, u -> u[0] + 2 * u[1]);
        assertThat(ix.first()[0]).isCloseTo(0.2, within(0.02));
        assertThat(ix.first()[1]).isCloseTo(0.8, within(0.02));
        assertThat(ix.total()[0]).isCloseTo(0.2, within(0.02));
        assertThat(ix.total()[1]).isCloseTo(0.8, within(0.02));
    }

    /** On a scenario: the compromise forecast of the linear scenario depends on one input only. */
    @Test
    void aScenarioWithOneRangedInputPutsEverythingOnIt() {
        Simulation sim = new Simulation(List.of(Models.compromise()));
        Simulation.Plan plan = sim.plan(Scenarios.linear(), RunSpec.defaults().withSeed(5));
        List<Input> inputs = Inputs.uncertain(plan.resolved().get("base"));
        assertThat(inputs).hasSize(1);
        List<double[][][]> rows = new ArrayList<>();
        for (int r = 0; r < 2000; r++) {
            rows.add(Sobol.row(plan, "base", inputs, r));
        }
        List<Sobol.Row> ix = Sobol.indices(plan, "base", inputs, rows);
        assertThat(ix).hasSize(1);
        assertThat(ix.get(0).first()).isCloseTo(1.0, within(0.05));
        assertThat(ix.get(0).total()).isCloseTo(1.0, within(0.05));
    }
}
