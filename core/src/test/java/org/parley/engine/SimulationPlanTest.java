package org.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.model.Scenario;
import org.parley.models.Models;

class SimulationPlanTest {

    @Test
    void thePlanResolvesWorldsModelsAndOptionsInOrder() {
        Scenario s = ScenarioGenerator.random(3, 4, 2);
        Simulation.Plan plan = Models.simulation().plan(s, RunSpec.defaults().withModels(List.of("nash", "compromise")));
        assertThat(plan.worlds()).containsExactly("base");
        assertThat(plan.models()).extracting(BargainingModel::id).containsExactly("nash", "compromise");
        assertThat(plan.options()).containsOnlyKeys("nash", "compromise");
        assertThat(plan.problems().get("base").actorCount()).isEqualTo(4);
    }

    @Test
    void pointForecastsDoNotDependOnTheThreadCount() {
        Scenario s = ScenarioGenerator.random(9, 6, 3);
        ForecastResult one = Models.simulation().run(s, RunSpec.defaults().withThreads(1));
        ForecastResult many = Models.simulation().run(s, RunSpec.defaults().withThreads(4));
        assertThat(many.runs()).hasSameSizeAs(one.runs());
        for (int i = 0; i < one.runs().size(); i++) {
            assertThat(many.runs().get(i).model()).isEqualTo(one.runs().get(i).model());
            assertThat(many.runs().get(i).trajectory().forecast()).isEqualTo(one.runs().get(i).trajectory().forecast());
        }
    }

    @Test
    void anUnknownWorldIsAnUnknownId() {
        Scenario s = ScenarioGenerator.random(3, 4, 2);
        assertThatThrownBy(() -> Models.simulation().plan(s, RunSpec.defaults().withWorlds(List.of("nope"))))
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ID));
    }

    @Test
    void parallelMapKeepsIndexOrder() {
        List<Integer> out = Parallel.map(100, 4, i -> i * i);
        for (int i = 0; i < 100; i++) {
            assertThat(out.get(i)).isEqualTo(i * i);
        }
        assertThat(Parallel.map(0, 4, i -> i)).isEmpty();
    }

    /**
     * The mean over seeds of a stochastic model: a run that draws no random number is taken for
     * every seed (exchange without ties), a run that draws is repeated per seed (stochastic spatial
     * transitions); either way the same doubles as adding each seed's forecast in order. Also: the
     * memo of untraced runs answers a repeated problem with the run it made.
     */
    @Test
    void meanForecastsEqualTheMeanOfEverySeedsForecast() {
        Scenario s = ScenarioGenerator.random(17, 6, 3);
        for (java.util.Map<String, String> o : List.of(java.util.Map.<String, String>of(),
                java.util.Map.of("spatial.transitions", "stochastic"))) {
            Simulation.Plan plan = Models.simulation().plan(s, RunSpec.defaults().withOptions(o)
                    .withModels(List.of("exchange", "spatial")));
            Problem p = plan.problems().get("base");
            for (BargainingModel m : plan.models()) {
                boolean drew = false;
                if (!plan.stochastic(m)) {
                    continue; // deterministic spatial: one run, no mean
                }
                double[] sum = null;
                for (int r = 0; r < 16; r++) {
                    TrackedRandom g = new TrackedRandom(Seeds.random(Seeds.forRun(plan.spec().seed(), r)));
                    double[] f = m.run(p, plan.options().get(m.id()), new RunContext(0, 0, g, false)).forecast();
                    drew |= g.drew();
                    assertThat(plan.forecast(m, p, Seeds.forRun(plan.spec().seed(), r))).isEqualTo(f);
                    if (sum == null) {
                        sum = new double[f.length];
                    }
                    for (int k = 0; k < f.length; k++) {
                        sum[k] += f[k];
                    }
                }
                for (int k = 0; k < sum.length; k++) {
                    sum[k] /= 16;
                }
                assertThat(plan.meanForecast(m, p, 16)).as("%s %s", m.id(), o).isEqualTo(sum);
                assertThat(plan.meanForecast(m, p, 16)).as("remembered").isEqualTo(sum);
                assertThat(drew).as("%s %s draws", m.id(), o).isEqualTo(m.id().equals("spatial"));
            }
        }
    }
}
