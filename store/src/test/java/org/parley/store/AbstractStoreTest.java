package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.ErrorCode;
import org.parley.engine.ForecastResult;
import org.parley.engine.Move;
import org.parley.engine.ParleyException;
import org.parley.engine.Round;
import org.parley.engine.RunResult;
import org.parley.model.Scenario;
import org.parley.model.Threshold;

/**
 * Every store operation, run against each backend by a subclass: {@link SqliteStoreTest} and
 * {@link PostgresStoreIT}.
 */
abstract class AbstractStoreTest {

    /** A JDBC URL of a fresh, empty store for the current test. */
    abstract String url();

    Store open() {
        return Store.open(url(), InstantSource.fixed(Fixtures.T0));
    }

    Connection raw() throws SQLException {
        return DriverManager.getConnection(url());
    }

    static ErrorCode code(Throwable t) {
        return ((ParleyException) t).code();
    }

    @Test
    void aFreshStoreHasTheCurrentSchemaAndReopens() {
        try (Store s = open()) {
            assertThat(s.schemaVersion()).isEqualTo(Migrations.CURRENT);
            assertThat(s.runs(null, 0)).isEmpty();
            assertThat(s.check()).isEmpty();
        }
        try (Store s = open()) {
            assertThat(s.schemaVersion()).isEqualTo(Migrations.CURRENT);
        }
    }

    @Test
    void aSavedRunLoadsWithItsSettingsAndEveryForecast() {
        ForecastResult r = Fixtures.seedForecast();
        try (Store s = open()) {
            long id = s.saveRun(r, Fixtures.save(false));
            StoredRun run = s.run(id);
            RunInfo info = run.info();
            assertThat(info.id()).isEqualTo(id);
            assertThat(info.models()).isEqualTo(r.models());
            assertThat(info.worlds()).isEqualTo(r.worlds());
            assertThat(info.seed()).isEqualTo(r.spec().seed());
            assertThat(info.codeVersion()).isEqualTo("test");
            assertThat(info.author()).isEqualTo("analyst");
            assertThat(info.millis()).isEqualTo(12);
            assertThat(info.status()).isEqualTo("complete");
            assertThat(info.scenario().scenario()).isEqualTo(r.scenario().id());
            assertThat(run.modelOptions().keySet()).containsExactlyElementsOf(r.models());
            int issues = r.scenario().issues().size();
            assertThat(run.forecasts()).hasSize(r.worlds().size() * r.models().size() * issues);
            for (StoredForecast f : run.forecasts()) {
                RunResult rr = r.run(f.world(), f.model()).orElseThrow();
                int k = r.problem(f.world()).issueIndex(f.issue());
                assertThat(f.point()).as(f.key()).isEqualTo(rr.trajectory().forecast()[k]);
                assertThat(f.n()).isEqualTo(1);
                assertThat(f.p05()).isEqualTo(f.point());
                assertThat(f.stopReason()).isEqualTo(rr.trajectory().stopReason());
            }
            assertThat(s.runs(null, 0)).extracting(RunInfo::id).containsExactly(id);
            assertThat(s.runs(r.scenario().id(), 0)).hasSize(1);
            assertThat(s.runs("nope", 0)).isEmpty();
        }
    }

    @Test
    void trajectoriesComeBackExactly() {
        ForecastResult r = Fixtures.seedForecast();
        try (Store s = open()) {
            long id = s.saveRun(r, Fixtures.save(false));
            List<RunResult> back = s.trajectories(id);
            assertThat(back).hasSameSizeAs(r.runs());
            for (int i = 0; i < back.size(); i++) {
                RunResult a = r.runs().get(i);
                RunResult b = back.get(i);
                assertThat(b.world()).isEqualTo(a.world());
                assertThat(b.model()).isEqualTo(a.model());
                assertThat(b.seed()).isEqualTo(a.seed());
                assertThat(b.options()).isEqualTo(a.options());
                assertThat(b.trajectory().forecast()).containsExactly(a.trajectory().forecast());
                assertThat(b.trajectory().stopReason()).isEqualTo(a.trajectory().stopReason());
                assertThat(b.trajectory().notes()).isEqualTo(a.trajectory().notes());
                assertThat(b.trajectory().rounds()).hasSameSizeAs(a.trajectory().rounds());
                for (int k = 0; k < a.trajectory().rounds().size(); k++) {
                    Round x = a.trajectory().rounds().get(k);
                    Round y = b.trajectory().rounds().get(k);
                    assertThat(Arrays.deepEquals(x.positions(), y.positions())).isTrue();
                    assertThat(y.outcome()).containsExactly(x.outcome());
                    assertThat(y.moves()).isEqualTo(x.moves());
                }
            }
            ForecastResult again = s.result(id);
            assertThat(again.worlds()).isEqualTo(r.worlds());
            assertThat(again.models()).isEqualTo(r.models());
            assertThat(again.scenario().id()).isEqualTo(r.scenario().id());
        }
    }

    @Test
    void movesAndSeriesSurviveTheCodec() {
        Move m = new Move(1, "compromise", "kim", "usa", "sanctions", 10, 20.5,
                new java.util.LinkedHashMap<>(Map.of("gain", 0.31)), "Kim moved because the US offered.");
        Round r0 = Round.initial(new double[][] {{1, Double.NaN}}, new double[] {1, 2});
        Round r1 = new Round(1, new double[][] {{2, 3}}, new double[] {2, 3}, List.of(m),
                Map.of("risk", new double[] {0.5}));
        org.parley.engine.Trajectory t = new org.parley.engine.Trajectory(List.of(r0, r1), new double[] {2, 3}, "converged",
                List.of("a note"));
        org.parley.engine.Trajectory back = Codec.trajectory(Codec.trajectory(t));
        assertThat(back.rounds().get(1).moves()).containsExactly(m);
        assertThat(back.rounds().get(1).series().get("risk")).containsExactly(0.5);
        assertThat(back.rounds().get(0).positions()[0][1]).isNaN();
        assertThat(back.notes()).containsExactly("a note");
    }

    @Test
    void samplesSurviveTheCodecBitForBit() {
        double[] v = {0, -0.0, 1.5, Double.NaN, Double.POSITIVE_INFINITY, -1e-300, 53.08163265306123, Double.MIN_VALUE};
        double[] back = Codec.doubles(Codec.doubles(v));
        assertThat(back).hasSize(v.length);
        for (int i = 0; i < v.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(v[i]));
        }
        assertThat(Codec.doubles(Codec.doubles(new double[0]))).isEmpty();
    }

    @Test
    void aMonteCarloRunKeepsAggregatesAndEveryForecastButOnlyPointTrajectoriesUnlessAsked() {
        ForecastResult mc = Fixtures.monteCarlo(Fixtures.seedForecast(), 200, 5, 7);
        try (Store s = open()) {
            long compact = s.saveRun(mc, Fixtures.save(false));
            long full = s.saveRun(mc, Fixtures.save(true));
            int groups = mc.worlds().size() * mc.models().size();
            assertThat(s.trajectories(compact)).hasSize(groups);
            assertThat(s.trajectories(full)).hasSize(groups * 200);
            assertThat(s.run(compact).info().trajectories()).isEqualTo("point");
            assertThat(s.run(full).info().trajectories()).isEqualTo("all");
            assertThat(s.run(compact).info().runs()).isEqualTo(200);

            String world = mc.worlds().get(1);
            String model = mc.models().get(0);
            double[] samples = s.samples(compact, world, model, "sanctions");
            int k = mc.problem(world).issueIndex("sanctions");
            double[] expected = mc.runs().stream().filter(r -> r.world().equals(world) && r.model().equals(model))
                    .mapToDouble(r -> r.trajectory().forecast()[k]).toArray();
            assertThat(samples).containsExactly(expected);
            Stats st = Stats.of(expected);
            StoredForecast f = s.run(compact).forecasts().stream()
                    .filter(x -> x.world().equals(world) && x.model().equals(model) && x.issue().equals("sanctions"))
                    .findFirst().orElseThrow();
            assertThat(f.n()).isEqualTo(200);
            assertThat(f.point()).isEqualTo(expected[0]);
            assertThat(f.mean()).isCloseTo(st.mean(), within(1e-12));
            assertThat(f.p05()).isCloseTo(st.p05(), within(1e-12));
            assertThat(f.p95()).isCloseTo(st.p95(), within(1e-12));
            assertThat(f.sd()).isCloseTo(5, within(1.0));
            assertThat(f.p05()).isLessThan(f.p50()).isLessThan(f.p95());
        }
    }

    @Test
    void scenarioVersionsAreKeptWithHashAuthorAndParent() {
        Scenario v1 = Fixtures.seedScenario();
        Scenario v2 = Fixtures.edited(v1, "kim", "sanctions", 0);
        try (Store s = open()) {
            ScenarioVersion a = s.saveScenario(v1, "ann");
            ScenarioVersion again = s.saveScenario(v1, "bob");
            assertThat(again).isEqualTo(a);
            ScenarioVersion b = s.saveScenario(v2, "bob");
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.parent()).isZero();
            assertThat(b.version()).isEqualTo(2);
            assertThat(b.parent()).isEqualTo(a.id());
            assertThat(b.author()).isEqualTo("bob");
            assertThat(b.hash()).hasSize(64).isNotEqualTo(a.hash());
            s.saveRun(Fixtures.forecast(v2), Fixtures.save(false));
            assertThat(s.history(v1.id())).containsExactly(a, b);
            List<ScenarioSummary> list = s.scenarios();
            assertThat(list).hasSize(1);
            assertThat(list.get(0).latest()).isEqualTo(b);
            assertThat(list.get(0).versions()).isEqualTo(2);
            assertThat(list.get(0).runs()).isEqualTo(1);
            assertThat(s.scenario(b.id()).stance("kim", "sanctions").orElseThrow().position().value()).isEqualTo(0);
            assertThatThrownBy(() -> s.history("nope")).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNKNOWN_ID));
        }
    }

    @Test
    void aDiffNamesTheChangedInputsAndHowEveryForecastMoved() {
        Scenario v1 = Fixtures.seedScenario();
        Scenario v2 = Fixtures.edited(v1, "kim", "sanctions", 0);
        ForecastResult a = Fixtures.forecast(v1);
        ForecastResult b = Fixtures.forecast(v2);
        try (Store s = open()) {
            long ia = s.saveRun(a, Fixtures.save(false));
            long ib = s.saveRun(b, Fixtures.save(false));
            RunDiff d = RunDiff.of(s, ia, ib);
            assertThat(d.inputs()).extracting(RunDiff.InputChange::what)
                    .contains("scenario", "scenario.actors[kim].stances.sanctions.position");
            RunDiff.InputChange pos = d.inputs().stream()
                    .filter(c -> c.what().equals("scenario.actors[kim].stances.sanctions.position")).findFirst().orElseThrow();
            assertThat(pos.after()).isEqualTo("0");
            assertThat(d.forecasts()).hasSize(a.worlds().size() * a.models().size() * v1.issues().size());
            for (RunDiff.Shift sh : d.forecasts()) {
                int k = a.problem(sh.world()).issueIndex(sh.issue());
                assertThat(sh.before()).isEqualTo(a.run(sh.world(), sh.model()).orElseThrow().trajectory().forecast()[k]);
                assertThat(sh.after()).isEqualTo(b.run(sh.world(), sh.model()).orElseThrow().trajectory().forecast()[k]);
            }
            assertThat(d.forecasts()).anySatisfy(sh -> assertThat(sh.delta()).isNotZero());
            assertThat(RunDiff.of(s, ia, ia).inputs()).isEmpty();
        }
    }

    @Test
    void registeredForecastsAreScoredPerModel() {
        ForecastResult mc = Fixtures.monteCarlo(Fixtures.seedForecast(), 101, 10, 3);
        try (Store s = open()) {
            long run = s.saveRun(mc, Fixtures.save(false));
            Registry reg = new Registry(s);
            Threshold t = reg.threshold(run, "base", "sanctions", "substantial-relief", false);
            assertThat(t.value()).isEqualTo(50);
            Registration r = reg.register(run, "base", "sanctions", null, LocalDate.of(2025, 6, 30), t, 0, "ann");
            assertThat(r.question()).isEqualTo("Does the Security Council suspend the sectoral sanctions?");
            assertThat(r.forecasts()).extracting(RegisteredForecast::model).containsExactlyElementsOf(mc.models());
            Registration plain = reg.register(run, "base", "aid", "Where does aid land?", LocalDate.of(2025, 6, 30),
                    null, 0, "ann");
            assertThat(reg.score().lines()).isEmpty();

            reg.resolve(r.id(), 70, LocalDate.of(2025, 7, 1), "first report", "bob");
            reg.resolve(r.id(), 40, LocalDate.of(2025, 7, 2), "corrected report", "bob");
            reg.resolve(plain.id(), 12, LocalDate.of(2025, 7, 2), "news", "bob");
            Scores sc = reg.score();
            assertThat(sc.models()).extracting(Scores.ModelScore::model).containsExactlyElementsOf(mc.models());
            for (RegisteredForecast f : r.forecasts()) {
                double[] samples = s.samples(run, "base", f.model(), "sanctions");
                double p = Arrays.stream(samples).filter(x -> x > 50).count() / (double) samples.length;
                assertThat(f.probability()).isCloseTo(p, within(1e-12));
                assertThat(f.hasInterval()).isTrue();
                Scores.Line line = sc.lines().stream().filter(l -> l.registration().id() == r.id()
                        && l.forecast().model().equals(f.model())).findFirst().orElseThrow();
                assertThat(line.resolution().outcome()).isEqualTo(40);
                assertThat(line.absError()).isCloseTo(Math.abs(f.point() - 40), within(1e-12));
                assertThat(line.brier()).isCloseTo(p * p, within(1e-12));
                assertThat(line.covered()).isEqualTo(f.lo() <= 40 && 40 <= f.hi());
            }
            for (Scores.ModelScore m : sc.models()) {
                double e1 = r.forecasts().stream().filter(f -> f.model().equals(m.model())).findFirst().orElseThrow()
                        .point();
                double e2 = plain.forecasts().stream().filter(f -> f.model().equals(m.model())).findFirst()
                        .orElseThrow().point();
                assertThat(m.forecasts()).isEqualTo(2);
                assertThat(m.meanAbsError()).isCloseTo((Math.abs(e1 - 40) + Math.abs(e2 - 12)) / 2, within(1e-9));
                assertThat(m.thresholdQuestions()).isEqualTo(1);
                assertThat(m.intervals()).isEqualTo(2);
            }

            Registration edit = reg.register(run, "base", "aid", "Where does aid land, in the end?",
                    LocalDate.of(2025, 12, 31), null, plain.id(), "ann");
            assertThat(edit.supersedes()).isEqualTo(plain.id());
            assertThat(reg.registration(plain.id()).question()).isEqualTo("Where does aid land?");
            assertThat(reg.score().lines()).noneMatch(l -> l.registration().id() == plain.id());
            assertThat(reg.registrations()).hasSize(3);
        }
    }

    @Test
    void aProbabilityFromARunWithoutMonteCarloIsRefusedUnlessPointOnly() {
        try (Store s = open()) {
            long run = s.saveRun(Fixtures.seedForecast(), Fixtures.save(false));
            Registry reg = new Registry(s);
            Threshold t = reg.threshold(run, "base", "sanctions", "substantial-relief", false);
            LocalDate d = LocalDate.of(2025, 6, 30);
            assertThatThrownBy(() -> reg.register(run, "base", "sanctions", null, d, t, 0, "ann"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_OPTION))
                    .hasMessageContaining("--point-only");
            assertThat(reg.registrations()).isEmpty();
            Registration r = reg.register(run, "base", "sanctions", null, d, t, 0, "ann", true);
            assertThat(r.pointOnly()).isTrue();
            assertThat(r.calibration()).isEqualTo(org.parley.uncertainty.ModelErrorCalibration.shipped().version());
            for (RegisteredForecast f : r.forecasts()) {
                assertThat(f.probability()).isNaN();
                assertThat(f.hasInterval()).isFalse();
                assertThat(f.hasModelErrorInterval()).as(f.model()).isTrue();
                assertThat(f.modelErrorLo()).isLessThanOrEqualTo(f.point());
                assertThat(f.modelErrorHi()).isGreaterThanOrEqualTo(f.point());
            }
            // scored by absolute error and the model-error interval, no Brier
            // an outcome off the issue's scale (0-100) or dated before the registration is refused, nothing kept
            assertThatThrownBy(() -> reg.resolve(r.id(), 200, LocalDate.of(2025, 7, 1), "src", "bob"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_OPTION))
                    .hasMessageContaining("the outcome 200 is off the scale of issue 'sanctions' (0 to 100)");
            assertThatThrownBy(() -> reg.resolve(r.id(), 50, LocalDate.of(2024, 7, 31), "src", "bob"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_OPTION))
                    .hasMessageContaining("is before the forecast was registered (2024-08-01)");
            assertThat(reg.resolutions()).isEmpty();
            reg.resolve(r.id(), 100, LocalDate.of(2025, 7, 1), "src", "bob");
            Scores sc = reg.score();
            for (Scores.Line l : sc.lines()) {
                assertThat(l.brier()).isNaN();
                RegisteredForecast f = l.forecast();
                double penalty = 100 > f.modelErrorHi() ? 20 * (100 - f.modelErrorHi()) : 0;
                assertThat(l.modelErrorCovered()).isEqualTo(penalty == 0);
                assertThat(l.modelErrorScore()).isCloseTo(f.modelErrorHi() - f.modelErrorLo() + penalty, within(1e-9));
            }
            // a registration read back keeps the calibration and the intervals
            Registration back = reg.registration(r.id());
            assertThat(back.calibration()).isEqualTo(r.calibration());
            assertThat(back.forecasts()).isEqualTo(r.forecasts());
        }
    }

    @Test
    void theBranchMixtureIsRegistrable() {
        // the seed's probability branches trump-wins and trump-loses, each with its own talks probability:
        // P(yes) = sum over worlds of p_w (talks_w x share of runs past 50 + (1 - talks_w) x [status quo > 50]),
        // the point the same mixture of each world's point forecast and the status quo
        ForecastResult mc = Fixtures.monteCarlo(Fixtures.seedForecast(), 101, 10, 3);
        org.parley.model.Scenario scenario = Fixtures.seedScenario();
        double pSum = scenario.branches().stream().filter(b -> b.id().startsWith("trump-"))
                .mapToDouble(org.parley.model.Branch::probability).sum();
        assertThat(pSum).isCloseTo(1.0, within(1e-12));
        try (Store s = open()) {
            long run = s.saveRun(mc, Fixtures.save(false));
            Registry reg = new Registry(s);
            Threshold t = reg.threshold(run, "mixture", "sanctions", "substantial-relief", false);
            Registration r = reg.register(run, "mixture", "sanctions", null, LocalDate.of(2025, 6, 30), t, 0, "ann");
            assertThat(r.world()).isEqualTo("mixture");
            assertThat(r.forecasts()).extracting(RegisteredForecast::model).containsExactlyElementsOf(mc.models());
            for (RegisteredForecast f : r.forecasts()) {
                double p = 0;
                double point = 0;
                for (String w : List.of("trump-wins", "trump-loses")) {
                    org.parley.model.Scenario world = scenario.resolve(w);
                    double pw = scenario.branches().stream().filter(b -> b.id().equals(w)).findFirst().orElseThrow()
                            .probability();
                    double talks = world.talksProbability();
                    assertThat(world.issues().get(0).id()).isEqualTo("sanctions");
                    double sq = world.issues().get(0).statusQuo().value();
                    double[] samples = s.samples(run, w, f.model(), "sanctions");
                    double share = (double) Arrays.stream(samples).filter(x -> x > 50).count() / samples.length;
                    p += pw * (talks * share + (1 - talks) * (sq > 50 ? 1 : 0));
                    point += pw * (talks * mc.run(w, f.model()).orElseThrow().trajectory().forecast()[0]
                            + (1 - talks) * sq);
                }
                assertThat(f.probability()).isCloseTo(p, within(1e-12));
                assertThat(f.point()).isCloseTo(point, within(1e-9));
                assertThat(f.hasInterval()).isFalse();
            }
        }
    }

    @Test
    void intervalScoreByHand() {
        // [10, 30]: inside 20; 5 below -> 20 + 20 x 5; 4 above -> 20 + 20 x 4
        assertThat(Scores.intervalScore(10, 30, 20)).isEqualTo(20.0);
        assertThat(Scores.intervalScore(10, 30, 5)).isEqualTo(120.0);
        assertThat(Scores.intervalScore(10, 30, 34)).isEqualTo(100.0);
        assertThat(Scores.intervalScore(Double.NaN, 30, 34)).isNaN();
    }

    @Test
    void registryRecordsAreImmutable() throws SQLException {
        try (Store s = open()) {
            long run = s.saveRun(Fixtures.seedForecast(), Fixtures.save(false));
            Registry reg = new Registry(s);
            Registration r = reg.register(run, "base", "aid", "q", LocalDate.of(2025, 1, 1), null, 0, "ann");
            reg.resolve(r.id(), 3, LocalDate.of(2025, 1, 2), "src", "bob");
        }
        try (Connection c = raw(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("UPDATE registrations SET question = 'changed'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM resolutions")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.executeUpdate("UPDATE registered_forecasts SET point = 0"))
                    .isInstanceOf(SQLException.class);
        }
        try (Store s = open()) {
            assertThat(new Registry(s).registration(1).question()).isEqualTo("q");
        }
    }

    @Test
    void registryRejectsWhatItCannotRecord() {
        try (Store s = open()) {
            long run = s.saveRun(Fixtures.seedForecast(), Fixtures.save(false));
            Registry reg = new Registry(s);
            LocalDate d = LocalDate.of(2025, 1, 1);
            assertThatThrownBy(() -> reg.register(run, "base", "nope", "q", d, null, 0, "a"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNKNOWN_ID));
            assertThatThrownBy(() -> reg.register(run + 1, "base", "aid", "q", d, null, 0, "a"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNKNOWN_ID));
            assertThatThrownBy(() -> reg.register(run, "base", "aid", " ", d, null, 0, "a"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_OPTION));
            assertThatThrownBy(() -> reg.register(run, "base", "aid", "q", d, null, 99, "a"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNKNOWN_ID));
            assertThatThrownBy(() -> reg.threshold(run, "base", "aid", "lots", false))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.BAD_OPTION));
            assertThatThrownBy(() -> reg.resolve(42, 1, d, "s", "a"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNKNOWN_ID));
            assertThat(reg.registrations()).isEmpty();
            assertThat(reg.threshold(run, "base", "aid", "30", true).above()).isFalse();
        }
    }

    @Test
    void aFailedSaveLeavesThePreviousStateIntact() {
        ForecastResult good = Fixtures.seedForecast();
        RunRecord rec = RunRecord.of(Fixtures.forecast(Fixtures.edited(good.scenario(), "kim", "aid", 0)), true);
        // the same (world, model) twice: the second forecast row breaks the primary key after the scenario
        // version, the run row and several forecast rows were written in the same transaction
        List<RunRecord.Forecasts> twice = new java.util.ArrayList<>(rec.forecasts());
        twice.add(rec.forecasts().get(0));
        RunRecord broken = new RunRecord(rec.scenario(), rec.spec(), rec.worlds(), rec.models(), rec.modelOptions(),
                twice, rec.trajectories(), rec.warnings());
        try (Store s = open()) {
            long id = s.saveRun(good, Fixtures.save(false));
            assertThatThrownBy(() -> s.saveRun(broken, Fixtures.save(false))).isInstanceOf(ParleyException.class);
            assertThat(s.runs(null, 0)).extracting(RunInfo::id).containsExactly(id);
            assertThat(s.history(good.scenario().id())).hasSize(1);
            long next = s.saveRun(good, Fixtures.save(false));
            assertThat(next).isGreaterThan(id);
            assertThat(s.runs(null, 0)).hasSize(2);
            assertThat(s.check()).isEmpty();
        }
    }

    @Test
    void aRecordWithoutTrajectoriesKeepsItsForecasts() {
        // the shape of a Monte Carlo result: forecasts per run, no trajectories
        ForecastResult mc = Fixtures.monteCarlo(Fixtures.seedForecast(), 50, 5, 11);
        RunRecord full = RunRecord.of(mc, false);
        RunRecord bare = new RunRecord(full.scenario(), full.spec(), full.worlds(), full.models(), full.modelOptions(),
                full.forecasts(), List.of(), full.warnings());
        try (Store s = open()) {
            long id = s.saveRun(bare, Fixtures.save(false));
            assertThat(s.run(id).info().trajectories()).isEqualTo("none");
            assertThat(s.trajectories(id)).isEmpty();
            RunRecord.Forecasts g = full.forecasts().get(3);
            assertThat(s.samples(id, g.world(), g.model(), g.issues().get(2))).containsExactly(g.samples()[2]);
            assertThat(s.run(id).forecasts()).hasSize(full.forecasts().size() * g.issues().size());
        }
    }

    @Test
    void aStoreFromANewerSchemaIsRefusedAndLeftAlone() throws SQLException {
        try (Store s = open()) {
            s.saveRun(Fixtures.seedForecast(), Fixtures.save(false));
        }
        try (Connection c = raw(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE parley_schema SET version = " + (Migrations.CURRENT + 1));
        }
        assertThatThrownBy(this::open).satisfies(e -> {
            assertThat(code(e)).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(code(e).exitCode()).isEqualTo(2);
            assertThat(e).hasMessageContaining("newer Parley");
        });
        try (Connection c = raw(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT version FROM parley_schema")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Migrations.CURRENT + 1);
        }
    }

    @Test
    void unknownRunsAreReported() {
        try (Store s = open()) {
            assertThatThrownBy(() -> s.run(5)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.UNKNOWN_ID));
        }
    }
}
