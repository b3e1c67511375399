package org.parley.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step a model took in a round, with the numbers behind it: an offer made or accepted (the
 * expected-utility model), a challenge or bargain (the spatial model), one side of an exchange
 * (the exchange model). The explanation writers turn these into words.
 *
 * @param round       the round in which it happened (1-based; round 0 is the initial state)
 * @param kind        model-specific kind, e.g. {@code compromise}, {@code capitulate},
 *                    {@code challenge}, {@code bargain}, {@code exchange}
 * @param actor       id of the actor who moved (or proposed)
 * @param counterpart id of the actor it dealt with, or {@code null}
 * @param issue       id of the issue it concerns, or {@code null} for a multi-dimensional move
 * @param from        position before, NaN when not applicable
 * @param to          position after, NaN when not applicable
 * @param measures    model-specific numbers in a stable order, e.g. {@code eu_actor},
 *                    {@code eu_counterpart}, {@code gain}, {@code probability}
 * @param reason      one sentence in words, or empty
 */
public record Move(int round, String kind, String actor, String counterpart, String issue, double from,
                   double to, Map<String, Double> measures, String reason) {

    public Move {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        measures = measures == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        reason = reason == null ? "" : reason;
    }

    /** A measure by name, NaN when the model did not record it. */
    public double measure(String name) {
        Double v = measures.get(name);
        return v == null ? Double.NaN : v;
    }
}
