package org.parley.models.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.Move;
import org.parley.engine.Numbers;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.Trajectory;

/**
 * Turns an SMP run into Parley rounds: positions back on the issues' scales, the forecast reading,
 * the per-actor series ({@code win_prob}, {@code risk}, {@code ideal_<issueId>}) and one {@link Move}
 * per challenge and per bargain with a sentence saying what happened.
 */
final class SpatialExplainer {
    private final Problem p;
    private final SpatialModel.Compiled in;
    private final SmpParameters params;
    private final SmpRun run;
    /** Measure names of the bargains' positions per issue, made once. */
    private final String[] posKey;
    private final String[] rcvrPosKey;

    SpatialExplainer(Problem p, SpatialModel.Compiled in, SmpParameters params, SmpRun run) {
        this.p = p;
        this.in = in;
        this.params = params;
        this.run = run;
        int m = p.issueCount();
        posKey = new String[m];
        rcvrPosKey = new String[m];
        for (int k = 0; k < m; k++) {
            posKey[k] = "pos_" + p.issueId(k);
            rcvrPosKey[k] = "receiver_pos_" + p.issueId(k);
        }
    }

    Trajectory trajectory(List<String> notes) {
        int n = p.actorCount();
        int m = p.issueCount();
        int[] run2 = new int[n];
        for (int q = 0; q < n; q++) {
            run2[q] = in.runIndex(q);
        }
        List<Round> rounds = new ArrayList<>();
        double[] outcome = null;
        for (int t = 0; t < run.states.size(); t++) {
            SmpState s = run.states.get(t);
            double[][] pos = new double[n][m];
            for (int q = 0; q < n; q++) {
                int i = run2[q];
                for (int k = 0; k < m; k++) {
                    // an unmoved coordinate reports the input value itself, not its round trip through [0, 1]
                    pos[q][k] = !p.present(q, k) || i < 0 || s.x[i][k] == in.x0()[i][k] ? p.position()[q][k]
                            : in.toScale(k, s.x[i][k]);
                }
            }
            outcome = outcome(s);
            Map<String, double[]> series = new LinkedHashMap<>();
            double[] win = new double[n];
            double[] risk = new double[n];
            for (int q = 0; q < n; q++) {
                win[q] = run2[q] < 0 ? Double.NaN : s.winProbability(run2[q], s.uniqueProb);
                risk[q] = run2[q] < 0 ? Double.NaN : s.risk[run2[q]];
            }
            series.put("win_prob", win);
            series.put("risk", risk);
            if (in.actors().acc != null) {
                for (int k = 0; k < m; k++) {
                    double[] idl = new double[n];
                    for (int q = 0; q < n; q++) {
                        idl[q] = run2[q] < 0 ? Double.NaN : in.toScale(k, s.y[run2[q]][k]);
                    }
                    series.put("ideal_" + p.issueId(k), idl);
                }
            }
            List<Move> moves = t == 0 ? List.of() : moves(t, run.turns.get(t - 1), run.states.get(t - 1));
            rounds.add(new Round(t, pos, outcome, moves, series));
        }
        return new Trajectory(rounds, outcome.clone(), run.stopReason, notes);
    }

    /**
     * The forecast alone: the last state's outcome as {@link #trajectory} computes it, with a single
     * round holding it (no positions on the scales, series or moves).
     */
    Trajectory forecastOnly(List<String> notes) {
        int last = run.states.size() - 1;
        double[] outcome = outcome(run.states.get(last));
        Round end = new Round(last, p.copyPositions(), outcome, List.of(), Map.of());
        return new Trajectory(List.of(end), outcome.clone(), run.stopReason, notes);
    }

    private double[] outcome(SmpState s) {
        int m = p.issueCount();
        double[] out = new double[m];
        switch (params.forecast()) {
            case EXPECTED:
                for (int k = 0; k < m; k++) {
                    double v = 0;
                    for (int u = 0; u < s.unique.length; u++) {
                        v += s.uniqueProb[u] * s.x[s.unique[u]][k];
                    }
                    out[k] = in.toScale(k, v);
                }
                break;
            case MOST_LIKELY: {
                int best = 0;
                for (int u = 1; u < s.unique.length; u++) {
                    if (s.uniqueProb[u] > s.uniqueProb[best]) {
                        best = u;
                    }
                }
                for (int k = 0; k < m; k++) {
                    out[k] = in.toScale(k, s.x[s.unique[best]][k]);
                }
                break;
            }
            case POWER_MEAN:
                for (int k = 0; k < m; k++) {
                    double num = 0;
                    double den = 0;
                    for (int i = 0; i < s.n; i++) {
                        double w = in.actors().cap[i] * in.actors().sal[i][k];
                        // actors that take no part carry no weight
                        num += w * s.x[i][k];
                        den += w;
                    }
                    out[k] = in.toScale(k, den > 0 ? num / den : 0.5);
                }
                break;
            default:
                throw new IllegalStateException("forecast " + params.forecast());
        }
        return out;
    }

    private String point(double[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < v.length; k++) {
            if (k > 0) {
                b.append(", ");
            }
            b.append(Numbers.fixed(in.toScale(k, v[k]), 2));
        }
        return b.append(')').toString();
    }

    private String id(int i) {
        return p.actorId(in.act()[i]);
    }

    private List<Move> moves(int round, SmpTurn turn, SmpState s) {
        int n = s.n;
        int m = p.issueCount();
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int j = turn.target[i];
            if (j < 0) {
                continue;
            }
            Map<String, Double> me = new LinkedHashMap<>();
            me.put("expected_gain", turn.gain[i]);
            me.put("probability", turn.prob[i]);
            me.put("receiver_probability", turn.rcvrProb[i]);
            me.put("receiver_gain", turn.rcvrGain[i]);
            String reason = id(i) + " challenged " + id(j) + " because it expected to gain "
                    + SpatialModel.fmt(turn.gain[i]) + " in utility, estimating a " + Numbers.fixed(100 * turn.prob[i], 1)
                    + "% chance of winning a contest (" + id(j) + " estimated its own change at "
                    + SpatialModel.fmt(turn.rcvrGain[i]) + ").";
            moves.add(new Move(round, "challenge", id(i), id(j), null, Double.NaN, Double.NaN, me,
                    reason));
        }
        for (int b = 0; b < turn.bargains.size(); b++) {
            SmpTurn.Bargain bg = turn.bargains.get(b);
            int i = bg.init();
            int j = bg.rcvr();
            int qi = indexIn(turn.queue[i], b);
            int qj = indexIn(turn.queue[j], b);
            boolean chosenI = turn.chosen[i] == qi;
            boolean chosenJ = turn.chosen[j] == qj;
            Map<String, Double> me = new LinkedHashMap<>(2 * (5 + 2 * m));
            me.put("expected_gain", turn.gain[i]);
            me.put("probability", turn.queueProb[i][qi]);
            me.put("chosen", chosenI ? 1.0 : 0.0);
            me.put("receiver_probability", turn.queueProb[j][qj]);
            me.put("receiver_chosen", chosenJ ? 1.0 : 0.0);
            for (int k = 0; k < m; k++) {
                me.put(posKey[k], in.toScale(k, bg.posInit()[k]));
            }
            for (int k = 0; k < m; k++) {
                me.put(rcvrPosKey[k], in.toScale(k, bg.posRcvr()[k]));
            }
            String issue = m == 1 ? p.issueId(0) : null;
            double from = m == 1 ? in.toScale(0, s.x[i][0]) : Double.NaN;
            double to = m == 1 ? in.toScale(0, bg.posInit()[0]) : Double.NaN;
            String who = chosenI && chosenJ ? "both adopted it"
                    : chosenI ? id(i) + " adopted it and " + id(j) + " did not"
                    : chosenJ ? id(j) + " adopted it and " + id(i) + " did not"
                    : "neither adopted it";
            String reason = id(i) + " offered " + id(j) + " the compromise "
                    + point(bg.posInit())
                    + (Arrays.equals(bg.posInit(), bg.posRcvr()) ? "" : " / " + point(bg.posRcvr()))
                    + " (from " + bg.perspective() + "'s estimate); its vote probability was "
                    + Numbers.fixed(turn.queueProb[i][qi], 3) + " in " + id(i) + "'s queue and "
                    + Numbers.fixed(turn.queueProb[j][qj], 3) + " in " + id(j) + "'s, and " + who + ".";
            moves.add(new Move(round, "bargain", id(i), id(j), issue, from, to, me, reason));
        }
        return moves;
    }

    private static int indexIn(int[] q, int b) {
        for (int i = 0; i < q.length; i++) {
            if (q[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
