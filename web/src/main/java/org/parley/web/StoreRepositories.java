package org.parley.web;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parley.engine.ForecastResult;
import org.parley.io.ScenarioWriter;
import org.parley.io.Scenarios;
import org.parley.model.Scenario;
import org.parley.store.SaveOptions;
import org.parley.store.ScenarioSummary;
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
                Scenario sc = store.scenario(s.latest().id());
                scenarios.save(sc.id(), sc.title(), ScenarioWriter.toJson(sc), Map.of(), "from the store (v"
                        + s.latest().version() + ")");
            }
        }
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
                return scenarios.get(id, version);
            }

            @Override
            public List<StoredScenario> history(String id) {
                return scenarios.history(id);
            }

            @Override
            public StoredScenario save(String id, String title, String document, Map<String, String> sources,
                                       String note) {
                Scenario s = Scenarios.read(org.parley.io.TextFile.of(id + ".json", document),
                        new org.parley.io.ImportSettings(org.parley.io.ScenarioFormat.JSON, Map.of())).scenario();
                synchronized (store) {
                    store.saveScenario(s, "web");
                }
                return scenarios.save(id, title, document, sources, note);
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
