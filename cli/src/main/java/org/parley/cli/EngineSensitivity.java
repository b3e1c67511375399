package org.parley.cli;

import java.io.PrintWriter;
import java.util.List;

import org.parley.engine.Simulation;
import org.parley.io.sweep.TextScenarioSource;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.montecarlo.Sensitivity;
import org.parley.sweep.CellResult;
import org.parley.sweep.Grid;
import org.parley.sweep.Sweep;
import org.parley.sweep.SweepEngine;
import org.parley.sweep.SweepRunner;
import org.parley.sweep.SweepSpec;

/**
 * {@code parley sensitivity --method oat --engine spark}: the Monte Carlo runs behind the
 * first-order indices run as a one-cell sweep (the plan's options, world and seed, every run's
 * forecast kept, the runs cut into up to {@value #TASKS} tasks); the indices are computed here
 * from those runs with the input draws drawn again, so they equal {@code --engine local}'s.
 */
final class EngineSensitivity {

    /** The runs are cut into at most this many tasks (a cluster's cores get work; never changes a result). */
    static final int TASKS = 64;

    private EngineSensitivity() {
    }

    static List<Sensitivity.FirstOrder> firstOrder(Simulation.Plan plan, Scenario scenario, String name, String world,
                                                   EngineFlags engine, int threads, PrintWriter err) {
        int runs = plan.spec().runs();
        List<String> models = plan.models().stream().map(m -> m.id()).toList();
        SweepSpec spec = new SweepSpec(List.of(TextScenarioSource.of(name, scenario)), Grid.none(), models,
                List.of(world), plan.spec().rounds(), plan.spec().options(), plan.spec().seed(), runs,
                Math.max(1, (runs + TASKS - 1) / TASKS), true);
        Sweep sweep = Sweep.of(spec, List.of(scenario), Models.simulation());
        sweep.validate();
        List<CellResult> cells;
        try (SweepEngine e = engine.open(threads)) {
            SweepBar bar = new SweepBar(err, "Monte Carlo on " + e.id(), "runs", runs, sweep.units().size());
            cells = SweepRunner.run(sweep, e, bar);
            bar.finish();
        }
        return Sensitivity.firstOrder(plan, world, cells.get(0).forecasts());
    }
}
