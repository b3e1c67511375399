package org.parley.models;

import java.util.List;

import org.parley.engine.Simulation;

/** Model sets for tests that are about something other than the models themselves. */
public final class TestModels {

    private TestModels() {
    }

    /**
     * The three static baselines: fast enough for thousands of Monte Carlo runs, and a fixed set,
     * so a test's expected output does not change when a model is registered.
     */
    public static Simulation baselines() {
        return new Simulation(List.of(Models.compromise(), Models.median(), Models.nash()));
    }
}
