package org.parley.models.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

import org.parley.engine.Grids;
import org.parley.engine.RunContext;

/**
 * Runs KTAB's SMP from an initial state to its stopping rule (spec 2.5 to 2.8): each turn every
 * actor picks its best challenge, turns it into a bargain, and every actor resolves its queue of
 * bargains by a PCE; then ideals adjust through the accommodation matrix. Sequential and
 * allocation-light; random draws (stochastic transitions only) come from the given generator in
 * actor order, so a seed fixes the trajectory.
 */
final class SmpRun {

    /** A challenge must be worth more than this to be made (KTAB minSigEDU). */
    static final double MIN_SIG_EDU = 1e-5;
    /** Added to the first turn's change in the stop rule (KTAB minSigDelta). */
    static final double MIN_SIG_DELTA = 1e-4;

    final SmpActors a;
    final SmpParameters params;
    final List<SmpState> states = new ArrayList<>();
    final List<SmpTurn> turns = new ArrayList<>();
    /** Stop-rule ratio after each turn t (index t-1): change of turn t over the first turn's change. */
    final List<Double> ratios = new ArrayList<>();
    String stopReason = "";
    /** Turn whose state the last state repeats, or -1. */
    int cycleOf = -1;
    /**
     * Memory: when true, a state's n x n matrices are dropped once the next state is computed (see
     * {@link SmpState#release}) and, with {@link #keepTurns} false, the turns are not kept, so a
     * run holds O(n^2) for the current state plus O(n m) per past state instead of O(n^2) per
     * state. The trajectory is the same.
     */
    boolean releaseStates;
    /** Keep each turn's challenges, bargains and queues (the explanation reads them). */
    boolean keepTurns = true;

    private final int n;
    private final double[][] c;
    private final double[][] pv;
    private final double[][] scratch;
    private final double[] out = new double[2];
    /** Threads for the challenge phase (1 = sequential). */
    private final int threads;
    private java.util.concurrent.ExecutorService pool;
    private final double[] probJ;
    private final double[] gainJ;
    private final SmpChallenges.Work work;

    SmpRun(SmpActors a, SmpParameters params) {
        this.a = a;
        this.params = params;
        this.n = a.n;
        this.c = Grids.doubles(n, n);
        this.pv = Grids.doubles(n, n);
        this.scratch = Grids.doubles(n, n);
        this.probJ = new double[n];
        this.gainJ = new double[n];
        this.work = new SmpChallenges.Work(n);
        int t = params.threads();
        this.threads = t > 0 ? t : Runtime.getRuntime().availableProcessors();
    }

    /** The initial state (ideals = positions), assessed. */
    SmpState start(double[][] x0) {
        double[][] x = copy(x0);
        SmpState s0 = new SmpState(a, params, x, copy(x));
        s0.pool = pool;
        s0.threads = threads;
        s0.assess(c, pv, scratch);
        states.add(s0);
        return s0;
    }

    /**
     * Runs to the stopping rule: after turn t, stop when t reaches the turn limit, or when t is at
     * least the minimum and the turn's change is below {@code stopRatio} of the first turn's
     * (plus 1e-4); with cycle detection on, also when the state repeats an earlier one.
     */
    void run(double[][] x0, int turnLimit, RandomGenerator rng) {
        if (threads > 1 && n >= 2 * threads) {
            pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        }
        try {
            runTurns(x0, turnLimit, rng);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
                pool = null;
            }
        }
    }

    private void runTurns(double[][] x0, int turnLimit, RandomGenerator rng) {
        start(x0);
        int maxTurns = turnLimit > 0 ? turnLimit : params.maxTurns();
        List<Integer> hashes = new ArrayList<>();
        hashes.add(hash(states.get(0)));
        for (int t = 1; ; t++) {
            RunContext.checkpoint();
            SmpState next = step(states.get(t - 1), rng);
            states.add(next);
            double d01 = stateDist(states.get(0), states.get(1)) + MIN_SIG_DELTA;
            double dxy = stateDist(states.get(t - 1), next);
            double ratio = dxy / d01;
            ratios.add(ratio);
            if (t >= maxTurns) {
                stopReason = turnLimit > 0 ? "round limit of " + maxTurns + " turns"
                        : "turn limit of " + maxTurns + " turns (KTAB maxIter)";
                return;
            }
            if (t >= params.minTurns() && ratio < params.stopRatio()) {
                // the text of "%d moved %.4f" in Locale.ROOT without a Formatter (every run, traced or not)
                stopReason = "converged: turn " + t + " moved " + org.parley.engine.Numbers.fixed(ratio, 4)
                        + " of the first turn's change (< " + org.parley.engine.Numbers.format(params.stopRatio())
                        + ")";
                return;
            }
            int h = hash(next);
            if (params.cycleStop() && t >= params.minTurns()) {
                for (int s = 0; s < t; s++) {
                    if (hashes.get(s) == h && same(states.get(s), next)) {
                        cycleOf = s;
                        stopReason = "cycle: the state after turn " + t + " repeats the state after turn " + s
                                + " (period " + (t - s) + ")";
                        return;
                    }
                }
            }
            hashes.add(h);
        }
    }

    /** One bargain-challenge-negotiate turn from {@code s}; returns the next state, assessed. */
    SmpState step(SmpState s, RandomGenerator rng) {
        SmpTurn turn = new SmpTurn(n);
        List<List<Integer>> queues = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            queues.add(new ArrayList<>());
        }
        bestChallenges(s, turn);
        int batch = params.queueBatch() > 0 ? params.queueBatch() : n;
        for (int i = 0; i < n; i++) {
            if (i % batch == 0) {
                // KTAB runs the initiators in thread batches; each pushes its status-quo entry first
                for (int k = i; k < Math.min(n, i + batch); k++) {
                    queues.get(k).add(-1);
                }
            }
            turn.rcvrProb[i] = Double.NaN;
            turn.rcvrGain[i] = Double.NaN;
            int bestJ = turn.target[i];
            double pIJ = turn.prob[i];
            if (bestJ < 0) {
                continue;
            }
            int j = bestJ;
            // j's estimates of the challenge: its effect on i, then on j itself
            s.challenge(j, i, i, j, out, null);
            double pjiProb = out[0];
            double pjiGainI = out[1];
            s.challenge(j, j, i, j, out, null);
            turn.rcvrProb[i] = pjiProb;
            turn.rcvrGain[i] = out[1];
            double pjiJ = params.receiverEstimate() == SmpParameters.ReceiverEstimate.KTAB ? pjiGainI : pjiProb;
            SmpTurn.Bargain iij = interpolate(s, i, j, pIJ, 1 - pIJ, "initiator");
            switch (params.bargainModel()) {
                case INIT_ONLY:
                    add(turn, queues, i, j, iij);
                    break;
                case INIT_RCVR: {
                    SmpTurn.Bargain jij = interpolate(s, i, j, pjiJ, 1 - pjiJ, "receiver");
                    int bi = turn.bargains.size();
                    turn.bargains.add(iij);
                    turn.bargains.add(jij);
                    queues.get(i).add(bi);
                    queues.get(i).add(bi + 1);
                    queues.get(j).add(bi);
                    queues.get(j).add(bi + 1);
                    break;
                }
                case PW_COMP: {
                    SmpTurn.Bargain jij = interpolate(s, i, j, pjiJ, 1 - pjiJ, "receiver");
                    double wi = a.cap[i] * a.salSum[i];
                    double scj = params.pwCompWeight() == SmpParameters.PwCompWeight.KTAB ? a.cap[i] : a.cap[j];
                    double wj = scj * a.salSum[j];
                    double[] bpi = new double[a.m];
                    double[] bpj = new double[a.m];
                    for (int k = 0; k < a.m; k++) {
                        bpi[k] = (wi * iij.posInit()[k] + wj * jij.posInit()[k]) / (wi + wj);
                        bpj[k] = (wi * iij.posRcvr()[k] + wj * jij.posRcvr()[k]) / (wi + wj);
                    }
                    add(turn, queues, i, j, new SmpTurn.Bargain(i, j, bpi, bpj, "compromise"));
                    break;
                }
                default:
                    throw new IllegalStateException("bargain model " + params.bargainModel());
            }
        }
        // resolve every actor's queue: each actor's sum for each bargain and for the status quo once
        double[][] perBargain = Grids.doubles(n, turn.bargains.size());
        double[] statusQuo = new double[n];
        SmpQueues.sums(s, turn.bargains, perBargain, statusQuo, pool, threads);
        double[][] x2 = new double[n][];
        for (int k = 0; k < n; k++) {
            // one actor's queue per call, compiled once (see MonteCarlo.block)
            x2[k] = resolveQueue(s, turn, queues.get(k), perBargain, statusQuo, k, rng);
        }
        if (keepTurns) {
            turns.add(turn);
        }
        double[][] y2 = newIdeals(s.y, x2);
        SmpState next = new SmpState(a, params, x2, y2);
        next.pool = pool;
        next.threads = threads;
        next.assess(c, pv, scratch);
        if (releaseStates) {
            s.release();
        }
        return next;
    }

    /** Actor {@code k}'s queue of bargains resolved by a PCE: its next position. */
    private double[] resolveQueue(SmpState s, SmpTurn turn, List<Integer> q, double[][] perBargain, double[] statusQuo,
                                  int k, RandomGenerator rng) {
        int nb = q.size();
        int[] qa = new int[nb];
        for (int b = 0; b < nb; b++) {
            qa[b] = q.get(b);
        }
        turn.queue[k] = qa;
        double[][] u = Grids.doubles(n, nb);
        for (int ai = 0; ai < n; ai++) {
            double[] sums = perBargain[ai];
            for (int b = 0; b < nb; b++) {
                double uAvrg = qa[b] < 0 ? statusQuo[ai] : sums[qa[b]];
                u[ai][b] = uAvrg / n;
            }
        }
        double[] p = new double[nb];
        double[][] cq = nb <= n ? c : Grids.doubles(nb, nb);
        double[][] pq = nb <= n ? pv : Grids.doubles(nb, nb);
        Pce.scalar(params, a.cap, u, n, nb, cq, pq, p, pool, threads);
        turn.queueProb[k] = p;
        int mMax;
        if (params.transitions() == SmpParameters.Transitions.DETERMINISTIC) {
            mMax = 0;
            double ma = -1.0;
            for (int b = 0; b < nb; b++) {
                double v = Math.abs(p[b]);
                if (ma < v) {
                    ma = v;
                    mMax = b;
                }
            }
        } else {
            double r = rng.nextDouble();
            double sum = 0.0;
            mMax = -1;
            for (int b = 0; b < nb && mMax < 0; b++) {
                sum = sum + p[b];
                if (r <= sum) {
                    mMax = b;
                }
            }
            if (mMax < 0) {
                mMax = nb - 1;
            }
        }
        turn.chosen[k] = mMax;
        SmpTurn.Bargain bk = turn.choice(k);
        if (bk == null) {
            return s.x[k].clone();
        } else if (bk.init() == k) {
            return bk.posInit().clone();
        } else {
            return bk.posRcvr().clone();
        }
    }

    /**
     * Every actor's most advantageous target (KTAB bestChallenge: the largest expected gain above
     * 1e-5, ties to the lowest index). Actors are independent, so with {@code threads > 1} they are
     * split into contiguous blocks computed in parallel; each value is computed by the same
     * arithmetic either way, so the result does not depend on the thread count.
     */
    private void bestChallenges(SmpState s, SmpTurn turn) {
        if (pool == null) {
            bestChallenges(s, turn, 0, n, probJ, gainJ, work);
            return;
        }
        int blocks = Math.min(threads, n);
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int from = (int) ((long) n * b / blocks);
            int to = (int) ((long) n * (b + 1) / blocks);
            tasks.add(() -> {
                bestChallenges(s, turn, from, to, new double[n], new double[n], new SmpChallenges.Work(n));
                return null;
            });
        }
        SmpThreads.runAll(pool, tasks, "challenge evaluation");
    }

    private void bestChallenges(SmpState s, SmpTurn turn, int from, int to, double[] prob, double[] gain,
                                SmpChallenges.Work w) {
        for (int i = from; i < to; i++) {
            int bestJ = -1;
            double pIJ = 0;
            double bestEU = -1.00;
            SmpChallenges.from(s, i, prob, gain, w);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double edu = gain[j];
                if ((MIN_SIG_EDU < edu) && (bestEU < edu)) {
                    bestJ = j;
                    pIJ = prob[j];
                    bestEU = edu;
                }
            }
            turn.target[i] = bestJ;
            turn.gain[i] = bestEU;
            turn.prob[i] = pIJ;
        }
    }

    private static void add(SmpTurn turn, List<List<Integer>> queues, int i, int j, SmpTurn.Bargain b) {
        int bi = turn.bargains.size();
        turn.bargains.add(b);
        queues.get(i).add(bi);
        queues.get(j).add(bi);
    }

    /** KTAB interpolateBrgn: the bargain between i and j given their probabilities of winning. */
    SmpTurn.Bargain interpolate(SmpState s, int i, int j, double prbI, double prbJ, String perspective) {
        int m = a.m;
        double[] bi = new double[m];
        double[] bj = new double[m];
        for (int k = 0; k < m; k++) {
            double tik = s.x[i][k];
            double sik = a.sal[i][k];
            double tjk = s.x[j][k];
            double sjk = a.sal[j][k];
            switch (params.interpolation()) {
                case S1P1:
                case S2P2: {
                    boolean two = params.interpolation() == SmpParameters.Interpolation.S2P2;
                    double wsi = two ? sik * sik : sik;
                    double wpi = two ? prbI * prbI : prbI;
                    double wik = wsi * wpi;
                    double wsj = two ? sjk * sjk : sjk;
                    double wpj = two ? prbJ * prbJ : prbJ;
                    double wjk = wsj * wpj;
                    final double minW = 1e-6;
                    bi[k] = round4(((wik + minW) * tik + wjk * tjk) / (wik + minW + wjk));
                    bj[k] = round4((wik * tik + (minW + wjk) * tjk) / (wik + minW + wjk));
                    break;
                }
                case S2PMAX: {
                    double di = (prbJ > prbI) ? (prbJ - prbI) : 0;
                    double dj = (prbI > prbJ) ? (prbI - prbJ) : 0;
                    double sik2 = sik * sik;
                    double sjk2 = sjk * sjk;
                    final double minW = 1e-6;
                    double dik = (di * sjk2) / ((di * sjk2) + minW + ((1 - di) * sik2));
                    double djk = (dj * sik2) / ((dj * sik2) + minW + ((1 - dj) * sjk2));
                    bi[k] = tik + dik * (tjk - tik);
                    bj[k] = tjk + djk * (tik - tjk);
                    break;
                }
                default:
                    throw new IllegalStateException("interpolation " + params.interpolation());
            }
        }
        return new SmpTurn.Bargain(i, j, bi, bj, perspective);
    }

    static double round4(double x1) {
        final double s = 10000.0;
        final int y = (int) (0.5 + (x1 * s));
        return ((double) y) / s;
    }

    /** KTAB newIdeals: {@code y_i' = sum_j A_ij x_j' + (1 - sum_j A_ij) y_i}. */
    double[][] newIdeals(double[][] y, double[][] x2) {
        int m = a.m;
        double[][] y2 = new double[n][];
        if (a.acc == null) {
            for (int i = 0; i < n; i++) {
                y2[i] = x2[i].clone();
            }
            return y2;
        }
        for (int i = 0; i < n; i++) {
            double si = 0.0;
            double[] ip = new double[m];
            for (int j = 0; j < n; j++) {
                double aij = a.acc[i][j];
                si = si + aij;
                for (int k = 0; k < m; k++) {
                    ip[k] = ip[k] + (aij * x2[j][k]);
                }
            }
            si = (1.0 < si) ? 1.0 : si;
            double lag = 1.0 - si;
            for (int k = 0; k < m; k++) {
                ip[k] = ip[k] + (lag * y[i][k]);
            }
            y2[i] = ip;
        }
        return y2;
    }

    /** KTAB stateDist: sum over actors of the Euclidean distance between their positions. */
    static double stateDist(SmpState s1, SmpState s2) {
        double dSum = 0;
        for (int i = 0; i < s1.n; i++) {
            double q = 0.0;
            for (int k = 0; k < s1.m; k++) {
                double dk = s1.x[i][k] - s2.x[i][k];
                q = q + dk * dk;
            }
            dSum = dSum + Math.sqrt(q);
        }
        return dSum;
    }

    private static int hash(SmpState s) {
        return 31 * Arrays.deepHashCode(s.x) + Arrays.deepHashCode(s.y);
    }

    private static boolean same(SmpState s1, SmpState s2) {
        return Arrays.deepEquals(s1.x, s2.x) && Arrays.deepEquals(s1.y, s2.y);
    }

    private static double[][] copy(double[][] v) {
        double[][] c = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i].clone();
        }
        return c;
    }
}
