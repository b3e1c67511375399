package org.parley.web;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.ForecastResult;
import org.parley.engine.ModelOptions;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.engine.ScenarioValidator;
import org.parley.engine.Simulation;
import org.parley.model.Scenario;

/**
 * Runs forecasts: as background jobs with progress and cancellation, or at once for small
 * requests. A job runs one (world, model) step at a time, so progress is counted in steps and a
 * cancelled job stops at the next step. Each step runs with the spec's seed, so a job's result is
 * the same as {@link Simulation#run} of the whole spec (a run's seed depends on the base seed and
 * the run index only).
 */
public final class RunService implements AutoCloseable {

    /** Told on the job's thread when a job starts, steps or ends (e.g. the CLI's progress bar); ends once. */
    public interface Listener {
        void changed(RunJob job);
    }

    /** Largest round limit and run count a request may ask for. */
    public static final int MAX_ROUNDS = 10_000;
    public static final int MAX_RUNS = 10_000;

    private final Simulation simulation;
    private final RunRepository runs;
    private final InstantSource clock;
    private final ExecutorService pool;
    private final AtomicLong sequence = new AtomicLong();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RunService(Simulation simulation, RunRepository runs, InstantSource clock, int threads, int maxQueued) {
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(maxQueued),
                r -> {
                    Thread t = new Thread(r, "parley-job");
                    t.setDaemon(true);
                    return t;
                });
    }

    public Simulation simulation() {
        return simulation;
    }

    public void addListener(Listener l) {
        listeners.add(Objects.requireNonNull(l, "listener"));
    }

    /**
     * Checks a spec against a scenario before any work: known models and worlds, every option
     * taken by some selected model, bounded rounds and runs.
     */
    public void check(Scenario scenario, RunSpec spec) {
        ScenarioValidator.require(scenario, org.parley.engine.Locator.none());
        if (spec.rounds() > MAX_ROUNDS) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "rounds must be <= " + MAX_ROUNDS + ", was " + spec.rounds());
        }
        if (spec.runs() > MAX_RUNS) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "runs must be <= " + MAX_RUNS + ", was " + spec.runs());
        }
        simulation.plan(scenario, spec); // the models, worlds and options, checked as a forecast checks them
    }

    /** Starts a job; fails at once (nothing queued) when the spec is wrong or the queue is full. */
    public RunJob submit(String scenarioId, int version, Scenario scenario, RunSpec spec, List<String> warnings) {
        check(scenario, spec);
        Simulation.Plan plan = simulation.plan(scenario, spec);
        List<BargainingModel> models = plan.models();
        List<String> worlds = plan.worlds();
        String id = String.format(Locale.ROOT, "run-%06d", sequence.incrementAndGet());
        RunJob job = new RunJob(id, scenarioId, version, spec, models.size() * worlds.size(), clock.instant());
        try {
            synchronized (job) {
                job.attach(pool.submit(() -> execute(job, scenario, models, worlds, warnings)));
            }
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "BUSY", "too many forecasts are waiting; try again shortly");
        }
        runs.add(job);
        return job;
    }

    /** Runs a forecast on the calling thread (one thread, no job): for small, quick requests. */
    public ForecastResult runNow(Scenario scenario, RunSpec spec, List<String> warnings) {
        check(scenario, spec);
        return simulation.run(scenario, spec.withThreads(1), warnings);
    }

    public boolean cancel(RunJob job) {
        boolean c = job.cancel(clock.instant());
        if (c) {
            ended(job);
        }
        return c;
    }

    private void execute(RunJob job, Scenario scenario, List<BargainingModel> models, List<String> worlds,
                         List<String> warnings) {
        if (!job.start()) {
            return;
        }
        notify(job);
        try {
            Map<String, Problem> problems = new LinkedHashMap<>();
            List<RunResult> results = new ArrayList<>();
            for (String w : worlds) {
                problems.put(w, Problem.of(scenario.resolve(w)));
                for (BargainingModel m : models) {
                    if (job.cancelRequested() || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    RunSpec step = job.spec().withWorlds(List.of(w)).withModels(List.of(m.id()))
                            .withOptions(optionsFor(m, job.spec().options())).withThreads(1);
                    results.addAll(simulation.run(scenario, step, warnings).runs());
                    job.step();
                    notify(job);
                }
            }
            job.succeed(new ForecastResult(scenario, job.spec(), problems, results, warnings), clock.instant());
        } catch (ParleyException e) {
            job.fail(e.code().name(), e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            job.fail(ErrorCode.FAILURE.name(), "the forecast failed: " + e.getClass().getSimpleName(), clock.instant());
            org.slf4j.LoggerFactory.getLogger(RunService.class).warn("run {} failed", job.id(), e);
        }
        ended(job);
    }

    /** Tells the repository and the listeners once that a job has ended. */
    private void ended(RunJob job) {
        if (job.reportEnd()) {
            runs.finished(job);
            notify(job);
        }
    }

    /** The spec's options that a one-model step accepts: the model's own keys and prefixed keys. */
    private Map<String, String> optionsFor(BargainingModel m, Map<String, String> all) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            String key = e.getKey().strip();
            int dot = key.indexOf('.');
            boolean prefixed = dot > 0 && simulation.models().stream().anyMatch(x -> x.id().equals(key.substring(0, dot)));
            if (prefixed || takes(m, key, e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static boolean takes(BargainingModel m, String key, String value) {
        return key.equals(ModelOptions.PRESET) ? m.presets().containsKey(value.strip())
                : m.options().stream().anyMatch(o -> o.key().equals(key));
    }

    private void notify(RunJob job) {
        for (Listener l : listeners) {
            l.changed(job);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
