package org.parley.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.BargainingModel;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.model.Scenario;
import org.parley.models.Models;

/** Stochastic models contribute their own randomness to Monte Carlo, tornado and levers. */
class StochasticRunsTest {

    @Test
    void spatialIsStochasticOnlyWithStochasticTransitions() {
        Simulation sim = Models.simulation();
        Scenario s = Scenarios.ranged(3, 5, 2);
        Simulation.Plan det = sim.plan(s, RunSpec.defaults().withModels(List.of("spatial")));
        Simulation.Plan sto = sim.plan(s, RunSpec.defaults().withModels(List.of("spatial"))
                .withOptions(Map.of("spatial.transitions", "stochastic")));
        assertThat(det.stochastic(det.models().get(0))).isFalse();
        assertThat(sto.stochastic(sto.models().get(0))).isTrue();
    }

    @Test
    void meanForecastOfAStochasticModelIsTheMeanOverItsRunSeeds() {
        Simulation sim = new Simulation(List.of(Scenarios.noisy()));
        Scenario s = Scenarios.ranged(5, 4, 2);
        Simulation.Plan plan = sim.plan(s, RunSpec.defaults().withSeed(17));
        BargainingModel m = plan.models().get(0);
        var base = plan.problems().get(Scenario.BASE);
        double[] mean = plan.meanForecast(m, base, 4);
        double[] expected = new double[mean.length];
        for (int r = 0; r < 4; r++) {
            double[] f = plan.forecast(m, base, Seeds.forRun(17, r));
            for (int k = 0; k < f.length; k++) {
                expected[k] += f[k] / 4;
            }
        }
        for (int k = 0; k < mean.length; k++) {
            assertThat(mean[k]).isCloseTo(expected[k], org.assertj.core.api.Assertions.within(1e-12));
        }
        // a single seed differs from the mean: the noise is averaged, not one draw
        assertThat(plan.forecast(m, base, Seeds.forRun(17, 0))).isNotEqualTo(mean);
    }
}
