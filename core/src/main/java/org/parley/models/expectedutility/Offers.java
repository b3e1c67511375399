package org.parley.models.expectedutility;

import static org.parley.models.expectedutility.IssueEngine.CAPITULATE;
import static org.parley.models.expectedutility.IssueEngine.COMPROMISE;
import static org.parley.models.expectedutility.IssueEngine.CONFLICT;
import static org.parley.models.expectedutility.IssueEngine.NONE;

/**
 * The offers of one issue's round: each dyad classified from the focal actor's chart (conflict,
 * compromise, capitulation, nothing; F11-F14) at the positions the round started from, and each
 * actor's choice of one offer (F13), recorded in the engine's {@code kind}, {@code with} and {@code to}.
 */
final class Offers {

    private final IssueEngine engine;
    /** The options of the issue the engine plays (set when it is loaded). */
    EuConfig cfg;
    // candidate produced by classify()
    private int candKind;
    private double candTarget;

    Offers(IssueEngine engine) {
        this.engine = engine;
    }

    /** The kind of the offer j makes to i ({@link IssueEngine#NONE} if none). */
    int kind(int i, int j) {
        classify(i, j);
        return candKind;
    }

    /** Where accepting j's offer would move i. */
    double target(int i, int j) {
        classify(i, j);
        return candTarget;
    }

    /**
     * Classifies the dyad (i focal, j counterpart) from i's chart at the positions the round
     * started from; sets {@code candKind} and {@code candTarget} (i's new position if it accepts).
     */

    private void classify(int i, int j) {
        final double[] from = engine.from;
        final double[][] a = engine.a;
        final double[][] b = engine.b;
        final double[][] p = engine.p;
        candKind = NONE;
        candTarget = from[i];
        if (i == j || (from[i] == from[j] && cfg.skipSamePosition)) {
            return;
        }
        double ai = a[i][j];
        double bj = b[i][j];
        double z = cfg.zeroBand;
        boolean nearA = Math.abs(ai) < z;
        boolean nearB = Math.abs(bj) < z;
        if (nearA && nearB) {
            return;
        }
        if (nearA) {
            if (bj > 0) {
                compromise(i, j, ai, bj);
            }
            return;
        }
        if (nearB) {
            return;
        }
        if (ai > 0 && bj > 0) {
            if (ai < bj) {
                switch (cfg.conflict) {
                    case NONE:
                        return;
                    case EXPECTED:
                        candKind = CONFLICT;
                        candTarget = from[i] + (1 - p[i][j]) * (from[j] - from[i]);
                        return;
                    case FULL:
                    default:
                        candKind = CONFLICT;
                        candTarget = from[j];
                        return;
                }
            }
            return;
        }
        if (ai < 0 && bj > 0) {
            if (bj > -ai) {
                compromise(i, j, ai, bj);
            } else if (-ai > bj && cfg.capitulationFixed) {
                candKind = CAPITULATE;
                candTarget = from[j];
            }
        }
    }

    private void compromise(int i, int j, double ai, double bj) {
        final double[] from = engine.from;
        candKind = COMPROMISE;
        if (cfg.compromiseRatio) {
            candTarget = from[i] + (from[j] - from[i]) * Math.abs(ai / bj);
        } else {
            candTarget = weightedAverage(i, j, ai, bj);
        }
    }

    private double weightedAverage(int i, int j, double ai, double bj) {
        final double[] from = engine.from;
        double wa = Math.abs(ai);
        double wb = Math.abs(bj);
        return (wa * from[i] + wb * from[j]) / (wa + wb);
    }

    /** Actor i picks one offer (F13) and records it in kind/with/to. */

    void choose(int i) {
        final int n = engine.n;
        final double[] from = engine.from;
        final double[][] a = engine.a;
        final double[][] b = engine.b;
        final int[] kind = engine.kind;
        final int[] with = engine.with;
        final double[] to = engine.to;
        if (cfg.offerChoice == EuConfig.OfferChoice.HIGHEST_EU) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (j == i || !(b[i][j] > 0)) {
                    continue;
                }
                if (best < 0 || b[i][j] > b[i][best]
                        || (b[i][j] == b[i][best] && Math.abs(from[i] - from[j]) < Math.abs(from[i] - from[best]))) {
                    best = j;
                }
            }
            if (best >= 0) {
                classify(i, best);
                if (candKind != NONE) {
                    kind[i] = candKind;
                    with[i] = best;
                    to[i] = candTarget;
                }
            }
            return;
        }
        int bestKind = NONE;
        int bestWith = -1;
        double bestTarget = from[i];
        double bestKey = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            classify(i, j);
            if (candKind == NONE) {
                continue;
            }
            double key = cfg.offerChoice == EuConfig.OfferChoice.CLASS_WEIGHTED_KEY && candKind == COMPROMISE
                    ? weightedAverage(i, j, a[i][j], b[i][j])
                    : Math.abs(candTarget - from[i]);
            boolean better;
            if (bestKind == NONE || rank(candKind) < rank(bestKind)) {
                better = true;
            } else if (rank(candKind) > rank(bestKind)) {
                better = false;
            } else if (key != bestKey) {
                better = key < bestKey;
            } else if (cfg.tiesFirst) {
                better = false;
            } else {
                // equal: the proposer with the higher expected utility, then the lower position
                double bNew = b[i][j];
                double bOld = b[i][bestWith];
                better = bNew > bOld || (bNew == bOld && candTarget < bestTarget);
            }
            if (better) {
                bestKind = candKind;
                bestWith = j;
                bestTarget = candTarget;
                bestKey = key;
            }
        }
        if (bestKind != NONE) {
            kind[i] = bestKind;
            with[i] = bestWith;
            to[i] = bestTarget;
        }
    }

    private static int rank(int k) {
        switch (k) {
            case CONFLICT:
                return 0;
            case COMPROMISE:
                return 1;
            case CAPITULATE:
                return 2;
            default:
                return 3;
        }
    }
}
