package org.parley.web;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parley.engine.ForecastResult;
import org.parley.io.Scenarios;
import org.parley.model.Scenario;
import org.parley.store.SaveOptions;
import org.parley.store.ScenarioSummary;
import org.parley.store.ScenarioVersion;
import org.parley.store.Store;

/**
 * The web app's repositories on the run store ({@code parley serve --store URL}): every saved
 * scenario version is also saved in the store, every finished forecast is saved there as a run
 * (see {@code parley runs list}), and the store's scenarios are loaded when the server starts.
 * Reads are served from memory. A {@link Store} is one connection, so every call to it is
 * serialised here.
 */
public final class StoreRepositories {

    private final Store store;
    private final InstantSource clock;
    private final InMemoryScenarioRepository scenarios;

    public StoreRepositories(Store store, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scenarios = new InMemoryScenarioRepository(clock);
        synchronized (store) {
            for (ScenarioSummary s : store.scenarios()) {
                List<ScenarioVersion> h = store.history(s.latest().scenario());
                Map<String, String> texts = store.sourceTexts(s.latest().scenario());
                for (ScenarioVersion v : h.subList(Math.max(0, h.size() - InMemoryScenarioRepository.KEPT_VERSIONS),
                        h.size())) {
                    scenarios.put(stored(v, store.scenarioContent(v.id()), texts));
                }
            }
        }
    }

    /** A store version as the web app keeps it: the same number, its note saying who saved it. */
    private static StoredScenario stored(ScenarioVersion v, String document, Map<String, String> sources) {
        return new StoredScenario(v.scenario(), v.version(), v.title(), document, sources, v.created(),
                "saved by " + v.author());
    }

    Store store() {
        return store;
    }

    public ScenarioRepository scenarios() {
        return new ScenarioRepository() {
            @Override
            public List<StoredScenario> list() {
                return scenarios.list();
            }

            @Override
            public Optional<StoredScenario> get(String id) {
                return scenarios.get(id);
            }

            @Override
            public Optional<StoredScenario> get(String id, int version) {
                Optional<StoredScenario> kept = scenarios.get(id, version);
                if (kept.isPresent() || scenarios.get(id).isEmpty()) {
                    return kept;
                }
                synchronized (store) { // an older version than memory keeps: read it from the store
                    for (ScenarioVersion v : store.history(id)) {
                        if (v.version() == version) {
                            return Optional.of(stored(v, store.scenarioContent(v.id()), store.sourceTexts(id)));
                        }
                    }
                }
                return Optional.empty();
            }

            @Override
            public List<StoredScenario> history(String id) {
                List<StoredScenario> kept = scenarios.history(id);
                if (kept.isEmpty()) {
                    return kept; // unknown, or deleted in the app (the store keeps its history: runs refer to it)
                }
                List<StoredScenario> out = new ArrayList<>();
                synchronized (store) {
                    for (ScenarioVersion v : store.history(id)) {
                        if (v.version() < kept.get(0).version()) {
                            out.add(stored(v, "", Map.of()));
                        }
                    }
                }
                out.addAll(kept);
                return out;
            }

            @Override
            public StoredScenario save(String id, String title, String document, Map<String, String> sources,
                                       String note) {
                Scenario s = Scenarios.read(org.parley.io.TextFile.of(id + ".json", document),
                        new org.parley.io.ImportSettings(org.parley.io.ScenarioFormat.JSON, Map.of())).scenario();
                ScenarioVersion v;
                Map<String, String> before = scenarios.get(id).map(StoredScenario::sources).orElse(Map.of());
                Map<String, String> texts = sources == null ? Map.of() : sources;
                synchronized (store) {
                    v = store.saveScenario(s, "web");
                    for (Map.Entry<String, String> e : texts.entrySet()) {
                        if (!e.getValue().equals(before.get(e.getKey()))) {
                            store.saveSourceText(id, e.getKey(), e.getValue()); // attached articles outlive a restart
                        }
                    }
                }
                // one numbering: the store's (the same content as the latest is the same version)
                return scenarios.put(new StoredScenario(id, v.version(), title, document, sources, clock.instant(), note));
            }

            @Override
            public boolean delete(String id) {
                return scenarios.delete(id); // the store keeps its history: runs refer to it
            }
        };
    }

    /**
     * Saves every finished forecast job in the store as a run (see {@code parley runs list}) and
     * records its store id on the job: a listener of the server's jobs.
     */
    public Jobs.Listener archive() {
        return job -> {
            if (job.kind() != Job.Kind.FORECAST || job.status() != Job.Status.DONE || job.storedRun() > 0) {
                return;
            }
            long millis = Duration.between(job.created(), job.finished() == null ? clock.instant()
                    : job.finished()).toMillis();
            synchronized (store) {
                job.stored(store.saveRun((ForecastResult) job.result(), new SaveOptions("web", Version.get(),
                        job.created(), millis, false)));
            }
        };
    }
}
