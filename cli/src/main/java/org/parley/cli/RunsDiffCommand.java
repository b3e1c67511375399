package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.store.RunDiff;
import org.parley.store.Store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley runs diff ID1 ID2}: what changed between two runs and how every forecast moved. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compares two saved runs: which inputs changed (scenario field by field, settings, model "
                + "options) and how every forecast moved.")
public final class RunsDiffCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID1", description = "the earlier run")
    long first;

    @Parameters(index = "1", paramLabel = "ID2", description = "the later run")
    long second;

    @Option(names = "--changed", description = "list only forecasts that moved")
    boolean changedOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openForReading()) {
            RunDiff d = RunDiff.of(s, first, second);
            out.println("run " + first + " -> run " + second);
            out.println();
            if (d.inputs().isEmpty()) {
                out.println("Inputs: identical (same scenario version and settings)");
            } else {
                out.println("Inputs changed (" + d.inputs().size() + "):");
                for (RunDiff.InputChange c : d.inputs()) {
                    out.println("  " + c.what() + ": " + (c.before() == null ? "(absent)" : c.before()) + " -> "
                            + (c.after() == null ? "(absent)" : c.after()));
                }
            }
            out.println();
            boolean spread = d.forecasts().stream().anyMatch(f -> f.nBefore() > 1 || f.nAfter() > 1);
            out.println("Forecasts:");
            String head = String.format(Locale.ROOT, "  %-18s %-20s %-18s %10s %10s %10s", "world", "model", "issue",
                    "run " + first, "run " + second, "change");
            out.println(spread ? head + String.format(Locale.ROOT, " %10s %10s", "mean " + first, "mean " + second)
                    : head);
            int moved = 0;
            for (RunDiff.Shift f : d.forecasts()) {
                boolean same = Double.compare(f.before(), f.after()) == 0 && Double.compare(f.meanBefore(),
                        f.meanAfter()) == 0;
                if (!same) {
                    moved++;
                }
                if (changedOnly && same) {
                    continue;
                }
                String line = String.format(Locale.ROOT, "  %-18s %-20s %-18s %10s %10s %10s", f.world(), f.model(),
                        f.issue(), Format.num(f.before()), Format.num(f.after()), Format.delta(f.delta()));
                out.println(spread ? line + String.format(Locale.ROOT, " %10s %10s", Format.num(f.meanBefore()),
                        Format.num(f.meanAfter())) : line);
            }
            out.println();
            out.println(moved + " of " + d.forecasts().size() + " forecasts moved");
        }
        out.flush();
        return 0;
    }
}
