package org.parley.backtest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.parley.uncertainty.ModelError;

/**
 * One scored issue of a backtest: the real outcome and every forecaster's forecast.
 *
 * @param caseId    the case
 * @param proposal  the case's proposal
 * @param split     {@link Split#TRAIN} or {@link Split#TEST}
 * @param issueId   the issue
 * @param scaleMin  the issue's scale minimum
 * @param scaleMax  the issue's scale maximum
 * @param outcome   the real outcome, on the issue's scale
 * @param forecasts forecast per forecaster label (model id or baseline), NaN where it gave none
 * @param spread    the spread of the actors' positions (weighted SD and range) the model-error
 *                  intervals scale with ({@link ModelError})
 */
public record IssueForecast(String caseId, String proposal, Split split, String issueId, double scaleMin,
                            double scaleMax, double outcome, Map<String, Double> forecasts,
                            ModelError.Spread spread) {

    public IssueForecast {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(issueId, "issueId");
        forecasts = Collections.unmodifiableMap(new LinkedHashMap<>(forecasts));
        spread = spread == null ? new ModelError.Spread(0, scaleMin, scaleMax) : spread;
    }

    /** An issue whose positions' spread is unknown (weighted SD 0, range = the scale). */
    public IssueForecast(String caseId, String proposal, Split split, String issueId, double scaleMin,
                         double scaleMax, double outcome, Map<String, Double> forecasts) {
        this(caseId, proposal, split, issueId, scaleMin, scaleMax, outcome, forecasts, null);
    }

    /** The forecast of a label, NaN when it has none. */
    public double forecast(String label) {
        Double f = forecasts.get(label);
        return f == null ? Double.NaN : f;
    }

    /**
     * The absolute error of a forecast in points of a 0-100 version of the issue's scale (the DEU
     * scale is 0-100 already), NaN when there is no forecast.
     */
    public double error(double forecast) {
        return Math.abs(forecast - outcome) * 100.0 / (scaleMax - scaleMin);
    }

    public double error(String label) {
        return error(forecast(label));
    }

    public IssueForecast with(String label, double forecast) {
        Map<String, Double> m = new LinkedHashMap<>(forecasts);
        m.put(label, forecast);
        return new IssueForecast(caseId, proposal, split, issueId, scaleMin, scaleMax, outcome, m, spread);
    }
}
