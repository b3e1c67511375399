package org.parley.models.nash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.parley.engine.ModelOptions;
import org.parley.engine.OptionSpec;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.model.DecisionRule;

/**
 * Monte Carlo runs the Nash model untraced: without notes, and with each issue's maximum remembered
 * per thread by its inputs ({@link Maximum}). The forecasts must be those of a traced run, bit for bit.
 */
class UntracedNashTest {

    @Test
    void aRememberedMaximumIsTheOneComputedAgain() {
        SplittableRandom g = new SplittableRandom(18);
        List<double[][]> cases = new ArrayList<>();
        for (int c = 0; c < 600; c++) {
            int m = 1 + g.nextInt(8);
            double[][] in = new double[4][m];
            for (int j = 0; j < m; j++) {
                in[0][j] = g.nextInt(5) * 25; // positions on a grid, so cases share values
                in[1][j] = 0.1 + g.nextInt(3) * 0.45;
                in[2][j] = 5 + g.nextInt(4) * 20;
            }
            in[3] = new double[] {0, 100, g.nextBoolean() ? 1 : 0};
            cases.add(in);
        }
        // every case three times, interleaved, so slots are reused, overwritten and hit
        for (int pass = 0; pass < 3; pass++) {
            for (int c = 0; c < cases.size(); c++) {
                double[][] in = cases.get((c * 7 + pass * 13) % cases.size());
                int m = in[0].length;
                boolean quadratic = in[3][2] == 1;
                double expected = NashModel.maximise(in[0], null, in[1], in[2], m, in[3][0], in[3][1], quadratic);
                double got = Maximum.of(in[0], in[1], in[2], m, in[3][0], in[3][1], quadratic);
                assertThat(Double.doubleToRawLongBits(got)).as("case %d pass %d", c, pass)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @Test
    void untracedForecastsAreTheTracedOnes() {
        NashModel model = new NashModel();
        SplittableRandom g = new SplittableRandom(7);
        String[][] readings = {{"quadratic", "status-quo", "capability", "drop"},
            {"linear", "worst", "capability-salience", "veto"}, {"quadratic", "worst", "capability", "veto"},
            {"linear", "status-quo", "capability-salience", "drop"}};
        for (String[] r : readings) {
            java.util.LinkedHashMap<String, String> o = new java.util.LinkedHashMap<>();
            List<String> keys = model.options().stream().map(OptionSpec::key).toList();
            for (int i = 0; i < keys.size(); i++) {
                o.put(keys.get(i), r[i]);
            }
            ModelOptions options = ModelOptions.of(Map.copyOf(o));
            for (int c = 0; c < 300; c++) {
                Problem p = problem(g);
                double[] traced = model.run(p, options, RunContext.of(0, 1)).forecast();
                double[] untraced = model.run(p, options, RunContext.forecastOnly(0, 1)).forecast();
                double[] again = model.run(p, options, RunContext.forecastOnly(0, 1)).forecast();
                for (int k = 0; k < traced.length; k++) {
                    assertThat(Double.doubleToRawLongBits(untraced[k])).isEqualTo(Double.doubleToRawLongBits(traced[k]));
                    assertThat(Double.doubleToRawLongBits(again[k])).isEqualTo(Double.doubleToRawLongBits(traced[k]));
                }
            }
        }
    }

    private static Problem problem(SplittableRandom g) {
        int n = 2 + g.nextInt(7);
        int m = 1 + g.nextInt(4);
        String[] actors = new String[n];
        String[] issues = new String[m];
        double[] cap = new double[n];
        double[][] pos = new double[n][m];
        double[][] sal = new double[n][m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] sq = new double[m];
        DecisionRule[] rules = new DecisionRule[m];
        for (int i = 0; i < n; i++) {
            actors[i] = "a" + i;
            cap[i] = g.nextInt(4) * 30;
            for (int k = 0; k < m; k++) {
                pos[i][k] = g.nextInt(10) == 0 ? Double.NaN : g.nextInt(11) * 10;
                sal[i][k] = Double.isNaN(pos[i][k]) ? 0 : g.nextInt(5) * 0.25;
            }
        }
        for (int k = 0; k < m; k++) {
            issues[k] = "i" + k;
            lo[k] = 0;
            hi[k] = 100;
            sq[k] = g.nextInt(6) == 0 ? Double.NaN : g.nextInt(11) * 10;
            rules[k] = DecisionRule.BARGAINING;
        }
        return new Problem(actors, issues, cap, pos, sal, lo, hi, sq, rules);
    }
}
