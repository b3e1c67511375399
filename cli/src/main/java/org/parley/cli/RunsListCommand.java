package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
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
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"run", "started (UTC)", "scenario", "models", "runs", "author", "status"});
                for (RunInfo r : runs) {
                    rows.add(new String[] {Long.toString(r.id()), Format.time(r.started()), Format.version(r.scenario()),
                        String.join(",", r.models()), Integer.toString(r.runs()), r.author(), r.status()});
                }
                // columns as wide as their widest cell, so a long scenario id or model list never shifts the rest
                int[] width = new int[rows.get(0).length];
                for (String[] row : rows) {
                    for (int k = 0; k < row.length; k++) {
                        width[k] = Math.max(width[k], row[k].length());
                    }
                }
                for (String[] row : rows) {
                    StringBuilder line = new StringBuilder();
                    for (int k = 0; k < row.length; k++) {
                        boolean number = k == 0 || k == 4;
                        String cell = k == row.length - 1 ? row[k]
                                : String.format(Locale.ROOT, "%" + (number ? "" : "-") + width[k] + "s", row[k]);
                        line.append(k == 0 ? "" : "  ").append(cell);
                    }
                    out.println(line.toString().stripTrailing());
                }
            }
        }
        out.flush();
        return 0;
    }
}
