package org.parley.store;

import java.util.List;

/**
 * Scores over resolved forecasts (current registrations, latest resolution of each).
 *
 * @param lines  one per (registration, model)
 * @param models one per model, in order of first appearance
 */
public record Scores(List<Line> lines, List<ModelScore> models) {

    public Scores {
        lines = List.copyOf(lines);
        models = List.copyOf(models);
    }

    /**
     * One model's forecast against what happened.
     *
     * @param absError |point - outcome|
     * @param covered  whether the 90% interval held the outcome (meaningful when the forecast has one)
     * @param brier    (probability - happened)^2 for a threshold question, else NaN
     */
    public record Line(Registration registration, RegisteredForecast forecast, Resolution resolution, double absError,
                       boolean covered, double brier) {
    }

    /**
     * A model's record.
     *
     * @param forecasts          resolved forecasts scored
     * @param meanAbsError       mean absolute error of the point forecasts
     * @param intervals          forecasts with a 90% interval
     * @param covered            of those, how many held the outcome
     * @param thresholdQuestions threshold questions scored
     * @param brier              mean Brier score over them (0 best, 1 worst), NaN for none
     */
    public record ModelScore(String model, int forecasts, double meanAbsError, int intervals, int covered,
                             int thresholdQuestions, double brier) {

        /** Share of intervals that held the outcome, NaN for none. */
        public double coverage() {
            return intervals == 0 ? Double.NaN : (double) covered / intervals;
        }
    }
}
