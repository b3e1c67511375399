package org.parley.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.parley.engine.BargainingModel;
import org.parley.engine.BottomLine;
import org.parley.engine.Problem;
import org.parley.engine.Seeds;
import org.parley.engine.Simulation;
import org.parley.engine.Trajectory;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Threshold;
import org.parley.montecarlo.Input;
import org.parley.montecarlo.Inputs;
import org.parley.montecarlo.Sampler;
import org.parley.montecarlo.Summary;

/**
 * A sweep ready to run: its cells (scenario x grid point x world, in that nesting order), the
 * tasks they are cut into, how one task is computed and how the tasks' results become each
 * cell's statistics. Every engine runs the same {@link #compute} on the same {@link Unit}s and
 * hands the results to the same {@link #assemble}, so the statistics are bit-identical whatever
 * runs them and however the tasks are spread.
 *
 * <p>A cell's run {@code i} is exactly run {@code i} of {@code parley forecast --runs N} with the
 * cell's options and world: seed {@code Seeds.forRun(seed, i)}, the same counter-based input
 * draws, the same models; its statistics are those of {@link Summary#of}. The cell's point
 * forecast is the forecast at the stated values.
 */
public final class Sweep {

    /**
     * One cell.
     *
     * @param index    position in the sweep
     * @param scenario index of the scenario in {@link SweepSpec#scenarios()}
     * @param point    index of the grid point
     * @param world    world id
     */
    public record Cell(int index, int scenario, int point, String world) {
    }

    /**
     * A task: runs {@code [lo, hi)} of one cell.
     *
     * @param cell cell index
     * @param lo   first run
     * @param hi   one past the last run
     */
    public record Unit(int cell, int lo, int hi) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * What a task gives back: the finished cell when the task held all its runs, else the block's
     * forecasts and deals {@code [model][issue][run - lo]} (and the point forecast when {@code lo == 0}).
     */
    public record UnitResult(int cell, int lo, CellResult done, double[][][] forecasts, boolean[][][] deals,
                             double[][] point)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final SweepSpec spec;
    private final Simulation simulation;
    private final List<Scenario> scenarios;
    private final List<String> names;
    private final int points;
    private final AtomicReferenceArray<Simulation.Plan> plans;
    private final List<Cell> cells;

    private Sweep(SweepSpec spec, Simulation simulation, List<Scenario> scenarios) {
        this.spec = spec;
        this.simulation = simulation;
        this.scenarios = List.copyOf(scenarios);
        this.names = spec.scenarios().stream().map(ScenarioSource::name).toList();
        this.points = spec.grid().size();
        this.plans = new AtomicReferenceArray<>(scenarios.size() * points);
        List<Cell> c = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            List<String> worlds = plan(s, 0).worlds();
            for (int p = 0; p < points; p++) {
                for (String w : worlds) {
                    c.add(new Cell(c.size(), s, p, w));
                }
            }
        }
        this.cells = List.copyOf(c);
    }

    /** A sweep of scenarios already loaded (in the order of {@code spec.scenarios()}). */
    public static Sweep of(SweepSpec spec, List<Scenario> loaded, Simulation simulation) {
        Objects.requireNonNull(spec, "spec");
        if (loaded.size() != spec.scenarios().size()) {
            throw new IllegalArgumentException(loaded.size() + " scenarios for " + spec.scenarios().size() + " sources");
        }
        return new Sweep(spec, simulation, loaded);
    }

    /** A sweep whose scenarios are loaded from their sources (on a worker). */
    public static Sweep load(SweepSpec spec, Simulation simulation) {
        List<Scenario> loaded = new ArrayList<>();
        for (ScenarioSource s : spec.scenarios()) {
            loaded.add(s.load());
        }
        return new Sweep(spec, simulation, loaded);
    }

    public SweepSpec spec() {
        return spec;
    }

    public List<Cell> cells() {
        return cells;
    }

    public Cell cell(int index) {
        return cells.get(index);
    }

    public Scenario scenario(int index) {
        return scenarios.get(index);
    }

    public String scenarioName(int index) {
        return names.get(index);
    }

    /** Number of grid points. */
    public int points() {
        return points;
    }

    /** The option values of grid point {@code index}. */
    public Map<String, String> point(int index) {
        return spec.grid().point(index);
    }

    /** The model ids of every cell, in order. */
    public List<String> models() {
        return plan(0, 0).models().stream().map(BargainingModel::id).toList();
    }

    /** The plan of the cells of scenario {@code s} at grid point {@code p} (built once, thread-safe). */
    public Simulation.Plan plan(int s, int p) {
        int i = s * points + p;
        Simulation.Plan plan = plans.get(i);
        if (plan == null) {
            plan = simulation.plan(scenarios.get(s), spec.runSpec(spec.grid().point(p)));
            plans.compareAndSet(i, null, plan);
        }
        return plan;
    }

    /**
     * Plans every scenario at every grid point, so that a scenario problem, an unknown model or
     * branch and a bad option value fail here, before any task is scheduled.
     */
    public void validate() {
        for (int s = 0; s < scenarios.size(); s++) {
            for (int p = 0; p < points; p++) {
                plan(s, p);
            }
        }
    }

    /** The tasks: every cell cut into blocks of {@code spec.block()} runs, in cell and run order. */
    public List<Unit> units() {
        List<Unit> out = new ArrayList<>();
        int runs = spec.runs();
        for (Cell c : cells) {
            for (int lo = 0; lo < runs; lo += spec.block()) {
                out.add(new Unit(c.index(), lo, Math.min(runs, lo + spec.block())));
            }
        }
        return out;
    }

    /** Computes one task. A pure function of the spec and the unit. */
    public UnitResult compute(Unit u) {
        Cell c = cells.get(u.cell());
        Simulation.Plan plan = plan(c.scenario(), c.point());
        Problem base = plan.problems().get(c.world());
        List<Input> inputs = spec.runs() == 1 ? List.of() : Inputs.uncertain(plan.resolved().get(c.world()));
        List<BargainingModel> models = plan.models();
        int issues = base.issueCount();
        int n = u.hi() - u.lo();
        double[][][] f = new double[models.size()][issues][n];
        boolean[][][] deals = new boolean[models.size()][issues][n];
        double[][] point = new double[models.size()][];
        boolean[] varies = new boolean[models.size()];
        long seed0 = Seeds.forRun(spec.seed(), 0);
        boolean any = false;
        for (int mi = 0; mi < models.size(); mi++) {
            BargainingModel m = models.get(mi);
            Trajectory t0 = plan.outcome(m, base, seed0);
            point[mi] = t0.forecast().clone();
            varies[mi] = spec.runs() > 1 && (plan.stochastic(m) || !inputs.isEmpty());
            any |= varies[mi];
            if (!varies[mi]) {
                for (int k = 0; k < issues; k++) {
                    Arrays.fill(f[mi][k], point[mi][k]);
                    Arrays.fill(deals[mi][k], deal(t0, base, k));
                }
            }
        }
        if (any) {
            Inputs.Editor editor = new Inputs.Editor(base);
            double[] values = new double[inputs.size()];
            for (int r = u.lo(); r < u.hi(); r++) {
                long seed = Seeds.forRun(spec.seed(), r);
                Sampler.draw(inputs, Sampler.inputSeed(seed), values);
                Problem p = inputs.isEmpty() ? base : editor.with(inputs, values);
                for (int mi = 0; mi < models.size(); mi++) {
                    if (!varies[mi]) {
                        continue;
                    }
                    Trajectory t = plan.outcome(models.get(mi), p, seed);
                    double[] fm = t.forecast();
                    for (int k = 0; k < issues; k++) {
                        f[mi][k][r - u.lo()] = fm[k];
                        deals[mi][k][r - u.lo()] = deal(t, p, k);
                    }
                }
            }
        }
        if (u.lo() == 0 && u.hi() == spec.runs()) {
            return new UnitResult(u.cell(), u.lo(), summarise(c, point, f, deals), null, null, null);
        }
        return new UnitResult(u.cell(), u.lo(), null, f, deals, u.lo() == 0 ? point : null);
    }

    /** Whether the consent stage let the run make a deal on issue {@code k} (true where no stage ran). */
    private static boolean deal(Trajectory t, Problem p, int k) {
        return t.consent() == null || t.consent().deal(k, p.statusQuo(k));
    }

    /**
     * Every cell's statistics from the tasks' results (given in {@link #units()} order), in cell
     * order. A cell cut into several tasks is put back together in run order before its
     * statistics are computed.
     */
    public List<CellResult> assemble(List<UnitResult> results) {
        CellResult[] out = new CellResult[cells.size()];
        Map<Integer, List<UnitResult>> parts = new LinkedHashMap<>();
        for (UnitResult r : results) {
            if (r.done() != null) {
                out[r.cell()] = r.done();
            } else {
                parts.computeIfAbsent(r.cell(), k -> new ArrayList<>()).add(r);
            }
        }
        for (Map.Entry<Integer, List<UnitResult>> e : parts.entrySet()) {
            List<UnitResult> blocks = new ArrayList<>(e.getValue());
            blocks.sort((a, b) -> Integer.compare(a.lo(), b.lo()));
            double[][] point = blocks.get(0).point();
            int models = blocks.get(0).forecasts().length;
            int issues = models == 0 ? 0 : blocks.get(0).forecasts()[0].length;
            double[][][] f = new double[models][issues][spec.runs()];
            boolean[][][] d = new boolean[models][issues][spec.runs()];
            int covered = 0;
            for (UnitResult b : blocks) {
                if (b.lo() != covered) {
                    throw new IllegalStateException("cell " + e.getKey() + ": runs from " + covered + " are missing");
                }
                int n = 0;
                for (int mi = 0; mi < models; mi++) {
                    for (int k = 0; k < issues; k++) {
                        double[] src = b.forecasts()[mi][k];
                        System.arraycopy(src, 0, f[mi][k], b.lo(), src.length);
                        System.arraycopy(b.deals()[mi][k], 0, d[mi][k], b.lo(), src.length);
                        n = src.length;
                    }
                }
                covered += n;
            }
            out[e.getKey()] = summarise(cells.get(e.getKey()), point, f, d);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("cell " + i + " has no result");
            }
        }
        return List.of(out);
    }

    private CellResult summarise(Cell c, double[][] point, double[][][] f, boolean[][][] deals) {
        Scenario s = scenarios.get(c.scenario());
        List<Issue> issues = s.issues();
        double talks = plan(c.scenario(), c.point()).problems().get(c.world()).consentRules().talks();
        int models = f.length;
        int[][] valid = new int[models][issues.size()];
        double[][][] stats = new double[models][issues.size()][];
        double[][][] shares = new double[models][issues.size()][];
        double[][][] past = new double[models][issues.size()][];
        for (int mi = 0; mi < models; mi++) {
            for (int k = 0; k < issues.size(); k++) {
                List<Threshold> th = issues.get(k).thresholds();
                Summary sum = Summary.of(f[mi][k], th);
                valid[mi][k] = sum.valid();
                stats[mi][k] = new double[] {sum.mean(), sum.sd(), sum.min(), sum.p5(), sum.p25(), sum.median(),
                    sum.p75(), sum.p95(), sum.max(), talks, BottomLine.dealShare(deals[mi][k]),
                    talks * BottomLine.dealShare(deals[mi][k])};
                double[] sh = new double[th.size()];
                double[] pa = new double[th.size()];
                for (int t = 0; t < sh.length; t++) {
                    sh[t] = sum.shares().get(t).share();
                    pa[t] = BottomLine.share(f[mi][k], th.get(t));
                }
                shares[mi][k] = sh;
                past[mi][k] = pa;
            }
        }
        return new CellResult(c.index(), spec.runs(), point, valid, stats, shares, past,
                spec.keepRuns() ? f : null);
    }
}
