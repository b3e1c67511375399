package org.parley.models.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** The exchange model's rounds in doubles (see {@link Candidate} for one exchange). */
final class DoubleEngine implements Engine {

    /**
     * Gains are compared on a grid of 1e-12: the Python code computes in 28-digit Decimal, where
     * mathematically equal gains are mostly exactly equal, while in doubles they may differ in the
     * last bit; on the grid they stay equal, so the stable sort and the tie test treat them as the
     * Python code does (except where Decimal's own rounding noise decides, see the README).
     */
    static final double GAIN_GRID = 1e12;

    private static final Comparator<Candidate> HIGHEST_GAIN_FIRST = (a, b) -> Long.compare(b.rank, a.rank);

    private final double[][] s;
    private final double[][] c;
    private final boolean[][] eligible;
    private final int[][] order;
    private final ExchangeSettings o;
    private final RandomGenerator random;
    private final int n;
    private final int m;
    private double[][] x;

    DoubleEngine(double[][] x, double[][] s, double[][] c, boolean[][] eligible, int[][] order, ExchangeSettings o,
                 RandomGenerator random) {
        this.x = x;
        this.s = s;
        this.c = c;
        this.eligible = eligible;
        this.order = order;
        this.o = o;
        this.random = random;
        this.n = x.length;
        this.m = order.length;
    }

    static long key(double gain) {
        return Math.round(gain * GAIN_GRID);
    }

    @Override
    public RoundOutput next() {
        RoundState st = new RoundState(x, s, c, order, o, random);
        double[] start = st.outcomes(x);
        List<Candidate> list = candidates(st, start);
        List<Candidate> realized = new ArrayList<>();
        List<Realized> out = new ArrayList<>();
        int ties = 0;
        while (!list.isEmpty()) {
            list.sort(HIGHEST_GAIN_FIRST);
            Candidate e = list.remove(0);
            if (!list.isEmpty() && o.ties() != ExchangeSettings.Ties.ORDERED) {
                Candidate second = list.get(0);
                if (e.rank == second.rank) {
                    ties++;
                    if (random.nextDouble() >= 0.5) {
                        list.add(e);
                        e = list.remove(0);
                    } else if (o.ties() == ExchangeSettings.Ties.RANDOM) {
                        // as the Python code: the runner-up is appended once more (it is then in the list twice)
                        list.add(second);
                    }
                }
            }
            if (!e.valid) {
                continue;
            }
            st.cur[e.i.actor][e.i.supply] = e.i.y;
            st.cur[e.j.actor][e.j.supply] = e.j.y;
            int keep = 0;
            for (int t = 0; t < list.size(); t++) {
                Candidate cand = list.get(t);
                if (cand.valid) {
                    cand.recalculate(e);
                    if (cand.valid) {
                        list.set(keep++, cand);
                    }
                }
            }
            list.subList(keep, list.size()).clear();
            realized.add(e);
            out.add(new Realized(side(e.i), side(e.j), e.gain));
        }
        double[][] vote = new double[n][];
        for (int a = 0; a < n; a++) {
            vote[a] = x[a].clone();
        }
        for (Candidate e : realized) {
            vote[e.i.actor][e.i.supply] = e.i.y;
            vote[e.j.actor][e.j.supply] = e.j.y;
        }
        double[][] next = new double[n][];
        for (int a = 0; a < n; a++) {
            next[a] = vote[a].clone();
        }
        for (Candidate e : realized) {
            next[e.i.actor][e.i.supply] = shift(e.i);
            next[e.j.actor][e.j.supply] = shift(e.j);
        }
        x = next;
        return new RoundOutput(start, vote, st.outcomes(vote), st.outcomes(next), out, ties);
    }

    private static Engine.Supply side(Side a) {
        return new Engine.Supply(a.actor, a.supply, a.demand, a.supplyPos, a.y, a.eu);
    }

    /** Every candidate of the round, in the Python code's order: issue pairs, then groups in actor order. */
    private List<Candidate> candidates(RoundState st, double[] start) {
        List<Candidate> list = new ArrayList<>();
        int[] size = new int[4];
        int[][] members = new int[4][n];
        for (int p = 0; p < m; p++) {
            for (int q = p + 1; q < m; q++) {
                Arrays.fill(size, 0);
                for (int a = 0; a < n; a++) {
                    if (eligible[a][p] && eligible[a][q]) {
                        int g = (x[a][p] <= start[p] ? 1 : 0) | (x[a][q] <= start[q] ? 2 : 0);
                        members[g][size[g]++] = a;
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
                        }
                    }
                }
            }
        }
        return list;
    }

    /** The next round's preference: {@code x + w (y - x)}, {@code w = fixed + salience-part (1 - s)}. */
    private double shift(Side a) {
        double sw = o.salienceWeight();
        double fw = o.fixedWeight();
        double sal = a.sSupply;
        return (1 - sal) * sw * a.y + fw * a.y + (1 - (1 - sal) * sw - fw) * a.start;
    }
}
