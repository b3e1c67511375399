package org.parley.spark;

import org.parley.sweep.SweepEngine;

/** Makes the {@code spark} engine available to {@code parley sweep --engine spark} (via ServiceLoader). */
public final class SparkSweepEngineProvider implements SweepEngine.Provider {

    @Override
    public String id() {
        return SparkSweepEngine.ID;
    }

    @Override
    public SweepEngine open(SweepEngine.Settings settings) {
        return SparkSweepEngine.open(settings);
    }
}
