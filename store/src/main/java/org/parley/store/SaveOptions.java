package org.parley.store;

import java.time.Instant;
import java.util.Objects;

/**
 * How to save a run.
 *
 * @param author          who saves it
 * @param codeVersion     the Parley version that produced it
 * @param started         when the forecast started
 * @param millis          how long it took
 * @param allTrajectories keep every run's trajectory; otherwise run 0 of each world and model only
 *                        (aggregates and every run's forecast are always kept)
 */
public record SaveOptions(String author, String codeVersion, Instant started, long millis, boolean allTrajectories) {

    public SaveOptions {
        author = author == null || author.isBlank() ? "unknown" : author;
        codeVersion = codeVersion == null || codeVersion.isBlank() ? "dev" : codeVersion;
        Objects.requireNonNull(started, "started");
        if (millis < 0) {
            throw new IllegalArgumentException("millis must be >= 0, was " + millis);
        }
    }
}
