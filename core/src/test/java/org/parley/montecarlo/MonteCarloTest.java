package org.parley.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.model.Scenario;
import org.parley.models.Models;
import org.parley.models.TestModels;

class MonteCarloTest {

    private static MonteCarlo monteCarlo() {
        // the baselines: fast enough for thousands of runs; the dynamic models have their own tests
        List<BargainingModel> ms = new ArrayList<>(List.of(Models.compromise(), Models.median(), Models.nash()));
        ms.add(Scenarios.noisy());
        return new MonteCarlo(new Simulation(ms));
    }

    private static RunSpec spec(int runs, int threads, long seed) {
        return RunSpec.defaults().withRuns(runs).withThreads(threads).withSeed(seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {3, 11})
    void aggregatesAreBitIdenticalOnOneAndFourThreads(long seed) {
        Scenario s = Scenarios.ranged(seed, 8, 5);
        MonteCarloResult one = monteCarlo().run(s, spec(1000, 1, seed), true);
        MonteCarloResult four = monteCarlo().run(s, spec(1000, 4, seed), true);
        assertThat(four.worlds()).isEqualTo(one.worlds());
        for (String w : one.worlds()) {
            for (String m : one.models()) {
                for (String k : one.issues()) {
                    assertThat(four.forecasts(w, m, k)).as("seed %d %s %s %s", seed, w, m, k)
                            .isEqualTo(one.forecasts(w, m, k));
                    assertThat(four.summary(w, m, k)).isEqualTo(one.summary(w, m, k));
                }
            }
            for (int j = 0; j < one.inputs(w).size(); j++) {
                assertThat(four.drawn(w, j)).isEqualTo(one.drawn(w, j));
            }
        }
        for (String m : one.models()) {
            for (String k : one.issues()) {
                assertThat(four.mixture(m, k)).isEqualTo(one.mixture(m, k));
            }
        }
    }

    @Test
    void onlyALargeMonteCarloWithC2OnTwoOrMoreThreadsStartsOnOneThreadFewer() {
        // 10,000 runs in blocks of 128 on two threads: the first 512 runs are four blocks
        assertThat(MonteCarlo.warmBlocks(79, 128, 2, true)).isEqualTo(4);
        assertThat(MonteCarlo.warmBlocks(79, 128, 8, true)).isEqualTo(4);
        assertThat(MonteCarlo.warmBlocks(10, 125, 2, true)).as("1,250 runs").isEqualTo(5);
        assertThat(MonteCarlo.warmBlocks(79, 128, 2, false)).as("no C2: nothing to leave a core to").isZero();
        assertThat(MonteCarlo.warmBlocks(79, 128, 1, true)).as("one thread").isZero();
        assertThat(MonteCarlo.warmBlocks(16, 62, 4, true)).as("1,000 runs").isZero();
    }

    @Test
    void repeatedRunsWithOneSeedAgreeAndAnotherSeedDiffers() {
        Scenario s = Scenarios.ranged(5, 6, 3);
        MonteCarloResult a = monteCarlo().run(s, spec(500, 2, 99));
        MonteCarloResult b = monteCarlo().run(s, spec(500, 2, 99));
        MonteCarloResult c = monteCarlo().run(s, spec(500, 2, 100));
        for (String m : a.models()) {
            assertThat(b.forecasts("base", m, "i0")).isEqualTo(a.forecasts("base", m, "i0"));
            assertThat(b.summary("base", m, "i0")).isEqualTo(a.summary("base", m, "i0"));
        }
        assertThat(c.forecasts("base", "compromise", "i0")).isNotEqualTo(a.forecasts("base", "compromise", "i0"));
    }

    @Test
    void theFirstRunsAreTheSameWhateverTheNumberOfRuns() {
        Scenario s = Scenarios.ranged(8, 5, 2);
        double[] small = monteCarlo().run(s, spec(10, 1, 7)).forecasts("base", "noisy", "i1");
        double[] large = monteCarlo().run(s, spec(300, 3, 7)).forecasts("base", "noisy", "i1");
        assertThat(java.util.Arrays.copyOf(large, 10)).isEqualTo(small);
    }

    /**
     * x_a ~ U[20, 60] and the compromise forecast is (x_a + 80) / 3, so the forecast is uniform on
     * [100/3, 140/3] (width w = 40/3): percentile p is 100/3 + p w and the mean 40. With N = 10,000
     * independent runs the sample p-quantile has standard error w sqrt(p (1 - p) / N) (the
     * density is 1/w) and the mean w / sqrt(12 N); the tolerance is 4 standard errors, so a
     * correct sampler fails with probability about 6e-5 per statistic, while a sampler off by 1%
     * of the range (0.13) fails.
     */
    @Test
    void aUniformRangeGivesTheAnalyticPercentilesOfALinearForecast() {
        int n = 10_000;
        MonteCarloResult r = new MonteCarlo(TestModels.baselines())
                .run(Scenarios.linear(), spec(n, 0, RunSpec.DEFAULT_SEED).withModels(List.of("compromise")));
        Summary s = r.summary("base", "compromise", "deal");
        double lo = 100.0 / 3;
        double w = 40.0 / 3;
        assertThat(s.runs()).isEqualTo(n);
        assertThat(s.valid()).isEqualTo(n);
        assertThat(s.mean()).isCloseTo(40, within(4 * w / Math.sqrt(12.0 * n)));
        double[] ps = {0.05, 0.25, 0.5, 0.75, 0.95};
        double[] got = {s.p5(), s.p25(), s.median(), s.p75(), s.p95()};
        for (int j = 0; j < ps.length; j++) {
            double se = w * Math.sqrt(ps[j] * (1 - ps[j]) / n);
            assertThat(got[j]).as("p%s", ps[j]).isCloseTo(lo + ps[j] * w, within(4 * se));
        }
        assertThat(s.min()).isGreaterThanOrEqualTo(lo);
        assertThat(s.max()).isLessThanOrEqualTo(lo + w);
        // P(forecast > 40) = P(x_a > 40) = 1/2; binomial standard error sqrt(0.25 / N)
        assertThat(s.share("above-40")).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / n)));
        assertThat(r.point("base", "compromise", "deal")).isCloseTo(40, within(1e-12));
    }

    @Test
    void mixtureWeightsSumToOneAndLeaveWhatIfsOut() {
        Scenario s = Scenarios.ranged(2, 4, 2);
        MonteCarloResult r = monteCarlo().run(s, spec(200, 2, 1));
        Map<String, Double> w = r.mixtureWeights();
        assertThat(w).containsOnlyKeys("hawks", "doves");
        assertThat(w.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(w.get("hawks")).isCloseTo(0.6, within(1e-12));
        Summary mix = r.mixture("compromise", "i0").orElseThrow();
        Summary hawks = r.summary("hawks", "compromise", "i0");
        Summary doves = r.summary("doves", "compromise", "i0");
        assertThat(mix.mean()).isCloseTo(0.6 * hawks.mean() + 0.4 * doves.mean(), within(1e-9));
        assertThat(mix.share("above-50"))
                .isCloseTo(0.6 * hawks.share("above-50") + 0.4 * doves.share("above-50"), within(1e-9));
        assertThat(mix.min()).isEqualTo(Math.min(hawks.min(), doves.min()));
    }

    @Test
    void mixtureWeightsAreRenormalisedWhenProbabilitiesAreRounded() {
        Scenario s = Scenarios.ranged(2, 4, 2);
        List<org.parley.model.Branch> bs = new ArrayList<>();
        for (org.parley.model.Branch b : s.branches()) {
            Double p = b.probability() == null ? null : b.probability() == 0.6 ? 0.6000004 : 0.4;
            bs.add(new org.parley.model.Branch(b.id(), b.name(), "", p, b.base(), b.changes()));
        }
        Map<String, Double> w = MonteCarloResult.mixtureWeights(s.withBranches(bs), s.worldIds());
        assertThat(w.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void noMixtureWhenAWeightedBranchWasNotForecast() {
        Scenario s = Scenarios.ranged(2, 4, 2);
        MonteCarloResult r = monteCarlo().run(s, spec(20, 1, 1).withWorlds(List.of("base", "hawks")));
        assertThat(r.mixtureWeights()).isEmpty();
        assertThat(r.mixture("compromise", "i0")).isEmpty();
    }

    @Test
    void anUnknownRequestedBranchIsAnErrorWithExitCode2() {
        Scenario s = Scenarios.ranged(2, 4, 2);
        assertThatThrownBy(() -> monteCarlo().run(s, spec(20, 1, 1).withWorlds(List.of("hawk"))))
                .isInstanceOfSatisfying(ParleyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_ID);
                    assertThat(e.code().exitCode()).isEqualTo(2);
                });
    }

    @Test
    void anUnchangedInputHasTheSameDrawInEveryWorld() {
        Scenario s = Scenarios.ranged(4, 4, 2);
        MonteCarloResult r = monteCarlo().run(s, spec(50, 2, 3), true);
        List<Input> base = r.inputs("base");
        List<Input> hawks = r.inputs("hawks");
        // a1's position on i1 is not changed by the hawks branch
        int jb = indexOf(base, "position:a1:i1");
        int jh = indexOf(hawks, "position:a1:i1");
        assertThat(r.drawn("hawks", jh)).isEqualTo(r.drawn("base", jb));
        // a0's position on i0 is stated as certain (90) in the hawks branch: no longer uncertain
        assertThat(indexOf(hawks, "position:a0:i0")).isEqualTo(-1);
        assertThat(indexOf(base, "position:a0:i0")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void pointForecastIsTheStatedValuesForecast() {
        Scenario s = Scenarios.ranged(6, 5, 2);
        MonteCarloResult r = monteCarlo().run(s, spec(3, 1, 42));
        var point = TestModels.baselines().run(s, RunSpec.defaults().withSeed(42));
        for (String w : r.worlds()) {
            for (String m : List.of("compromise", "median", "nash")) {
                double[] f = point.run(w, m).orElseThrow().trajectory().forecast();
                assertThat(r.point(w, m, "i0")).isEqualTo(f[0]);
            }
        }
    }

    private static int indexOf(List<Input> inputs, String id) {
        for (int j = 0; j < inputs.size(); j++) {
            if (inputs.get(j).id().equals(id)) {
                return j;
            }
        }
        return -1;
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 3})
    void progressReachesTheTotalAndLeavesTheResultUnchanged(int threads) {
        Scenario s = Scenarios.ranged(4, 6, 3);
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong(-1);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        MonteCarlo.Progress p = new MonteCarlo.Progress() {
            @Override
            public void total(long runs) {
                total.set(runs);
            }

            @Override
            public void completed(long runs) {
                done.addAndGet(runs);
            }
        };
        MonteCarloResult watched = monteCarlo().run(s, spec(700, threads, 21), false, p);
        MonteCarloResult plain = monteCarlo().run(s, spec(700, threads, 21));
        assertThat(total.get()).isEqualTo(700L * watched.worlds().size());
        assertThat(done.get()).isEqualTo(total.get());
        for (String m : plain.models()) {
            for (String k : plain.issues()) {
                assertThat(watched.forecasts("base", m, k)).isEqualTo(plain.forecasts("base", m, k));
            }
        }
    }

    @Test
    void aCancelStopsTheRunsWithAFailure() {
        Scenario s = Scenarios.ranged(4, 6, 3);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        MonteCarlo.Progress p = new MonteCarlo.Progress() {
            @Override
            public void completed(long runs) {
                done.addAndGet(runs);
            }

            @Override
            public boolean cancelled() {
                return done.get() >= 256;
            }
        };
        assertThatThrownBy(() -> monteCarlo().run(s, spec(5000, 1, 21), false, p))
                .isInstanceOfSatisfying(ParleyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FAILURE);
                    assertThat(e.getMessage()).contains("cancelled");
                });
        // a block is 128 runs of every world (base and three branches here): the first block
        // already passes 256, so no second block starts
        assertThat(done.get()).isEqualTo(128L * 4);
    }
}
