package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.io.report.MonteCarloReport;
import org.parley.io.svg.PlotWriter;
import org.parley.model.Scenario;
import org.parley.models.Models;
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
                + "first-order variance shares from Monte Carlo runs. Then the levers: the smallest change of one "
                + "actor's position or salience that moves a forecast across a threshold the scenario names."},
        footer = {"", "Examples:", "  parley sensitivity --csv sensitivity.csv",
                "  parley sensitivity scenario.yaml --branch trump-wins --model compromise --top 5 --plot charts/"})
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenarios.Loaded loaded = input.load();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Warnings.print(loaded, err);
        Scenario s = loaded.scenario();
        RunSpec runSpec = run.spec(input.modelOptions()).withWorlds(List.of(world)).withRuns(runs);
        Simulation sim = Models.simulation();
        Simulation.Plan plan = sim.plan(s, runSpec);
        List<Sensitivity.OneAtATime> oat = Sensitivity.oneAtATime(plan, world);
        List<Sensitivity.FirstOrder> first = List.of();
        if (runs > 1 && !oat.isEmpty()) {
            MonteCarloResult mc = new MonteCarlo(sim).run(s, runSpec, true);
            first = Sensitivity.firstOrder(mc, world);
        }
        MonteCarloReport.sensitivity(oat, first, top, out);
        if (levers > 0) {
            MonteCarloReport.levers(Levers.find(plan, world, levers), out);
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
}
