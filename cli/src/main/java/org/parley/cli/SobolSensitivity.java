package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.io.Scenarios;
import org.parley.io.sweep.TextScenarioSource;
import org.parley.models.Models;
import org.parley.montecarlo.Sobol;
import org.parley.sweep.Grid;
import org.parley.sweep.Sweep;
import org.parley.sweep.SweepEngine;
import org.parley.sweep.SweepRunner;
import org.parley.sweep.SweepSpec;

/** {@code parley sensitivity --method sobol}: Sobol indices, their design rows run on a sweep engine. */
final class SobolSensitivity {

    private SobolSensitivity() {
    }

    /** Whether the options ask for Sobol indices; refuses an unknown method. */
    static boolean wanted(String method) {
        String m = method.strip().toLowerCase(Locale.ROOT);
        if (!m.equals("oat") && !m.equals("sobol")) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "unknown method '" + method + "'; methods: oat, sobol");
        }
        return m.equals("sobol");
    }

    static int run(SensitivityCommand cmd, ScenarioInput input, List<String> models, String world, int runs, long seed,
                   int threads, int rounds, int top, Path csv, EngineFlags engine) {
        if (runs < 2) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--method sobol needs --runs N >= 2 design rows");
        }
        PrintWriter err = cmd.spec.commandLine().getErr();
        PrintWriter out = cmd.spec.commandLine().getOut();
        Scenarios.Loaded loaded = input.loadForRun();
        Warnings.print(loaded, err);
        cmd.run.checkBudget(loaded.scenario(), cmd.run.spec(input.modelOptions()).withWorlds(List.of(world))
                .withRuns(runs));
        SweepSpec spec = new SweepSpec(List.of(TextScenarioSource.of(input.name(), loaded.scenario())), Grid.none(),
                ScenarioInput.split(models), List.of(world), rounds, input.modelOptions(), seed, runs,
                SweepSpec.DEFAULT_BLOCK, false);
        Sweep sweep = Sweep.of(spec, List.of(loaded.scenario()), Models.simulation());
        sweep.validate();
        List<Sobol.Row> rows;
        try (SweepEngine en = engine.open(threads)) {
            SweepBar bar = new SweepBar(err, "sobol", "design rows", runs, runs);
            rows = SweepRunner.sobol(sweep, world, en, bar);
            bar.finish();
        }
        SobolReport.table(rows, runs, top, out);
        if (csv != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                SobolReport.csv(rows, w);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write " + csv, ex);
            }
            err.println("parley: wrote " + csv);
            err.flush();
        }
        return 0;
    }
}
