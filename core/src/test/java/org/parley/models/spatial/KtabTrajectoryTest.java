package org.parley.models.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.engine.Problem;
import org.parley.engine.Replication;

/**
 * Whole KTAB trajectories with the default parameters (see {@code reference/ktab/SOURCE.md}):
 * positions and ideals per turn to 1e-9 with the same number of turns, win probabilities as KTAB
 * prints them, every bargain with its queue probabilities and selections, and the stop-rule trace.
 */
@Replication
class KtabTrajectoryTest {

    /** C's {@code %.4f}: the exact binary value rounded half-even. */
    static String c4(double v) {
        return new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static SmpRun run(String scenario) {
        Problem p = KtabFiles.smpCsv("inputs/" + scenario + ".csv");
        return KtabFiles.run(p, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SOE-Pol-Comp", "dummyData_3Dim", "dummyData-a040"})
    void positionsAndIdealsEveryTurn(String scenario) {
        SmpRun run = run(scenario);
        List<String> rows = KtabFiles.lines("outputs/" + scenario + "_positions_long.csv");
        int maxTurn = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = KtabFiles.fields(row);
            int t = Integer.parseInt(f[0]);
            int i = Integer.parseInt(f[1]);
            int k = Integer.parseInt(f[3]);
            maxTurn = Math.max(maxTurn, t);
            assertThat(t).as("turn %d exists", t).isLessThan(run.states.size());
            SmpState s = run.states.get(t);
            assertThat(s.x[i][k] * 100.0).as(row).isCloseTo(Double.parseDouble(f[5]), within(1e-9));
            assertThat(s.y[i][k] * 100.0).as(row).isCloseTo(Double.parseDouble(f[6]), within(1e-9));
        }
        assertThat(run.states).as("number of states").hasSize(maxTurn + 1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SOE-Pol-Comp", "dummyData_3Dim", "dummyData-a040"})
    void winProbabilitiesEveryTurn(String scenario) {
        SmpRun run = run(scenario);
        List<String> rows = KtabFiles.lines("outputs/" + scenario + "_position_win_prob.csv");
        for (int i = 0; i < rows.size() - 1; i++) {
            String[] f = KtabFiles.fields(rows.get(i + 1));
            assertThat(f.length - 1).isEqualTo(run.states.size());
            for (int t = 0; t < run.states.size(); t++) {
                SmpState s = run.states.get(t);
                assertThat(c4(s.winProbability(i, s.uniqueProb))).as("%s t%d", f[0], t).isEqualTo(f[t + 1]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SOE-Pol-Comp", "dummyData_3Dim", "dummyData-a040"})
    void bargainsQueueProbabilitiesAndSelections(String scenario) {
        SmpRun run = run(scenario);
        Problem p = KtabFiles.smpCsv("inputs/" + scenario + ".csv");
        List<String> rows = KtabFiles.lines("outputs/" + scenario + "_bargains.csv");
        int[] perTurn = new int[run.turns.size() + 1];
        for (String row : rows.subList(1, rows.size())) {
            String[] f = KtabFiles.fields(row);
            int t = Integer.parseInt(f[0]);
            int i = p.actorIndex(f[1]);
            int j = p.actorIndex(f[2]);
            perTurn[t]++;
            SmpTurn turn = run.turns.get(t);
            if (i == j) {
                int q = indexOf(turn.queue[i], -1);
                assertThat(turn.queueProb[i][q]).as(row).isCloseTo(Double.parseDouble(f[4]), within(1e-9));
                assertThat(turn.chosen[i] == q ? "1" : "0").as(row).isEqualTo(f[5]);
                continue;
            }
            assertThat(turn.target[i]).as(row).isEqualTo(j);
            assertThat(turn.gain[i]).as(row).isCloseTo(Double.parseDouble(f[3]), within(5e-7));
            int b = -1;
            for (int x = 0; x < turn.bargains.size(); x++) {
                if (turn.bargains.get(x).init() == i) {
                    b = x;
                }
            }
            int qi = indexOf(turn.queue[i], b);
            int qj = indexOf(turn.queue[j], b);
            assertThat(turn.queueProb[i][qi]).as(row).isCloseTo(Double.parseDouble(f[4]), within(1e-9));
            assertThat(turn.chosen[i] == qi ? "1" : "0").as(row).isEqualTo(f[5]);
            assertThat(turn.queueProb[j][qj]).as(row).isCloseTo(Double.parseDouble(f[6]), within(1e-9));
            assertThat(turn.chosen[j] == qj ? "1" : "0").as(row).isEqualTo(f[7]);
        }
        for (int t = 0; t < run.turns.size(); t++) {
            SmpTurn turn = run.turns.get(t);
            int expected = turn.bargains.size() + p.actorCount();
            assertThat(perTurn[t]).as("rows of turn %d", t).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SOE-Pol-Comp", "dummyData_3Dim", "dummyData-a040"})
    void stopRuleTrace(String scenario) {
        SmpRun run = run(scenario);
        List<String> expected = new ArrayList<>();
        for (String l : KtabFiles.lines("outputs/" + scenario + "_stop_trace.txt")) {
            if (l.startsWith("Fractional")) {
                expected.add(l.strip());
            }
        }
        assertThat(fractionalLines(run)).isEqualTo(expected);
        assertThat(run.stopReason).startsWith("converged");
    }

    static List<String> fractionalLines(SmpRun run) {
        List<String> out = new ArrayList<>();
        for (double r : run.ratios) {
            out.add("Fractional change compared to first step: " + c4(r) + "  (target=0.0200)");
        }
        return out;
    }

    /** KTAB's own 2017 regression check: the {@code Fractional|prob :} lines of its logs, verbatim. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SOE-Pol-Comp", "dummyData_3Dim"})
    void ktabShippedRegressionLines(String scenario) {
        SmpRun run = run(scenario);
        Problem p = KtabFiles.smpCsv("inputs/" + scenario + ".csv");
        List<String> mine = new ArrayList<>(fractionalLines(run));
        for (int i = 0; i < p.actorCount(); i++) {
            StringBuilder b = new StringBuilder(p.actorId(i)).append(", prob :");
            for (SmpState s : run.states) {
                b.append(' ').append(c4(s.winProbability(i, s.uniqueProb)));
            }
            mine.add(b.toString());
        }
        List<String> ref = new ArrayList<>();
        for (String l : KtabFiles.lines("ktab2017/20170530_ref-" + scenario + ".lines.txt")) {
            ref.add(l.strip());
        }
        assertThat(mine).isEqualTo(ref);
    }

    /**
     * Challengers, queue sums and (from 64 options) coalition strengths evaluated on several
     * threads give the same run, bit for bit.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SOE-Pol-Comp", "dummyData-a040", "random-100"})
    void theThreadCountChangesNothing(String scenario) {
        Problem p = scenario.startsWith("random") ? random(100, 2) : KtabFiles.smpCsv("inputs/" + scenario + ".csv");
        SmpRun one = KtabFiles.run(p, Map.of());
        SmpRun three = KtabFiles.run(p, Map.of(SpatialModel.THREADS, "3"));
        assertThat(three.states).hasSameSizeAs(one.states);
        for (int t = 0; t < one.states.size(); t++) {
            assertThat(three.states.get(t).x).isDeepEqualTo(one.states.get(t).x);
            assertThat(three.states.get(t).uniqueProb).containsExactly(one.states.get(t).uniqueProb);
            assertThat(three.states.get(t).riskNeutralProb).containsExactly(one.states.get(t).riskNeutralProb);
        }
        for (int t = 0; t < one.turns.size(); t++) {
            assertThat(three.turns.get(t).gain).containsExactly(one.turns.get(t).gain);
            assertThat(three.turns.get(t).target).containsExactly(one.turns.get(t).target);
        }
    }

    /** n actors on m issues with KTAB's dummy-data ranges (capabilities 1-3, positions 0-100, saliences 0.1-0.9 / m). */
    private static Problem random(int n, int m) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(n);
        String[] ids = new String[n];
        String[] issues = new String[m];
        double[] cap = new double[n];
        double[][] pos = new double[n][m];
        double[][] sal = new double[n][m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] sq = new double[m];
        org.parley.model.DecisionRule[] rules = new org.parley.model.DecisionRule[m];
        for (int k = 0; k < m; k++) {
            issues[k] = "i" + k;
            hi[k] = 100;
            sq[k] = Double.NaN;
            rules[k] = org.parley.model.DecisionRule.BARGAINING;
        }
        for (int i = 0; i < n; i++) {
            ids[i] = "a" + i;
            cap[i] = Math.round(100 + r.nextDouble() * 200) / 100.0;
            for (int k = 0; k < m; k++) {
                pos[i][k] = Math.round(r.nextDouble() * 10000) / 100.0;
                sal[i][k] = Math.round(1000 + r.nextDouble() * 8000) / 10000.0 / m;
            }
        }
        return new Problem(ids, issues, cap, pos, sal, lo, hi, sq, rules);
    }

    private static int indexOf(int[] q, int b) {
        for (int i = 0; i < q.length; i++) {
            if (q[i] == b) {
                return i;
            }
        }
        throw new AssertionError("not in queue: " + b);
    }
}
