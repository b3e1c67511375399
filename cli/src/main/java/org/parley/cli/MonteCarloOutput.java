package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.parley.engine.Numbers;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.io.report.MonteCarloReport;
import org.parley.io.results.ResultFormat;
import org.parley.io.svg.PlotWriter;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.MonteCarloResult;
import org.parley.montecarlo.Sensitivity;
import org.parley.montecarlo.Summary;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/** What {@code forecast --runs N} and {@code --plot DIR} print and write. */
final class MonteCarloOutput {

    private MonteCarloOutput() {
    }

    /** Runs Monte Carlo and prints the distributions (table) or one CSV row per world, model and issue. */
    static MonteCarloResult forecast(Scenarios.Loaded loaded, RunSpec spec, ResultFormat format, PrintWriter out) {
        return forecast(loaded, spec, format, out, null);
    }

    /**
     * The same, with a progress bar on {@code err} while the runs go, when stderr is a terminal
     * ({@code err} may be null: no bar).
     */
    static MonteCarloResult forecast(Scenarios.Loaded loaded, RunSpec spec, ResultFormat format, PrintWriter out,
                                     PrintWriter err) {
        if (format != ResultFormat.TABLE && format != ResultFormat.CSV) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "with --runs above 1 the formats are table and csv, not "
                    + format.id());
        }
        boolean terminal = err != null && ProgressBar.isTerminal();
        MonteCarlo.Progress progress = terminal ? new BarProgress(new ProgressBar(err, true)) : MonteCarlo.Progress.NONE;
        MonteCarloResult r = new MonteCarlo(Models.simulation()).run(loaded.scenario(), spec, false, progress);
        if (terminal) {
            ((BarProgress) progress).bar.finish("Monte Carlo", r.runs() + " runs");
        }
        r.summarise();
        if (format == ResultFormat.CSV) {
            csv(r, out);
        } else {
            org.parley.io.results.TableWriter.writeBottomLine(r.bottomLine(), out);
            out.print("\n");
            MonteCarloReport.distributions(r, out);
        }
        return r;
    }

    /**
     * {@code world,model,issue,runs,valid,point,mean,sd,p5,p25,median,p75,p95,threshold,share}: one row
     * per threshold (threshold and share empty when the issue has none); world {@code mixture} for
     * the branch mixture.
     */
    static void csv(MonteCarloResult r, PrintWriter out) {
        out.print("world,model,issue,runs,valid,point,mean,sd,p5,p25,median,p75,p95,threshold,share\n");
        for (String w : r.worlds()) {
            for (String m : r.models()) {
                for (String k : r.issues()) {
                    row(out, w, m, k, r.point(w, m, k), r.summary(w, m, k));
                }
            }
        }
        if (!r.mixtureWeights().isEmpty()) {
            for (String m : r.models()) {
                for (String k : r.issues()) {
                    row(out, "mixture", m, k, Double.NaN, r.mixture(m, k).orElseThrow());
                }
            }
        }
        out.flush();
    }

    private static void row(PrintWriter out, String w, String m, String k, double point, Summary s) {
        String head = String.join(",", w, m, k, Integer.toString(s.runs()), Integer.toString(s.valid()), num(point),
                num(s.mean()), num(s.sd()), num(s.p5()), num(s.p25()), num(s.median()), num(s.p75()), num(s.p95()));
        if (s.shares().isEmpty()) {
            out.print(head + ",,\n");
        }
        for (Summary.Share sh : s.shares()) {
            out.print(head + "," + sh.threshold().id() + "," + num(sh.share()) + "\n");
        }
    }

    private static String num(double d) {
        return Double.isNaN(d) ? "" : Numbers.format(d);
    }

    /**
     * Writes the charts of a forecast: trajectories (point forecast), distributions (when
     * {@code result} is given, from its runs: nothing is run again) and, when asked, tornadoes
     * (one-at-a-time sensitivities of every world, model and issue).
     */
    static List<Path> plot(Path dir, Scenario scenario, RunSpec spec, MonteCarloResult result, boolean tornadoes,
                           PrintWriter err) {
        PlotWriter w = new PlotWriter(dir);
        Simulation sim = Models.simulation();
        w.trajectories(sim.run(scenario, spec.withRuns(1)));
        if (result != null) {
            w.distributions(result);
        }
        if (tornadoes) {
            Simulation.Plan plan = sim.plan(scenario, spec.withRuns(1));
            for (String world : plan.worlds()) {
                w.tornadoes(scenario, Sensitivity.oneAtATime(plan, world));
            }
        }
        err.println("parley: wrote " + w.written().size() + " charts to " + dir);
        err.flush();
        return w.written();
    }

    /** Draws Monte Carlo's progress (runs done of runs x worlds) on a {@link ProgressBar}. */
    static final class BarProgress implements MonteCarlo.Progress {
        private final ProgressBar bar;
        private final String label;
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        private volatile long total;

        BarProgress(ProgressBar bar) {
            this(bar, "Monte Carlo");
        }

        BarProgress(ProgressBar bar, String label) {
            this.bar = bar;
            this.label = label;
        }

        void finish(String outcome) {
            bar.finish(label, outcome);
        }

        @Override
        public void total(long runs) {
            total = runs;
        }

        @Override
        public void completed(long runs) {
            bar.update(label, (int) Math.min(Integer.MAX_VALUE, done.addAndGet(runs)),
                    (int) Math.min(Integer.MAX_VALUE, total));
        }
    }
}
