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
 * @param consent    what the {@link ConsentStage} did (the model's own forecast, each issue's status,
 *                   the blockers, the stage's moves), or {@code null} when it did not run; the
 *                   {@code forecast} is then the model's
 */
public record Trajectory(List<Round> rounds, double[] forecast, String stopReason, List<String> notes,
                         ConsentResult consent) {

    public Trajectory {
        rounds = List.copyOf(Objects.requireNonNull(rounds, "rounds"));
        Objects.requireNonNull(forecast, "forecast");
        stopReason = stopReason == null ? "" : stopReason;
        notes = List.copyOf(notes == null ? List.of() : notes);
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a trajectory has at least round 0");
        }
    }

    /** A model's own trajectory (no consent stage). */
    public Trajectory(List<Round> rounds, double[] forecast, String stopReason, List<String> notes) {
        this(rounds, forecast, stopReason, notes, null);
    }

    /**
     * The trajectory after the consent stage: the forecast is the stage's outcome; the model's
     * own forecast is kept in {@link ConsentResult#modelForecast()}.
     */
    Trajectory withConsent(ConsentResult c) {
        return new Trajectory(rounds, c.outcome().clone(), stopReason, notes, c);
    }

    /** The model's own forecast, before any consent stage. */
    public double[] modelForecast() {
        return consent == null ? forecast : consent.modelForecast();
    }

    /** Every move: the model's, round by round, then the consent stage's. */
    public List<Move> allMoves() {
        java.util.List<Move> out = new java.util.ArrayList<>();
        for (Round r : rounds) {
            out.addAll(r.moves());
        }
        if (consent != null) {
            out.addAll(consent.moves());
        }
        return out;
    }

    /** A model that answers in one step: round 0 is the initial state and its forecast. */
    public static Trajectory staticForecast(Problem problem, double[] forecast, List<String> notes) {
        return new Trajectory(List.of(Round.initial(problem.copyPositions(), forecast.clone())), forecast,
                "static model", notes);
    }

    /**
     * As {@link #staticForecast}, for a run whose caller reads only the forecast
     * ({@link RunContext#trace()} false): round 0 shares the problem's position matrix (read-only, as
     * every model treats it) and the forecast array instead of copying them, and there are no notes.
     */
    public static Trajectory untracedStaticForecast(Problem problem, double[] forecast) {
        return new Trajectory(List.of(Round.initial(problem.position(), forecast)), forecast, "static model",
                List.of());
    }

    public Round lastRound() {
        return rounds.get(rounds.size() - 1);
    }
}
