package org.parley.montecarlo;

import java.util.List;

import org.parley.engine.Seeds;
import org.parley.model.Range;

/**
 * Draws uncertain inputs. Counter-based: the {@code t}-th uniform of input slot {@code s} in a run
 * is a pure function of (the run's seed, s, t), so an input's draw does not depend on which other
 * inputs carry ranges, on the world, on the model or on the thread.
 *
 * <p>Distributions (the meaning documented on {@link org.parley.model.Distribution}):
 * <ul>
 *   <li>uniform: {@code low + u (high - low)};</li>
 *   <li>triangular: inverse CDF with mode at the stated value (clamped into the range);</li>
 *   <li>normal: mean at the stated value, sd {@code (high - low) / 4}, truncated to
 *       {@code [low, high]} by rejection (Box-Muller pairs from {@link StrictMath}, so a draw is the
 *       same on every JVM); at least half of the candidates are accepted because the mean lies in
 *       the range.</li>
 * </ul>
 */
public final class Sampler {

    /** Separates the input stream of run i from the model's own stream (which uses the run seed itself). */
    private static final long INPUT_STREAM = 0x496E707574L; // "Input"
    private static final int MAX_REJECTIONS = 10_000;

    private Sampler() {
    }

    /** The seed all of a run's input draws derive from. */
    public static long inputSeed(long runSeed) {
        return Seeds.forRun(runSeed, INPUT_STREAM);
    }

    /** The {@code t}-th uniform in [0, 1) of input slot {@code slot}. */
    static double uniform(long inputSeed, int slot, int t) {
        long z = Seeds.forRun(Seeds.forRun(inputSeed, slot), t);
        return (z >>> 11) * 0x1.0p-53;
    }

    /**
     * Draws every input of a run into {@code into} (index for index): what every Monte Carlo, sweep
     * and sensitivity run draws.
     */
    public static void draw(List<Input> inputs, long inputSeed, double[] into) {
        for (int j = 0; j < into.length; j++) {
            Input in = inputs.get(j);
            into[j] = draw(in.range(), in.value(), inputSeed, in.slot());
        }
    }

    /** Draws the value of an input of the given slot in a run. */
    public static double draw(Range range, double value, long inputSeed, int slot) {
        double a = range.low();
        double b = range.high();
        if (a == b) {
            return a;
        }
        switch (range.distribution()) {
            case TRIANGULAR:
                return triangular(a, b, Math.max(a, Math.min(b, value)), uniform(inputSeed, slot, 0));
            case NORMAL:
                return normal(a, b, value, inputSeed, slot);
            case UNIFORM:
            default:
                return a + uniform(inputSeed, slot, 0) * (b - a);
        }
    }

    /** The triangular distribution's inverse CDF at {@code u}. */
    static double triangular(double a, double b, double c, double u) {
        double fc = (c - a) / (b - a);
        if (u < fc) {
            return a + Math.sqrt(u * (b - a) * (c - a));
        }
        return b - Math.sqrt((1 - u) * (b - a) * (b - c));
    }

    private static double normal(double a, double b, double mean, long inputSeed, int slot) {
        double sd = (b - a) / 4;
        for (int t = 0; t < MAX_REJECTIONS; t += 2) {
            double u1 = uniform(inputSeed, slot, t);
            double u2 = uniform(inputSeed, slot, t + 1);
            double r = StrictMath.sqrt(-2 * StrictMath.log(1 - u1));
            double x = mean + sd * r * StrictMath.cos(2 * Math.PI * u2);
            if (x >= a && x <= b) {
                return x;
            }
            x = mean + sd * r * StrictMath.sin(2 * Math.PI * u2);
            if (x >= a && x <= b) {
                return x;
            }
        }
        return Math.max(a, Math.min(b, mean)); // unreachable in practice: probability below 2^-10000
    }
}
