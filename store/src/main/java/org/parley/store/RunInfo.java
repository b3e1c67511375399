package org.parley.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a saved run was: its inputs and how it went.
 *
 * @param id           run id
 * @param scenario     the scenario version it ran on
 * @param models       model ids, in result order
 * @param worlds       worlds, in result order
 * @param options      the option flags given (model options resolved per model are in {@link StoredRun})
 * @param seed         base seed
 * @param runs         runs per stochastic model (1 = point forecast)
 * @param rounds       round limit, 0 for each model's own rule
 * @param codeVersion  the Parley version that ran it
 * @param author       who saved it
 * @param started      when the forecast started
 * @param millis       how long the forecast took, in milliseconds
 * @param status       {@code complete}
 * @param trajectories {@code point} (run 0 of each world and model) or {@code all}
 * @param warnings     warnings shown when it ran
 */
public record RunInfo(long id, ScenarioVersion scenario, List<String> models, List<String> worlds,
                      Map<String, String> options, long seed, int runs, int rounds, String codeVersion, String author,
                      Instant started, long millis, String status, String trajectories, List<String> warnings) {

    public RunInfo {
        models = List.copyOf(models);
        worlds = List.copyOf(worlds);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        warnings = List.copyOf(warnings);
    }
}
