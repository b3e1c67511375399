package org.parley.models.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.Problem;
import org.parley.engine.Replication;

/**
 * KTAB's own turn-0 intermediate values for {@code dummyData_3Dim} (full-logging run, see
 * {@code reference/ktab/SOURCE.md}): h's estimates of utilities, victory probabilities, challenge
 * utilities and third-party little contests, to 1e-12; PCE position probabilities from every
 * perspective at every turn, and the bargains of turns 0 and 1.
 */
@Replication
class KtabTurnZeroTest {

    private static final double TOL = 1e-12;

    private final Problem problem = KtabFiles.smpCsv("inputs/dummyData_3Dim.csv");
    private final SmpState s0 = KtabFiles.start(problem);

    @Test
    void utilitiesFromEveryPerspective() {
        List<String> rows = KtabFiles.lines("turn0/PosUtil.csv");
        assertThat(rows).hasSize(1 + 7 * 7 * 7);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = KtabFiles.fields(row);
            int h = Integer.parseInt(f[1]);
            int i = Integer.parseInt(f[2]);
            int j = Integer.parseInt(f[3]);
            assertThat(s0.u(h, i, j)).as(row).isCloseTo(Double.parseDouble(f[4]), within(TOL));
        }
    }

    @Test
    void victoryProbabilities() {
        List<String> rows = KtabFiles.lines("turn0/ProbVict.csv");
        assertThat(rows.size()).isGreaterThan(200);
        double[] out = new double[6];
        for (String row : rows.subList(1, rows.size())) {
            String[] f = KtabFiles.fields(row);
            int h = Integer.parseInt(f[1]);
            int i = Integer.parseInt(f[2]);
            int j = Integer.parseInt(f[3]);
            s0.challenge(h, h, i, j, out, null);
            assertThat(out[0]).as(row).isCloseTo(Double.parseDouble(f[4]), within(TOL));
        }
    }

    @Test
    void challengeUtilities() {
        List<String> rows = KtabFiles.lines("turn0/UtilChlg.csv");
        assertThat(rows.size()).isGreaterThan(700);
        double[] out = new double[6];
        for (String row : rows.subList(1, rows.size())) {
            String[] f = KtabFiles.fields(row);
            int h = Integer.parseInt(f[1]);
            int k = Integer.parseInt(f[2]);
            int i = Integer.parseInt(f[3]);
            int j = Integer.parseInt(f[4]);
            s0.challenge(h, k, i, j, out, null);
            for (int c = 0; c < 4; c++) {
                assertThat(out[2 + c]).as(row + " column " + c).isCloseTo(Double.parseDouble(f[5 + c]), within(TOL));
            }
        }
    }

    @Test
    void thirdPartyLittleContests() {
        List<String> rows = KtabFiles.lines("turn0/TPProbVictLoss.csv");
        assertThat(rows.size()).isGreaterThan(2000);
        double[] out = new double[6];
        double[][] tp = new double[7][3];
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = KtabFiles.fields(row);
            int h = Integer.parseInt(f[1]);
            int i = Integer.parseInt(f[2]);
            int t = Integer.parseInt(f[3]);
            int j = Integer.parseInt(f[4]);
            if (t == i || t == j) {
                continue;
            }
            s0.challenge(h, h, i, j, out, tp);
            for (int c = 0; c < 3; c++) {
                assertThat(tp[t][c]).as(row + " column " + c).isCloseTo(Double.parseDouble(f[5 + c]), within(TOL));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void positionProbabilitiesFromEveryPerspectiveAtEveryTurn() {
        SmpRun run = KtabFiles.run(problem, Map.of());
        List<String> rows = KtabFiles.lines("turn0/PosProb.csv");
        assertThat(rows).hasSize(1 + 11 * 7 * 7);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = KtabFiles.fields(row);
            int t = Integer.parseInt(f[0]);
            int h = Integer.parseInt(f[1]);
            int i = Integer.parseInt(f[2]);
            SmpState s = run.states.get(t);
            double p = s.winProbability(i, s.pDist(h));
            assertThat(p).as(row).isCloseTo(Double.parseDouble(f[3]), within(TOL));
        }
    }

    @Test
    void bargainCoordinatesOfTheFirstTwoTurns() {
        SmpRun run = KtabFiles.run(problem, Map.of());
        List<String> rows = KtabFiles.lines("turn0/BargnCoords_with_actors.csv");
        assertThat(rows.size()).isGreaterThan(30);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = KtabFiles.fields(row);
            int t = Integer.parseInt(f[0]);
            int i = Integer.parseInt(f[1]);
            int j = Integer.parseInt(f[2]);
            int k = Integer.parseInt(f[3]);
            SmpTurn turn = run.turns.get(t);
            SmpTurn.Bargain b = turn.bargains.stream().filter(x -> x.init() == i && x.rcvr() == j).findFirst()
                    .orElseThrow(() -> new AssertionError("no bargain " + row));
            assertThat(b.posInit()[k] * 100.0).as(row).isCloseTo(Double.parseDouble(f[4]), within(1e-9));
            assertThat(b.posRcvr()[k] * 100.0).as(row).isCloseTo(Double.parseDouble(f[5]), within(1e-9));
        }
    }
}
