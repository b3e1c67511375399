package org.parley.models.expectedutility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.engine.BargainingModel;
import org.parley.engine.BargainingModelContract;
import org.parley.engine.ErrorCode;
import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.OptionSpec;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.RunContext;
import org.parley.engine.ScenarioGenerator;
import org.parley.engine.Trajectory;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.Models;

/** Behaviour of the expected-utility model beyond the replications: stopping, options, results. */
class ExpectedUtilityModelTest {

    private final BargainingModel model = Models.expectedUtility();

    private Trajectory run(Problem p, int rounds, String... options) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            given.put(options[i], options[i + 1]);
        }
        return model.run(p, ModelOptions.resolve(model.id(), model.options(), model.presets(), given),
                RunContext.of(rounds, 7));
    }

    private static Problem emission() throws IOException {
        try (InputStream in = ExpectedUtilityModelTest.class.getResourceAsStream("/reference/bdm/scholz2011_table1_emission.csv")) {
            return BdmTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), 1);
        }
    }

    @Test
    void isRegisteredWithItsId() {
        assertThat(Models.all()).extracting(BargainingModel::id).contains("expected-utility");
        assertThat(model.presets()).containsKeys("scholz-published", "scholz-text", "eum", "dmasad");
        assertThat(model.stochastic()).isFalse();
    }

    @Test
    void everyPresetNamesOnlyDeclaredOptionsWithAllowedValues() {
        for (Map.Entry<String, Map<String, String>> preset : model.presets().entrySet()) {
            for (Map.Entry<String, String> e : preset.getValue().entrySet()) {
                OptionSpec spec = model.options().stream().filter(s -> s.key().equals(e.getKey())).findFirst().orElse(null);
                assertThat(spec).as("preset %s option %s", preset.getKey(), e.getKey()).isNotNull();
                assertThat(spec.check(e.getValue())).as("preset %s option %s", preset.getKey(), e.getKey()).isNull();
            }
        }
    }

    @Test
    void defaultStopIsTheDiscountRuleOnTheMedianShift() throws IOException {
        // medians 7 -> 8.416 -> 9.611 -> 9.962 -> 9.962: the shift in round 4 is 0 <= 0.05 x R (R = 6)
        Trajectory t = run(emission(), 0);
        assertThat(t.rounds()).hasSize(5);
        assertThat(t.forecast()[0]).isCloseTo(9.96197959, within(1e-6));
        assertThat(t.stopReason()).contains("discount-rate").contains("issue: round 4");
    }

    @Test
    void aHigherDiscountRateStopsEarlier() throws IOException {
        // round 3 moves the median by 0.351 <= 0.1 x 6
        Trajectory t = run(emission(), 0, "discount-rate", "0.1");
        assertThat(t.rounds()).hasSize(4);
        assertThat(t.forecast()[0]).isCloseTo(9.96197959, within(1e-6));
    }

    @Test
    void fixedStopRunsMaxRoundsAndRoundsFromTheContextWin() throws IOException {
        Trajectory fixed = run(emission(), 0, "stop", "fixed", "max-rounds", "7");
        assertThat(fixed.rounds()).hasSize(8);
        assertThat(fixed.forecast()[0]).isCloseTo(8.824593855, within(1e-6));
        Trajectory three = run(emission(), 3, "stop", "fixed", "max-rounds", "7");
        assertThat(three.rounds()).hasSize(4);
        assertThat(three.stopReason()).isEqualTo("3 rounds");
        // --rounds also overrides the discount rule, which would have stopped at round 4
        assertThat(run(emission(), 6).rounds()).hasSize(7);
    }

    @Test
    void forecastMeanReportsTheWeightedMean() throws IOException {
        Trajectory t = run(emission(), 2, "forecast", "mean");
        assertThat(t.forecast()[0]).isCloseTo(7.552500866, within(1e-6));
        assertThat(t.lastRound().outcome()[0]).isCloseTo(9.610859134, within(1e-6));
    }

    @Test
    void allOffersAddsRejectedOffersWithoutChangingTheAcceptedOnes() throws IOException {
        Trajectory accepted = run(emission(), 3, "preset", "scholz-text");
        Trajectory all = run(emission(), 3, "preset", "scholz-text", "offers", "all");
        for (int r = 1; r < accepted.rounds().size(); r++) {
            List<Move> kept = new ArrayList<>();
            for (Move m : all.rounds().get(r).moves()) {
                if (!m.kind().equals("offer-rejected")) {
                    kept.add(m);
                } else {
                    assertThat(m.measures().keySet()).containsExactly("eu_actor", "eu_counterpart");
                    assertThat(m.reason()).contains("did not take");
                }
            }
            assertThat(kept).isEqualTo(accepted.rounds().get(r).moves());
            assertThat(all.rounds().get(r).positions()).isDeepEqualTo(accepted.rounds().get(r).positions());
        }
        assertThat(all.rounds().stream().flatMap(r -> r.moves().stream()).filter(m -> m.kind().equals("offer-rejected")))
                .isNotEmpty();
    }

    @Test
    void movesCarryBothExpectedUtilitiesAndASentence() throws IOException {
        Trajectory t = run(emission(), 1);
        List<Move> moves = t.rounds().get(1).moves();
        assertThat(moves).extracting(Move::kind).containsExactly("compromise", "conflict", "conflict");
        Move be = moves.get(0);
        assertThat(be.actor()).isEqualTo("Belgium");
        assertThat(be.counterpart()).isEqualTo("France");
        assertThat(be.from()).isEqualTo(7.0);
        assertThat(be.measures().keySet()).containsExactly("eu_actor", "eu_counterpart");
        assertThat(be.reason()).isEqualTo("Belgium moved from 7.000 to 8.416 on issue in a compromise with France: "
                + "challenging France was worth -0.115 to it while, as Belgium sees it, France expected 0.243 from "
                + "challenging it, so it conceded 47% of the distance.");
    }

    @Test
    void capitulationIsReportedWhenTheTestIsFixed() throws IOException {
        Trajectory t = run(emission(), 2, "preset", "scholz-text");
        Move dk = t.rounds().get(2).moves().stream().filter(m -> m.actor().equals("Denmark")).findFirst().orElseThrow();
        assertThat(dk.kind()).isEqualTo("capitulate");
        assertThat(dk.measure("eu_actor")).isNegative();
        assertThat(-dk.measure("eu_actor")).isGreaterThan(dk.measure("eu_counterpart"));
        assertThat(dk.to()).isEqualTo(4.0);
    }

    @Test
    void issuesRunSeparatelyAndAbsentActorsStayAbsent() {
        Scenario s = ScenarioGenerator.random(4, 6, 2);
        List<Stance> fewer = new ArrayList<>(s.stances());
        fewer.removeIf(st -> st.actor().equals("a2") && st.issue().equals("i1"));
        Problem p = Problem.of(s.withStances(fewer));
        Trajectory t = model.run(p, ModelOptions.resolve(model.id(), model.options(), model.presets(), Map.of()),
                RunContext.of(4, 1));
        int a2 = p.actorIndex("a2");
        for (Round r : t.rounds()) {
            assertThat(r.positions()[a2][1]).isNaN();
            assertThat(r.series().get("median")).hasSize(2);
            assertThat(r.series().get("mean")).hasSize(2);
            double[] risk = r.series().get("risk");
            assertThat(risk).hasSize(p.actorCount() * 2);
            assertThat(risk[1 * p.actorCount() + a2]).isNaN();
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < p.actorCount(); i++) {
                    if (i != a2 || k == 0) {
                        assertThat(risk[k * p.actorCount() + i]).isBetween(0.5, 2.0);
                    }
                }
            }
            for (Move m : r.moves()) {
                assertThat(m.issue()).isIn("i0", "i1");
                if (m.issue().equals("i1")) {
                    assertThat(m.actor()).isNotEqualTo("a2");
                    assertThat(m.counterpart()).isNotEqualTo("a2");
                }
            }
        }
    }

    @Test
    void badOptionsAreRejectedWithBadOption() throws IOException {
        Problem p = emission();
        assertThatThrownBy(() -> run(p, 1, "q", "1.5")).isInstanceOf(ParleyException.class)
                .extracting(e -> ((ParleyException) e).code()).isEqualTo(ErrorCode.BAD_OPTION);
        assertThatThrownBy(() -> run(p, 1, "preset", "policon")).isInstanceOf(ParleyException.class)
                .extracting(e -> ((ParleyException) e).code()).isEqualTo(ErrorCode.BAD_OPTION);
        assertThatThrownBy(() -> run(p, 1, "median", "mode")).isInstanceOf(ParleyException.class)
                .extracting(e -> ((ParleyException) e).code()).isEqualTo(ErrorCode.BAD_OPTION);
    }

    /** Every value of every choice option runs and keeps positions inside the initial range. */
    @Test
    void everyForkValueRuns() {
        Problem p = Problem.of(ScenarioGenerator.random(21, 7, 2));
        for (OptionSpec spec : model.options()) {
            for (String value : spec.allowed()) {
                Trajectory t = run(p, 3, spec.key(), value, "q", spec.key().equals("ub-uw") || spec.key().equals("mu")
                        || spec.key().equals("t") || spec.key().equals("counter-ub-uw") ? "0.5" : "1");
                for (Round r : t.rounds()) {
                    for (int k = 0; k < p.issueCount(); k++) {
                        double lo = Double.POSITIVE_INFINITY;
                        double hi = Double.NEGATIVE_INFINITY;
                        for (int i = 0; i < p.actorCount(); i++) {
                            lo = Math.min(lo, p.position()[i][k]);
                            hi = Math.max(hi, p.position()[i][k]);
                        }
                        for (int i = 0; i < p.actorCount(); i++) {
                            assertThat(r.positions()[i][k]).as("%s=%s", spec.key(), value).isBetween(lo - 1e-9, hi + 1e-9);
                        }
                    }
                }
            }
        }
    }

    @Test
    void riskOverPositionsGivesExponentsInRange() throws IOException {
        Trajectory t = run(emission(), 2, "risk-normalisation", "positions");
        for (double r : t.rounds().get(1).series().get("risk")) {
            assertThat(r).isBetween(0.5, 2.0);
        }
        assertThat(t.rounds().get(1).series().get("risk"))
                .isNotEqualTo(run(emission(), 2).rounds().get(1).series().get("risk"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38})
    void higherEuTiesMakeTheWholeTrajectoryIndependentOfInputOrder(long seed) {
        Scenario s = ScenarioGenerator.random(seed, 8, 1);
        Problem p = Problem.of(s);
        Problem q = Problem.of(ScenarioGenerator.reversed(s));
        Trajectory a = run(p, 6, "ties", "higher-eu");
        Trajectory b = run(q, 6, "ties", "higher-eu");
        for (int r = 0; r < a.rounds().size(); r++) {
            for (int i = 0; i < p.actorCount(); i++) {
                int j = q.actorIndex(p.actorId(i));
                assertThat(b.rounds().get(r).positions()[j][0]).as("seed %d round %d %s", seed, r, p.actorId(i))
                        .isCloseTo(a.rounds().get(r).positions()[i][0], within(1e-9));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({"textbook,all,linear", "net,all,linear", "all-pairs,all,linear",
        "textbook,third-parties,linear", "all-pairs,third-parties,linear", "textbook,all,powered", "net,all,powered",
        "all-pairs,all,powered", "all-pairs,third-parties,powered"})
    void probabilitiesEqualTheDirectSumOverVoters(String probability, String voters, String votes) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        int n = 40;
        double[] x = new double[n];
        double[] c = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.floor(rnd.nextDouble() * 21); // many shared positions and exact midpoints
            c[i] = rnd.nextDouble();
            s[i] = rnd.nextDouble();
        }
        ModelOptions o = ModelOptions.resolve(model.id(), model.options(), model.presets(),
                Map.of("probability", probability, "votes", votes, "voters", voters));
        IssueEngine e = new IssueEngine(new EuConfig(o), x, c, s, 20);
        e.step();
        double range = 20;
        double all = 0;
        for (int k = 0; k < n; k++) {
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    all += c[k] * s[k] * Math.abs(d(x[k], x[v], range, e, k, votes) - d(x[k], x[u], range, e, k, votes));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double pos = 0;
                double neg = 0;
                for (int k = 0; k < n; k++) {
                    if (voters.equals("third-parties") && (k == i || k == j)) {
                        continue;
                    }
                    double a = c[k] * s[k] * (d(x[k], x[j], range, e, k, votes) - d(x[k], x[i], range, e, k, votes));
                    pos += Math.max(0, a);
                    neg += Math.max(0, -a);
                }
                double expected;
                if (x[i] == x[j]) {
                    expected = 0;
                } else if (probability.equals("textbook")) {
                    expected = pos + neg > 0 ? pos / (pos + neg) : 0;
                } else if (probability.equals("net")) {
                    expected = pos + neg > 0 ? Math.max(0, pos - neg) / (pos + neg) : 0;
                } else {
                    expected = pos / all;
                }
                assertThat(e.p[i][j]).as("P(%d beats %d)", i, j).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @ParameterizedTest(name = "{0} t={1}")
    @org.junit.jupiter.params.provider.CsvSource({"sum,closer,0.375", "difference,closer,0.25", "sum,0,1.625",
        "sum,1,0.375", "difference,0,1.75"})
    void noChallengeTermsFollowTheirFormulas(String form, String t, double expected) {
        // challenger at 0, target at 1, R = 1, mu = 0.25, r = 1, target salience 0.5, P = 0.5, Q = 0.5:
        // U_s = 2, U_f = -2, U_sq = 0, challenge part = 1; sum: e = 0.25 (0.25 + 1) = 0.3125, U_b = 1.25,
        // U_w = -1.25; difference: e = 0.5 |1 - 0.25| = 0.375, U_b = 1.5, U_w = -1.5; T closer = 1
        ModelOptions o = ModelOptions.resolve(model.id(), model.options(), model.presets(),
                Map.of("q", "0.5", "ub-uw", form, "t", t));
        IssueEngine e = new IssueEngine(new EuConfig(o), new double[] {0, 1}, new double[] {1, 1}, new double[] {1, 1}, 1);
        e.range = 1;
        e.mu = 0.25;
        assertThat(e.eu(0, 1, 1, 0.5, 0.5, 0, 1)).isCloseTo(expected, within(1e-12));
    }

    /** Voter k's distance to a position: linear, or powered by k's exponent of the round. */
    private static double d(double xk, double at, double range, IssueEngine e, int k, String votes) {
        double lin = Math.abs(xk - at) / range;
        return votes.equals("powered") ? Math.pow(lin, e.r[k]) : lin;
    }

    @Nested
    class ScholzText implements BargainingModelContract {
        @Override
        public BargainingModel model() {
            return Models.expectedUtility();
        }

        @Override
        public Map<String, String> contractOptions() {
            return Map.of("preset", "scholz-text");
        }
    }

    @Nested
    class Eum implements BargainingModelContract {
        @Override
        public BargainingModel model() {
            return Models.expectedUtility();
        }

        @Override
        public Map<String, String> contractOptions() {
            return Map.of("preset", "eum", "q", "0.5");
        }
    }

    @Nested
    class Dmasad implements BargainingModelContract {
        @Override
        public BargainingModel model() {
            return Models.expectedUtility();
        }

        @Override
        public Map<String, String> contractOptions() {
            return Map.of("preset", "dmasad");
        }
    }
}
