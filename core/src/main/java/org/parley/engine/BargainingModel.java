package org.parley.engine;

import java.util.List;
import java.util.Map;

/**
 * A model that forecasts where a negotiation lands.
 *
 * <p>Implementations are stateless and thread-safe: {@link #run} may be called concurrently for
 * different runs. All randomness comes from {@link RunContext#random()}; the same problem, options
 * and seed give the same trajectory.
 */
public interface BargainingModel {

    /** Stable id used by files and the CLI, e.g. {@code compromise}. */
    String id();

    /** One line for {@code parley models}. */
    String description();

    /** The paper or tool the model follows, for the README and {@code parley models}. */
    default String reference() {
        return "";
    }

    /** Named options with their defaults. */
    default List<OptionSpec> options() {
        return List.of();
    }

    /** Named presets: each a set of option values that reproduces a published reading. */
    default Map<String, Map<String, String>> presets() {
        return Map.of();
    }

    /** {@code true} when the model draws random numbers (so Monte Carlo repeats it per run). */
    default boolean stochastic() {
        return false;
    }

    /**
     * {@code true} when the model draws random numbers under these resolved options (e.g. the spatial
     * model with {@code transitions=stochastic}); by default {@link #stochastic()}.
     */
    default boolean stochastic(ModelOptions options) {
        return stochastic();
    }

    /**
     * Runs the model.
     *
     * @param problem the world to forecast
     * @param options resolved options (see {@link ModelOptions#resolve})
     * @param context round limit and randomness
     * @return round 0 (the initial state) to the stop, and the forecast
     */
    Trajectory run(Problem problem, ModelOptions options, RunContext context);
}
