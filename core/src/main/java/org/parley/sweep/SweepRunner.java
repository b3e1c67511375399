package org.parley.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.models.Models;

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
                synchronized (BUILT) {
                    s = BUILT.get(spec);
                    if (s == null) {
                        s = Sweep.load(spec, Models.simulation());
                        BUILT.put(spec, s);
                    }
                }
                sweep = s;
            }
            return s.compute(unit);
        }
    }
}
