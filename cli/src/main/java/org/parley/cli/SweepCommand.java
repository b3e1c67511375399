package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.Budget;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.ImportSettings;
import org.parley.io.ScenarioFormat;
import org.parley.io.Scenarios;
import org.parley.io.sweep.SweepWriter;
import org.parley.io.sweep.TextScenarioSource;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.store.RunRecord;
import org.parley.store.SaveOptions;
import org.parley.store.Store;
import org.parley.sweep.CellResult;
import org.parley.sweep.Grid;
import org.parley.sweep.LocalSweepEngine;
import org.parley.sweep.ScenarioSource;
import org.parley.sweep.Sweep;
import org.parley.sweep.SweepEngine;
import org.parley.sweep.SweepRunner;
import org.parley.sweep.SweepSpec;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley sweep}: option grids x scenarios x worlds x Monte Carlo runs, locally or on Spark. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a sweep: every point of the option grid (the cartesian product of the --grid axes) x every "
                + "scenario (FILE, or each scenario of a folder) x every world (base and branches, or --branches) is a "
                + "cell; each cell gets --runs Monte Carlo runs and, per model and issue, the statistics of "
                + "'forecast --runs N' (point, mean, sd, min, 5/25/50/75/95th percentiles, max, P(talks), the share "
                + "of runs with a deal, P(deal), share beyond each threshold); per scenario and grid point the bottom "
                + "line (P(yes) of each threshold question, mixed over the branches and the chance of talks). Writes "
                + "cells, thresholds and bottomline as .csv and .parquet under --out.",
                "The same seed gives bit-identical files with --engine local or spark, on any number of threads, "
                        + "partitions or executors."},
        footer = {"", "A folder: its *.yaml, *.yml and *.json files and each subfolder's scenario.yaml,",
                "in name order.",
                "--engine spark needs the parley-spark module: see the README, 'Sweeps on Apache",
                "Spark'.",
                "", "Examples:", "  parley sweep --runs 200 --grid compromise.weights=capability-salience,equal",
                "  parley sweep examples/ --models compromise,median \\",
                "      --grid median.ties=midpoint,lower,upper --out out/",
                "  parley sweep scenario.yaml --engine spark --master spark://host:7077 \\",
                "      --partitions 64"})
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "a scenario file or a folder of scenarios; default: the seed scenario " + Scenarios.SEED)
    Path file;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "yaml, json, ktab-csv, ktab-xml, bdm or exchange; default: detected from the content")
    String inputFormat;

    @Option(names = "--runs", paramLabel = "N", description = "Monte Carlo runs per cell; 1 = the point forecast "
            + "(default: ${DEFAULT-VALUE})")
    int runs = 100;

    @Option(names = "--grid", paramLabel = "KEY=V1,V2,...", description = "an option axis: a model option (as for "
            + "--option, e.g. nash.utility=quadratic,linear or spatial.victory-prob=linear,quadratic) and its values; "
            + "repeatable")
    List<String> grid = new ArrayList<>();

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "a model option for every cell (a "
            + "--grid axis overrides it) or an importer option; repeatable")
    java.util.Map<String, String> options = new java.util.LinkedHashMap<>();

    @Option(names = {"-m", "--models", "--model"}, paramLabel = "ID", description = "model ids (repeatable or "
            + "comma-separated); default: every model")
    List<String> models = new ArrayList<>();

    @Option(names = {"-b", "--branches", "--branch"}, paramLabel = "ID", description = "worlds: 'base' and/or branch "
            + "ids (repeatable or comma-separated); default: every world of each scenario")
    List<String> branches = new ArrayList<>();

    @CommandLine.Mixin
    EngineFlags engine = new EngineFlags();

    @Option(names = "--threads", paramLabel = "T", description = "local engine: worker threads; 0 = every core (default)")
    int threads;

    @Option(names = "--allow-large", description = "lift the per-cell work budget (runs <= 100,000, rounds and round "
            + "or turn options <= 100,000, actors x issues x runs <= 50,000,000), e.g. for a cluster")
    boolean allowLarge;

    @Option(names = "--runs-per-task", paramLabel = "N", description = "a cell with more runs is cut into tasks of N "
            + "runs (default: ${DEFAULT-VALUE}); never changes a result")
    int block = SweepSpec.DEFAULT_BLOCK;

    @Option(names = "--seed", paramLabel = "S", description = "base seed (default: ${DEFAULT-VALUE})")
    long seed = RunSpec.DEFAULT_SEED;

    @Option(names = "--rounds", paramLabel = "N", description = "rounds for dynamic models; default: each model's own")
    int rounds;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("sweep-out");

    @Option(names = "--store", paramLabel = "JDBC_URL", description = "also save every (scenario, grid point) as a "
            + "run in this run store, with every run's forecast (jdbc:sqlite:PATH, jdbc:postgresql://..., or a path)")
    String store;

    @Option(names = "--author", paramLabel = "NAME", description = "with --store: who is saving (default: the login name)")
    String author;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        String engineId = engine.id();
        Grid g = Grid.parse(grid);
        List<Named> loaded = load(err);
        List<ScenarioSource> sources = new ArrayList<>();
        for (Named n : loaded) {
            sources.add(engineId.equals(LocalSweepEngine.ID) ? new InProcess(n.name(), n.scenario())
                    : TextScenarioSource.of(n.name(), n.scenario()));
        }
        SweepSpec sweepSpec = new SweepSpec(sources, g, ScenarioInput.split(models), ScenarioInput.split(branches),
                rounds, ImportSettings.modelOptions(options), seed, runs, block, store != null);
        Simulation sim = Models.simulation();
        Sweep sweep = Sweep.of(sweepSpec, loaded.stream().map(Named::scenario).toList(), sim);
        sweep.validate(); // every scenario, model, branch and option value, before any task
        if (!allowLarge) { // the command line's work budget, per cell, before any task
            for (int si = 0; si < loaded.size(); si++) {
                for (int p = 0; p < g.size(); p++) {
                    Budget.CLI.check(sim, loaded.get(si).scenario(), sweep.plan(si, p).spec().withRuns(runs));
                }
            }
        }
        Store st = store == null ? null : Store.open(Store.url(store, null, Path.of(System.getProperty("user.home"))));
        try {
            int cells = sweep.cells().size();
            err.println(String.format(Locale.ROOT, "sweep: %d grid point%s x %d scenario%s x worlds = %d cells, %d run%s "
                    + "each, models %s", g.size(), g.size() == 1 ? "" : "s", loaded.size(), loaded.size() == 1 ? "" : "s",
                    cells, runs, runs == 1 ? "" : "s", String.join(",", sweep.models())));
            err.flush();
            Instant started = Instant.now();
            long t0 = System.nanoTime();
            List<CellResult> results;
            String where;
            double seconds;
            try (SweepEngine e = engine.open(threads)) {
                where = e.describe();
                double start = (System.nanoTime() - t0) / 1e9;
                if (!engineId.equals(LocalSweepEngine.ID)) {
                    err.println(String.format(Locale.ROOT, "sweep: %s started in %.1f s", where, start));
                    err.flush();
                }
                long t1 = System.nanoTime();
                SweepBar bar = new SweepBar(err, "sweep", "cells", cells, sweep.units().size());
                results = SweepRunner.run(sweep, e, bar);
                seconds = (System.nanoTime() - t1) / 1e9;
                bar.finish();
            }
            List<Path> written = SweepWriter.write(sweep, results, out);
            stdout.println(String.format(Locale.ROOT, "%d cells x %d runs on %s in %.1f s: %.1f cells/s, %.0f model "
                    + "runs/s", cells, runs, where, seconds, cells / seconds,
                    (double) cells * runs * sweep.models().size() / seconds));
            for (Path p : written) {
                stdout.println("wrote " + p);
            }
            stdout.flush();
            if (st != null) {
                save(st, sweep, results, loaded, started, Math.round(seconds * 1000), err);
            }
        } finally {
            if (st != null) {
                st.close();
            }
        }
        return 0;
    }

    private record Named(String name, Scenario scenario) {
    }

    /** A scenario that stays in this JVM (the local engine never serializes its tasks). */
    private record InProcess(String name, Scenario scenario) implements ScenarioSource {
        private static final long serialVersionUID = 1L;

        @Override
        public Scenario load() {
            return scenario;
        }
    }

    private List<Named> load(PrintWriter err) {
        ImportSettings settings = new ImportSettings(inputFormat == null ? null : ScenarioFormat.fromId(inputFormat),
                ImportSettings.importerOptions(options));
        List<Named> outList = new ArrayList<>();
        if (file == null) {
            Scenarios.Loaded l = Scenarios.seed();
            Warnings.print(l, err);
            outList.add(new Named(Scenarios.SEED, l.scenario()));
            return outList;
        }
        if (!Files.exists(file)) {
            throw new ParleyException(ErrorCode.BAD_INPUT, file + ": no such file or folder");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(file)) {
            try (Stream<Path> s = Files.list(file)) {
                for (Path p : s.sorted().toList()) {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))) {
                        files.add(p);
                    } else if (Files.isDirectory(p) && Files.isRegularFile(p.resolve("scenario.yaml"))) {
                        files.add(p.resolve("scenario.yaml"));
                    }
                }
            } catch (IOException e) {
                throw new ParleyException(ErrorCode.BAD_INPUT, file + ": cannot list the folder: " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new ParleyException(ErrorCode.BAD_INPUT, file + ": no scenario in this folder (*.yaml, *.yml, "
                        + "*.json, or */scenario.yaml)");
            }
        } else {
            files.add(file);
        }
        for (Path p : files) {
            Scenarios.Loaded l = ScenarioInput.checkOptions(Scenarios.read(p, settings));
            Warnings.print(l, err);
            String name = Files.isDirectory(file) ? file.relativize(p).toString().replace('\\', '/') : p.toString();
            outList.add(new Named(name, l.scenario()));
        }
        return outList;
    }

    private void save(Store st, Sweep sweep, List<CellResult> results, List<Named> loaded, Instant started, long millis,
                      PrintWriter err) {
        List<String> models = sweep.models();
        SaveOptions so = new SaveOptions(author != null && !author.isBlank() ? author
                : System.getProperty("user.name", "unknown"), StoreOptions.codeVersion(), started, millis, false);
        int saved = 0;
        long first = -1;
        int i = 0;
        while (i < results.size()) {
            Sweep.Cell c = sweep.cell(results.get(i).cell());
            Simulation.Plan plan = sweep.plan(c.scenario(), c.point());
            List<RunRecord.Forecasts> fs = new ArrayList<>();
            List<String> worlds = new ArrayList<>();
            for (; i < results.size() && sweep.cell(results.get(i).cell()).scenario() == c.scenario()
                    && sweep.cell(results.get(i).cell()).point() == c.point(); i++) {
                CellResult r = results.get(i);
                String w = sweep.cell(r.cell()).world();
                worlds.add(w);
                Problem p = plan.problems().get(w);
                double[] sq = new double[p.issueCount()];
                for (int k = 0; k < sq.length; k++) {
                    sq[k] = p.statusQuo(k);
                }
                for (int mi = 0; mi < models.size(); mi++) {
                    fs.add(new RunRecord.Forecasts(w, models.get(mi), p.issueIds(), sq, r.point()[mi],
                            r.forecasts()[mi], "sweep"));
                }
            }
            java.util.Map<String, java.util.Map<String, String>> opts = new java.util.LinkedHashMap<>();
            plan.options().forEach((m, o) -> opts.put(m, o.asMap()));
            long id = st.saveRun(new RunRecord(loaded.get(c.scenario()).scenario(), plan.spec().withRuns(runs), worlds,
                    models, opts, fs, List.of(), List.of()), so);
            if (first < 0) {
                first = id;
            }
            saved++;
        }
        err.println("saved " + saved + " run" + (saved == 1 ? "" : "s") + " (ids from " + first + ") in " + st.url());
        err.flush();
    }
}
