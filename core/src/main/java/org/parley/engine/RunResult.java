package org.parley.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One run of one model in one world.
 *
 * @param world      {@code base} or a branch id
 * @param model      model id
 * @param run        run index (0 for a point forecast)
 * @param seed       the run's seed
 * @param options    the options it ran with (resolved)
 * @param trajectory what it produced
 */
public record RunResult(String world, String model, int run, long seed, Map<String, String> options,
                        Trajectory trajectory) {
    public RunResult {
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(model, "model");
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        Objects.requireNonNull(trajectory, "trajectory");
    }
}
