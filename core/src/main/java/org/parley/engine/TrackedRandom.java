package org.parley.engine;

import java.util.random.RandomGenerator;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * A run's generator that notes whether the run drew anything from it. Every method hands the call
 * to the wrapped generator unchanged, so the numbers are the same as without the wrapper.
 *
 * <p>A model's only source of randomness is {@link RunContext#random()}, so a run that drew nothing
 * gives the same result for every seed: {@link Simulation.Plan#meanForecast} then runs one seed,
 * not sixteen.
 */
final class TrackedRandom implements RandomGenerator {

    private final RandomGenerator g;
    private boolean drew;

    TrackedRandom(RandomGenerator g) {
        this.g = g;
    }

    /** Whether anything was drawn. */
    boolean drew() {
        return drew;
    }

    private RandomGenerator use() {
        drew = true;
        return g;
    }

    @Override
    public long nextLong() {
        return use().nextLong();
    }

    @Override
    public int nextInt() {
        return use().nextInt();
    }

    @Override
    public int nextInt(int bound) {
        return use().nextInt(bound);
    }

    @Override
    public int nextInt(int origin, int bound) {
        return use().nextInt(origin, bound);
    }

    @Override
    public long nextLong(long bound) {
        return use().nextLong(bound);
    }

    @Override
    public long nextLong(long origin, long bound) {
        return use().nextLong(origin, bound);
    }

    @Override
    public double nextDouble() {
        return use().nextDouble();
    }

    @Override
    public double nextDouble(double bound) {
        return use().nextDouble(bound);
    }

    @Override
    public double nextDouble(double origin, double bound) {
        return use().nextDouble(origin, bound);
    }

    @Override
    public float nextFloat() {
        return use().nextFloat();
    }

    @Override
    public float nextFloat(float bound) {
        return use().nextFloat(bound);
    }

    @Override
    public float nextFloat(float origin, float bound) {
        return use().nextFloat(origin, bound);
    }

    @Override
    public boolean nextBoolean() {
        return use().nextBoolean();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        use().nextBytes(bytes);
    }

    @Override
    public double nextGaussian() {
        return use().nextGaussian();
    }

    @Override
    public double nextGaussian(double mean, double stddev) {
        return use().nextGaussian(mean, stddev);
    }

    @Override
    public double nextExponential() {
        return use().nextExponential();
    }

    @Override
    public IntStream ints() {
        return use().ints();
    }

    @Override
    public IntStream ints(long size) {
        return use().ints(size);
    }

    @Override
    public IntStream ints(int origin, int bound) {
        return use().ints(origin, bound);
    }

    @Override
    public IntStream ints(long size, int origin, int bound) {
        return use().ints(size, origin, bound);
    }

    @Override
    public LongStream longs() {
        return use().longs();
    }

    @Override
    public LongStream longs(long size) {
        return use().longs(size);
    }

    @Override
    public LongStream longs(long origin, long bound) {
        return use().longs(origin, bound);
    }

    @Override
    public LongStream longs(long size, long origin, long bound) {
        return use().longs(size, origin, bound);
    }

    @Override
    public DoubleStream doubles() {
        return use().doubles();
    }

    @Override
    public DoubleStream doubles(long size) {
        return use().doubles(size);
    }

    @Override
    public DoubleStream doubles(double origin, double bound) {
        return use().doubles(origin, bound);
    }

    @Override
    public DoubleStream doubles(long size, double origin, double bound) {
        return use().doubles(size, origin, bound);
    }
}
