package org.parley.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.store.RunInfo;
import org.parley.store.Store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley runs list}: saved runs, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists saved runs, newest first.")
public final class RunsListCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--scenario", paramLabel = "ID", description = "only runs of this scenario")
    String scenario;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
            description = "at most N runs, 0 for all (default: ${DEFAULT-VALUE})")
    int limit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.open()) {
            List<RunInfo> runs = s.runs(scenario, limit);
            if (runs.isEmpty()) {
                out.println("no saved runs in " + s.url() + " (save one with 'parley forecast --save')");
            } else {
                out.println(String.format(Locale.ROOT, "%6s  %-20s  %-30s  %-28s  %6s  %-12s  %s", "run", "started (UTC)",
                        "scenario", "models", "runs", "author", "status"));
                for (RunInfo r : runs) {
                    out.println(String.format(Locale.ROOT, "%6d  %-20s  %-30s  %-28s  %6d  %-12s  %s", r.id(),
                            Format.time(r.started()), Format.version(r.scenario()), String.join(",", r.models()),
                            r.runs(), r.author(), r.status()));
                }
            }
        }
        out.flush();
        return 0;
    }
}
