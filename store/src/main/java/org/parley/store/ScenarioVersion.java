package org.parley.store;

import java.time.Instant;

/**
 * One saved version of a scenario. A scenario saved again with the same content is the same
 * version; with different content it is a new version whose parent is the previous one.
 *
 * @param id       the version's id in the store (what runs refer to)
 * @param scenario the scenario's own id
 * @param version  1 for the first saved version, then 2, 3, ...
 * @param hash     SHA-256 of the canonical JSON content, hex
 * @param parent   the id of the previous version, or 0 for the first
 * @param author   who saved it
 * @param created  when it was saved
 * @param title    the scenario's title
 */
public record ScenarioVersion(long id, String scenario, int version, String hash, long parent, String author,
                              Instant created, String title) {

    /** The first 12 hex digits of the hash, enough to tell versions apart by eye. */
    public String shortHash() {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
