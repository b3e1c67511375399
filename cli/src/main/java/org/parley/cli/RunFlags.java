package org.parley.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.parley.engine.RunSpec;

import picocli.CommandLine.Option;

/**
 * The run flags that forecast, compare and sensitivity share, declared once: which models, how
 * many rounds, the seed and the threads ({@code @Mixin}). Each command keeps its own {@code --runs}
 * and world flags, whose meaning differs.
 */
final class RunFlags {

    @Option(names = {"-m", "--model"}, paramLabel = "ID", description = "model id (repeatable or comma-separated; "
            + "see 'parley models'); default: every model")
    List<String> models = new ArrayList<>();

    @Option(names = "--rounds", paramLabel = "N", description = "rounds for dynamic models; default: each model's "
            + "own stopping rule")
    int rounds;

    @Option(names = "--seed", paramLabel = "S", description = "base seed of the models' and Monte Carlo's random "
            + "draws (default: ${DEFAULT-VALUE})")
    long seed = RunSpec.DEFAULT_SEED;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads; 0 = every core (default)")
    int threads;

    /** The run settings these flags give, with the model options of the scenario and {@code -o}. */
    RunSpec spec(Map<String, String> modelOptions) {
        return RunSpec.defaults().withModels(ScenarioInput.split(models)).withRounds(rounds)
                .withOptions(modelOptions).withSeed(seed).withThreads(threads);
    }
}
