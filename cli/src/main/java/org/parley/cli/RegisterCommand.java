package org.parley.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.engine.BottomLine;
import org.parley.engine.Numbers;
import org.parley.model.Scenario;
import org.parley.model.Threshold;
import org.parley.store.RegisteredForecast;
import org.parley.store.Registration;
import org.parley.store.Registry;
import org.parley.store.Store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley register RUN --issue ID --question ... --resolves-by DATE}: records a forecast as issued. */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Records a saved run's forecast of one issue as issued, with every model's numbers frozen: "
                + "point, 90%% interval over Monte Carlo runs, the calibrated 90%% model-error interval (and the "
                + "calibration's version), and for a threshold question the probability. A probability needs a run "
                + "with Monte Carlo (--runs); from a single run, register with --point-only.",
                "A record is never changed: to edit one, register again with --supersedes."},
        footer = {"", "Examples:",
                "  parley register 12 --issue sanctions \\",
                "      --question \"Where will sanctions relief stand?\" --resolves-by 2025-06-30",
                "  parley register 12 --issue sanctions --threshold substantial-relief \\",
                "      --resolves-by 2025-06-30"})
public final class RegisterCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "RUN", description = "saved run id (see 'parley runs list')")
    long run;

    @Option(names = "--issue", required = true, paramLabel = "ID", description = "the issue forecast")
    String issue;

    @Option(names = {"-b", "--branch"}, paramLabel = "ID", defaultValue = Scenario.BASE,
            description = "the world: 'base', a branch id, or 'mixture' (the probability branches mixed with each "
                    + "world's talks probability: the bottom line) (default: ${DEFAULT-VALUE})")
    String world;

    @Option(names = "--question", paramLabel = "TEXT",
            description = "the question in words (default: the threshold's question)")
    String question;

    @Option(names = "--resolves-by", required = true, paramLabel = "DATE", description = "when reality should answer "
            + "(YYYY-MM-DD)")
    LocalDate resolvesBy;

    @Option(names = "--threshold", paramLabel = "ID|VALUE", description = "makes it a threshold question: one of the "
            + "issue's thresholds, or a value (outcome above it; with --below, below it)")
    String threshold;

    @Option(names = "--below", description = "with a --threshold value: the question is 'outcome below VALUE'")
    boolean below;

    @Option(names = "--supersedes", paramLabel = "ID", description = "the registration this one replaces")
    long supersedes;

    @Option(names = "--point-only", description = "register only each model's point and its calibrated model-error "
            + "interval (scored by absolute error and interval coverage), no probability: for a run without Monte Carlo")
    boolean pointOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openForSaving()) {
            Registry registry = new Registry(s);
            Threshold t = registry.threshold(run, world, issue, threshold, below);
            Registration r = registry.register(run, world, issue, question, resolvesBy, t, supersedes, store.author(),
                    pointOnly);
            out.println("registered forecast " + r.id() + " (run " + r.runId() + ", " + r.world() + ", issue "
                    + r.issue() + ", resolves by " + r.resolvesBy() + ")"
                    + (r.supersedes() == 0 ? "" : ", superseding " + r.supersedes()) + "; model-error calibration "
                    + r.calibration() + (r.pointOnly() ? "; points only" : ""));
            out.println("  " + r.question() + (t == null ? "" : "  [" + Registry.describe(t) + "]"));
            // one world's probability is the share of its runs past the line: given that talks take place
            double talks = 1;
            if (t != null && !r.pointOnly() && !BottomLine.MIXTURE.equals(r.world())) {
                talks = s.scenario(s.run(run).info().scenario().id()).resolve(r.world()).talksProbability();
            }
            String given = talks < 1 ? " | talks" : "";
            for (RegisteredForecast f : r.forecasts()) {
                out.println(String.format(Locale.ROOT, "  %-20s forecast %8s", f.model(), Format.num(f.point()))
                        + (f.hasInterval() ? "  90% over input ranges " + Format.num(f.lo()) + " to " + Format.num(f.hi())
                        : "")
                        + (f.hasModelErrorInterval() ? "  90% model error " + Format.num(f.modelErrorLo()) + " to "
                        + Format.num(f.modelErrorHi()) : "")
                        + (t == null || r.pointOnly() ? "" : "  P(" + Registry.describe(t) + given + ") = "
                        + Format.num(f.probability())));
            }
            if (talks < 1) {
                out.println("  P(... | talks): the share of the runs past the line, given that talks take place; world "
                        + r.world() + " has talks probability " + Numbers.format(talks) + "\n  (without talks the "
                        + "status quo stands). '--branch mixture' registers the bottom line, which weighs that in.");
            }
            out.println("Resolve it with: parley resolve " + r.id() + " --outcome VALUE --date DATE --source \"...\"");
        }
        out.flush();
        return 0;
    }
}
