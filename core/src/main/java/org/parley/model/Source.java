package org.parley.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A document the scenario's values come from.
 *
 * @param id    stable id cited by provenance
 * @param title title of the document
 * @param date  publication date, or {@code null}
 * @param file  path of a local copy relative to the scenario file, or {@code null}
 * @param url   where it was published, or {@code null}
 */
public record Source(String id, String title, LocalDate date, String file, String url) {
    public Source {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
    }
}
