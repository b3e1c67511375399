package org.parley.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved run as loaded: its description, each model's resolved options and every forecast.
 *
 * @param info         inputs and status
 * @param modelOptions per model id, the options it ran with
 * @param forecasts    per world, model and issue, in the result's order
 */
public record StoredRun(RunInfo info, Map<String, Map<String, String>> modelOptions, List<StoredForecast> forecasts) {

    public StoredRun {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        modelOptions.forEach((k, v) -> m.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        modelOptions = Collections.unmodifiableMap(m);
        forecasts = List.copyOf(forecasts);
    }
}
