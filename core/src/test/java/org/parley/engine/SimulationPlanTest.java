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
}
