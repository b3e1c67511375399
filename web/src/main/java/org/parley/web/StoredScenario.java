package org.parley.web;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One saved version of a scenario.
 *
 * @param id       the scenario's id
 * @param version  1 for the first save, then +1 per save
 * @param title    its title, for lists
 * @param document the scenario as Parley JSON (the format {@code parley convert --to json} writes)
 * @param sources  the text of each source document, by source id (the article values cite)
 * @param saved    when this version was saved
 * @param note     what the save was (e.g. "created", "edited in the browser")
 */
public record StoredScenario(String id, int version, String title, String document, Map<String, String> sources,
                             Instant saved, String note) {
    public StoredScenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(saved, "saved");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        title = title == null ? "" : title;
        note = note == null ? "" : note;
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources == null ? Map.of() : sources));
    }
}
