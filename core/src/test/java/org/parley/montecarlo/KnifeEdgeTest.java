package org.parley.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.Models;

/** The knife-edge search on a scenario whose critical change is known exactly. */
class KnifeEdgeTest {

    /**
     * One issue decided by bargaining (no consent stage), a at 20 (capability 50.2), b at 80 (capability 49.8), both salience 50. The weighted median is
     * a's 20 until a's weight falls to b's: a's salience 50 -> 50 x 49.8 / 50.2 = 49.60159..., a
     * change of 0.398406 on the 0-100 salience scale (0.398%), where the tie makes the median the
     * midpoint 50 (a move of 30 > 10). Every other single change is larger: b's salience up by
     * 50 x 0.4 / 49.8 = 0.4016, a capability by 0.4 / 50.2 = 0.797% of its value, and a position
     * must move 10 points (10%) to move the median 10.
     */
    private static Scenario edge() {
        Issue x = new Issue("x", "X", "", Scale.percent("none", "all"), Estimate.of(0), DecisionRule.BARGAINING,
                List.of());
        return new Scenario("edge", "Edge", null, "", List.of(), List.of(x),
                List.of(Actor.of("a", 50.2), Actor.of("b", 49.8)),
                List.of(Stance.of("a", "x", 20, 50), Stance.of("b", "x", 80, 50)), List.of(), Map.of());
    }

    @Test
    void medianEdgeIsTheSalienceThatTiesTheWeights() {
        Simulation sim = Models.simulation();
        Simulation.Plan plan = sim.plan(edge(), RunSpec.defaults().withModels(List.of("median", "compromise")));
        List<KnifeEdge.Edge> edges = KnifeEdge.find(plan);
        assertThat(edges).hasSize(1);
        KnifeEdge.Edge e = edges.get(0);
        assertThat(e.model()).isEqualTo("median");
        assertThat(e.issue()).isEqualTo("x");
        assertThat(e.input().id()).isEqualTo("salience:a:x");
        assertThat(e.stated()).isEqualTo(20.0);
        assertThat(e.to()).isCloseTo(50 * 49.8 / 50.2, within(1e-4));
        assertThat(e.relative()).isCloseTo(50 * 0.4 / 50.2 / 100, within(1e-6));
        assertThat(e.after()).isIn(50.0, 80.0);
        assertThat(e.domain()).isEqualTo("the 0-100 salience scale");
        assertThat(e.describe()).contains("a salience on x 50 -> 49.6016").contains("0.4% of the 0-100 salience scale");
    }

    @Test
    void noEdgeWhenTheCriticalChangeIsBeyondOnePercent() {
        // capabilities 52 / 48: the salience that ties them is 50 x 48 / 52, a change of 3.8%
        Scenario s = edge().withActors(List.of(Actor.of("a", 52), Actor.of("b", 48)));
        Simulation.Plan plan = Models.simulation().plan(s, RunSpec.defaults().withModels(List.of("median")));
        assertThat(KnifeEdge.find(plan)).isEmpty();
    }

    @Test
    void percentKeepsTheDigitsThatMatter() {
        assertThat(KnifeEdge.percent(0.004)).isEqualTo("0.4%");
        assertThat(KnifeEdge.percent(0.00012)).isEqualTo("0.01%");
        assertThat(KnifeEdge.percent(0.0000012)).isEqualTo("0.0001%");
    }
}
