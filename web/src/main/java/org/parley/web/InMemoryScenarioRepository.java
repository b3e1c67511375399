package org.parley.web;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Scenarios kept in memory for the life of the server. Thread-safe. */
public final class InMemoryScenarioRepository implements ScenarioRepository {

    private final InstantSource clock;
    private final Map<String, List<StoredScenario>> versions = new LinkedHashMap<>();

    public InMemoryScenarioRepository(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized List<StoredScenario> list() {
        List<StoredScenario> out = new ArrayList<>();
        for (List<StoredScenario> vs : versions.values()) {
            out.add(vs.get(vs.size() - 1));
        }
        return out;
    }

    @Override
    public synchronized Optional<StoredScenario> get(String id) {
        List<StoredScenario> vs = versions.get(id);
        return vs == null ? Optional.empty() : Optional.of(vs.get(vs.size() - 1));
    }

    @Override
    public synchronized Optional<StoredScenario> get(String id, int version) {
        List<StoredScenario> vs = versions.get(id);
        if (vs == null || version < 1 || version > vs.size()) {
            return Optional.empty();
        }
        return Optional.of(vs.get(version - 1));
    }

    @Override
    public synchronized List<StoredScenario> history(String id) {
        return List.copyOf(versions.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized StoredScenario save(String id, String title, String document, Map<String, String> sources,
                                            String note) {
        List<StoredScenario> vs = versions.computeIfAbsent(id, k -> new ArrayList<>());
        StoredScenario s = new StoredScenario(id, vs.size() + 1, title, document, sources, clock.instant(), note);
        vs.add(s);
        return s;
    }

    @Override
    public synchronized boolean delete(String id) {
        return versions.remove(id) != null;
    }
}
