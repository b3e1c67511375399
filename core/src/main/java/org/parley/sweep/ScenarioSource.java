package org.parley.sweep;

import java.io.Serializable;

import org.parley.model.Scenario;

/**
 * A scenario that can travel to another process: a sweep ships these to its workers, each of
 * which loads the scenario itself (core cannot parse files; {@code io} provides the text-backed
 * source).
 */
public interface ScenarioSource extends Serializable {

    /** What the output calls the scenario (its file name, or the scenario id). */
    String name();

    /** The scenario; the same scenario every time it is called. */
    Scenario load();
}
