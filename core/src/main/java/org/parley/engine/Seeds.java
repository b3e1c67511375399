package org.parley.engine;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Seeds as pure functions: run i of a sweep with base seed S always gets {@link #forRun(long, long)}. */
public final class Seeds {

    private Seeds() {
    }

    /** The seed of run {@code run} under base seed {@code base} (SplitMix64 finaliser of both). */
    public static long forRun(long base, long run) {
        return mix(mix(base) ^ (run * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L));
    }

    /** A generator for a seed. The algorithm is fixed so results do not change across JDKs. */
    public static RandomGenerator random(long seed) {
        return new SplittableRandom(seed);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
