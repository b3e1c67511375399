package org.parley.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state after one round of a model: every actor's position per issue and the model's outcome
 * per issue. Round 0 is the initial state.
 *
 * @param index     round number, 0 for the initial state
 * @param positions positions {@code [actor][issue]} at the end of the round (NaN where absent)
 * @param outcome   the model's outcome per issue at the end of the round
 * @param moves     what happened in the round, in the order it happened
 * @param series    extra per-round numbers by name, e.g. {@code mean} per issue or {@code risk}
 *                  per actor (the array's owner is named by the model's documentation)
 */
public record Round(int index, double[][] positions, double[] outcome, List<Move> moves,
                    Map<String, double[]> series) {

    public Round {
        moves = List.copyOf(moves == null ? List.of() : moves);
        series = series == null || series.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    public static Round initial(double[][] positions, double[] outcome) {
        return new Round(0, positions, outcome, List.of(), Map.of());
    }
}
