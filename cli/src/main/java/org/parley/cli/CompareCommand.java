package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.io.Scenarios;
import org.parley.io.report.MonteCarloReport;
import org.parley.model.Branch;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.montecarlo.Comparison;
import org.parley.montecarlo.MonteCarlo;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley compare}: two worlds side by side, the difference per issue and model, and its causes. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two worlds (branches, or 'base'): per issue and model, both forecasts, the difference "
                + "and which of the branches' changes cause it (each change's one-at-a-time effect, largest first).",
                "With one branch: base against it. With no --branches: the first two branches that carry a "
                + "probability."},
        footer = {"", "Examples:", "  parley compare --branches trump-wins,trump-loses",
                "  parley compare scenario.yaml --branches base,russia-withdraws --runs 2000 \\",
                "      --model compromise"})
public final class CompareCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput input;

    @Mixin
    RunFlags run = new RunFlags();

    @Option(names = {"-b", "--branches"}, paramLabel = "A,B", description = "the two worlds to compare "
            + "(comma-separated or repeated); 'base' is the scenario as written")
    List<String> branches = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", description = "Monte Carlo runs for the spread of the run-by-run "
            + "difference (default: ${DEFAULT-VALUE}: stated values only)")
    int runs = 1;

    @Option(names = "--causes", paramLabel = "K", description = "causes shown per issue and model (default: ${DEFAULT-VALUE})")
    int causes = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenarios.Loaded loaded = input.loadForRun();
        PrintWriter err = spec.commandLine().getErr();
        Warnings.print(loaded, err);
        Scenario s = loaded.scenario();
        List<String> pair = pair(s, ScenarioInput.split(branches));
        RunSpec runSpec = run.spec(input.modelOptions()).withRuns(runs);
        run.checkBudget(s, runSpec);
        Comparison.Result r = Comparison.compare(new MonteCarlo(Models.simulation()), s, runSpec, pair.get(0), pair.get(1));
        MonteCarloReport.comparison(s, r, causes, spec.commandLine().getOut());
        return 0;
    }

    static List<String> pair(Scenario s, List<String> given) {
        if (given.size() == 2) {
            return given;
        }
        if (given.size() == 1) {
            return List.of(Scenario.BASE, given.get(0));
        }
        if (given.isEmpty()) {
            List<String> weighted = s.branches().stream().filter(b -> !b.isWhatIf()).map(Branch::id).toList();
            if (weighted.size() >= 2) {
                return weighted.subList(0, 2);
            }
            if (!s.branches().isEmpty()) {
                return List.of(Scenario.BASE, s.branches().get(0).id());
            }
            throw new ParleyException(ErrorCode.BAD_OPTION, "the scenario has no branches to compare");
        }
        throw new ParleyException(ErrorCode.BAD_OPTION, "compare takes two worlds, got " + given.size() + ": "
                + String.join(", ", given));
    }
}
