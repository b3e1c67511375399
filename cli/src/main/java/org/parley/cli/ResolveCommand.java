package org.parley.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.parley.engine.Numbers;
import org.parley.store.Registration;
import org.parley.store.Registry;
import org.parley.store.Resolution;
import org.parley.store.Store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley resolve ID --outcome VALUE --date DATE --source ...}: what happened. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Records what happened to a registered forecast: the outcome on the issue's scale.",
                "Resolving again records a correction; scores use the latest."})
public final class ResolveCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "registration id (printed by 'parley register')")
    long id;

    @Option(names = "--outcome", required = true, paramLabel = "VALUE", description = "the outcome on the issue's scale")
    double outcome;

    @Option(names = "--date", required = true, paramLabel = "DATE", description = "when it happened (YYYY-MM-DD)")
    LocalDate date;

    @Option(names = "--source", required = true, paramLabel = "TEXT", description = "where it is documented")
    String source;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openForSaving()) {
            Registry registry = new Registry(s);
            Resolution r = registry.resolve(id, outcome, date, source, store.author());
            Registration reg = registry.registration(id);
            out.println("resolved forecast " + id + " (" + reg.issue() + "): outcome " + Numbers.format(r.outcome())
                    + " on " + r.date() + ", source: " + r.source());
            out.println("See the scores with: parley score");
        }
        out.flush();
        return 0;
    }
}
