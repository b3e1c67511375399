package org.parley.backtest;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.parley.model.Scenario;

/**
 * One negotiation whose outcome is known: the scenario as the analysts recorded it before the
 * decision, and the real outcome per issue.
 *
 * @param id         stable id (unique in its set)
 * @param proposal   the proposal the case belongs to; the train/test split never separates the
 *                   cases of one proposal
 * @param split      {@link Split#TRAIN} or {@link Split#TEST}, or {@code null} to let the set assign
 *                   it from the order of proposals
 * @param scenario   the scenario (no branches are used)
 * @param outcomes   the real outcome per issue id, on the issue's scale, in issue order; issues
 *                   without an outcome are not scored
 * @param date       when the negotiation started (for date-dependent capabilities), or {@code null}
 * @param procedure  the decision procedure (e.g. {@code COD}, {@code CNS}), or {@code null}
 * @param votingRule the voting rule (e.g. {@code QMV}, {@code Unan}), or {@code null}
 */
public record BacktestCase(String id, String proposal, Split split, Scenario scenario, Map<String, Double> outcomes,
                           LocalDate date, String procedure, String votingRule) {

    public BacktestCase {
        Objects.requireNonNull(id, "id");
        proposal = proposal == null || proposal.isBlank() ? id : proposal;
        Objects.requireNonNull(scenario, "scenario");
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(outcomes, "outcomes")));
        if (split == Split.ALL) {
            throw new IllegalArgumentException("case " + id + ": split must be train or test, was all");
        }
        for (Map.Entry<String, Double> e : outcomes.entrySet()) {
            if (scenario.issue(e.getKey()).isEmpty()) {
                throw new IllegalArgumentException("case " + id + ": outcome for unknown issue '" + e.getKey() + "'");
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("case " + id + ": outcome of issue '" + e.getKey()
                        + "' must be a finite number, was " + e.getValue());
            }
        }
    }

    public BacktestCase withSplit(Split newSplit) {
        return new BacktestCase(id, proposal, newSplit, scenario, outcomes, date, procedure, votingRule);
    }

    public BacktestCase withScenario(Scenario newScenario) {
        return new BacktestCase(id, proposal, split, newScenario, outcomes, date, procedure, votingRule);
    }
}
