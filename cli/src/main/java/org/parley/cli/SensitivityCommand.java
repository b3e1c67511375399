package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.io.report.MonteCarloReport;
import org.parley.io.svg.PlotWriter;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.montecarlo.Inputs;
import org.parley.montecarlo.Levers;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.MonteCarloResult;
import org.parley.montecarlo.Sensitivity;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley sensitivity}: which uncertain inputs move each forecast most, and the levers. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Ranks the uncertain inputs (values with a low/high range) of one world by how much they move "
                + "each model's forecast of each issue: one-at-a-time swings (input at its low and high end) and "
                + "first-order variance shares from Monte Carlo runs (on --engine local or spark: the same numbers). Then the levers: the smallest change of one "
                + "actor's position or salience that moves a forecast across a threshold the scenario names."},
        footer = {"", "Examples:", "  parley sensitivity --csv sensitivity.csv",
                "  parley sensitivity scenario.yaml --branch trump-wins --model compromise \\",
                "      --top 5 --plot charts/",
                "  parley sensitivity scenario.yaml --method sobol --runs 4096 \\",
                "      --engine spark --master spark://HOST:7077   (parley-spark.jar; README)"})
public final class SensitivityCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput input;

    @Mixin
    RunFlags run = new RunFlags();

    @Option(names = {"-b", "--branch"}, paramLabel = "ID", description = "the world to analyse (default: ${DEFAULT-VALUE})")
    String world = Scenario.BASE;

    @Option(names = "--runs", paramLabel = "N", description = "Monte Carlo runs for the first-order indices; 1 skips "
            + "them (default: ${DEFAULT-VALUE})")
    int runs = 2000;

    @Option(names = "--top", paramLabel = "K", description = "inputs printed per model and issue (default: ${DEFAULT-VALUE})")
    int top = 10;

    @Option(names = "--levers", paramLabel = "K", description = "levers printed per threshold; 0 skips the search "
            + "(default: ${DEFAULT-VALUE})")
    int levers = 2;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write every input's sensitivity as CSV")
    Path csv;

    @Option(names = "--plot", paramLabel = "DIR", description = "write tornado charts (SVG) into DIR")
    Path plot;

    @Option(names = "--method", paramLabel = "METHOD", description = "oat: one-at-a-time swings and binned "
            + "first-order shares (default); sobol: Sobol first-order and total indices from --runs design rows "
            + "(N x (k + 2) model runs for k ranged inputs)")
    String method = "oat";

    @Mixin
    EngineFlags engine = new EngineFlags();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean local = engine.local(); // checks --engine, --master, --partitions before anything runs
        if (SobolSensitivity.wanted(method)) {
            return SobolSensitivity.run(this, input, run.models, world, runs, run.seed, run.threads, run.rounds, top,
                    csv, engine);
        }
        Scenarios.Loaded loaded = input.loadForRun();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Warnings.print(loaded, err);
        Scenario s = loaded.scenario();
        RunSpec runSpec = run.spec(input.modelOptions()).withWorlds(List.of(world)).withRuns(runs);
        run.checkBudget(s, runSpec);
        Simulation sim = Models.simulation();
        Simulation.Plan plan = sim.plan(s, runSpec);
        int models = plan.models().size();
        long started = System.nanoTime();
        List<Sensitivity.OneAtATime> oat = Sensitivity.oneAtATime(plan, world);
        double oatSeconds = (System.nanoTime() - started) / 1e9;
        long oatRuns = (long) models * (1 + 2 * Inputs.uncertain(plan.resolved().get(world)).size());
        boolean monteCarlo = runs > 1 && !oat.isEmpty();
        int searches = levers > 0 ? Levers.searches(plan, world) : 0;
        int pilot = monteCarlo && local ? pilotRuns(runs) : 0;
        double pilotSeconds = pilot > 0 ? timeMonteCarlo(sim, s, runSpec.withRuns(pilot)) : 0;
        err.println(announcement(oatRuns, oatSeconds, monteCarlo ? runs : 0, models, pilot, pilotSeconds, searches));
        err.flush();
        boolean terminal = ProgressBar.isTerminal();
        List<Sensitivity.FirstOrder> first = List.of();
        if (monteCarlo && !local) {
            first = EngineSensitivity.firstOrder(plan, s, input.name(), world, engine, runSpec.threads(), err);
        } else if (monteCarlo) {
            MonteCarloOutput.BarProgress bar = new MonteCarloOutput.BarProgress(new ProgressBar(err, terminal));
            MonteCarloResult mc = new MonteCarlo(sim).run(s, runSpec, true, bar);
            if (terminal) {
                bar.finish(runs + " runs");
            }
            first = Sensitivity.firstOrder(mc, world);
        }
        MonteCarloReport.sensitivity(oat, first, top, out);
        if (levers > 0) {
            MonteCarloOutput.BarProgress bar = new MonteCarloOutput.BarProgress(new ProgressBar(err, terminal), "Levers");
            List<Levers.Lever> found = Levers.find(plan, world, levers, bar);
            if (terminal) {
                bar.finish(searches + " searches");
            }
            MonteCarloReport.levers(found, out);
        }
        if (csv != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                MonteCarloReport.sensitivityCsv(oat, first, w);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + csv, e);
            }
            err.println("parley: wrote " + csv);
        }
        if (plot != null && !oat.isEmpty()) {
            PlotWriter w = new PlotWriter(plot);
            w.tornadoes(s, oat);
            err.println("parley: wrote " + w.written().size() + " charts to " + plot);
        }
        err.flush();
        return 0;
    }

    /** Monte Carlo runs timed before the announcement: 2% of the runs, at least 4 and at most 40. */
    static int pilotRuns(int runs) {
        return Math.min(runs, Math.max(4, Math.min(40, runs / 50)));
    }

    /** Wall seconds of a Monte Carlo of {@code spec}'s runs (the first runs of the real one: same seeds). */
    private static double timeMonteCarlo(Simulation sim, Scenario s, RunSpec spec) {
        long t0 = System.nanoTime();
        new MonteCarlo(sim).run(s, spec);
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * What the command says on stderr before the long part: how many model runs it does and roughly
     * how long they take, extrapolated from what was timed on this machine just before: the Monte
     * Carlo from {@code pilot} of its runs (0: not timed, e.g. on Spark, so no time is claimed), the
     * lever searches from the one-at-a-time runs' pace at their maximum number of runs. Both timings
     * include compiling the code, so the figure tends to err long, but load can change it either way.
     */
    static String announcement(long oatRuns, double oatSeconds, long mcRuns, int models, int pilot,
                               double pilotSeconds, int searches) {
        long leverRuns = (long) searches * Levers.RUNS_PER_SEARCH;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "sensitivity: %,d one-at-a-time runs took %.1f s", oatRuns, oatSeconds));
        if (mcRuns > 0) {
            b.append(String.format(Locale.ROOT, "; next %,d Monte Carlo runs (%,d model%s each)", mcRuns, models,
                    models == 1 ? "" : "s"));
            if (pilot > 0) {
                b.append(String.format(Locale.ROOT, ", roughly %.0f s by %d of them timed",
                        pilotSeconds * mcRuns / pilot, pilot));
            }
        }
        if (searches > 0) {
            b.append(mcRuns > 0 ? "; then " : "; next ").append(String.format(Locale.ROOT,
                    "%,d lever searches (up to ~%,d model runs, up to roughly %.0f s at the one-at-a-time runs' pace; "
                            + "--levers 0 skips them)", searches, leverRuns, oatSeconds * leverRuns / Math.max(1, oatRuns)));
        }
        return b.toString();
    }
}
