package org.parley.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parley.model.Scenario;

/**
 * Everything a forecast produced: per world, model and run, the trajectory. The single result
 * model that every writer (table, CSV, JSON, moves, explanations) reads.
 *
 * @param scenario the scenario as written (with its branches)
 * @param spec     the settings it ran with
 * @param problems the compiled problem of every world forecast, in world order
 * @param runs     every run, ordered by world, then model, then run index
 * @param warnings warnings to show the user (e.g. saliences read on a 0-1 scale)
 */
public record ForecastResult(Scenario scenario, RunSpec spec, Map<String, Problem> problems, List<RunResult> runs,
                             List<String> warnings) {

    public ForecastResult {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(spec, "spec");
        problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    public List<String> worlds() {
        return List.copyOf(problems.keySet());
    }

    public List<String> models() {
        return runs.stream().map(RunResult::model).distinct().toList();
    }

    public Problem problem(String world) {
        Problem p = problems.get(world);
        if (p == null) {
            throw new ParleyException(ErrorCode.UNKNOWN_ID, "no world '" + world + "' in this result");
        }
        return p;
    }

    /** The point-forecast run (run 0) of a model in a world. */
    public Optional<RunResult> run(String world, String model) {
        return runs.stream().filter(r -> r.world().equals(world) && r.model().equals(model) && r.run() == 0).findFirst();
    }
}
