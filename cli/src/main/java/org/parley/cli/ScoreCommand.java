package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parley.store.Registration;
import org.parley.store.Registry;
import org.parley.store.Resolution;
import org.parley.store.Scores;
import org.parley.store.Store;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley score}: how the registered forecasts did. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores every resolved forecast (the latest registration of each, its latest resolution), per "
                + "model: mean absolute error of the point forecast, coverage of the 90%% interval (Monte Carlo runs), "
                + "and the Brier score of threshold questions (0 best, 1 worst)."})
public final class ScoreCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--all", description = "also list registrations that are open or superseded")
    boolean all;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store s = store.openForReading()) {
            Registry registry = new Registry(s);
            if (all) {
                Map<Long, Resolution> resolved = registry.resolutions();
                out.println("Registrations:");
                for (Registration r : registry.registrations()) {
                    Resolution res = resolved.get(r.id());
                    out.println(String.format(Locale.ROOT, "  %4d  run %-4d %-12s %-18s by %s  %s", r.id(), r.runId(),
                            r.world(), r.issue(), r.resolvesBy(), res == null ? "open"
                                    : "resolved: " + Format.num(res.outcome()) + " on " + res.date())
                            + (r.supersedes() == 0 ? "" : "  (supersedes " + r.supersedes() + ")") + "  " + r.question());
                }
                out.println();
            }
            Scores sc = registry.score();
            if (sc.lines().isEmpty()) {
                out.println("no resolved forecasts yet (register with 'parley register', resolve with 'parley resolve')");
                out.flush();
                return 0;
            }
            out.println("Resolved forecasts:");
            out.println(String.format(Locale.ROOT, "  %4s  %-18s %-20s %9s %9s %9s %-18s %7s %7s", "id", "issue", "model",
                    "forecast", "outcome", "abs err", "90% interval", "P", "Brier"));
            for (Scores.Line l : sc.lines()) {
                String interval = l.forecast().hasInterval() ? Format.num(l.forecast().lo()) + ".."
                        + Format.num(l.forecast().hi()) + (l.covered() ? " in" : " out") : "-";
                out.println(String.format(Locale.ROOT, "  %4d  %-18s %-20s %9s %9s %9s %-18s %7s %7s",
                        l.registration().id(), l.registration().issue(), l.forecast().model(),
                        Format.num(l.forecast().point()), Format.num(l.resolution().outcome()), Format.num(l.absError()),
                        interval, Format.num(l.forecast().probability()), Format.num(l.brier())));
            }
            out.println();
            out.println("Per model:");
            out.println(String.format(Locale.ROOT, "  %-20s %9s %9s %14s %9s %14s %9s %10s %9s", "model", "resolved",
                    "mean |err|", "90% coverage", "int.score", "model-err cov.", "int.score", "threshold", "Brier"));
            for (Scores.ModelScore m : sc.models()) {
                out.println(String.format(Locale.ROOT, "  %-20s %9d %10s %14s %9s %14s %9s %10d %9s", m.model(),
                        m.forecasts(), Format.num(m.meanAbsError()), m.intervals() == 0 ? "-"
                                : Format.percent(m.coverage()) + " (" + m.covered() + "/" + m.intervals() + ")",
                        Format.num(m.intervalScore()), m.modelErrorIntervals() == 0 ? "-"
                                : Format.percent(m.modelErrorCoverage()) + " (" + m.modelErrorCovered() + "/"
                                + m.modelErrorIntervals() + ")", Format.num(m.modelErrorScore()),
                        m.thresholdQuestions(), Format.num(m.brier())));
            }
            out.println();
            out.println("90% coverage / int.score: the interval over the input ranges (Monte Carlo runs); model-err: the "
                    + "calibrated model-error interval. int.score: the interval score (Gneiting and Raftery 2007), width + "
                    + "20 x the distance outside; lower is better. Brier: threshold questions with a probability.");
        }
        out.flush();
        return 0;
    }
}
