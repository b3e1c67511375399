package org.parley.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of one forecast, shared by the CLI, the web app and sweeps.
 *
 * @param models  model ids, empty for every registered model
 * @param worlds  worlds to forecast ({@code base} and/or branch ids), empty for all
 * @param rounds  round limit, 0 for each model's own stopping rule
 * @param options model options; a key {@code model-id.key} applies to one model only, a plain key
 *                to every selected model that has it
 * @param seed    base seed
 * @param runs    number of runs per world and model (1 = point forecast)
 * @param threads worker threads, 0 for every core
 */
public record RunSpec(List<String> models, List<String> worlds, int rounds, Map<String, String> options, long seed,
                      int runs, int threads) {

    public static final long DEFAULT_SEED = 20240801L;

    public RunSpec {
        models = List.copyOf(models == null ? List.of() : models);
        worlds = List.copyOf(worlds == null ? List.of() : worlds);
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (rounds < 0) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "rounds must be >= 0, was " + rounds);
        }
        if (runs < 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "runs must be >= 1, was " + runs);
        }
        if (threads < 0) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "threads must be >= 0, was " + threads);
        }
    }

    public static RunSpec defaults() {
        return new RunSpec(List.of(), List.of(), 0, Map.of(), DEFAULT_SEED, 1, 0);
    }

    public RunSpec withModels(List<String> newModels) {
        return new RunSpec(newModels, worlds, rounds, options, seed, runs, threads);
    }

    public RunSpec withWorlds(List<String> newWorlds) {
        return new RunSpec(models, newWorlds, rounds, options, seed, runs, threads);
    }

    public RunSpec withRounds(int newRounds) {
        return new RunSpec(models, worlds, newRounds, options, seed, runs, threads);
    }

    public RunSpec withOptions(Map<String, String> newOptions) {
        return new RunSpec(models, worlds, rounds, newOptions, seed, runs, threads);
    }

    public RunSpec withSeed(long newSeed) {
        return new RunSpec(models, worlds, rounds, options, newSeed, runs, threads);
    }

    public RunSpec withRuns(int newRuns) {
        return new RunSpec(models, worlds, rounds, options, seed, newRuns, threads);
    }

    public RunSpec withThreads(int newThreads) {
        return new RunSpec(models, worlds, rounds, options, seed, runs, newThreads);
    }
}
