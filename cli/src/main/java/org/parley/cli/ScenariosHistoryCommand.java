package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.store.ScenarioVersion;
import org.parley.store.Store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code parley scenarios history ID}: every saved version of a scenario. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists every saved version of a scenario, oldest first: content hash, parent, author, time.")
public final class ScenariosHistoryCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "scenario id (see 'parley scenarios list')")
    String id;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openForReading()) {
            out.println(String.format(Locale.ROOT, "%7s  %-12s  %-7s  %-20s  %s", "version", "hash", "parent",
                    "saved (UTC)", "by"));
            int previous = 0;
            for (ScenarioVersion v : s.history(id)) {
                out.println(String.format(Locale.ROOT, "%7s  %-12s  %-7s  %-20s  %s", "v" + v.version(), v.shortHash(),
                        v.parent() == 0 ? "-" : "v" + previous, Format.time(v.created()), v.author()));
                previous = v.version();
            }
        }
        out.flush();
        return 0;
    }
}
