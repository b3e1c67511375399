package org.parley.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What happened: the outcome of a registered question on the scale. A later resolution
 * of the same registration (a correction) replaces this one in scores; both are kept.
 */
public record Resolution(long id, long registrationId, double outcome, LocalDate date, String source, String author,
                         Instant created) {
}
