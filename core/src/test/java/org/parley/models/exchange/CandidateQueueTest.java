package org.parley.models.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The linear queue (small rounds) and the heap (large rounds) pick the same places in the same
 * order, under the engine's own sequence of operations: pick, re-queue the runner-up of a tie,
 * take out the touched candidates, change their gains (some become invalid), put them back.
 */
class CandidateQueueTest {

    private static final int ACTORS = 4;
    private static final int ISSUES = 3;

    @Test
    void linearAndHeapPickTheSamePlaces() {
        for (int candidates : new int[] {1, 2, 7, CandidateQueue.LINEAR, 120}) {
            for (long seed = 1; seed <= 40; seed++) {
                List<String> heap = drive(0, candidates, seed);
                List<String> linear = drive(Integer.MAX_VALUE, candidates, seed);
                assertThat(linear).as("%d candidates, seed %d", candidates, seed).isEqualTo(heap);
                assertThat(drive(CandidateQueue.LINEAR, candidates, seed)).isEqualTo(heap);
            }
        }
    }

    @Test
    void picksHighestGainFirstAndEqualGainsInListOrder() {
        RoundState st = state();
        List<Candidate> list = new ArrayList<>();
        double[] gains = {1, 3, 2, 3, 1};
        for (int t = 0; t < gains.length; t++) {
            Candidate c = new Candidate(st, t % ACTORS, (t + 1) % ACTORS, 0, 1);
            c.gain = gains[t];
            list.add(c);
        }
        for (int linearMax : new int[] {0, CandidateQueue.LINEAR}) {
            CandidateQueue q = new CandidateQueue(DoubleArithmetic.INSTANCE, new ArrayList<>(list), linearMax);
            List<Integer> order = new ArrayList<>();
            while (!q.isEmpty()) {
                CandidateQueue.Entry e = q.poll();
                q.drop(e);
                order.add(list.indexOf(e.cand));
            }
            assertThat(order).as("linear up to %d", linearMax).containsExactly(1, 3, 2, 0, 4);
        }
    }

    /** One round's worth of operations on a queue; the picks (candidate and place) in order. */
    private static List<String> drive(int linearMax, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RoundState st = state();
        List<Candidate> all = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            int x = r.nextInt(ACTORS);
            int y = (x + 1 + r.nextInt(ACTORS - 1)) % ACTORS;
            int p = r.nextInt(ISSUES - 1);
            Candidate c = new Candidate(st, x, y, p, p + 1 + r.nextInt(ISSUES - 1 - p));
            c.gain = gain(r);
            c.valid = r.nextInt(10) != 0;
            all.add(c);
        }
        CandidateQueue q = new CandidateQueue(DoubleArithmetic.INSTANCE, new ArrayList<>(all), linearMax);
        List<String> picks = new ArrayList<>();
        boolean purged = false;
        while (!q.isEmpty()) {
            CandidateQueue.Entry first = q.poll();
            CandidateQueue.Entry appended = null;
            if (!q.isEmpty() && DoubleArithmetic.INSTANCE.tie(first.cand.gain, q.peek().cand.gain)) {
                if (r.nextBoolean()) {
                    appended = first;
                    first = q.poll();
                } else {
                    appended = q.newEntry(q.peek().cand);
                }
            }
            q.drop(first);
            picks.add(all.indexOf(first.cand) + "@" + first.label);
            if (!first.cand.valid) {
                if (appended != null) {
                    q.append(appended);
                }
                continue;
            }
            if (!purged) {
                q.dropInvalid();
                purged = true;
            }
            List<Candidate> touched = new ArrayList<>();
            for (int t = r.nextInt(5); t > 0; t--) {
                Candidate c = all.get(r.nextInt(count));
                if (c.queued() && !touched.contains(c)) {
                    touched.add(c);
                }
            }
            boolean appendedTaken = appended != null && touched.contains(appended.cand) && appended.cand.queued();
            int taken = q.takeOut(touched, appended);
            for (int t = 0; t < taken; t++) {
                Candidate c = q.taken(t).cand;
                if (c.valid && r.nextInt(3) != 0) {
                    c.gain = gain(r);
                    c.valid = r.nextInt(6) != 0;
                }
            }
            q.putBack(appended, appendedTaken);
        }
        return picks;
    }

    /** Gains on a coarse grid, so that ties are common. */
    private static double gain(SplittableRandom r) {
        return r.nextInt(6) / 3.0;
    }

    private static RoundState state() {
        double[][] x = new double[ACTORS][ISSUES];
        double[][] s = new double[ACTORS][ISSUES];
        double[][] c = new double[ACTORS][ISSUES];
        int[][] order = new int[ISSUES][ACTORS];
        int[][] place = new int[ISSUES][ACTORS];
        for (int i = 0; i < ACTORS; i++) {
            for (int k = 0; k < ISSUES; k++) {
                x[i][k] = 10 + 20 * i + k;
                s[i][k] = 0.2 + 0.1 * ((i + 2 * k) % 5);
                c[i][k] = 1 + i;
                order[k][i] = i;
                place[k][i] = i;
            }
        }
        ExchangeSettings o = new ExchangeSettings(true, ExchangeSettings.Ties.RANDOM, false, false, 0, 0.1, 0.4);
        return new RoundState(DoubleArithmetic.INSTANCE, x, s, c, order, place, o, new SplittableRandom(1));
    }
}
