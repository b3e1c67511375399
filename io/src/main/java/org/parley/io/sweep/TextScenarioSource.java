package org.parley.io.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.io.ImportSettings;
import org.parley.io.ScenarioWriter;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.sweep.ScenarioSource;

/**
 * A scenario as Parley YAML text, read again where it is needed (on a sweep's workers). Made from
 * a loaded scenario of any input format; {@link #of} checks that reading the text back gives the
 * same scenario, so the workers run exactly what the driver validated. The YAML lists stances by
 * actor; when the scenario held them in another order (an imported table, by issue), the source
 * keeps that order and puts the stances back in it on reading (the order of conditional positions
 * is the order in which they are resolved).
 *
 * @param name   what the output calls the scenario
 * @param yaml   the scenario in Parley YAML
 * @param stances the stances' order ({@code actor + '\t' + issue}), or empty for the YAML's own
 */
public record TextScenarioSource(String name, String yaml, List<String> stances) implements ScenarioSource {

    private static final long serialVersionUID = 1L;

    public TextScenarioSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(yaml, "yaml");
        stances = List.copyOf(stances);
    }

    public TextScenarioSource(String name, String yaml) {
        this(name, yaml, List.of());
    }

    /**
     * The source of a loaded scenario.
     *
     * @throws ParleyException {@code FAILURE} when the YAML would not read back as the same scenario
     */
    public static TextScenarioSource of(String name, Scenario scenario) {
        TextScenarioSource s = new TextScenarioSource(name, ScenarioWriter.toYaml(scenario));
        Scenario back = s.read();
        if (!back.stances().equals(scenario.stances())) {
            s = new TextScenarioSource(name, s.yaml(), scenario.stances().stream().map(TextScenarioSource::key).toList());
            back = s.ordered(back);
        }
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
        return ordered(read());
    }

    private Scenario read() {
        return Scenarios.read(new TextFile(name, yaml, List.of()), ImportSettings.detect()).scenario();
    }

    /** The scenario read from the YAML with its stances in {@link #stances} order. */
    private Scenario ordered(Scenario s) {
        if (stances.isEmpty()) {
            return s;
        }
        Map<String, Stance> byKey = new HashMap<>();
        for (Stance st : s.stances()) {
            byKey.put(key(st), st);
        }
        List<Stance> ordered = new ArrayList<>();
        for (String k : stances) {
            Stance st = byKey.remove(k);
            if (st != null) {
                ordered.add(st);
            }
        }
        for (Stance st : s.stances()) { // any the order does not name (none when made by of) keep the YAML's order
            if (byKey.containsKey(key(st))) {
                ordered.add(st);
            }
        }
        return s.withStances(ordered);
    }

    private static String key(Stance s) {
        return s.actor() + '\t' + s.issue();
    }
}
