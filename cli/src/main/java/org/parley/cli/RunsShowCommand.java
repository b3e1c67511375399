package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parley.io.results.ResultFormat;
import org.parley.io.results.ResultWriters;
import org.parley.store.RunInfo;
import org.parley.store.Store;
import org.parley.store.StoredForecast;
import org.parley.store.StoredRun;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley runs show ID}: a saved run's inputs and forecasts. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows a saved run: scenario version, settings, each model's options and every forecast "
                + "(with its spread over Monte Carlo runs).",
                "With --format, prints the stored trajectories as 'parley forecast --format' would."})
public final class RunsShowCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "run id (see 'parley runs list')")
    long id;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "table, csv, json, moves-csv or exchanges-csv of the stored trajectories")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openForReading()) {
            if (format != null) {
                ResultFormat f = ResultFormat.fromId(format);
                ResultWriters.write(s.result(id), f, out);
                return 0;
            }
            StoredRun run = s.run(id);
            RunInfo i = run.info();
            out.println("run " + i.id() + "  " + i.status() + ", saved by " + i.author() + ", started "
                    + Format.time(i.started()) + " UTC, took " + i.millis() + " ms, Parley " + i.codeVersion());
            out.println("scenario  " + Format.version(i.scenario()) + "  " + i.scenario().shortHash() + "  "
                    + i.scenario().title());
            out.println("models    " + String.join(", ", i.models()));
            out.println("worlds    " + String.join(", ", i.worlds()));
            out.println("seed      " + i.seed() + ", runs " + i.runs() + ", rounds "
                    + (i.rounds() == 0 ? "model's own rule" : Integer.toString(i.rounds()))
                    + ", trajectories kept: " + i.trajectories());
            if (!i.options().isEmpty()) {
                out.println("options   " + i.options());
            }
            for (Map.Entry<String, Map<String, String>> e : run.modelOptions().entrySet()) {
                if (!e.getValue().isEmpty()) {
                    out.println("  " + e.getKey() + ": " + e.getValue());
                }
            }
            for (String w : i.warnings()) {
                out.println("warning   " + w);
            }
            out.println();
            boolean spread = run.forecasts().stream().anyMatch(f -> f.n() > 1);
            String head = String.format(Locale.ROOT, "%-18s %-20s %-18s %10s %10s", "world", "model", "issue",
                    "status quo", "forecast");
            out.println(spread ? head + String.format(Locale.ROOT, " %10s %10s %10s %10s %6s", "mean", "p05", "p50",
                    "p95", "n") : head);
            for (StoredForecast f : run.forecasts()) {
                String line = String.format(Locale.ROOT, "%-18s %-20s %-18s %10s %10s", f.world(), f.model(), f.issue(),
                        Format.num(f.statusQuo()), Format.num(f.point()));
                out.println(spread ? line + String.format(Locale.ROOT, " %10s %10s %10s %10s %6d", Format.num(f.mean()),
                        Format.num(f.p05()), Format.num(f.p50()), Format.num(f.p95()), f.n()) : line);
            }
        }
        out.flush();
        return 0;
    }
}
