package org.parley.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.parley.engine.ForecastResult;
import org.parley.engine.RunSpec;
import org.parley.io.Scenarios;
import org.parley.io.results.ResultFormat;
import org.parley.io.results.ResultWriters;
import org.parley.io.results.TableWriter;
import org.parley.montecarlo.KnifeEdge;
import org.parley.uncertainty.ModelErrorCalibration;
import org.parley.models.Models;
import org.parley.store.RunRecord;
import org.parley.store.SaveOptions;
import org.parley.store.Store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley forecast}: runs models on a scenario's worlds and prints the forecast. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = {"Forecasts where each issue lands, per world (the scenario as written and each branch) and model.",
                "With no FILE: the seed scenario. With no --model: every model."},
        footer = {"", "Formats:",
                "  table          the bottom line (P(yes) per question and model, mixed over",
                "                 branches and talks), then per world an issue x model table",
                "                 next to the status quo (default)",
                "  csv            branch,model,run,round,actor,issue,position (actor _outcome",
                "                 = the outcome; _model = the model's own, before the consent",
                "                 stage)",
                "  json           the whole result: bottom line, rounds, positions, outcomes,",
                "                 moves, consent, notes",
                "  moves-csv      every move per round (offers, challenges, bargains, exchanges)",
                "  exchanges-csv  every exchange of the exchange model",
                "  outcomes-csv   branch,model,run,issue,talks,consent,deal,outcome,blocked_by",
                "", "Examples:", "  parley forecast",
                "  parley forecast scenario.yaml --model compromise,median --branch trump-wins",
                "  parley forecast --runs 10000 --seed 7 --plot charts/ --tornado",
                "  parley forecast peers.csv --input-format bdm --option salience-scale=1 \\",
                "      --format csv"})
public final class ForecastCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput input;

    @Mixin
    RunFlags run = new RunFlags();

    @Option(names = {"-b", "--branch"}, paramLabel = "ID", description = "world to forecast: 'base' or a branch id "
            + "(repeatable or comma-separated); default: all")
    List<String> branches = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, json, moves-csv, exchanges-csv or outcomes-csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--runs", paramLabel = "N", description = "Monte Carlo runs over the scenario's ranges; above 1 "
            + "prints distributions per world, model and issue, with a progress bar on stderr in a terminal "
            + "(default: 1, the point forecast)")
    int runs = 1;

    @Option(names = "--plot", paramLabel = "DIR", description = "write SVG charts (trajectories, and with --runs "
            + "the distributions) into DIR")
    java.nio.file.Path plot;

    @Option(names = "--no-knife-edges", description = "skip the knife-edge search (the smallest change of one input, "
            + "within 1%% of its domain, that moves a point forecast by more than 10%% of the scale; marked ! in the "
            + "table); the same as --knife-edges none")
    boolean noKnifeEdges;
    @Option(names = "--knife-edges", paramLabel = "WHICH", description = "which models the knife-edge search covers: "
            + "fast (default: compromise, median and nash, microseconds a run; the notes name the models "
            + "left out), all (also expected-utility, spatial, exchange and any other: seconds on the seed), none")
    String knifeEdges = "fast";

    /** The models whose untraced run costs microseconds: searched by default. */
    static final java.util.Set<String> FAST_MODELS = java.util.Set.of("compromise", "median", "nash");
    @Option(names = "--tornado", description = "with --plot, also draw a tornado chart per world, model and issue "
            + "(one-at-a-time swings: 1 + 2 x the uncertain inputs runs of each model per world; "
            + "'parley sensitivity' ranks the same swings)")
    boolean tornado;

    @Option(names = "--save", description = "save the run in the run store and print its id (on stderr)")
    boolean save;

    @Option(names = "--save-trajectories", description = "with --save, keep every Monte Carlo run's trajectory "
            + "(default: run 0 of each world and model; aggregates and every run's forecast are always kept)")
    boolean saveTrajectories;

    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResultFormat f = ResultFormat.fromId(format);
        Scenarios.Loaded loaded = input.loadForRun();
        PrintWriter err = spec.commandLine().getErr();
        Warnings.print(loaded, err);
        RunSpec runSpec = run.spec(input.modelOptions()).withWorlds(ScenarioInput.split(branches)).withRuns(runs);
        run.checkBudget(loaded.scenario(), runSpec);
        // open the store first: a store that cannot be written fails before the forecast runs
        try (Store s = save || saveTrajectories ? store.openForSaving() : null) {
            Instant started = Instant.now();
            if (runs > 1) {
                var mc = MonteCarloOutput.forecast(loaded, runSpec, f, spec.commandLine().getOut(), err);
                if (plot != null) {
                    MonteCarloOutput.plot(plot, loaded.scenario(), runSpec, mc, tornado, err);
                }
                if (s != null) {
                    long millis = Duration.between(started, Instant.now()).toMillis();
                    long id = s.saveRun(RunRecord.of(mc, loaded.warningLines()), new SaveOptions(store.author(),
                            StoreOptions.codeVersion(), started, millis, saveTrajectories));
                    err.println("saved run " + id + " in " + s.url());
                    err.flush();
                }
                return 0;
            }
            ForecastResult result = Models.simulation().run(loaded.scenario(), runSpec, loaded.warningLines());
            long millis = Duration.between(started, Instant.now()).toMillis();
            TableWriter.Annotations ann = TableWriter.Annotations.none();
            if (f == ResultFormat.TABLE || f == ResultFormat.JSON) {
                String which = noKnifeEdges ? "none" : knifeEdges;
                if (!List.of("fast", "all", "none").contains(which)) {
                    err.println("parley: --knife-edges takes fast, all or none, not '" + which + "'");
                    err.flush();
                    return 2;
                }
                boolean search = !which.equals("none");
                java.util.function.Predicate<String> searched = which.equals("all") ? id -> true : FAST_MODELS::contains;
                List<KnifeEdge.Edge> edges = search
                        ? KnifeEdge.find(Models.simulation().plan(loaded.scenario(), runSpec), searched) : List.of();
                List<String> skipped = search
                        ? result.models().stream().filter(searched.negate()).toList() : List.of();
                ann = new TableWriter.Annotations(ModelErrorCalibration.shipped(), edges, search, skipped);
            }
            ResultWriters.write(result, f, ann, spec.commandLine().getOut());
            if (plot != null) {
                MonteCarloOutput.plot(plot, loaded.scenario(), runSpec, null, tornado, err);
            }
            if (s != null) {
                long id = s.saveRun(result, new SaveOptions(store.author(), StoreOptions.codeVersion(), started, millis,
                        saveTrajectories));
                err.println("saved run " + id + " in " + s.url());
                err.flush();
            }
        }
        return 0;
    }
}
