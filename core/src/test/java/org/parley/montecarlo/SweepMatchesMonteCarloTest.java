package org.parley.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.sweep.CellResult;
import org.parley.sweep.Grid;
import org.parley.sweep.LocalSweepEngine;
import org.parley.sweep.ScenarioSource;
import org.parley.sweep.Sweep;
import org.parley.sweep.SweepEngine;
import org.parley.sweep.SweepRunner;
import org.parley.sweep.SweepSpec;

/** A sweep cell gives the statistics of {@code forecast --runs N} with its options and world, bit for bit. */
class SweepMatchesMonteCarloTest {

    private static final Scenario RANGED = Scenarios.ranged(11, 6, 3);

    private static Simulation simulation() {
        return new Simulation(List.of(Models.compromise(), Models.median(), Models.nash(), Scenarios.noisy()));
    }

    private record Fixed(String name, Scenario scenario) implements ScenarioSource {
        @Override
        public Scenario load() {
            return scenario;
        }
    }

    private static Sweep sweep(int runs, int block, Grid grid) {
        SweepSpec spec = new SweepSpec(List.of(new Fixed("ranged", RANGED)), grid, List.of(), List.of(), 0, Map.of(),
                77, runs, block, false);
        Sweep s = Sweep.of(spec, List.of(RANGED), simulation());
        s.validate();
        return s;
    }

    private static final Grid GRID = Grid.parse(List.of("compromise.weights=capability-salience,equal",
            "nash.utility=quadratic,linear"));

    @Test
    void everyCellEqualsTheMonteCarloOfItsOptionsAndWorld() {
        Sweep s = sweep(300, 10_000, GRID);
        List<CellResult> cells = SweepRunner.run(s, new LocalSweepEngine(2), SweepEngine.Progress.NONE);
        assertThat(cells).hasSize(4 * RANGED.worldIds().size());
        List<String> models = s.models();
        for (CellResult r : cells) {
            Sweep.Cell c = s.cell(r.cell());
            RunSpec spec = RunSpec.defaults().withOptions(s.point(c.point())).withSeed(77).withRuns(300).withThreads(3);
            MonteCarloResult mc = new MonteCarlo(simulation()).run(RANGED, spec);
            for (int mi = 0; mi < models.size(); mi++) {
                for (int k = 0; k < RANGED.issues().size(); k++) {
                    Summary sum = mc.summary(c.world(), models.get(mi), RANGED.issues().get(k).id());
                    assertThat(java.util.Arrays.copyOf(r.stats()[mi][k], 9)).containsExactly(sum.mean(), sum.sd(), sum.min(), sum.p5(), sum.p25(),
                            sum.median(), sum.p75(), sum.p95(), sum.max());
                    assertThat(r.valid()[mi][k]).isEqualTo(sum.valid());
                    assertThat(r.shares()[mi][k][0]).isEqualTo(sum.shares().get(0).share());
                    assertThat(r.point()[mi][k]).isEqualTo(mc.point(c.world(), models.get(mi),
                            RANGED.issues().get(k).id()));
                }
            }
        }
    }

    @Test
    void cuttingCellsIntoTasksAndThreadCountsChangeNothing() {
        List<CellResult> whole = SweepRunner.run(sweep(250, 10_000, GRID), new LocalSweepEngine(1), SweepEngine.Progress.NONE);
        List<CellResult> cut = SweepRunner.run(sweep(250, 7, GRID), new LocalSweepEngine(3), SweepEngine.Progress.NONE);
        assertThat(cut).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(cut.get(i).stats()).isDeepEqualTo(whole.get(i).stats());
            assertThat(cut.get(i).shares()).isDeepEqualTo(whole.get(i).shares());
            assertThat(cut.get(i).point()).isDeepEqualTo(whole.get(i).point());
        }
    }

    @Test
    void gridPointsAreTheCartesianProductWithTheLastAxisFastest() {
        assertThat(GRID.size()).isEqualTo(4);
        assertThat(GRID.point(1)).containsExactly(Map.entry("compromise.weights", "capability-salience"),
                Map.entry("nash.utility", "linear"));
        assertThat(GRID.point(2)).containsEntry("compromise.weights", "equal").containsEntry("nash.utility", "quadratic");
        Sweep s = sweep(2, 10_000, GRID);
        assertThat(s.cells()).hasSize(16);
        assertThat(s.cell(5).point()).isEqualTo(1);
        assertThat(s.cell(5).world()).isEqualTo(RANGED.worldIds().get(1));
    }

    @Test
    void aBadOptionValueFailsBeforeAnyTask() {
        Grid bad = Grid.parse(List.of("nash.utility=quadratic,cubic"));
        assertThatThrownBy(() -> sweep(10, 10_000, bad)).isInstanceOf(ParleyException.class)
                .satisfies(e -> assertThat(((ParleyException) e).code()).isEqualTo(ErrorCode.BAD_OPTION));
        assertThatThrownBy(() -> Grid.parse(List.of("nash.utility"))).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> Grid.parse(List.of("a=1,1"))).isInstanceOf(ParleyException.class);
    }

    @Test
    void cancellingStopsTheSweep() {
        AtomicLong done = new AtomicLong();
        SweepEngine.Progress cancelAfterThree = new SweepEngine.Progress() {
            @Override
            public void done(long items) {
                done.addAndGet(items);
            }

            @Override
            public boolean cancelled() {
                return done.get() >= 3;
            }
        };
        Sweep s = sweep(50, 10_000, GRID);
        assertThatThrownBy(() -> SweepRunner.run(s, new LocalSweepEngine(1), cancelAfterThree))
                .isInstanceOf(ParleyException.class).hasMessageContaining("cancelled");
        assertThat(done.get()).isEqualTo(3);
        List<Long> totals = new ArrayList<>();
        SweepRunner.run(s, new LocalSweepEngine(2), new SweepEngine.Progress() {
            @Override
            public void total(long items) {
                totals.add(items);
            }

            @Override
            public void done(long items) {
            }
        });
        assertThat(totals).containsExactly((long) s.cells().size());
    }
}
