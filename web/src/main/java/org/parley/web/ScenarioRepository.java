package org.parley.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the web app keeps scenarios and their history. {@link InMemoryScenarioRepository} keeps
 * them for the life of the server; a store-backed one keeps them across restarts.
 */
public interface ScenarioRepository {

    /** The latest version of every scenario, in the order they were first saved. */
    List<StoredScenario> list();

    /** The latest version. */
    Optional<StoredScenario> get(String id);

    /** One version. */
    Optional<StoredScenario> get(String id, int version);

    /** Every version kept (a repository may keep only the newest), oldest first; empty for an unknown id. */
    List<StoredScenario> history(String id);

    /** Saves a new version (version 1 when the id is new) and returns it. */
    StoredScenario save(String id, String title, String document, Map<String, String> sources, String note);

    /** Deletes every version; false when the id is unknown. */
    boolean delete(String id);
}
