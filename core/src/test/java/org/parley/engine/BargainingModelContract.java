package org.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/**
 * What every model promises. A model's test implements this interface and supplies the model;
 * JUnit runs the default methods as tests.
 */
public interface BargainingModelContract {

    /** The model under test. */
    BargainingModel model();

    /** Options for the contract runs (defaults unless a model needs otherwise). */
    default Map<String, String> contractOptions() {
        return Map.of();
    }

    /** Tolerance for "the same forecast" under actor reordering. */
    default double orderTolerance() {
        return 1e-9;
    }

    default Trajectory runModel(Scenario s, long seed) {
        BargainingModel m = model();
        ModelOptions o = ModelOptions.resolve(m.id(), m.options(), m.presets(), contractOptions());
        return m.run(Problem.of(s), o, RunContext.of(0, seed));
    }

    @Test
    default void hasAStableIdAndDescription() {
        assertThat(model().id()).matches("[a-z][a-z0-9-]*");
        assertThat(model().description()).isNotBlank();
    }

    @Test
    default void defaultOptionsAreAccepted() {
        for (OptionSpec o : model().options()) {
            assertThat(o.check(o.defaultValue())).as("default of %s", o.key()).isNull();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    default void forecastLiesWithinTheRangeOfPositions(long seed) {
        Scenario s = ScenarioGenerator.random(seed, 7, 3);
        Trajectory t = runModel(s, seed);
        Problem p = Problem.of(s);
        for (int k = 0; k < p.issueCount(); k++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.actorCount(); i++) {
                lo = Math.min(lo, p.position()[i][k]);
                hi = Math.max(hi, p.position()[i][k]);
            }
            double sq = p.statusQuo(k);
            lo = Math.min(lo, sq);
            hi = Math.max(hi, sq);
            assertThat(t.forecast()[k]).as("seed %d issue %d", seed, k).isBetween(lo - 1e-9, hi + 1e-9);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6, 7})
    default void forecastDoesNotDependOnActorOrder(long seed) {
        Scenario s = ScenarioGenerator.random(seed, 6, 2);
        double[] a = runModel(s, seed).forecast();
        double[] b = runModel(ScenarioGenerator.reversed(s), seed).forecast();
        for (int k = 0; k < a.length; k++) {
            assertThat(b[k]).as("seed %d issue %d", seed, k).isCloseTo(a[k], within(orderTolerance()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    default void sameSeedGivesTheSameTrajectory(long seed) {
        Scenario s = ScenarioGenerator.random(seed, 6, 2);
        Trajectory a = runModel(s, seed);
        Trajectory b = runModel(s, seed);
        assertThat(b.rounds()).hasSameSizeAs(a.rounds());
        for (int r = 0; r < a.rounds().size(); r++) {
            assertThat(b.rounds().get(r).positions()).isDeepEqualTo(a.rounds().get(r).positions());
            assertThat(b.rounds().get(r).outcome()).containsExactly(a.rounds().get(r).outcome());
        }
    }

    @Test
    default void unanimityMeansNoMove() {
        Scenario s = ScenarioGenerator.random(99, 5, 2);
        List<Stance> same = new ArrayList<>();
        for (Stance st : s.stances()) {
            same.add(Stance.of(st.actor(), st.issue(), 40, st.salience().value()));
        }
        Scenario unanimous = s.withStances(same);
        Trajectory t = runModel(unanimous, 99);
        for (double f : t.forecast()) {
            assertThat(f).isCloseTo(40, within(1e-9));
        }
        for (Round r : t.rounds()) {
            for (double[] row : r.positions()) {
                for (double x : row) {
                    assertThat(x).isCloseTo(40, within(1e-9));
                }
            }
        }
    }

    @Test
    default void roundZeroHoldsTheInitialPositions() {
        Scenario s = ScenarioGenerator.random(3, 5, 2);
        Trajectory t = runModel(s, 3);
        assertThat(t.rounds().get(0).index()).isZero();
        assertThat(t.rounds().get(0).positions()).isDeepEqualTo(Problem.of(s).position());
    }
}
