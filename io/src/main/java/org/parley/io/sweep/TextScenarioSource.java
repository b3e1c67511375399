package org.parley.io.sweep;

import java.util.List;
import java.util.Objects;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.io.ImportSettings;
import org.parley.io.ScenarioWriter;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Scenario;
import org.parley.sweep.ScenarioSource;

/**
 * A scenario as Parley YAML text, read again where it is needed (on a sweep's workers). Made from
 * a loaded scenario of any input format; {@link #of} checks that reading the text back gives the
 * same scenario, so the workers run exactly what the driver validated.
 *
 * @param name what the output calls the scenario
 * @param yaml the scenario in Parley YAML
 */
public record TextScenarioSource(String name, String yaml) implements ScenarioSource {

    private static final long serialVersionUID = 1L;

    public TextScenarioSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
    }

    /**
     * The source of a loaded scenario.
     *
     * @throws ParleyException {@code FAILURE} when the YAML would not read back as the same scenario
     */
    public static TextScenarioSource of(String name, Scenario scenario) {
        TextScenarioSource s = new TextScenarioSource(name, ScenarioWriter.toYaml(scenario));
        Scenario back = s.load();
        if (!ScenarioWriter.toYaml(back).equals(s.yaml()) || !same(back, scenario)) {
            throw new ParleyException(ErrorCode.FAILURE, name + ": the scenario does not survive a round trip through "
                    + "Parley YAML, so it cannot be sent to sweep workers");
        }
        return s;
    }

    private static boolean same(Scenario a, Scenario b) {
        return a.actors().equals(b.actors()) && a.issues().equals(b.issues()) && a.stances().equals(b.stances())
                && a.branches().equals(b.branches()) && a.options().equals(b.options());
    }

    @Override
    public Scenario load() {
        return Scenarios.read(new TextFile(name, yaml, List.of()), ImportSettings.detect()).scenario();
    }
}
