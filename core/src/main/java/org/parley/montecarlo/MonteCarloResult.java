package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.Simulation;
import org.parley.model.Branch;
import org.parley.model.Scenario;
import org.parley.model.Threshold;

/**
 * The runs of a Monte Carlo forecast: per world, model, issue and run, the forecast; per world and
 * model the point forecast at the stated values; summaries and the branch mixture on demand.
 */
public final class MonteCarloResult {

    /**
     * What one world's runs produced.
     *
     * @param world     world id
     * @param inputs    the world's uncertain inputs, in slot order
     * @param forecasts {@code [model][issue][run]}
     * @param point     {@code [model][issue]}: the forecast at the stated values (run 0's seed)
     * @param drawn     {@code [input][run]}: the drawn input values, or empty when not kept
     * @param deals     {@code [model][issue][run]}: whether the consent stage let the run make a deal
     * @param pointRun  per model, the point forecast's trajectory without a trace (its consent result)
     */
    record WorldRuns(String world, List<Input> inputs, double[][][] forecasts, double[][] point, double[][] drawn,
                     boolean[][][] deals, org.parley.engine.Trajectory[] pointRun) {
    }

    private final Simulation.Plan plan;
    private final Map<String, WorldRuns> worlds;
    /** Summaries already made, by world, model and issue (the runs never change after the run). */
    private final Map<String, Summary> summaries = new java.util.concurrent.ConcurrentHashMap<>();
    /** The finite forecasts of a world, model and issue, sorted (made once: summaries and mixtures read them). */
    private final Map<String, double[]> sorted = new java.util.concurrent.ConcurrentHashMap<>();

    MonteCarloResult(Simulation.Plan plan, Map<String, WorldRuns> worlds) {
        this.plan = plan;
        this.worlds = Collections.unmodifiableMap(new LinkedHashMap<>(worlds));
    }

    public Simulation.Plan plan() {
        return plan;
    }

    /**
     * The bottom line over the runs: P(yes) per threshold question and model, mixed over the
     * probability branches and the chance of talks; P(deal) per world, model and issue.
     */
    public org.parley.engine.BottomLine bottomLine() {
        List<String> models = models();
        org.parley.engine.BottomLine.Runs runs = new org.parley.engine.BottomLine.Runs() {
            @Override
            public double[][] outcomes(String world, String model) {
                return world(world).forecasts()[models.indexOf(model)];
            }

            @Override
            public boolean[][] deals(String world, String model) {
                return world(world).deals()[models.indexOf(model)];
            }

            @Override
            public org.parley.engine.Trajectory first(String world, String model) {
                return world(world).pointRun()[models.indexOf(model)];
            }
        };
        return org.parley.engine.BottomLine.compute(scenario(), worlds(), models, plan.problems(), runs, runs());
    }

    public Scenario scenario() {
        return plan.scenario();
    }

    public int runs() {
        return plan.spec().runs();
    }

    public long seed() {
        return plan.spec().seed();
    }

    public List<String> worlds() {
        return plan.worlds();
    }

    public List<String> models() {
        return plan.models().stream().map(BargainingModel::id).toList();
    }

    public List<String> issues() {
        return plan.scenario().issues().stream().map(i -> i.id()).toList();
    }

    /** The thresholds the scenario names on an issue. */
    public List<Threshold> thresholds(String issue) {
        return plan.scenario().issue(issue).map(i -> i.thresholds()).orElseThrow(() -> unknown("issue", issue));
    }

    /** The uncertain inputs of a world, in slot order. */
    public List<Input> inputs(String world) {
        return world(world).inputs();
    }

    /** The forecast of every run (a copy), NaN where the model gave none. */
    public double[] forecasts(String world, String model, String issue) {
        return world(world).forecasts()[modelIndex(model)][issueIndex(issue)].clone();
    }

    /** The forecast at the stated values. */
    public double point(String world, String model, String issue) {
        return world(world).point()[modelIndex(model)][issueIndex(issue)];
    }

    /** Whether the drawn input values were kept ({@code keepInputs}). */
    public boolean hasInputs(String world) {
        WorldRuns w = world(world);
        return w.drawn().length == w.inputs().size() && (w.inputs().isEmpty() || w.drawn()[0].length == runs());
    }

    /** The drawn values of input {@code j} of a world, one per run (a copy). */
    public double[] drawn(String world, int j) {
        WorldRuns w = world(world);
        if (!hasInputs(world)) {
            throw new IllegalStateException("input draws were not kept for world " + world);
        }
        return w.drawn()[j].clone();
    }

    /** The summary of one world, model and issue (made once: the report and the comparison both ask). */
    public Summary summary(String world, String model, String issue) {
        int m = modelIndex(model);
        int k = issueIndex(issue);
        return summaries.computeIfAbsent(world + '\n' + m + '\n' + k,
                key -> Summary.ofSorted(sorted(world, m, k), runs(), thresholds(issue)));
    }

    /** The finite forecasts of a world, model index and issue index, sorted ascending (shared: do not change). */
    double[] sorted(String world, int m, int k) {
        return sorted.computeIfAbsent(world + '\n' + m + '\n' + k,
                key -> Summary.finiteSorted(world(world).forecasts()[m][k]));
    }

    /**
     * Makes every summary a report reads (each world, model and issue, and the branch mixtures) now,
     * on the plan's threads: the same summaries as asking for them one by one, sooner.
     */
    public void summarise() {
        List<String> ws = worlds();
        List<String> ms = models();
        List<String> ks = issues();
        int per = ms.size() * ks.size();
        int threads = plan.spec().threads();
        org.parley.engine.Parallel.map(ws.size() * per, threads,
                i -> summary(ws.get(i / per), ms.get(i / ks.size() % ms.size()), ks.get(i % ks.size())));
        if (!mixtureWeights().isEmpty()) {
            org.parley.engine.Parallel.map(per, threads, i -> mixture(ms.get(i / ks.size()), ks.get(i % ks.size())));
        }
    }

    /**
     * The weights of the branch mixture: every branch that carries a probability, its probability
     * divided by their sum (so the weights sum to 1 even when the stated probabilities are off by
     * rounding). Empty when no branch carries a probability or when one of them was not forecast.
     */
    public Map<String, Double> mixtureWeights() {
        return mixtureWeights(plan.scenario(), plan.worlds());
    }

    /** See {@link #mixtureWeights()}. */
    public static Map<String, Double> mixtureWeights(Scenario scenario, List<String> forecastWorlds) {
        List<Branch> weighted = scenario.branches().stream().filter(b -> !b.isWhatIf()).toList();
        double sum = 0;
        for (Branch b : weighted) {
            if (!forecastWorlds.contains(b.id())) {
                return Map.of();
            }
            sum += b.probability();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (weighted.isEmpty() || sum <= 0) {
            return out;
        }
        for (Branch b : weighted) {
            out.put(b.id(), b.probability() / sum);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The probability-weighted mixture of the branches (see {@link Summary#mixture}); empty when none. */
    public java.util.Optional<Summary> mixture(String model, String issue) {
        Map<String, Double> weights = mixtureWeights();
        if (weights.isEmpty()) {
            return java.util.Optional.empty();
        }
        int m = modelIndex(model);
        int k = issueIndex(issue);
        return java.util.Optional.of(summaries.computeIfAbsent("\nmixture\n" + m + '\n' + k, key -> {
            List<double[]> samples = new ArrayList<>();
            double[] w = new double[weights.size()];
            int b = 0;
            for (Map.Entry<String, Double> e : weights.entrySet()) {
                samples.add(sorted(e.getKey(), m, k));
                w[b++] = e.getValue();
            }
            return Summary.mixtureSorted(samples, runs() * samples.size(), w, thresholds(issue));
        }));
    }

    WorldRuns world(String world) {
        WorldRuns w = worlds.get(world);
        if (w == null) {
            throw unknown("world", world);
        }
        return w;
    }

    int modelIndex(String model) {
        int i = models().indexOf(model);
        if (i < 0) {
            throw unknown("model", model);
        }
        return i;
    }

    int issueIndex(String issue) {
        int k = issues().indexOf(issue);
        if (k < 0) {
            throw unknown("issue", issue);
        }
        return k;
    }

    private static ParleyException unknown(String what, String id) {
        return new ParleyException(ErrorCode.UNKNOWN_ID, "no " + what + " '" + id + "' in this result");
    }
}
