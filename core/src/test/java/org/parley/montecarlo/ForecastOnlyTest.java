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

    /**
     * Expected-utility plays each issue to its own stop when untraced and remembers issues it has
     * played: the forecast, the stop reason, the last round's number and positions are those of the
     * traced run, under every preset, a round limit and a fixed stop, the first time and the second
     * (remembered) time.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 13})
    void expectedUtilityUntracedMatchesTheRoundLoop(long seed) {
        Problem p = Problem.of(ScenarioGenerator.random(seed, 9, 4));
        BargainingModel m = Models.simulation().model("expected-utility");
        java.util.List<java.util.Map<String, String>> readings = new java.util.ArrayList<>();
        for (String preset : m.presets().keySet()) {
            readings.add(java.util.Map.of("preset", preset));
        }
        readings.add(java.util.Map.of("stop", "fixed"));
        for (java.util.Map<String, String> r : readings) {
            ModelOptions o = ModelOptions.resolve(m.id(), m.options(), m.presets(), r);
            for (int rounds : new int[] {0, 3}) {
                org.parley.engine.Trajectory traced = m.run(p, o, new RunContext(rounds, seed,
                        org.parley.engine.Seeds.random(seed)));
                for (int again = 0; again < 2; again++) {
                    org.parley.engine.Trajectory untraced = m.run(p, o, RunContext.forecastOnly(rounds, seed));
                    String what = r + " rounds " + rounds + " pass " + again;
                    assertThat(untraced.forecast()).as(what).isEqualTo(traced.forecast());
                    assertThat(untraced.stopReason()).as(what).isEqualTo(traced.stopReason());
                    assertThat(untraced.notes()).as(what).isEqualTo(traced.notes());
                    assertThat(untraced.lastRound().index()).as(what).isEqualTo(traced.lastRound().index());
                    assertThat(untraced.lastRound().positions()).as(what).isEqualTo(traced.lastRound().positions());
                }
            }
        }
    }
}
