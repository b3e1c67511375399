package org.parley.models.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.engine.ModelOptions;
import org.parley.engine.Peers;
import org.parley.engine.Problem;
import org.parley.engine.Replication;
import org.parley.engine.RunContext;
import org.parley.engine.Seeds;
import org.parley.engine.Trajectory;

/**
 * Monte Carlo summaries of the Python code ({@code reference_outputs/mc_*.csv}: mean, sd, min, max
 * of the outcome after rounds 1 and 10 over repetitions with random tie-breaking and, for p > 0,
 * random exchange rates). Our runs use other random numbers, so only the distributions can agree:
 * the test compares the means of the two samples, |mean - mean_ref| <= 4 standard errors of their
 * difference, sqrt(sd_ref^2 / n_ref + sd^2 / n), plus 1e-4 for the file's rounding. Four standard
 * errors keep the chance of a false alarm over all compared means (62) below 1 %.
 */
@Replication
class ExchangeMonteCarloTest {

    @ParameterizedTest(name = "{1} p={2}")
    @CsvSource({
        "sample_data.txt, mc_sample_p0_30reps.csv, 0, 40",
        "sample_data.txt, mc_sample_p0.5_30reps.csv, 0.5, 40",
        "sample_data.txt, mc_sample_p1.0_30reps.csv, 1.0, 40",
        "cop21.csv, mc_cop21_p0_10reps.csv, 0, 12"})
    void outcomeMeansAgreeWithThePythonRunsWithinSamplingError(String input, String reference, String p, int reps)
            throws IOException {
        Problem problem = DecideFile.read(Peers.require(ExchangeReplicationTest.IN + input));
        ExchangeModel model = new ExchangeModel();
        ModelOptions options = ModelOptions.resolve(model.id(), model.options(), model.presets(), Map.of("p", p));
        int m = problem.issueCount();
        double[][] r1 = new double[m][reps];
        double[][] r10 = new double[m][reps];
        for (int rep = 0; rep < reps; rep++) {
            Trajectory t = model.run(problem, options, RunContext.of(10, Seeds.forRun(2024, rep)));
            assertThat(t.rounds()).hasSize(11);
            for (int k = 0; k < m; k++) {
                r1[k][rep] = t.rounds().get(1).outcome()[k];
                r10[k][rep] = t.rounds().get(10).outcome()[k];
            }
        }
        List<String[]> ref = ExchangeReplicationTest.csv(reference, ",", true);
        assertThat(ref).hasSize(m);
        for (String[] f : ref) {
            int k = problem.issueIndex(f[0]);
            int nRef = Integer.parseInt(f[1]);
            check(f[0] + " round 1", r1[k], Double.parseDouble(f[4]), Double.parseDouble(f[5]), nRef);
            check(f[0] + " round 10", r10[k], Double.parseDouble(f[8]), Double.parseDouble(f[9]), nRef);
        }
    }

    private static void check(String what, double[] sample, double refMean, double refSd, int nRef) {
        double mean = 0;
        for (double v : sample) {
            mean += v;
        }
        mean /= sample.length;
        double var = 0;
        for (double v : sample) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / (sample.length - 1));
        double se = Math.sqrt(refSd * refSd / nRef + sd * sd / sample.length);
        assertThat(Math.abs(mean - refMean)).as("%s: mean %.4f (sd %.4f) vs Python %.4f (sd %.4f)", what, mean, sd,
                refMean, refSd).isLessThanOrEqualTo(4 * se + 1e-4);
    }
}
