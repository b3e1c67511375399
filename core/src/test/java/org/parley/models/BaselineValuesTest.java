package org.parley.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;
import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.median.MedianModel;

/** The baselines' values on cases small enough to compute by hand. */
class BaselineValuesTest {

    /** Actors (capability, position, salience) on one 0-100 issue with status quo {@code sq}. */
    static Scenario oneIssue(double sq, double[]... actors) {
        List<Actor> as = new java.util.ArrayList<>();
        List<Stance> ss = new java.util.ArrayList<>();
        for (int i = 0; i < actors.length; i++) {
            as.add(Actor.of("a" + i, actors[i][0]));
            ss.add(Stance.of("a" + i, "x", actors[i][1], actors[i][2]));
        }
        Issue issue = new Issue("x", "x", "", Scale.of(0, 100), Double.isNaN(sq) ? null : Estimate.of(sq),
                DecisionRule.BARGAINING, List.of());
        return new Scenario("t", "", null, "", List.of(), List.of(issue), as, ss, List.of(), Map.of());
    }

    static double run(org.parley.engine.BargainingModel m, Scenario s, Map<String, String> options) {
        ModelOptions o = ModelOptions.resolve(m.id(), m.options(), m.presets(), options);
        Trajectory t = m.run(Problem.of(s), o, RunContext.of(0, 1));
        return t.forecast()[0];
    }

    @Test
    void compromiseIsTheCapabilityTimesSalienceWeightedMean() {
        Scenario s = oneIssue(Double.NaN, new double[] {2, 10, 50}, new double[] {1, 70, 100}, new double[] {3, 40, 0});
        // weights 100, 100, 0 -> (10*100 + 70*100) / 200
        assertThat(run(Models.compromise(), s, Map.of())).isCloseTo(40, within(1e-12));
        // capability only: (2*10 + 70 + 3*40) / 6
        assertThat(run(Models.compromise(), s, Map.of("weights", "capability"))).isCloseTo(210.0 / 6, within(1e-12));
    }

    @Test
    void medianIsWhereHalfTheWeightLies() {
        Scenario s = oneIssue(Double.NaN, new double[] {1, 10, 100}, new double[] {1, 20, 100}, new double[] {3, 90, 100});
        assertThat(run(Models.median(), s, Map.of())).isEqualTo(90);
        Scenario s2 = oneIssue(Double.NaN, new double[] {1, 10, 100}, new double[] {1, 20, 100}, new double[] {1, 90, 100});
        assertThat(run(Models.median(), s2, Map.of())).isEqualTo(20);
    }

    @Test
    void medianTiesFollowTheOption() {
        double[] xs = {10, 30};
        double[] ws = {1, 1};
        assertThat(MedianModel.weightedMedian(xs, ws, "midpoint")).isEqualTo(20);
        assertThat(MedianModel.weightedMedian(xs, ws, "lower")).isEqualTo(10);
        assertThat(MedianModel.weightedMedian(xs, ws, "upper")).isEqualTo(30);
        assertThat(MedianModel.weightedMedian(new double[] {5, 5, 9}, new double[] {1, 1, 2}, "midpoint")).isEqualTo(7);
    }

    @Test
    void nashWithLinearUtilityStopsAtTheNearerIdeal() {
        // status quo 0, ideals 60 and 80, equal power: argmax ln(60-|x-60|) + ln(80-|x-80|) = 60
        Scenario s = oneIssue(0, new double[] {1, 60, 50}, new double[] {1, 80, 50});
        assertThat(run(Models.nash(), s, Map.of("utility", "linear"))).isCloseTo(60, within(1e-9));
    }

    @Test
    void nashWithQuadraticUtilitySolvesTheFirstOrderCondition() {
        // 2/x - 1/(120-x) - 1/(160-x) = 0  =>  x^2 - 210x + 9600 = 0
        Scenario s = oneIssue(0, new double[] {1, 60, 50}, new double[] {1, 80, 90});
        assertThat(run(Models.nash(), s, Map.of())).isCloseTo((210 - Math.sqrt(5700)) / 2, within(1e-9));
    }

    @Test
    void nashIsTheStatusQuoWhenActorsStandOnBothSides() {
        Scenario s = oneIssue(50, new double[] {1, 20, 50}, new double[] {1, 80, 50});
        assertThat(run(Models.nash(), s, Map.of())).isEqualTo(50);
    }

    @Test
    void nashAgainstTheWorstPointIsInterior() {
        Scenario s = oneIssue(50, new double[] {1, 20, 50}, new double[] {1, 80, 50});
        // symmetric: 50
        assertThat(run(Models.nash(), s, Map.of("disagreement", "worst"))).isCloseTo(50, within(1e-9));
        Scenario t = oneIssue(50, new double[] {3, 20, 50}, new double[] {1, 80, 50});
        assertThat(run(Models.nash(), t, Map.of("disagreement", "worst"))).isLessThan(50);
    }

    @Test
    void nashVetoOfAnActorAtTheStatusQuo() {
        Scenario s = oneIssue(0, new double[] {1, 0, 50}, new double[] {1, 80, 50});
        assertThat(run(Models.nash(), s, Map.of("indifferent", "veto"))).isEqualTo(0);
        assertThat(run(Models.nash(), s, Map.of("indifferent", "drop"))).isCloseTo(80, within(1e-9));
    }
}
