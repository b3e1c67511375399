package org.parley.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.store.ScenarioSummary;
import org.parley.store.ScenarioVersion;
import org.parley.store.Store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parley scenarios list}: each scenario with its latest version. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists each scenario in the store: latest version, when and by whom it was saved, runs.")
public final class ScenariosListCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (store.missing()) {
            out.println("no scenarios in " + Store.mask(store.url()) + " (save a run with 'parley forecast --save')");
            return 0;
        }
        try (Store s = store.openForReading()) {
            List<ScenarioSummary> list = s.scenarios();
            if (list.isEmpty()) {
                out.println("no scenarios in " + s.url() + " (save a run with 'parley forecast --save')");
            } else {
                out.println(String.format(Locale.ROOT, "%-30s %8s %6s  %-12s  %-20s  %-12s  %s", "scenario", "versions",
                        "runs", "latest hash", "saved (UTC)", "by", "title"));
                for (ScenarioSummary sum : list) {
                    ScenarioVersion v = sum.latest();
                    out.println(String.format(Locale.ROOT, "%-30s %8d %6d  %-12s  %-20s  %-12s  %s", v.scenario(),
                            sum.versions(), sum.runs(), v.shortHash(), Format.time(v.created()), v.author(), v.title()));
                }
            }
        }
        out.flush();
        return 0;
    }
}
