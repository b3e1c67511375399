package org.parley.io;

import java.util.List;

import org.parley.engine.Locator;
import org.parley.engine.ScenarioProblem;
import org.parley.model.Scenario;

/**
 * What a peer reader produced: the scenario, where its values stand in the file, and warnings
 * (e.g. saliences read on 0-1).
 */
public record Imported(Scenario scenario, Locator locator, List<ScenarioProblem> warnings) {
    public Imported {
        warnings = List.copyOf(warnings);
    }
}
