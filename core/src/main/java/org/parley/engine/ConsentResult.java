package org.parley.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the {@link ConsentStage} did to one run's forecast.
 *
 * @param modelForecast the model's own forecast per issue, before the stage
 * @param outcome       the forecast per issue after the stage (the status quo where blocked)
 * @param status        per issue: no stage, passed, moved or blocked (no deal)
 * @param blockedBy     per issue: the actors who block a deal (empty unless blocked)
 * @param moves         the stage's moves with their reasons, in issue order
 * @param talks         the probability that talks take place in the world
 */
public record ConsentResult(double[] modelForecast, double[] outcome, List<Status> status, List<List<String>> blockedBy,
                            List<Move> moves, double talks) {

    /** What the stage did to an issue. */
    public enum Status {
        /** The issue has no rule and no consent player (or the stage is off). */
        NONE,
        /** The model's outcome is one every decisive actor accepts. */
        PASSED,
        /** The outcome was moved into the core / win-set. */
        MOVED,
        /** No outcome is accepted by every decisive actor: no deal, the status quo stands. */
        BLOCKED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ConsentResult {
        Objects.requireNonNull(modelForecast, "modelForecast");
        Objects.requireNonNull(outcome, "outcome");
        status = List.copyOf(status);
        boolean anyBlocked = false;
        for (List<String> b : blockedBy) {
            anyBlocked |= !b.isEmpty();
        }
        if (anyBlocked) {
            List<List<String>> by = new java.util.ArrayList<>(blockedBy.size());
            for (List<String> b : blockedBy) {
                by.add(b.isEmpty() ? List.of() : List.copyOf(b));
            }
            blockedBy = java.util.Collections.unmodifiableList(by);
        } else {
            blockedBy = java.util.Collections.nCopies(blockedBy.size(), List.of());
        }
        moves = List.copyOf(moves);
    }

    /** {@code true} unless the stage blocked issue {@code k}. */
    public boolean deal(int k) {
        return status.get(k) != Status.BLOCKED;
    }

    /**
     * Whether issue {@code k} makes a deal: the stage did not block it, and where the stage ran on
     * it the outcome leaves the status quo. An outcome the stage passed or moved to the status quo
     * itself (a consent player accepts nothing else) changes nothing: no deal. Without a status quo
     * (NaN) or a stage on the issue, {@link #deal(int)}.
     */
    public boolean deal(int k, double statusQuo) {
        if (!deal(k)) {
            return false;
        }
        if (status.get(k) == Status.NONE || Double.isNaN(statusQuo)) {
            return true;
        }
        return Math.abs(outcome[k] - statusQuo) > 1e-9 * Math.max(1, Math.abs(statusQuo));
    }
}
