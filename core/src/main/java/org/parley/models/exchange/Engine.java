package org.parley.models.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.parley.engine.Problem;

/**
 * Runs the rounds of the exchange model on the 0-100 working scale, in an {@link Arithmetic}
 * (doubles by default, 28-digit decimals for exact replication). A round
 * makes every candidate exchange once, then realises them highest gain first from a
 * {@link CandidateQueue}; after each realised exchange only the candidates that share an actor-issue
 * with it are recalculated (the Python code recalculates them all, which leaves the others as they
 * were).
 */
final class Engine {

    private final Arithmetic a;
    private final int n;
    private final int m;
    private final double[][] s;
    private final double[][] c;
    private final boolean[][] eligible;
    private final int[][] order;
    /** Per issue and actor: the actor's place in {@link #order}. */
    private final int[][] place;
    private final ExchangeSettings o;
    private final RandomGenerator random;
    private final double sw;
    private final double fw;
    private final double one;
    private double[][] x;

    /**
     * @param eligible whether an actor takes part in exchanges on an issue
     * @param order    the actors present on each issue, in actor order
     */
    Engine(Arithmetic a, Problem problem, boolean[][] eligible, int[][] order, ExchangeSettings o,
           RandomGenerator random) {
        this.a = a;
        this.n = problem.actorCount();
        this.m = order.length;
        this.eligible = eligible;
        this.order = order;
        this.o = o;
        this.random = random;
        this.sw = a.exact(o.salienceWeight());
        this.fw = a.exact(o.fixedWeight());
        this.one = a.exact(1);
        this.s = new double[n][m];
        this.c = new double[n][m];
        this.x = new double[n][m];
        this.place = new int[m][n];
        for (int k = 0; k < m; k++) {
            for (int u = 0; u < order[k].length; u++) {
                place[k][order[k][u]] = u;
            }
        }
        for (double[] row : x) {
            Arrays.fill(row, Double.NaN);
        }
        double hundred = a.exact(100);
        for (int k = 0; k < m; k++) {
            double lo = a.input(problem.scaleMin(k));
            double step = a.divide(hundred, a.subtract(a.input(problem.scaleMax(k)), lo));
            for (int i : order[k]) {
                s[i][k] = a.input(problem.salience()[i][k]);
                c[i][k] = a.input(problem.capability()[i]);
                x[i][k] = a.multiply(a.subtract(a.input(problem.position()[i][k]), lo), step);
            }
        }
    }

    /** What a round's start outcomes would be now, as doubles (the trace's round 0). */
    double[] outcomes() {
        return toDouble(outcomes(a.sums(x, s, c, order, place, false), x));
    }

    /** Runs the next round from the current preferences and moves on to the shifted ones. */
    RoundOutput next() {
        int roundMark = a.mark();
        RoundState st = new RoundState(a, x, s, c, order, place, o, random);
        double[] start = outcomes(st.sums, x);
        List<Candidate> list = new ArrayList<>();
        List<List<Candidate>> byActor = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byActor.add(new ArrayList<>());
        }
        candidates(st, start, list, byActor);
        CandidateQueue queue = new CandidateQueue(a, list);
        list = null;
        List<Candidate> realized = new ArrayList<>();
        List<Realized> out = new ArrayList<>();
        List<Candidate> touched = new ArrayList<>();
        boolean purged = false;
        int ties = 0;
        while (!queue.isEmpty()) {
            CandidateQueue.Entry first = queue.poll();
            CandidateQueue.Entry appended = null;
            if (!queue.isEmpty() && o.ties() != ExchangeSettings.Ties.ORDERED) {
                CandidateQueue.Entry second = queue.peek();
                if (a.tie(first.cand.gain, second.cand.gain)) {
                    ties++;
                    if (random.nextDouble() >= 0.5) {
                        appended = first;
                        first = queue.poll();
                    } else if (o.ties() == ExchangeSettings.Ties.RANDOM) {
                        // as the Python code: the runner-up is appended once more (it is then in the list twice)
                        appended = queue.newEntry(second.cand);
                    }
                }
            }
            queue.drop(first);
            Candidate e = first.cand;
            if (!e.valid) {
                if (appended != null) {
                    queue.append(appended);
                }
                continue;
            }
            st.sums.moved(e.i.actor, e.i.supply, e.i.y);
            st.sums.moved(e.j.actor, e.j.supply, e.j.y);
            if (!purged) {
                // the Python code's first pass over the list drops every candidate invalid from the start
                queue.dropInvalid();
                purged = true;
            }
            touched.clear();
            int number = realized.size();
            collectTouched(byActor.get(e.i.actor), e, number, touched);
            collectTouched(byActor.get(e.j.actor), e, number, touched);
            boolean appendedTaken = appended != null && appended.cand.seen == number && appended.cand.queued();
            List<CandidateQueue.Entry> taken = queue.takeOut(touched, appended);
            for (CandidateQueue.Entry t : taken) {
                if (t.cand.valid) {
                    t.cand.recalculate(e);
                }
            }
            queue.putBack(taken, appended, appendedTaken);
            realized.add(e);
            out.add(new Realized(side(e.i), side(e.j), a.toDouble(e.gain)));
        }
        double[][] vote = copy(x);
        for (Candidate e : realized) {
            vote[e.i.actor][e.i.supply] = e.i.y;
            vote[e.j.actor][e.j.supply] = e.j.y;
        }
        double[][] next = copy(vote);
        for (Candidate e : realized) {
            next[e.i.actor][e.i.supply] = shift(e.i);
            next[e.j.actor][e.j.supply] = shift(e.j);
        }
        RoundOutput res = new RoundOutput(toDouble(start), toDouble(vote), toDouble(outcomes(st.sums, vote)),
                toDouble(outcomes(st.sums, next)), out, ties);
        if (roundMark >= 0) {
            // the round's values go, the next round's start positions stay
            a.compact(roundMark);
            for (double[] row : next) {
                for (int k = 0; k < m; k++) {
                    row[k] = a.keep(row[k]);
                }
            }
        }
        x = next;
        return res;
    }

    /**
     * Adds to {@code touched} the queued candidates of one actor that {@code e} touches, once each;
     * drops the candidates that left the queue from the actor's list on the way.
     */
    private static void collectTouched(List<Candidate> mine, Candidate e, int number,
                                           List<Candidate> touched) {
        int keep = 0;
        for (int t = 0; t < mine.size(); t++) {
            Candidate cand = mine.get(t);
            if (!cand.queued()) {
                continue;
            }
            mine.set(keep++, cand);
            if (cand.seen != number && cand.touchedBy(e)) {
                cand.seen = number;
                touched.add(cand);
            }
        }
        for (int t = mine.size() - 1; t >= keep; t--) {
            mine.remove(t); // from the end: nothing shifts
        }
    }

    private Supply side(Side s) {
        return new Supply(s.actor, s.supply, s.demand, a.toDouble(s.supplyPos), a.toDouble(s.y), a.toDouble(s.eu));
    }

    /** Every candidate of the round, in the Python code's order: issue pairs, then groups in actor order. */
    private void candidates(RoundState st, double[] start, List<Candidate> list, List<List<Candidate>> byActor) {
        int[] size = new int[4];
        int[][] members = new int[4][n];
        for (int p = 0; p < m; p++) {
            for (int q = p + 1; q < m; q++) {
                Arrays.fill(size, 0);
                for (int i = 0; i < n; i++) {
                    if (eligible[i][p] && eligible[i][q]) {
                        int g = (a.le(x[i][p], start[p]) ? 1 : 0) | (a.le(x[i][q], start[q]) ? 2 : 0);
                        members[g][size[g]++] = i;
                    }
                }
                // both right of the outcome x both left; left on p only x left on q only
                for (int pair = 0; pair < 2; pair++) {
                    int ga = pair == 0 ? 0 : 1;
                    int gb = pair == 0 ? 3 : 2;
                    for (int u = 0; u < size[ga]; u++) {
                        for (int v = 0; v < size[gb]; v++) {
                            Candidate cand = new Candidate(st, members[ga][u], members[gb][v], p, q);
                            cand.calculate();
                            list.add(cand);
                            if (cand.valid) {
                                byActor.get(members[ga][u]).add(cand);
                                byActor.get(members[gb][v]).add(cand);
                            } else {
                                cand.release();
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code new_start_position}: {@code (1 - s) sw y + fw y + (1 - (1 - s) sw - fw) x}. */
    private double shift(Side s) {
        double oneMinusS = a.subtract(one, s.sSupply());
        double swPart = a.multiply(a.multiply(oneMinusS, sw), s.y);
        double fwPart = a.multiply(fw, s.y);
        double keep = a.multiply(a.subtract(a.subtract(one, a.multiply(oneMinusS, sw)), fw), s.start());
        return a.add(a.add(swPart, fwPart), keep);
    }

    private double[] outcomes(Sums sums, double[][] pos) {
        double[] res = new double[m];
        for (int k = 0; k < m; k++) {
            res[k] = sums.outcome(pos, k);
        }
        return res;
    }

    private double[][] copy(double[][] v) {
        double[][] res = new double[n][];
        for (int i = 0; i < n; i++) {
            res[i] = v[i].clone();
        }
        return res;
    }

    private double[] toDouble(double[] v) {
        double[] res = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            res[k] = a.toDouble(v[k]);
        }
        return res;
    }

    private double[][] toDouble(double[][] v) {
        double[][] res = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            res[i] = toDouble(v[i]);
        }
        return res;
    }

    /** One side of a realised exchange, positions on the working scale. */
    record Supply(int actor, int supply, int demand, double from, double to, double gain) {
    }

    /** A realised exchange: its two sides and its equal gain. */
    record Realized(Supply i, Supply j, double gain) {
    }

    /**
     * What a round produced, on the working scale.
     *
     * @param start       outcome per issue on the round's start preferences
     * @param vote        voting positions [actor][issue] at the end of the round
     * @param voteOutcome outcome per issue on the voting positions
     * @param preference  outcome per issue on the shifted preferences the next round starts from
     * @param realized    the realised exchanges in order
     * @param ties        gain ties met
     */
    record RoundOutput(double[] start, double[][] vote, double[] voteOutcome, double[] preference,
                       List<Realized> realized, int ties) {
    }
}
