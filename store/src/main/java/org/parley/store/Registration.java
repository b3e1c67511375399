package org.parley.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.parley.model.Threshold;

/**
 * A forecast as issued: a question about one issue in one world of a saved run, with every
 * model's numbers frozen. Immutable: a later edit is a new registration that supersedes this one.
 *
 * @param id         registration id
 * @param runId      the run it was taken from
 * @param world      world id
 * @param issue      issue id
 * @param question   the question in words
 * @param resolvesBy when the question is expected to be answered
 * @param threshold  the line of a threshold question, or null
 * @param supersedes the registration it replaces, 0 for none
 * @param author     who registered it
 * @param created    when
 * @param forecasts  per model
 * @param calibration the version of the model-error calibration used ("" for registrations made before it)
 * @param pointOnly  whether only the point and its model-error interval were registered (no probability)
 */
public record Registration(long id, long runId, String world, String issue, String question, LocalDate resolvesBy,
                           Threshold threshold, long supersedes, String author, Instant created,
                           List<RegisteredForecast> forecasts, String calibration, boolean pointOnly) {

    public Registration {
        forecasts = List.copyOf(forecasts);
        calibration = calibration == null ? "" : calibration;
    }
}
