package org.parley.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.parley.engine.Budget;
import org.parley.engine.RunSpec;
import org.parley.model.Scenario;
import org.parley.models.Models;

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

    /** The {@code --allow-large} help text, the same on every command that has the flag. */
    static final String ALLOW_LARGE = "lift the work budget (runs <= 100,000, rounds and round or turn options "
            + "<= 100,000, actors x issues x runs <= 50,000,000, exchange pairs actors^2 x issues^2 <= 1,000,000) "
            + "for a big machine";

    @Option(names = "--allow-large", description = ALLOW_LARGE)
    boolean allowLarge;

    /**
     * Checks the work asked for against the command line's budget ({@link Budget#CLI}), unless
     * {@code --allow-large}: a mistyped {@code --runs} or {@code max-rounds} is an exit-2 error naming
     * the setting, not an out-of-memory failure.
     */
    void checkBudget(Scenario scenario, RunSpec spec) {
        checkBudget(allowLarge, scenario, spec);
    }

    /** {@link #checkBudget(Scenario, RunSpec)} for a command with its own {@code --allow-large}. */
    static void checkBudget(boolean allowLarge, Scenario scenario, RunSpec spec) {
        if (!allowLarge) {
            Budget.CLI.check(Models.simulation(), scenario, spec);
        }
    }

    /** The run settings these flags give, with the model options of the scenario and {@code -o}. */
    RunSpec spec(Map<String, String> modelOptions) {
        return RunSpec.defaults().withModels(ScenarioInput.split(models)).withRounds(rounds)
                .withOptions(modelOptions).withSeed(seed).withThreads(threads);
    }
}
