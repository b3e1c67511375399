package org.parley.models.expectedutility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;

/**
 * The expected-utility model's run when only its forecast is read (Monte Carlo, sensitivity,
 * levers): each issue plays on its own until it stops, no round, move or series is kept, and an
 * issue this thread has just played on the same numbers is not played again.
 *
 * <p>Issues are independent in the model: issue {@code k}'s rounds read only its own actors'
 * positions, capabilities and saliences, its scale's range and the options, and the round loop of
 * {@link ExpectedUtilityModel} only skips an issue once it has stopped. So playing each issue to
 * its own stop gives the same positions, medians and stop rounds as the shared loop, and the whole
 * run stops at the last issue's stop (or the round limit). In a Monte Carlo of the seed scenario
 * most issues come back unchanged (other worlds, other resolution states of the conditional
 * positions): about two issue runs in three are remembered ones.
 *
 * <p>Each thread keeps what its runs reuse ({@link Scratch}): the last {@value #CAPACITY} to twice as
 * many issues it played, compared by value (every double by its bits) with the options by
 * identity; one engine and its matrices for issues of up to {@value #REUSED_UP_TO} actors; the
 * actors of each issue and the notes of the last problem layout; the stop reasons of recent stop
 * patterns. A run of the seed scenario whose issues are all remembered allocates only its result.
 */
final class Untraced {

    static final int CAPACITY = 128;
    /** Issues up to this size reuse the thread's engine; larger ones get their own (and free it). */
    static final int REUSED_UP_TO = 64;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Untraced() {
    }

    /** One issue played to its stop: the final positions, median and mean, and when it stopped. */
    private record Played(double[] x, double median, double mean, boolean stopped, int stoppedAt, int rounds) {
    }

    /** The untraced run of {@code problem}; {@code contextRounds} is the run's round limit or 0. */
    static Trajectory run(Problem problem, EuConfig cfg, int contextRounds) {
        Scratch scratch = SCRATCH.get();
        boolean fixed = ExpectedUtilityModel.fixed(cfg, contextRounds);
        int limit = ExpectedUtilityModel.limit(cfg, contextRounds);
        Layout layout = scratch.layout(problem);
        int[][] actorOf = layout.actorOf;
        int m = problem.issueCount();
        double[][] positions = problem.copyPositions();
        double[] median = new double[m];
        double[] mean = new double[m];
        boolean[] stopped = scratch.stopped(m);
        int[] stoppedAt = scratch.stoppedAt(m);
        IssueEngine engine = null;
        int rounds = 0;
        for (int k = 0; k < m; k++) {
            int[] map = actorOf[k];
            Key probe = scratch.probe.of(cfg, fixed, limit, problem, k, map);
            Played played = scratch.recent(probe);
            if (played == null) {
                if (engine == null) {
                    engine = scratch.engine(ExpectedUtilityModel.largest(actorOf));
                }
                engine.load(cfg, problem, k, map);
                played = play(cfg, engine, fixed, limit);
                scratch.remember(probe.copy(), played);
            }
            for (int li = 0; li < map.length; li++) {
                positions[map[li]][k] = played.x()[li];
            }
            median[k] = played.median();
            mean[k] = played.mean();
            stopped[k] = played.stopped();
            stoppedAt[k] = played.stoppedAt();
            rounds = Math.max(rounds, played.rounds());
        }
        double[] forecast = cfg.forecastMean ? mean.clone() : median.clone();
        Round last = new Round(rounds, positions, median, List.of(), Map.of());
        String reason = scratch.stopReason(problem, cfg, contextRounds, fixed, m);
        return new Trajectory(List.of(last), forecast, reason, layout.notes);
    }

    /** Rounds of one issue until it settles (unless {@code fixed}) or {@code limit} rounds have run. */
    private static Played play(EuConfig cfg, IssueEngine e, boolean fixed, int limit) {
        double median = e.median();
        boolean stopped = false;
        int stoppedAt = 0;
        int t = 0;
        while (t < limit && !stopped) {
            RunContext.checkpoint();
            t++;
            double before = median;
            e.step();
            median = e.median();
            if (!fixed && ExpectedUtilityModel.settled(cfg, e, before, median, t)) {
                stopped = true;
                stoppedAt = t;
            }
        }
        return new Played(Arrays.copyOf(e.x, e.n), median, e.mean(), stopped, stoppedAt, t);
    }

    /** Each issue's actors and the run's notes, for problems with the same ids, rules and absent actors. */
    private static final class Layout {
        final String[] issueIds;
        final org.parley.model.DecisionRule[] rules;
        final boolean[] present;
        final int[][] actorOf;
        final List<String> notes;

        Layout(Problem p) {
            int n = p.actorCount();
            int m = p.issueCount();
            issueIds = new String[m];
            rules = new org.parley.model.DecisionRule[m];
            present = new boolean[n * m];
            for (int k = 0; k < m; k++) {
                issueIds[k] = p.issueId(k);
                rules[k] = p.rule(k);
                for (int i = 0; i < n; i++) {
                    present[k * n + i] = p.present(i, k);
                }
            }
            List<String> list = new ArrayList<>();
            actorOf = ExpectedUtilityModel.actorsOn(p, list);
            notes = List.copyOf(list);
        }

        boolean fits(Problem p) {
            int m = p.issueCount();
            if (m != issueIds.length || p.actorCount() * m != present.length) {
                return false;
            }
            int n = p.actorCount();
            for (int k = 0; k < m; k++) {
                if (!issueIds[k].equals(p.issueId(k)) || rules[k] != p.rule(k)) {
                    return false;
                }
                for (int i = 0; i < n; i++) {
                    if (present[k * n + i] != p.present(i, k)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** What the untraced runs of one thread reuse. */
    private static final class Scratch {
        /**
         * The issues played last, in two generations of up to {@value #CAPACITY}: a new issue goes
         * into the young one, and a full young generation becomes the old one (the old one is
         * dropped). Not a least-recently-used map: its eviction would start only once the map is
         * full, often after the JIT compiled this code, and undo that compilation (bench/PROFILE.md,
         * stop 29); a generation turns over from the first runs on.
         */
        private HashMap<Key, Played> young = new HashMap<>(4 * CAPACITY);
        private HashMap<Key, Played> old = new HashMap<>(4 * CAPACITY);

        Played recent(Key k) {
            Played p = young.get(k);
            return p != null ? p : old.get(k);
        }

        void remember(Key k, Played p) {
            if (young.size() >= CAPACITY) {
                HashMap<Key, Played> t = old;
                t.clear();
                old = young;
                young = t;
            }
            young.put(k, p);
        }

        final Key probe = new Key();
        private IssueEngine engine;
        private Layout layout;
        private boolean[] stopped = new boolean[0];
        private int[] stoppedAt = new int[0];
        private final StopReasons reasons = new StopReasons();

        Layout layout(Problem p) {
            if (layout == null || !layout.fits(p)) {
                layout = new Layout(p);
            }
            return layout;
        }

        /** An engine for issues of up to {@code size} actors: the thread's own up to {@link #REUSED_UP_TO}. */
        IssueEngine engine(int size) {
            if (size > REUSED_UP_TO) {
                return new IssueEngine(new Workspace(size, true));
            }
            if (engine == null || engine.x.length < size) {
                engine = new IssueEngine(new Workspace(Math.max(size, 8), true));
            }
            return engine;
        }

        boolean[] stopped(int m) {
            if (stopped.length < m) {
                stopped = new boolean[m];
                stoppedAt = new int[m];
            }
            return stopped;
        }

        int[] stoppedAt(int m) {
            stopped(m);
            return stoppedAt;
        }

        String stopReason(Problem p, EuConfig cfg, int contextRounds, boolean fixed, int m) {
            return reasons.of(p, cfg, contextRounds, fixed, stopped, stoppedAt, m);
        }
    }

    /**
     * The stop reasons of recent stop patterns, one entry per pattern hash (direct-mapped): the
     * words depend only on which issues stopped when, the issue ids and the options (with a round
     * limit or stop=fixed, not even on the pattern), so a pattern met before is not worded again.
     */
    private static final class StopReasons {
        private static final int SIZE = 512;
        private final EuConfig[] cfgs = new EuConfig[SIZE];
        private final int[] limits = new int[SIZE];
        private final String[][] ids = new String[SIZE][];
        private final int[][] at = new int[SIZE][];
        private final String[] words = new String[SIZE];

        /** The words for this stop pattern ({@code fixed} follows from the options and {@code contextRounds}). */
        String of(Problem p, EuConfig cfg, int contextRounds, boolean fixed, boolean[] stopped, int[] stoppedAt, int m) {
            int h = 31 * System.identityHashCode(cfg) + contextRounds;
            for (int k = 0; k < m; k++) {
                h = 31 * (31 * h + code(fixed, stopped, stoppedAt, k)) + p.issueId(k).hashCode();
            }
            int e = (h ^ (h >>> 16)) & (SIZE - 1);
            if (cfgs[e] == cfg && limits[e] == contextRounds && matches(e, p, fixed, stopped, stoppedAt, m)) {
                return words[e];
            }
            return word(e, p, cfg, contextRounds, fixed, stopped, stoppedAt, m);
        }

        /** What the pattern holds of issue k: its stop round, -1 if it did not stop, 0 when the words ignore it. */
        private static int code(boolean fixed, boolean[] stopped, int[] stoppedAt, int k) {
            return fixed ? 0 : stopped[k] ? stoppedAt[k] : -1;
        }

        private String word(int e, Problem p, EuConfig cfg, int contextRounds, boolean fixed, boolean[] stopped,
                            int[] stoppedAt, int m) {
            String w = ExpectedUtilityModel.stopReason(p, cfg, contextRounds, fixed, Arrays.copyOf(stopped, m),
                    Arrays.copyOf(stoppedAt, m));
            cfgs[e] = cfg;
            limits[e] = contextRounds;
            ids[e] = new String[m];
            at[e] = new int[m];
            for (int k = 0; k < m; k++) {
                ids[e][k] = p.issueId(k);
                at[e][k] = code(fixed, stopped, stoppedAt, k);
            }
            words[e] = w;
            return w;
        }

        private boolean matches(int e, Problem p, boolean fixed, boolean[] stopped, int[] stoppedAt, int m) {
            if (ids[e].length != m) {
                return false;
            }
            for (int k = 0; k < m; k++) {
                if (code(fixed, stopped, stoppedAt, k) != at[e][k] || !ids[e][k].equals(p.issueId(k))) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * An issue's numbers (positions, capabilities, saliences of its actors, scale range) and the
     * settings. A thread's probe is refilled for every lookup; the memo keeps {@link #copy copies}.
     */
    private static final class Key {
        private EuConfig cfg;
        private boolean fixed;
        private int limit;
        private double[] numbers = new double[16];
        private int length;
        private int hash;

        Key of(EuConfig config, boolean fix, int lim, Problem p, int k, int[] map) {
            this.cfg = config;
            this.fixed = fix;
            this.limit = lim;
            int n = map.length;
            length = 3 * n + 1;
            if (numbers.length < length) {
                numbers = new double[Math.max(length, 2 * numbers.length)];
            }
            double[][] position = p.position();
            double[] capability = p.capability();
            double[][] salience = p.salience();
            for (int li = 0; li < n; li++) {
                int i = map[li];
                numbers[3 * li] = position[i][k];
                numbers[3 * li + 1] = capability[i];
                numbers[3 * li + 2] = salience[i][k];
            }
            numbers[3 * n] = p.scaleMax(k) - p.scaleMin(k);
            int h = 1;
            for (int q = 0; q < length; q++) {
                h = 31 * h + Double.hashCode(numbers[q]);
            }
            this.hash = 31 * (31 * (31 * System.identityHashCode(cfg) + Boolean.hashCode(fixed)) + limit) + h;
            return this;
        }

        Key copy() {
            Key c = new Key();
            c.cfg = cfg;
            c.fixed = fixed;
            c.limit = limit;
            c.numbers = Arrays.copyOf(numbers, length);
            c.length = length;
            c.hash = hash;
            return c;
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
            Key q = (Key) o;
            return hash == q.hash && cfg == q.cfg && fixed == q.fixed && limit == q.limit
                    && Arrays.equals(numbers, 0, length, q.numbers, 0, q.length);
        }
    }
}
