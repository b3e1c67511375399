package org.parley.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.parley.model.DecisionRule;

/**
 * The untraced runs a thread made last, by what they were run on: a model run that is asked again
 * with the same model, options, round limit, seed and the same problem
 * (every number the models read: capabilities, positions, saliences, scales, status quos, rules,
 * ids) returns the trajectory already made instead of running again.
 *
 * <p>Why it pays: in a Monte Carlo run, the worlds share their unbranched inputs (each input has
 * its own random stream) and the conditional positions are resolved by rerunning the model, so a
 * run of the seed scenario meets the same problem in several worlds and resolution states (about
 * one call in five). A model is a deterministic function of what is compared here (its random
 * numbers come from the seed), so the answer is the one a fresh run would give, bit for bit.
 *
 * <p>Thread-confined (one memo per thread) and small: the last {@value #CAPACITY} problems, so a
 * long-lived thread holds little. Only untraced runs ({@link RunContext#trace()} false) are kept,
 * and only for models whose runs take longer than making a key ({@link #CHEAP_NANOS}). Whether a
 * run is remembered never changes its result.
 */
final class RunMemo {

    static final int CAPACITY = 48;

    private static final ThreadLocal<RunMemo> LOCAL = ThreadLocal.withInitial(RunMemo::new);

    private final Map<Key, Entry> recent = new LinkedHashMap<>(2 * CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** A run and whether it drew from its generator. */
    private record Entry(Trajectory trajectory, boolean drew) {
    }

    /**
     * Runs this fast are not worth a key (copying and hashing the problem costs about as much):
     * a model whose fastest run in its latest timing window is below it runs without the memo on
     * this thread until the next window.
     */
    static final long CHEAP_NANOS = 20_000;
    static final int SAMPLE = 16;
    /**
     * Calls per timing window: in each, calls {@value #SAMPLE} to 2 x {@value #SAMPLE} - 1 are timed
     * (after warm-up), so a model judged while its code was still interpreted is judged again once
     * compiled.
     */
    static final int PERIOD = 4096;

    /** Per model: calls so far, the fastest timed run of the current window, and 1 when cheap. */
    private final Map<BargainingModel, long[]> cost = new java.util.IdentityHashMap<>();

    private RunMemo() {
    }

    /**
     * The model's untraced run on {@code p} with the standard generator of {@code seed}: remembered,
     * or run now and remembered.
     *
     * @param drew set to true when the run drew a random number (left alone otherwise); may be null
     */
    static Trajectory run(BargainingModel model, ModelOptions options, Problem p, int rounds, long seed,
                          boolean[] drew) {
        RunMemo memo = LOCAL.get();
        long[] cost = memo.cost.computeIfAbsent(model, x -> new long[] {0, Long.MAX_VALUE, 0});
        long phase = cost[0]++ % PERIOD;
        boolean timed = phase >= SAMPLE && phase < 2 * SAMPLE;
        boolean cheap = cost[2] != 0;
        Key key = cheap ? null : new Key(model, options, rounds, seed, p);
        Entry e = cheap ? null : memo.recent.get(key);
        if (e == null) {
            TrackedRandom g = new TrackedRandom(Seeds.random(seed));
            long t0 = timed ? System.nanoTime() : 0;
            Trajectory t = model.run(p, options, new RunContext(rounds, seed, g, false));
            if (timed) {
                cost[1] = Math.min(cost[1], System.nanoTime() - t0);
            }
            e = new Entry(t, g.drew());
            if (!cheap) {
                memo.recent.put(key, e);
            }
        }
        if (phase == 2 * SAMPLE - 1) {
            cost[2] = cost[1] < CHEAP_NANOS ? 1 : 0;
            cost[1] = Long.MAX_VALUE;
        }
        if (drew != null && e.drew()) {
            drew[0] = true;
        }
        return e.trajectory();
    }

    /** A problem's numbers and ids, compared by value; model and options by identity. */
    private static final class Key {
        private final BargainingModel model;
        private final ModelOptions options;
        private final int rounds;
        private final long seed;
        private final String[] actors;
        private final String[] issues;
        private final DecisionRule[] rules;
        private final double[] numbers;
        private final int hash;

        Key(BargainingModel model, ModelOptions options, int rounds, long seed, Problem p) {
            this.model = model;
            this.options = options;
            this.rounds = rounds;
            this.seed = seed;
            int n = p.actorCount();
            int m = p.issueCount();
            actors = new String[n];
            issues = new String[m];
            rules = new DecisionRule[m];
            numbers = new double[n * (1 + 2 * m) + 3 * m];
            int at = 0;
            double[] cap = p.capability();
            double[][] pos = p.position();
            double[][] sal = p.salience();
            for (int i = 0; i < n; i++) {
                actors[i] = p.actorId(i);
                numbers[at++] = cap[i];
                System.arraycopy(pos[i], 0, numbers, at, m);
                at += m;
                System.arraycopy(sal[i], 0, numbers, at, m);
                at += m;
            }
            for (int k = 0; k < m; k++) {
                issues[k] = p.issueId(k);
                rules[k] = p.rule(k);
                numbers[at++] = p.scaleMin(k);
                numbers[at++] = p.scaleMax(k);
                numbers[at++] = p.statusQuo(k);
            }
            int h = System.identityHashCode(model);
            h = 31 * h + System.identityHashCode(options);
            h = 31 * h + rounds;
            h = 31 * h + Long.hashCode(seed);
            h = 31 * h + Arrays.hashCode(numbers);
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            // Arrays.equals on doubles compares bit patterns (NaN equals NaN, 0.0 differs from -0.0)
            return hash == k.hash && model == k.model && options == k.options && rounds == k.rounds && seed == k.seed
                    && Arrays.equals(numbers, k.numbers) && Arrays.equals(rules, k.rules)
                    && Arrays.equals(actors, k.actors) && Arrays.equals(issues, k.issues);
        }
    }
}
