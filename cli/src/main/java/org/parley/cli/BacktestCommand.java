package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parley.backtest.Backtest;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.Calibration;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.Split;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.backtest.BacktestWriter;
import org.parley.io.backtest.Backtests;
import org.parley.models.Models;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley backtest}: scores every model (and naive baselines) against real outcomes. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Scores models against real outcomes: per model n, mean and median absolute",
                "error, RMSE and the share of issues within 10 points (0-100 scale), next to",
                "naive baselines (reference point, proposer's position, scale midpoint) and an",
                "ensemble of the models fitted on the train split.",
                "FILE: a backtest YAML file (parley-backtest: 1) or the DEU III table",
                "(blksv_deu3.tsv layout). Split: by proposal in order of first appearance,",
                "proposals 1, 3, 5, ... train, 2, 4, 6, ... test."},
        footer = {"", "Examples:", "  parley backtest ../shared/peers/bdm/inputs/blksv_deu3.tsv",
                "  parley backtest deu3.tsv --split test --capability council --format csv",
                "  parley backtest deu3.tsv --model compromise --per-issue forecasts.csv",
                "  parley backtest deu3.tsv --calibration-runs 50 --noise 10"})
public final class BacktestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "backtest file (YAML or DEU table)")
    Path file;

    @Option(names = {"-m", "--model"}, paramLabel = "ID", description = "model id (repeatable or comma-separated); "
            + "default: every registered model")
    List<String> models = new ArrayList<>();

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "a model option, as for forecast "
            + "(e.g. nash.utility=linear); repeatable")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "all",
            description = "train, test or all (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--capability", paramLabel = "RULE", description = "where capabilities come from: the file's own "
            + "(gdp for the DEU table, scenario for YAML; default), equal, or council (Council voting weights by date "
            + "and voting rule; Commission and Parliament by procedure)")
    String capability;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or csv (default: ${DEFAULT-VALUE}); csv: " + BacktestWriter.CSV_HEADER)
    String format;

    @Option(names = "--per-issue", paramLabel = "FILE", description = "also write every issue's outcome and forecasts "
            + "as CSV to FILE ('-' = standard output)")
    Path perIssue;

    @Option(names = "--no-ensemble", description = "do not fit the train-split ensemble of the models")
    boolean noEnsemble;

    @Option(names = "--calibration-runs", paramLabel = "N", description = "perturbed runs per case for a second "
            + "calibration table, of intervals from perturbed inputs (default: 0 = only the table of intervals from train "
            + "errors)")
    int calibrationRuns;

    @Option(names = "--noise", paramLabel = "SD", description = "calibration: standard deviation of the input "
            + "perturbation, points on 0-100 (default: ${DEFAULT-VALUE})")
    double noise = 10;

    @Option(names = "--calibration-csv", paramLabel = "FILE", description = "write the calibration tables as CSV to FILE "
            + "(method,model,split,n,inside50,inside90,width50,width90)")
    Path calibrationCsv;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds for dynamic models; default: each model's own rule")
    int rounds;

    @Option(names = "--seed", paramLabel = "S", description = "base seed of stochastic models (default: ${DEFAULT-VALUE})")
    long seed = RunSpec.DEFAULT_SEED;

    @Option(names = "--threads", paramLabel = "T", description = "cases run at once; 0 = every core (default)")
    int threads;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Split s = Split.fromId(split);
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("table") && !f.equals("csv")) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "unknown format '" + format + "'; formats: table, csv");
        }
        if (calibrationRuns < 0 || calibrationRuns == 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--calibration-runs must be 0 or at least 2, was "
                    + calibrationRuns);
        }
        BacktestSet set = Backtests.read(file);
        CapabilityRule rule = CapabilityRule.forSet(capability, set);
        Simulation sim = Models.simulation();
        RunSpec runSpec = RunSpec.defaults().withModels(ScenarioInput.split(models)).withOptions(options)
                .withRounds(rounds).withSeed(seed).withThreads(threads);
        Backtest.Result result = new Backtest(sim).run(set, rule, runSpec, !noEnsemble);
        PrintWriter out = spec.commandLine().getOut();
        if (f.equals("csv")) {
            BacktestWriter.scoresCsv(result.scores(s), out);
        } else {
            BacktestWriter.scoresTable(result, s, seed, out);
        }
        if (perIssue != null) {
            write(perIssue, w -> BacktestWriter.perIssueCsv(result, w));
        }
        List<Calibration.Row> conformal = Calibration.conformal(result, s);
        if (f.equals("table")) {
            BacktestWriter.conformalTable(conformal, out);
        }
        List<Calibration.Row> perturbed = List.of();
        if (calibrationRuns > 0) {
            perturbed = Calibration.run(sim, set, rule, runSpec.withModels(result.models()), calibrationRuns, noise, s);
            if (f.equals("table")) {
                BacktestWriter.calibrationTable(perturbed, calibrationRuns, noise, out);
            }
        } else if (f.equals("table")) {
            out.println();
            out.println("(intervals from perturbed inputs: add --calibration-runs N)");
            out.flush();
        }
        if (calibrationCsv != null) {
            List<Calibration.Row> p = perturbed;
            write(calibrationCsv, w -> BacktestWriter.calibrationCsv(conformal, p, w));
        }
        return 0;
    }

    private interface Writing {
        void to(PrintWriter w);
    }

    private void write(Path target, Writing writing) {
        if (target.toString().equals("-")) {
            writing.to(spec.commandLine().getOut());
            return;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(target, StandardCharsets.UTF_8))) {
            writing.to(w);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, target + ": cannot write: " + e.getMessage(), e);
        }
    }
}
