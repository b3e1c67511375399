package org.parley.models.expectedutility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.engine.ModelOptions;

/**
 * Powered votes from prefix sums over the voters in position order (used from
 * {@link Votes#SORTED_FROM} actors on) give the probabilities of the direct O(n^3) sums to within
 * 1e-9, with and without the actors' own votes, with tied positions; so do linear votes (every size).
 */
class VotesTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void sortedSumsMatchTheDirectSums(long seed) {
        ExpectedUtilityModel model = new ExpectedUtilityModel();
        SplittableRandom r = new SplittableRandom(seed);
        int n = Votes.SORTED_FROM + 44;
        double[] x = new double[n];
        double[] c = new double[n];
        double[] s = new double[n];
        double[] rv = new double[n];
        for (int i = 0; i < n; i++) {
            // positions on a grid of 0.5 so that some actors share a position and some sit at midpoints
            x[i] = Math.round(r.nextDouble() * 200) / 2.0;
            c[i] = 1 + r.nextDouble() * 99;
            s[i] = 0.1 + r.nextDouble() * 0.9;
            rv[i] = 0.5 + 1.5 * r.nextDouble();
        }
        for (Map<String, String> given : java.util.List.of(Map.<String, String>of(), Map.of("voters", "third-parties"))) {
            ModelOptions o = ModelOptions.resolve(model.id(), model.options(), model.presets(), given);
            EuConfig cfg = new EuConfig(o);
            assertThat(cfg.poweredVotes).isTrue();
            IssueEngine e = new IssueEngine(cfg, x, c, s, 100);
            sortOrder(e, x);
            Votes v = new Votes(e, cfg, new Workspace(n));
            v.probabilities(rv);
            double[][] fast = new double[n][];
            for (int i = 0; i < n; i++) {
                fast[i] = e.p[i].clone();
            }
            v.probabilitiesDirect();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(fast[i][j]).as("%s p[%d][%d]", given, i, j).isCloseTo(e.p[i][j], within(1e-9));
                }
            }
        }
    }

    /**
     * Linear votes from prefix sums and forward pointers over the pairs in position order give the
     * probabilities of the direct sums over every voter (within 1e-9), with shared positions,
     * voters at midpoints and at both ends, with and without the actors' own votes.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void linearVotesMatchTheDirectSums(long seed) {
        ExpectedUtilityModel model = new ExpectedUtilityModel();
        SplittableRandom r = new SplittableRandom(seed);
        int n = 61;
        double[] x = new double[n];
        double[] c = new double[n];
        double[] s = new double[n];
        double[] ones = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round(r.nextDouble() * 40) / 2.0 - 5;
            c[i] = 1 + r.nextDouble() * 99;
            s[i] = 0.1 + r.nextDouble() * 0.9;
            ones[i] = 1;
        }
        for (Map<String, String> given : java.util.List.of(Map.of("votes", "linear"),
                Map.of("votes", "linear", "probability", "textbook", "voters", "third-parties"))) {
            ModelOptions o = ModelOptions.resolve(model.id(), model.options(), model.presets(), given);
            EuConfig cfg = new EuConfig(o);
            IssueEngine e = new IssueEngine(cfg, x, c, s, 20);
            sortOrder(e, x);
            Votes v = new Votes(e, cfg, new Workspace(n));
            v.probabilities(ones);
            double denominator = cfg.probability == EuConfig.Probability.ALL_PAIRS ? v.allPairsDirect() : 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double direct = i == j ? 0 : v.probabilityDirect(i, j, denominator);
                    assertThat(e.p[i][j]).as("%s p[%d][%d]", given, i, j).isCloseTo(direct, within(1e-9));
                }
            }
        }
    }

    /** The engine's actors in position order, ties by index (what a round sorts before the votes). */
    private static void sortOrder(IssueEngine e, double[] x) {
        int n = x.length;
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i;
        }
        java.util.Arrays.sort(sorted, (a, b) -> Double.compare(x[a], x[b]) != 0 ? Double.compare(x[a], x[b]) : a - b);
        for (int i = 0; i < n; i++) {
            e.order[i] = sorted[i];
        }
    }
}
