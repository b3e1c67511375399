package org.parley.models.expectedutility;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

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
 * <p>The memo is per thread and keeps the last {@value #CAPACITY} issues, compared by value (every
 * double by its bits) with the options by identity.
 */
final class Untraced {

    static final int CAPACITY = 128;

    private static final ThreadLocal<Map<Key, Played>> RECENT = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(2 * CAPACITY, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Played> eldest) {
                    return size() > CAPACITY;
                }
            });

    private Untraced() {
    }

    /** One issue played to its stop: the final positions, median and mean, and when it stopped. */
    private record Played(double[] x, double median, double mean, boolean stopped, int stoppedAt, int rounds) {
    }

    static Trajectory run(Problem problem, EuConfig cfg, int[][] actorOf, boolean fixed, int limit, List<String> notes,
                          BiFunction<boolean[], int[], String> stopReason) {
        int m = problem.issueCount();
        Map<Key, Played> recent = RECENT.get();
        IssueEngine.Workspace workspace = null;
        double[][] positions = problem.copyPositions();
        double[] median = new double[m];
        double[] mean = new double[m];
        boolean[] stopped = new boolean[m];
        int[] stoppedAt = new int[m];
        int rounds = 0;
        for (int k = 0; k < m; k++) {
            int[] map = actorOf[k];
            Key key = new Key(cfg, fixed, limit, problem, k, map);
            Played played = recent.get(key);
            if (played == null) {
                if (workspace == null) {
                    workspace = new IssueEngine.Workspace(ExpectedUtilityModel.largest(actorOf));
                }
                played = play(cfg, ExpectedUtilityModel.engine(cfg, problem, k, map, workspace), fixed, limit);
                recent.put(key, played);
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
        return new Trajectory(List.of(last), forecast, stopReason.apply(stopped, stoppedAt), notes);
    }

    /** Rounds of one issue until it settles (unless {@code fixed}) or {@code limit} rounds have run. */
    private static Played play(EuConfig cfg, IssueEngine e, boolean fixed, int limit) {
        double median = e.median();
        double mean = e.mean();
        boolean stopped = false;
        int stoppedAt = 0;
        int t = 0;
        while (t < limit && !stopped) {
            RunContext.checkpoint();
            t++;
            double before = median;
            e.step();
            median = e.median();
            mean = e.mean();
            if (!fixed && ExpectedUtilityModel.settled(cfg, e, before, median, t)) {
                stopped = true;
                stoppedAt = t;
            }
        }
        return new Played(e.x.clone(), median, mean, stopped, stoppedAt, t);
    }

    /** An issue's numbers (positions, capabilities, saliences of its actors, scale range) and the settings. */
    private static final class Key {
        private final EuConfig cfg;
        private final boolean fixed;
        private final int limit;
        private final double[] numbers;
        private final int hash;

        Key(EuConfig cfg, boolean fixed, int limit, Problem p, int k, int[] map) {
            this.cfg = cfg;
            this.fixed = fixed;
            this.limit = limit;
            int n = map.length;
            numbers = new double[3 * n + 1];
            for (int li = 0; li < n; li++) {
                int i = map[li];
                numbers[3 * li] = p.position()[i][k];
                numbers[3 * li + 1] = p.capability()[i];
                numbers[3 * li + 2] = p.salience()[i][k];
            }
            numbers[3 * n] = p.scaleMax(k) - p.scaleMin(k);
            this.hash = 31 * (31 * (31 * System.identityHashCode(cfg) + Boolean.hashCode(fixed)) + limit)
                    + Arrays.hashCode(numbers);
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
                    && Arrays.equals(numbers, q.numbers);
        }
    }
}
