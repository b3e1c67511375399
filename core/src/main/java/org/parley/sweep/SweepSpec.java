package org.parley.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;

/**
 * What a sweep runs: scenarios x option grid points x worlds, each such cell with {@code runs}
 * Monte Carlo runs. Everything in it is serializable so that a cluster's workers can rebuild the
 * sweep from it.
 *
 * @param scenarios the scenarios, in order
 * @param grid      the option grid
 * @param models    model ids, empty for every model
 * @param worlds    worlds ({@code base} and/or branch ids), empty for every world of each scenario
 * @param rounds    round limit, 0 for each model's own rule
 * @param options   model options applied to every cell; a grid point's values override them
 * @param seed      base seed: run {@code i} of every cell has seed {@code Seeds.forRun(seed, i)}
 * @param runs      Monte Carlo runs per cell (1 = the point forecast)
 * @param block     runs per task: a cell with more runs is cut into tasks of this many runs
 *                  (never changes a result)
 * @param keepRuns  bring every run's forecast back (for the run store), not only the statistics
 */
public record SweepSpec(List<ScenarioSource> scenarios, Grid grid, List<String> models, List<String> worlds,
                        int rounds, Map<String, String> options, long seed, int runs, int block, boolean keepRuns)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default {@link #block}: a cell of up to this many runs is one task. */
    public static final int DEFAULT_BLOCK = 10_000;

    public SweepSpec {
        scenarios = List.copyOf(scenarios);
        if (scenarios.isEmpty()) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "a sweep needs at least one scenario");
        }
        models = List.copyOf(models);
        worlds = List.copyOf(worlds);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (rounds < 0) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "rounds must be >= 0, was " + rounds);
        }
        if (runs < 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "runs must be >= 1, was " + runs);
        }
        if (block < 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "runs per task must be >= 1, was " + block);
        }
    }

    /** The settings of the cells of one grid point: the sweep's options, overridden by the point's. */
    public RunSpec runSpec(Map<String, String> point) {
        Map<String, String> o = new LinkedHashMap<>(options);
        o.putAll(point);
        return new RunSpec(models, worlds, rounds, o, seed, runs, 1);
    }
}
