package org.parley.engine;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a model run gets besides the problem and its options.
 *
 * @param rounds the round limit asked for, or 0 for the model's own stopping rule
 * @param seed   the seed of this run (already derived from the base seed and run index)
 * @param random the run's random generator, seeded with {@code seed}; never a global one
 */
public record RunContext(int rounds, long seed, RandomGenerator random) {

    public RunContext {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be >= 0, was " + rounds);
        }
        Objects.requireNonNull(random, "random");
    }

    public static RunContext of(int rounds, long seed) {
        return new RunContext(rounds, seed, Seeds.random(seed));
    }
}
