package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.Parallel;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.RunSpec;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.model.Scenario;

/**
 * Monte Carlo over the scenario's input ranges and over the models' own randomness.
 *
 * <p>Run {@code i} (0-based) has seed {@code Seeds.forRun(S, i)} for base seed {@code S}. In run
 * {@code i} every uncertain input of a world is drawn by {@link Sampler} from that seed (each input
 * from its own counter-based stream, so an input unchanged by a branch has the same draw in the
 * base and in the branch), every selected model runs on the drawn world, and a stochastic model's
 * own generator is seeded with the run seed itself (as in a point forecast). Runs are executed in
 * blocks on {@link RunSpec#threads()} threads; each run writes only its own index of the result
 * arrays, and every aggregate is computed afterwards in index order, so the result is bit-identical
 * on any number of threads. The first runs of a process's first large Monte Carlo use one thread
 * fewer, leaving a core to the JIT compiler ({@link #warmBlocks(int, int, int)}).
 *
 * <p>With {@code runs = 1} nothing is drawn: the single run is the point forecast at the stated
 * values (what {@link Simulation#run} gives), so one run never reports a random draw as "the"
 * forecast.
 *
 * <p>Only the forecast per issue of each run is kept (one {@code double} per world, model, issue
 * and run), never the trajectories, plus (when asked for sensitivity) the drawn value of each
 * uncertain input.
 */
public final class MonteCarlo {

    private static final int BLOCK = 128;
    /** The runs of the warm-up phase (see {@link #warmBlocks(int, int, int)}). */
    static final int WARM_RUNS = 512;
    /** Whether a large Monte Carlo has started in this process. */
    private static final AtomicBoolean WARMED = new AtomicBoolean();

    /**
     * Progress and cancellation of a long Monte Carlo (for a job in the web app or a progress bar).
     *
     * <p>The total is {@code spec.runs()} times the number of worlds; {@link #completed} is called
     * with each finished block's number of runs (a world whose models do not vary counts as done at
     * once), possibly from several threads at the same time, so an implementation must be
     * thread-safe (an {@code AtomicLong} is enough). {@link #cancelled} is asked before each block;
     * once it answers true no further block starts and {@link #run(Scenario, RunSpec, boolean,
     * Progress)} ends with a {@link ParleyException} {@code FAILURE} "cancelled". Reporting never
     * changes a result: the same spec gives bit-identical numbers with or without a listener.
     */
    public interface Progress {

        /** No reporting, never cancelled. */
        Progress NONE = runs -> { };

        /** Called once, before any run, with the total number of runs. */
        default void total(long runs) {
        }

        /** Called after each block with the number of runs it completed. */
        void completed(long runs);

        /** Asked before each block: true stops the work. */
        default boolean cancelled() {
            return false;
        }
    }

    private final Simulation simulation;

    public MonteCarlo(Simulation simulation) {
        this.simulation = Objects.requireNonNull(simulation, "simulation");
    }

    public Simulation simulation() {
        return simulation;
    }

    /** Runs {@code spec.runs()} runs of every selected world and model. */
    public MonteCarloResult run(Scenario scenario, RunSpec spec) {
        return run(scenario, spec, false);
    }

    /**
     * Runs {@code spec.runs()} runs of every selected world and model.
     *
     * @param keepInputs keep each run's drawn input values (for {@link Sensitivity#firstOrder})
     */
    public MonteCarloResult run(Scenario scenario, RunSpec spec, boolean keepInputs) {
        return run(scenario, spec, keepInputs, Progress.NONE);
    }

    /**
     * Runs {@code spec.runs()} runs of every selected world and model, reporting to {@code progress}.
     *
     * @param keepInputs keep each run's drawn input values (for {@link Sensitivity#firstOrder})
     * @param progress told the total, each finished block, and asked whether to stop
     * @throws ParleyException {@code FAILURE} "cancelled" when {@code progress} cancelled the work
     */
    public MonteCarloResult run(Scenario scenario, RunSpec spec, boolean keepInputs, Progress progress) {
        Objects.requireNonNull(progress, "progress");
        Simulation.Plan plan = simulation.plan(scenario, spec);
        int runs = spec.runs();
        List<BargainingModel> models = plan.models();
        int issues = scenario.issues().size();
        Map<String, MonteCarloResult.WorldRuns> out = new LinkedHashMap<>();
        List<World> busy = new ArrayList<>();
        progress.total((long) runs * plan.worlds().size());
        long idle = 0;
        for (String w : plan.worlds()) {
            Problem base = plan.problems().get(w);
            List<Input> uncertain = Inputs.uncertain(plan.resolved().get(w));
            List<Input> inputs = runs == 1 ? List.of() : uncertain;
            double[][][] forecasts = new double[models.size()][issues][runs];
            boolean[][][] deals = new boolean[models.size()][issues][runs];
            org.parley.engine.Trajectory[] pointRun = new org.parley.engine.Trajectory[models.size()];
            double[][] point = new double[models.size()][];
            double[][] drawn = keepInputs ? new double[uncertain.size()][runs] : new double[0][];
            if (runs == 1) {
                for (int j = 0; j < drawn.length; j++) {
                    drawn[j][0] = uncertain.get(j).value();
                }
            }
            long seed0 = Seeds.forRun(spec.seed(), 0);
            boolean[] varies = new boolean[models.size()];
            for (int mi = 0; mi < models.size(); mi++) {
                BargainingModel m = models.get(mi);
                pointRun[mi] = plan.outcome(m, base, seed0);
                point[mi] = pointRun[mi].forecast().clone();
                varies[mi] = runs > 1 && (plan.stochastic(m) || !inputs.isEmpty());
                if (!varies[mi]) {
                    for (int k = 0; k < issues; k++) {
                        java.util.Arrays.fill(forecasts[mi][k], point[mi][k]);
                        java.util.Arrays.fill(deals[mi][k], deal(pointRun[mi], base, k));
                    }
                }
            }
            out.put(w, new MonteCarloResult.WorldRuns(w, uncertain, forecasts, point, drawn, deals, pointRun));
            boolean any = false;
            for (boolean v : varies) {
                any |= v;
            }
            if (any) {
                busy.add(new World(base, inputs, varies, forecasts, deals, drawn));
            } else {
                idle += runs;
            }
        }
        if (idle > 0) {
            progress.completed(idle);
        }
        // a block is a range of runs over every world: run r of each world draws from the same seed
        // and the worlds share their unbranched inputs, so a thread meets a world's problem again
        // in the next world (the simulation's memo of untraced runs answers it)
        // (at least four blocks per thread when there are enough runs, so the threads stay busy)
        int size = Math.max(1, Math.min(BLOCK, runs / (4 * Parallel.threads(spec.threads()))));
        int blocks = busy.isEmpty() ? 0 : (runs + size - 1) / size;
        Parallel.RangeTask task = (lo, hi) -> {
            if (progress.cancelled()) {
                throw new ParleyException(ErrorCode.FAILURE, "cancelled");
            }
            block(plan, busy, lo, hi);
            progress.completed((long) (hi - lo) * busy.size());
        };
        int threads = Parallel.threads(spec.threads());
        int warm = warmBlocks(blocks, size, threads);
        Parallel.ranges(busy.isEmpty() ? 0 : runs, size, threads, warm * size, task);
        return new MonteCarloResult(plan, out);
    }

    /**
     * How many of the first blocks run on one thread fewer: those of the first {@value #WARM_RUNS}
     * runs of the first large Monte Carlo in a process whose JVM compiles with C2, else none.
     *
     * <p>Why: for the first seconds of a process the C2 compiler works through the models' code
     * (about 4 s of CPU for the six models on the seed scenario, bench/PROFILE.md stop 28). With a
     * worker on every core it gets a third of a core on two cores, and the workers run slow code
     * for longer; with a core left to it, it finishes sooner. On two cores the first 512 runs of the
     * six-model forecast on one worker made the whole command about 1 s (5%) faster in wall time and
     * CPU. Which thread runs a block never changes a result. The thread left out first runs run 0
     * alone, while the code is still cold, so that its first runs do not undo methods compiled
     * during the phase ({@link Parallel#ranges}; bench/PROFILE.md, stop 29).
     */
    static int warmBlocks(int blocks, int size, int threads) {
        int warm = warmBlocks(blocks, size, threads, true);
        return warm > 0 && WARMED.compareAndSet(false, true) && compilesWithC2() ? warm : 0;
    }

    /** As {@link #warmBlocks(int, int, int)} for the first large Monte Carlo of a process. */
    static int warmBlocks(int blocks, int size, int threads, boolean c2) {
        if (!c2 || threads < 2 || (long) blocks * size < 2L * WARM_RUNS) {
            return 0;
        }
        return Math.min(blocks, (WARM_RUNS + size - 1) / size);
    }

    /** Whether this JVM compiles with C2 (not {@code -XX:TieredStopAtLevel} 1-3, not {@code -Xint}). */
    private static boolean compilesWithC2() {
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm = java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return vm != null && Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4
                    && Boolean.parseBoolean(vm.getVMOption("UseCompiler").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // another JVM: no warm-up phase
        }
    }

    private static boolean deal(org.parley.engine.Trajectory t, Problem p, int k) {
        return t.consent() == null || t.consent().deal(k, p.statusQuo(k));
    }

    /** A world whose runs vary: its base problem, inputs and the arrays its runs fill. */
    private record World(Problem base, List<Input> inputs, boolean[] varies, double[][][] forecasts,
                         boolean[][][] deals, double[][] drawn) {
    }

    private static void block(Simulation.Plan plan, List<World> worlds, int lo, int hi) {
        List<BargainingModel> models = plan.models();
        Inputs.Editor[] editors = new Inputs.Editor[worlds.size()];
        double[][] values = new double[worlds.size()][];
        for (int wi = 0; wi < editors.length; wi++) {
            editors[wi] = new Inputs.Editor(worlds.get(wi).base());
            values[wi] = new double[worlds.get(wi).inputs().size()];
        }
        Problem[] drawnWorld = new Problem[editors.length];
        for (int r = lo; r < hi; r++) {
            // a run per call: the JIT compiles the run's code once, not again for each loop it
            // enters by on-stack replacement (bench/PROFILE.md, stop 26); the models' loop bodies
            // are small methods for the same reason
            run(plan, worlds, editors, values, drawnWorld, models, r);
        }
    }

    /** Run {@code r} of every world: draw its inputs, then each model on each world. */
    private static void run(Simulation.Plan plan, List<World> worlds, Inputs.Editor[] editors, double[][] values,
                            Problem[] drawnWorld, List<BargainingModel> models, int r) {
        long seed = Seeds.forRun(plan.spec().seed(), r);
        long inSeed = Sampler.inputSeed(seed);
        for (int wi = 0; wi < editors.length; wi++) {
            drawnWorld[wi] = draw(worlds.get(wi), editors[wi], values[wi], inSeed, r);
        }
        // model by model over the worlds, so a model meets its problems again while they are recent
        for (int mi = 0; mi < models.size(); mi++) {
            for (int wi = 0; wi < editors.length; wi++) {
                World w = worlds.get(wi);
                if (w.varies()[mi]) {
                    store(w, mi, r, drawnWorld[wi], plan.outcomeAndDeals(models.get(mi), drawnWorld[wi], seed));
                }
            }
        }
    }

    /** A world's problem with run {@code r}'s draws of its inputs (kept when the world records them). */
    private static Problem draw(World w, Inputs.Editor editor, double[] v, long inSeed, int r) {
        List<Input> inputs = w.inputs();
        Sampler.draw(inputs, inSeed, v);
        for (int j = 0; j < w.drawn().length; j++) {
            w.drawn()[j][r] = v[j];
        }
        return inputs.isEmpty() ? w.base() : editor.with(inputs, v);
    }

    private static void store(World w, int mi, int r, Problem p, org.parley.engine.Trajectory t) {
        double[] f = t.forecast();
        double[][] target = w.forecasts()[mi];
        for (int k = 0; k < target.length; k++) {
            target[k][r] = f[k];
            w.deals()[mi][k][r] = deal(t, p, k);
        }
    }
}
