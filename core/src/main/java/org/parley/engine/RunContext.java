package org.parley.engine;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a model run gets besides the problem and its options.
 *
 * @param rounds the round limit asked for, or 0 for the model's own stopping rule
 * @param seed   the seed of this run (already derived from the base seed and run index)
 * @param random the run's random generator, seeded with {@code seed}; never a global one. It is a
 *               model's only source of randomness (a model does not derive numbers from
 *               {@code seed} itself), so a run that draws nothing from it is the same for every seed
 * @param trace  {@code true} when the caller reads the whole trajectory (rounds, moves and their
 *               reasons); {@code false} when it reads only {@link Trajectory#forecast()} (Monte
 *               Carlo, sensitivity, levers), so a model may skip building moves, reason sentences
 *               and per-round snapshots. The forecast must be the same either way, and the same
 *               random numbers must be drawn.
 */
public record RunContext(int rounds, long seed, RandomGenerator random, boolean trace) {

    public RunContext {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be >= 0, was " + rounds);
        }
        Objects.requireNonNull(random, "random");
    }

    /** A traced run. */
    public RunContext(int rounds, long seed, RandomGenerator random) {
        this(rounds, seed, random, true);
    }

    /** A traced run with the standard generator for {@code seed}. */
    public static RunContext of(int rounds, long seed) {
        return new RunContext(rounds, seed, Seeds.random(seed), true);
    }

    /** A run whose caller reads only the forecast (see {@link #trace()}). */
    public static RunContext forecastOnly(int rounds, long seed) {
        return new RunContext(rounds, seed, Seeds.random(seed), false);
    }

    /**
     * Stops a run whose thread was interrupted (a cancelled job): models call it between rounds,
     * so cancelling frees a worker within one round. The interrupt flag stays set.
     *
     * @throws ParleyException {@code FAILURE} "cancelled" when the current thread is interrupted
     */
    public static void checkpoint() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ParleyException(ErrorCode.FAILURE, "cancelled");
        }
    }
}
