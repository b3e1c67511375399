package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.backtest.Backtest;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.sweep.TextScenarioSource;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.sweep.ScenarioSource;
import org.parley.sweep.SweepEngine;

/**
 * {@code parley backtest --engine spark}: every case's models run as one task on the sweep
 * engine, each case's world travelling as Parley YAML ({@link TextScenarioSource}, checked to read
 * back identical); a task is {@link Backtest#runCase} on a worker, so the forecasts, and every
 * score after them, equal {@code --engine local}'s. Every case is planned here first, so an
 * unknown model, a bad option or a problem of the data fails before any task is sent.
 */
final class EngineCases implements Backtest.CaseRunner {

    private final SweepEngine engine;
    private final PrintWriter err;
    /** Each world's source, made once: a protocol backtest runs the same worlds again for its candidates. */
    private final Map<Scenario, ScenarioSource> made = new HashMap<>();

    EngineCases(SweepEngine engine, PrintWriter err) {
        this.engine = engine;
        this.err = err;
    }

    @Override
    public List<Backtest.CaseForecasts> run(Simulation simulation, List<Scenario> worlds, RunSpec spec,
                                            List<String> models, int threads) {
        List<ScenarioSource> sources = new ArrayList<>();
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < worlds.size(); i++) {
            Backtest.check(simulation, worlds.get(i), spec);
            Scenario w = worlds.get(i);
            String name = w.id() == null ? "case " + i : w.id();
            sources.add(made.computeIfAbsent(w, x -> TextScenarioSource.of(name, x)));
            items.add(i);
        }
        SweepBar bar = new SweepBar(err, "backtest on " + engine.id(), "cases", items.size(), items.size());
        List<Backtest.CaseForecasts> out = engine.map(items, new Case(sources, spec, models), bar);
        bar.finish();
        return out;
    }

    /** Runs one case's models on a worker; carries the worlds and the settings as plain values. */
    static final class Case implements SweepEngine.Task<Integer, Backtest.CaseForecasts> {
        private static final long serialVersionUID = 1L;
        private static volatile Simulation simulation;
        /** Worlds read on this worker, by source: a protocol backtest runs the same worlds several times. */
        private static final Map<ScenarioSource, Scenario> READ = java.util.Collections.synchronizedMap(
                new LinkedHashMap<>(256, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<ScenarioSource, Scenario> eldest) {
                        return size() > 2048;
                    }
                });

        private final List<ScenarioSource> sources;
        private final List<String> models;
        private final List<String> worlds;
        private final LinkedHashMap<String, String> options;
        private final int rounds;
        private final long seed;

        Case(List<ScenarioSource> sources, RunSpec spec, List<String> models) {
            this.sources = new ArrayList<>(sources);
            this.models = new ArrayList<>(models);
            this.worlds = new ArrayList<>(spec.worlds());
            this.options = new LinkedHashMap<>(spec.options());
            this.rounds = spec.rounds();
            this.seed = spec.seed();
        }

        @Override
        public Backtest.CaseForecasts apply(Integer i) {
            Simulation sim = simulation;
            if (sim == null) {
                sim = Models.simulation();
                simulation = sim;
            }
            RunSpec spec = new RunSpec(models, worlds, rounds, options, seed, 1, 1);
            ScenarioSource source = sources.get(i);
            Scenario world = READ.get(source);
            if (world == null) {
                world = source.load();
                READ.put(source, world);
            }
            return Backtest.runCase(sim, world, spec, models);
        }
    }
}
