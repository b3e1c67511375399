package org.parley.engine;

import java.util.List;
import java.util.Objects;

/**
 * What one run of one model produced: the rounds from the initial state (round 0) to the stop,
 * the forecast per issue, and why it stopped.
 *
 * @param rounds     rounds, round 0 first
 * @param forecast   the model's forecast per issue (usually the last round's outcome)
 * @param stopReason why the model stopped, in words (e.g. "converged", "10 rounds", "cycle")
 * @param notes      anything the user should know about this run (e.g. an actor dropped)
 */
public record Trajectory(List<Round> rounds, double[] forecast, String stopReason, List<String> notes) {

    public Trajectory {
        rounds = List.copyOf(Objects.requireNonNull(rounds, "rounds"));
        Objects.requireNonNull(forecast, "forecast");
        stopReason = stopReason == null ? "" : stopReason;
        notes = List.copyOf(notes == null ? List.of() : notes);
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a trajectory has at least round 0");
        }
    }

    /** A model that answers in one step: round 0 is the initial state and its forecast. */
    public static Trajectory staticForecast(Problem problem, double[] forecast, List<String> notes) {
        return new Trajectory(List.of(Round.initial(problem.copyPositions(), forecast.clone())), forecast,
                "static model", notes);
    }

    public Round lastRound() {
        return rounds.get(rounds.size() - 1);
    }
}
