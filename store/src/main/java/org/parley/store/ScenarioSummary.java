package org.parley.store;

/**
 * A scenario in the store: its latest version, how many versions were saved and how many runs
 * were made on any of them.
 */
public record ScenarioSummary(ScenarioVersion latest, int versions, int runs) {
}
