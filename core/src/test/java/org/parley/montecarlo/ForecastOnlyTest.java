package org.parley.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.ScenarioGenerator;
import org.parley.models.Models;

/**
 * Monte Carlo, sensitivity and levers run models untraced ({@link RunContext#forecastOnly}); every
 * registered model must forecast exactly what it forecasts traced.
 */
class ForecastOnlyTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 2024})
    void everyModelForecastsTheSameWithoutATrace(long seed) {
        Problem p = Problem.of(ScenarioGenerator.random(seed, 7, 3));
        for (BargainingModel m : Models.all()) {
            ModelOptions o = ModelOptions.resolve(m.id(), m.options(), m.presets(), java.util.Map.of());
            double[] traced = m.run(p, o, RunContext.of(0, seed)).forecast();
            double[] untraced = m.run(p, o, RunContext.forecastOnly(0, seed)).forecast();
            assertThat(untraced).as("%s seed %d", m.id(), seed).isEqualTo(traced);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 11})
    void randomReadingsForecastTheSameWithoutATrace(long seed) {
        Problem p = Problem.of(ScenarioGenerator.random(seed, 6, 3));
        java.util.List<java.util.Map<String, String>> readings = java.util.List.of(
                java.util.Map.of("p", "0.5"),
                java.util.Map.of("arithmetic", "decimal"),
                java.util.Map.of("transitions", "stochastic"));
        for (BargainingModel m : Models.all()) {
            for (java.util.Map<String, String> r : readings) {
                boolean takes = m.options().stream().anyMatch(o -> r.containsKey(o.key()));
                if (!takes) {
                    continue;
                }
                ModelOptions o = ModelOptions.resolve(m.id(), m.options(), m.presets(), r);
                double[] traced = m.run(p, o, RunContext.of(0, seed)).forecast();
                double[] untraced = m.run(p, o, RunContext.forecastOnly(0, seed)).forecast();
                assertThat(untraced).as("%s %s seed %d", m.id(), r, seed).isEqualTo(traced);
            }
        }
    }
}
