package org.parley.web;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scenarios kept in memory for the life of the server, at most the last {@link #KEPT_VERSIONS}
 * versions of each (version numbers go on counting; a run store keeps every version). Thread-safe.
 */
public final class InMemoryScenarioRepository implements ScenarioRepository {

    /** Versions of one scenario kept in memory by default. */
    public static final int KEPT_VERSIONS = 20;

    private final InstantSource clock;
    private final int kept;
    private final Map<String, List<StoredScenario>> versions = new LinkedHashMap<>();

    public InMemoryScenarioRepository(InstantSource clock) {
        this(clock, KEPT_VERSIONS);
    }

    /** @param kept the versions of one scenario kept, the newest */
    public InMemoryScenarioRepository(InstantSource clock, int kept) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (kept < 1) {
            throw new IllegalArgumentException("kept must be >= 1, was " + kept);
        }
        this.kept = kept;
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
        if (vs == null) {
            return Optional.empty();
        }
        int index = version - vs.get(0).version();
        return index < 0 || index >= vs.size() ? Optional.empty() : Optional.of(vs.get(index));
    }

    @Override
    public synchronized List<StoredScenario> history(String id) {
        return List.copyOf(versions.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized StoredScenario save(String id, String title, String document, Map<String, String> sources,
                                            String note) {
        List<StoredScenario> vs = versions.computeIfAbsent(id, k -> new ArrayList<>());
        int version = vs.isEmpty() ? 1 : vs.get(vs.size() - 1).version() + 1;
        StoredScenario s = new StoredScenario(id, version, title, document, sources, clock.instant(), note);
        vs.add(s);
        while (vs.size() > kept) {
            vs.remove(0);
        }
        return s;
    }

    /**
     * Keeps a version under its own number (a run store's): it replaces the latest when the number
     * is the same, else it is appended.
     *
     * @throws IllegalArgumentException when the number is lower than the latest's
     */
    synchronized StoredScenario put(StoredScenario s) {
        List<StoredScenario> vs = versions.computeIfAbsent(s.id(), k -> new ArrayList<>());
        if (!vs.isEmpty()) {
            int latest = vs.get(vs.size() - 1).version();
            if (s.version() < latest) {
                throw new IllegalArgumentException("version " + s.version() + " of " + s.id() + " is older than " + latest);
            }
            if (s.version() == latest) {
                vs.remove(vs.size() - 1);
            }
        }
        vs.add(s);
        while (vs.size() > kept) {
            vs.remove(0);
        }
        return s;
    }

    @Override
    public synchronized boolean delete(String id) {
        return versions.remove(id) != null;
    }
}
