package org.parley.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.Simulation;
import org.parley.models.Models;
import org.parley.montecarlo.Input;
import org.parley.montecarlo.Inputs;
import org.parley.montecarlo.Sobol;

/** Runs a sweep on an engine: its units through {@link Sweep#compute}, the results through {@link Sweep#assemble}. */
public final class SweepRunner {

    private SweepRunner() {
    }

    /**
     * Runs every cell of the sweep.
     *
     * @return every cell's statistics, in cell order
     */
    public static List<CellResult> run(Sweep sweep, SweepEngine engine, SweepEngine.Progress progress) {
        List<Sweep.Unit> units = sweep.units();
        List<Sweep.UnitResult> results = engine.map(units, new UnitTask(sweep), progress);
        return sweep.assemble(results);
    }

    /**
     * Sobol indices of every uncertain input of one world of a one-scenario, one-point sweep, for
     * every model and issue: the {@code spec.runs()} design rows ({@link Sobol#row}, {@code k + 2}
     * evaluations each) run on the engine, the estimators on the driver.
     */
    public static List<Sobol.Row> sobol(Sweep sweep, String world, SweepEngine engine, SweepEngine.Progress progress) {
        Simulation.Plan plan = sweep.plan(0, 0);
        List<Input> inputs = Inputs.uncertain(plan.resolved().get(world));
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < sweep.spec().runs(); r++) {
            rows.add(r);
        }
        List<double[][][]> evaluated = engine.map(rows, new SobolRows(sweep, world), progress);
        return Sobol.indices(plan, world, inputs, evaluated);
    }

    /** The sweep of a spec, built once per JVM (a worker runs many tasks of one spec). */
    static Sweep built(SweepSpec spec) {
        synchronized (UnitTask.BUILT) {
            Sweep s = UnitTask.BUILT.get(spec);
            if (s == null) {
                s = Sweep.load(spec, Models.simulation());
                UnitTask.BUILT.put(spec, s);
            }
            return s;
        }
    }

    /** Evaluates Sobol design rows of one world. */
    static final class SobolRows implements SweepEngine.Task<Integer, double[][][]> {
        private static final long serialVersionUID = 1L;
        private final SweepSpec spec;
        private final String world;
        private transient volatile Sweep sweep;

        SobolRows(Sweep sweep, String world) {
            this.spec = sweep.spec();
            this.world = world;
            this.sweep = sweep;
        }

        @Override
        public double[][][] apply(Integer r) {
            Sweep s = sweep;
            if (s == null) {
                s = built(spec);
                sweep = s;
            }
            Simulation.Plan plan = s.plan(0, 0);
            return Sobol.row(plan, world, Inputs.uncertain(plan.resolved().get(world)), r);
        }
    }

    /**
     * Computes units; carries only the spec when it travels, and rebuilds the sweep on the worker
     * (once per spec and JVM).
     */
    static final class UnitTask implements SweepEngine.Task<Sweep.Unit, Sweep.UnitResult> {
        private static final long serialVersionUID = 1L;
        private static final Map<SweepSpec, Sweep> BUILT = Collections.synchronizedMap(
                new LinkedHashMap<>(4, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<SweepSpec, Sweep> eldest) {
                        return size() > 2;
                    }
                });

        private final SweepSpec spec;
        private transient volatile Sweep sweep;

        UnitTask(Sweep sweep) {
            this.spec = sweep.spec();
            this.sweep = sweep;
        }

        @Override
        public Sweep.UnitResult apply(Sweep.Unit unit) {
            Sweep s = sweep;
            if (s == null) {
                s = built(spec);
                sweep = s;
            }
            return s.compute(unit);
        }
    }
}
