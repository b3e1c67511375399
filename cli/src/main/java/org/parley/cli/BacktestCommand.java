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
import org.parley.backtest.BacktestCase;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.Calibration;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.ProtocolBacktest;
import org.parley.backtest.Split;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.backtest.BacktestWriter;
import org.parley.io.backtest.Backtests;
import org.parley.io.backtest.CalibrationResource;
import org.parley.io.backtest.ProtocolWriter;
import org.parley.models.Models;
import org.parley.sweep.SweepEngine;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley backtest}: scores every model (and naive baselines) against real outcomes. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Scores models against real outcomes under a declared protocol: every model, the naive "
                + "baselines (reference point, proposer's position, scale midpoint) and the frozen candidates "
                + "(compromise-averaged, compromise-consent, stacked), out of fold; per forecaster n, mean and "
                + "median absolute error, RMSE, share within 10 points (0-100 scale), the paired difference "
                + "from the compromise model with a proposal-cluster bootstrap, Holm-adjusted bounds and the "
                + "decision for the candidates, both directions of the legacy split, and the coverage of the "
                + "cross-conformal model-error intervals on each half.",
                "FILE: a backtest YAML file (parley-backtest: 1) or the DEU III table (blksv_deu3.tsv layout). "
                + "Legacy split: by proposal in order of first appearance, proposals 1, 3, 5, ... train, 2, 4, "
                + "6, ... test."},
        footer = {"", "Examples:", "  parley backtest ../shared/peers/bdm/inputs/blksv_deu3.tsv",
                "  parley backtest deu3.tsv --protocol kfold --folds 10 --repeats 20",
                "  parley backtest deu3.tsv --calibration",
                "  parley backtest deu3.tsv --calibration \\",
                "      --write-calibration model-error.properties",
                "  parley backtest deu3.tsv --capability council --format csv",
                "  parley backtest deu3.tsv --model compromise,exchange --per-issue forecasts.csv",
                "  parley backtest deu3.tsv --calibration-runs 50 --noise 10",
                "  parley backtest deu3.tsv --engine spark --master spark://HOST:7077",
                "      (needs parley-spark.jar; see the README)"})
public final class BacktestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "backtest file (YAML or DEU table)")
    Path file;

    @Option(names = {"-m", "--model"}, paramLabel = "ID", description = "model id (repeatable or comma-separated); "
            + "default: every registered model")
    List<String> models = new ArrayList<>();

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "a model option, as for forecast "
            + "(e.g. nash.utility=linear); repeatable")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--protocol", paramLabel = "P", defaultValue = "lopo",
            description = "split (the legacy halves), kfold (folds by proposal, repeated) or lopo (leave one "
                    + "proposal out) (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "10", description = "kfold: folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "20",
            description = "kfold: repeats with different fold seeds (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "5000",
            description = "proposal-cluster bootstrap resamples (default: ${DEFAULT-VALUE}; the decision rule wants "
                    + "at least 5000)")
    int resamples;

    @Option(names = "--calibration", description = "print only the coverage of the model-error intervals per "
            + "forecaster under the protocol")
    boolean calibrationOnly;

    @Option(names = "--write-calibration", paramLabel = "FILE", description = "write the model-error calibration "
            + "(per model q and constant, coverage, provenance) as a properties file, the format Parley ships in core")
    Path writeCalibration;

    @Option(names = "--capability", paramLabel = "RULE", description = "where capabilities come from: the file's own "
            + "(gdp for the DEU table, scenario for YAML; default), equal, or council (Council voting weights by date "
            + "and voting rule; Commission and Parliament by procedure)")
    String capability;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or csv (default: ${DEFAULT-VALUE}); csv: " + ProtocolWriter.CSV_HEADER)
    String format;

    @Option(names = "--per-issue", paramLabel = "FILE", description = "also write every issue's outcome and forecasts "
            + "as CSV to FILE ('-' = standard output)")
    Path perIssue;

    @Option(names = "--calibration-runs", paramLabel = "N", description = "perturbed runs per case for a second "
            + "calibration table, of intervals from perturbed inputs (default: 0 = only the table of intervals from train "
            + "errors)")
    int calibrationRuns;

    @Option(names = "--noise", paramLabel = "SD", description = "calibration: standard deviation of the input "
            + "perturbation, points on 0-100 (default: ${DEFAULT-VALUE})")
    double noise = 10;

    @Option(names = "--calibration-csv", paramLabel = "FILE", description = "write the calibration tables as CSV to FILE "
            + "(method,model,split,n,inside50,inside90,width50,width90; method train-errors: split-conformal from the "
            + "train half's errors, unscaled; perturbation: --calibration-runs)")
    Path calibrationCsv;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds for dynamic models; default: each model's own rule")
    int rounds;

    @Option(names = "--seed", paramLabel = "S", description = "base seed of stochastic models (default: ${DEFAULT-VALUE})")
    long seed = RunSpec.DEFAULT_SEED;

    @Option(names = "--threads", paramLabel = "T", description = "cases run at once; 0 = every core (default)")
    int threads;

    @Option(names = "--allow-large", description = RunFlags.ALLOW_LARGE + "; also --repeats <= 1,000 and "
            + "--resamples <= 100,000")
    boolean allowLarge;

    static final int MAX_REPEATS = 1_000;
    static final int MAX_RESAMPLES = 100_000;

    @CommandLine.Mixin
    EngineFlags engine = new EngineFlags();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ProtocolBacktest.Protocol p = ProtocolBacktest.Protocol.fromId(protocol);
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("table") && !f.equals("csv")) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "unknown format '" + format + "'; formats: table, csv");
        }
        if (calibrationRuns < 0 || calibrationRuns == 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--calibration-runs must be 0 or at least 2, was "
                    + calibrationRuns);
        }
        boolean local = engine.local(); // checks --engine, --master, --partitions before anything runs
        ProtocolBacktest.Settings settings = new ProtocolBacktest.Settings(p, folds, repeats, resamples, 0.9, seed);
        BacktestSet set = Backtests.read(file);
        CapabilityRule rule = CapabilityRule.forSet(capability, set);
        Simulation sim = Models.simulation();
        RunSpec runSpec = RunSpec.defaults().withModels(ScenarioInput.split(models)).withOptions(options)
                .withRounds(rounds).withSeed(seed).withThreads(threads);
        for (BacktestCase c : set.cases()) { // every case's work, before any runs
            RunFlags.checkBudget(allowLarge, c.scenario(), runSpec.withRuns(Math.max(1, calibrationRuns)));
        }
        checkProtocol(p, set);
        ProtocolBacktest.Result pr;
        if (local) {
            pr = new ProtocolBacktest(sim).run(set, rule, runSpec, settings);
        } else {
            try (SweepEngine e = engine.open(threads)) {
                pr = new ProtocolBacktest(sim, new EngineCases(e, spec.commandLine().getErr())).run(set, rule, runSpec,
                        settings);
            }
        }
        Backtest.Result result = pr.base();
        PrintWriter out = spec.commandLine().getOut();
        if (f.equals("csv")) {
            ProtocolWriter.csv(pr, out);
        } else if (calibrationOnly) {
            out.println("Backtest of " + set.name() + " under protocol " + ProtocolWriter.describe(pr) + ", capability "
                    + result.capability());
            ProtocolWriter.calibration(pr, out);
        } else {
            ProtocolWriter.table(pr, out);
        }
        if (perIssue != null) {
            write(perIssue, w -> BacktestWriter.perIssueCsv(result, w));
        }
        if (writeCalibration != null) {
            String sha = sha256(file);
            write(writeCalibration, w -> CalibrationResource.write(pr, file.getFileName().toString(), sha, w));
        }
        List<Calibration.Row> conformal = Calibration.conformal(result, Split.ALL);
        List<Calibration.Row> perturbed = List.of();
        if (calibrationRuns > 0) {
            perturbed = Calibration.run(sim, set, rule, runSpec.withModels(result.models()), calibrationRuns, noise,
                    Split.ALL);
            if (f.equals("table")) {
                BacktestWriter.calibrationTable(perturbed, calibrationRuns, noise, out);
            }
        }
        if (calibrationCsv != null) {
            List<Calibration.Row> pt = perturbed;
            write(calibrationCsv, w -> BacktestWriter.calibrationCsv(conformal, pt, w));
        }
        return 0;
    }

    /**
     * The protocol's own work: folds no more than the proposals they split (else the folds cannot be
     * made), and without {@code --allow-large} at most {@link #MAX_REPEATS} repeats (each refits
     * every fold; 200 took 19 s of CPU for one model on DEU III) and {@link #MAX_RESAMPLES} resamples.
     */
    private void checkProtocol(ProtocolBacktest.Protocol p, BacktestSet set) {
        long proposals = set.cases().stream().map(BacktestCase::proposal).distinct().count();
        if (p == ProtocolBacktest.Protocol.KFOLD && folds > proposals) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--folds must be at most the " + proposals
                    + " proposals the folds split, was " + folds);
        }
        if (!allowLarge && repeats > MAX_REPEATS) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--repeats must be <= " + MAX_REPEATS
                    + " without --allow-large, was " + repeats);
        }
        if (!allowLarge && resamples > MAX_RESAMPLES) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--resamples must be <= " + MAX_RESAMPLES
                    + " without --allow-large, was " + resamples);
        }
    }

    private static String sha256(Path file) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(Files.readAllBytes(file));
            StringBuilder sb = new StringBuilder();
            for (byte b : h) {
                sb.append(String.format(Locale.ROOT, "%02x", b));
            }
            return sb.toString();
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "unknown";
        }
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
