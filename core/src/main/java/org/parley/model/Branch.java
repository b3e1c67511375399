package org.parley.model;

import java.util.List;
import java.util.Objects;

/**
 * A conditional world: the scenario as it would be if something happened ("trump-wins").
 *
 * <p>Branches that carry a {@code probability} are alternatives whose probabilities sum to 1; the
 * forecast mixture weights them. A branch without a probability is a what-if ("russia-withdraws")
 * that is forecast on its own but not mixed. A branch may build on another ({@code base}); its
 * changes are applied after those of its base.
 *
 * @param id          stable id
 * @param name        human name
 * @param description what the branch assumes
 * @param probability probability of this world, or {@code null} for a what-if
 * @param base        id of the branch this one extends, or {@code null}
 * @param changes     the values this branch changes, applied in order
 * @param talks       the probability that talks take place in this world (value in [0, 1] with its
 *                    provenance), or {@code null} to keep its base's (or the scenario's)
 * @param probabilitySource where the branch probability comes from ({@link Provenance#none()} when
 *                    not stated)
 */
public record Branch(String id, String name, String description, Double probability, String base,
                     List<Change> changes, Estimate talks, Provenance probabilitySource) {

    public Branch {
        Objects.requireNonNull(id, "id");
        probabilitySource = probabilitySource == null ? Provenance.none() : probabilitySource;
        name = name == null || name.isBlank() ? id : name;
        description = description == null ? "" : description;
        changes = List.copyOf(changes == null ? List.of() : changes);
    }

    /** A branch whose probability states no provenance. */
    public Branch(String id, String name, String description, Double probability, String base, List<Change> changes,
                  Estimate talks) {
        this(id, name, description, probability, base, changes, talks, null);
    }

    /** A branch that keeps its base's talks probability. */
    public Branch(String id, String name, String description, Double probability, String base, List<Change> changes) {
        this(id, name, description, probability, base, changes, null, null);
    }

    public boolean isWhatIf() {
        return probability == null;
    }
}
