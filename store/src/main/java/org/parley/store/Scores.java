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
     * @param intervalScore the interval score of the Monte Carlo 90% interval, NaN without one
     * @param modelErrorCovered whether the model-error interval held the outcome
     * @param modelErrorScore   the interval score of the model-error interval, NaN without one
     */
    public record Line(Registration registration, RegisteredForecast forecast, Resolution resolution, double absError,
                       boolean covered, double brier, double intervalScore, boolean modelErrorCovered,
                       double modelErrorScore) {
    }

    /**
     * The interval score of a central 90% interval (Gneiting and Raftery 2007, eq. 43, alpha = 0.1):
     * its width plus 2 / alpha times the distance by which the outcome falls outside it. Lower is
     * better; a proper score, so no interval gains by being narrower than the forecaster believes.
     */
    public static double intervalScore(double lo, double hi, double outcome) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return Double.NaN;
        }
        double a = 0.1;
        return (hi - lo) + (2 / a) * Math.max(0, lo - outcome) + (2 / a) * Math.max(0, outcome - hi);
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
     * @param intervalScore      mean interval score of the Monte Carlo 90% intervals, NaN for none
     * @param modelErrorIntervals forecasts with a model-error interval
     * @param modelErrorCovered  of those, how many held the outcome
     * @param modelErrorScore    mean interval score of the model-error intervals, NaN for none
     */
    public record ModelScore(String model, int forecasts, double meanAbsError, int intervals, int covered,
                             int thresholdQuestions, double brier, double intervalScore, int modelErrorIntervals,
                             int modelErrorCovered, double modelErrorScore) {

        /** Share of model-error intervals that held the outcome, NaN for none. */
        public double modelErrorCoverage() {
            return modelErrorIntervals == 0 ? Double.NaN : (double) modelErrorCovered / modelErrorIntervals;
        }


        /** Share of intervals that held the outcome, NaN for none. */
        public double coverage() {
            return intervals == 0 ? Double.NaN : (double) covered / intervals;
        }
    }
}
