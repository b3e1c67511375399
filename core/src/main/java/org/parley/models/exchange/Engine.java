package org.parley.models.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.parley.engine.Grids;
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
    /** Whether the caller reads the rounds (see {@link RoundOutput}). */
    private final boolean trace;
    private double[][] x;
    /**
     * Per actor, the queued candidates it takes part in (the first {@link #mineSize} entries), and
     * the realised exchanges and touched candidates of the current round: kept from round to round.
     */
    private Candidate[][] mine;
    private int[] mineSize;
    /**
     * Candidates reused from round to round (the first {@link #used} are this round's), at most
     * {@link #POOL} of them: a large round's candidates are let go of as they leave the queue.
     */
    private static final int POOL = 4096;
    private Candidate[] pool = new Candidate[64];
    private int used;
    /** The round state, kept from round to round in doubles (see {@link RoundState#restart}). */
    private RoundState roundState;
    /** The round's candidates in list order until the queue takes them, and the queue: kept from round to round. */
    private final List<Candidate> roundList = new ArrayList<>();
    private CandidateQueue queue;
    private final List<Candidate> realized = new ArrayList<>();
    private final List<Candidate> touched = new ArrayList<>(256);
    /**
     * Scratch of {@link #candidates}: per issue and actor, whether the actor stands at or left of
     * the round's start outcome; per group, its size and members.
     */
    private final boolean[][] left;
    private final int[] groupSize = new int[4];
    private final int[][] groups;

    /**
     * @param eligible whether an actor takes part in exchanges on an issue
     * @param order    the actors present on each issue, in actor order
     */
    Engine(Arithmetic a, Problem problem, boolean[][] eligible, int[][] order, ExchangeSettings o,
           RandomGenerator random, boolean trace) {
        this.a = a;
        this.trace = trace;
        this.n = problem.actorCount();
        this.m = order.length;
        this.eligible = eligible;
        this.order = order;
        this.o = o;
        this.random = random;
        this.sw = a.exact(o.salienceWeight());
        this.fw = a.exact(o.fixedWeight());
        this.one = a.exact(1);
        this.s = Grids.doubles(n, m);
        this.c = Grids.doubles(n, m);
        this.x = Grids.doubles(n, m);
        this.place = Grids.ints(m, n);
        this.mine = new Candidate[n][8];
        this.mineSize = new int[n];
        this.left = Grids.booleans(m, n);
        this.groups = Grids.ints(4, n);
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
        // in doubles the round's state is made once per run; a table's values go with each round
        RoundState st = roundState != null ? roundState.restart(x) : new RoundState(a, x, s, c, order, place, o, random);
        if (roundMark < 0) {
            roundState = st;
        }
        double[] start = outcomes(st.sums, x);
        List<Candidate> list = roundList;
        Arrays.fill(mineSize, 0);
        used = 0;
        candidates(st, start, list);
        CandidateQueue queue = this.queue == null ? new CandidateQueue(a, list) : this.queue.refill(list);
        this.queue = queue;
        list.clear(); // the queue holds them now: a large round lets go of them as they leave it
        realized.clear();
        List<Realized> out = trace ? new ArrayList<>() : List.of();
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
            // the rest in a method of its own, compiled once (see MonteCarlo.block)
            realise(st, queue, e, appended, !purged, out);
            purged = true;
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
        // without a trace only the voting positions and their outcome are read
        RoundOutput res = new RoundOutput(trace ? toDouble(start) : null, toDouble(vote),
                toDouble(outcomes(st.sums, vote)), trace ? toDouble(outcomes(st.sums, next)) : null, out,
                realized.size(), ties);
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
     * Realises {@code e}: moves the sums, drops the candidates invalid from the start when
     * {@code purge} (the Python code's first pass over the list, at the first realised exchange),
     * and recalculates the queued candidates it touches.
     */
    private void realise(RoundState st, CandidateQueue queue, Candidate e, CandidateQueue.Entry appended,
                         boolean purge, List<Realized> out) {
        st.sums.moved(e.i.actor, e.i.supply, e.i.y);
        st.sums.moved(e.j.actor, e.j.supply, e.j.y);
        if (purge) {
            queue.dropInvalid();
        }
        touched.clear();
        int number = realized.size();
        collectTouched(e.i.actor, e, number);
        collectTouched(e.j.actor, e, number);
        boolean appendedTaken = appended != null && appended.cand.seen == number && appended.cand.queued();
        int taken = queue.takeOut(touched, appended);
        for (int t = 0; t < taken; t++) {
            Candidate cand = queue.taken(t).cand;
            if (cand.valid) {
                cand.recalculate(e);
            }
        }
        queue.putBack(appended, appendedTaken);
        realized.add(e);
        if (trace) {
            out.add(new Realized(side(e.i), side(e.j), a.toDouble(e.gain)));
        }
    }

    /**
     * Adds to {@link #touched} the queued candidates of one actor that {@code e} touches, once each;
     * drops the candidates that left the queue from the actor's list on the way.
     */
    private void collectTouched(int actor, Candidate e, int number) {
        Candidate[] list = mine[actor];
        int size = mineSize[actor];
        int keep = 0;
        for (int t = 0; t < size; t++) {
            Candidate cand = list[t];
            if (!cand.queued()) {
                continue;
            }
            list[keep++] = cand;
            if (cand.seen != number && cand.touchedBy(e)) {
                cand.seen = number;
                touched.add(cand);
            }
        }
        for (int t = keep; t < size; t++) {
            list[t] = null; // a large round lets go of its candidates as they leave the queue
        }
        mineSize[actor] = keep;
    }

    private void addMine(int actor, Candidate cand) {
        int size = mineSize[actor];
        if (size == mine[actor].length) {
            mine[actor] = Arrays.copyOf(mine[actor], size * 2);
        }
        mine[actor][size] = cand;
        mineSize[actor] = size + 1;
    }

    private Supply side(Side s) {
        return new Supply(s.actor, s.supply, s.demand, a.toDouble(s.supplyPos), a.toDouble(s.y), a.toDouble(s.eu));
    }

    /** Every candidate of the round, in the Python code's order: issue pairs, then groups in actor order. */
    private void candidates(RoundState st, double[] start, List<Candidate> list) {
        // per issue and eligible actor, whether the actor stands at or left of the start outcome:
        // once per round, not once per issue pair
        for (int k = 0; k < m; k++) {
            boolean[] row = left[k];
            for (int i = 0; i < n; i++) {
                row[i] = eligible[i][k] && a.le(x[i][k], start[k]);
            }
        }
        for (int p = 0; p < m; p++) {
            for (int q = p + 1; q < m; q++) {
                // one issue pair per call, compiled once (see MonteCarlo.block)
                candidates(st, list, p, q);
            }
        }
    }

    /** The candidates on issues {@code p < q}, in the Python code's order. */
    private void candidates(RoundState st, List<Candidate> list, int p, int q) {
        int[] size = groupSize;
        int[][] members = groups;
        Arrays.fill(size, 0);
        boolean[] leftP = left[p];
        boolean[] leftQ = left[q];
        for (int i = 0; i < n; i++) {
            if (eligible[i][p] && eligible[i][q]) {
                int g = (leftP[i] ? 1 : 0) | (leftQ[i] ? 2 : 0);
                members[g][size[g]++] = i;
            }
        }
        // both right of the outcome x both left; left on p only x left on q only
        for (int pair = 0; pair < 2; pair++) {
            int ga = pair == 0 ? 0 : 1;
            int gb = pair == 0 ? 3 : 2;
            for (int u = 0; u < size[ga]; u++) {
                for (int v = 0; v < size[gb]; v++) {
                    Candidate cand = candidate(st, members[ga][u], members[gb][v], p, q);
                    cand.calculate();
                    list.add(cand);
                    if (cand.valid) {
                        addMine(members[ga][u], cand);
                        addMine(members[gb][v], cand);
                    } else {
                        cand.release();
                    }
                }
            }
        }
    }

    private Candidate candidate(RoundState st, int x, int y, int p, int q) {
        if (used == POOL) {
            return new Candidate(st, x, y, p, q);
        }
        if (used == pool.length) {
            pool = Arrays.copyOf(pool, used * 2);
        }
        Candidate cand = pool[used];
        if (cand == null) {
            cand = new Candidate(st, x, y, p, q);
            pool[used] = cand;
        } else {
            cand.init(st, x, y, p, q);
        }
        used++;
        return cand;
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

    /** The values as doubles: {@code v} itself in doubles (callers pass arrays no one changes after). */
    private double[] toDouble(double[] v) {
        if (a == DoubleArithmetic.INSTANCE) {
            return v;
        }
        double[] res = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            res[k] = a.toDouble(v[k]);
        }
        return res;
    }

    private double[][] toDouble(double[][] v) {
        if (a == DoubleArithmetic.INSTANCE) {
            return v;
        }
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
     * @param start       outcome per issue on the round's start preferences (null without a trace)
     * @param vote        voting positions [actor][issue] at the end of the round
     * @param voteOutcome outcome per issue on the voting positions
     * @param preference  outcome per issue on the shifted preferences the next round starts from
     *                    (null without a trace)
     * @param realized    the realised exchanges in order (empty without a trace)
     * @param exchanges   the number of realised exchanges
     * @param ties        gain ties met
     */
    record RoundOutput(double[] start, double[][] vote, double[] voteOutcome, double[] preference,
                       List<Realized> realized, int exchanges, int ties) {
    }
}
