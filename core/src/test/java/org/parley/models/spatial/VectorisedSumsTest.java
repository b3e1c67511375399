package org.parley.models.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

/**
 * The vectorised sums give KTAB's doubles to the last bit: every initiator's challenges
 * ({@link SmpChallenges}) against the pair-by-pair {@code SmpState.challenge}, and the proportional
 * coalition strengths against KTAB's loop, on ordinary states, on states whose votes overflow (an
 * actor of capability 1e308; the coalitions then take their exact fallback, the challenges so far do not), with positions outside
 * the scales, and for every voting rule and third-party commitment.
 */
class VectorisedSumsTest {

    private static SmpState state(int n, int m, long seed, int kind, Map<String, String> given) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] cap = new double[n];
        double[][] sal = new double[n][m];
        double[][] x = new double[n][m];
        for (int i = 0; i < n; i++) {
            cap[i] = 1 + r.nextDouble() * 2;
            for (int k = 0; k < m; k++) {
                sal[i][k] = (0.1 + 0.8 * r.nextDouble()) / m;
                x[i][k] = r.nextDouble();
                if (kind == 2 && r.nextInt(4) == 0) {
                    x[i][k] = 1 + r.nextDouble();
                }
            }
            if (i > 2 && r.nextInt(5) == 0) {
                x[i] = x[i - 2].clone();
            }
        }
        if (kind == 1) {
            int big = r.nextInt(n);
            cap[big] = 1e308;
            java.util.Arrays.fill(sal[big], 1.0 / m);
        }
        SmpRun run = new SmpRun(new SmpActors(cap, sal, null), SmpParameters.of(KtabFiles.options(given)));
        return run.start(x);
    }

    @Test
    void everyInitiatorsChallengesAreThePairByPairOnes() {
        List<Map<String, String>> readings = new ArrayList<>();
        readings.add(Map.of());
        for (String rule : new String[] {"binary", "prop-bin", "prop-cbc", "cubic", "asym-prosp"}) {
            readings.add(Map.of(SpatialModel.VOTING_RULE, rule));
        }
        readings.add(Map.of(SpatialModel.THIRD_PARTY_COMMIT, "full-commit"));
        readings.add(Map.of(SpatialModel.THIRD_PARTY_COMMIT, "no-commit"));
        readings.add(Map.of(SpatialModel.BIG_R_RANGE, "max"));
        long seed = 1;
        for (Map<String, String> given : readings) {
            for (int kind = 0; kind < 3; kind++) {
                for (int n : new int[] {2, 5, 19}) {
                    SmpState s = state(n, 1 + (int) (seed % 3), seed++, kind, given);
                    double[] prob = new double[n];
                    double[] gain = new double[n];
                    double[] out = new double[6];
                    SmpChallenges.Work w = new SmpChallenges.Work(n);
                    for (int i = 0; i < n; i++) {
                        SmpChallenges.from(s, i, prob, gain, w);
                        for (int j = 0; j < n; j++) {
                            if (j != i) {
                                s.challenge(i, i, i, j, out, null);
                                String at = given + " kind " + kind + " n " + n + " i " + i + " j " + j;
                                assertEquals(out[0], prob[j], at);
                                assertEquals(out[1], gain[j], at);
                            }
                        }
                    }
                }
            }
        }
    }

    /** KTAB's {@code Model::coalitions} for proportional voting, pair by pair with its conditionals. */
    private static double[][] ktab(double[] w, double[][] u, int numAct, int numOpt) {
        double[][] c = new double[numOpt][numOpt];
        for (int i = 0; i < numOpt; i++) {
            for (int j = 0; j < numOpt; j++) {
                double cij = Pce.MIN_COALITION;
                if (i != j) {
                    for (int k = 0; k < numAct; k++) {
                        double v = w[k] * (u[k][i] - u[k][j]);
                        cij = cij + (v > 0 ? v : 0.0);
                    }
                }
                c[i][j] = cij;
            }
        }
        return c;
    }

    @Test
    void proportionalCoalitionsAreKtabsOnAnyThreadCount() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SplittableRandom r = new SplittableRandom(7);
            for (int kind = 0; kind < 4; kind++) {
                for (int numOpt : new int[] {1, 3, 70}) {
                    int numAct = 5 + r.nextInt(60);
                    double[] w = new double[numAct];
                    double[][] u = new double[numAct][numOpt];
                    for (int k = 0; k < numAct; k++) {
                        w[k] = kind == 3 && k % 7 == 0 ? 0.0 : r.nextDouble() * 3;
                        for (int o = 0; o < numOpt; o++) {
                            u[k][o] = r.nextInt(3) == 0 ? 0.5 : r.nextDouble();
                        }
                    }
                    if (kind == 1) {
                        w[r.nextInt(numAct)] = Double.MAX_VALUE;
                    }
                    if (kind == 2) {
                        u[r.nextInt(numAct)][r.nextInt(numOpt)] = Double.NaN;
                    }
                    double[][] want = ktab(w, u, numAct, numOpt);
                    for (ExecutorService p : new ExecutorService[] {null, pool}) {
                        double[][] c = new double[numOpt][numOpt];
                        Pce.coalitions(SmpParameters.Vote.PROP, w, u, numAct, numOpt, c, p, 2);
                        for (int i = 0; i < numOpt; i++) {
                            for (int j = 0; j < numOpt; j++) {
                                assertEquals(want[i][j], c[i][j], "kind " + kind + " " + i + "," + j);
                            }
                        }
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
