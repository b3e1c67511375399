package org.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.Estimate;
import org.parley.model.Provenance;
import org.parley.model.Scenario;
import org.parley.models.Models;

class SimulationTest {

    static Scenario withBranches() {
        Scenario s = ScenarioGenerator.random(4, 5, 2);
        Branch up = new Branch("up", "a0 moves up", "", 0.3, null,
                List.of(Change.position("a0", "i0", Estimate.of(100, Provenance.judgement("test")))));
        Branch down = new Branch("down", "a0 leaves", "", 0.7, null, List.of(Change.remove("a0", null)));
        Branch both = new Branch("what-if", "on top of up", "", null, "up",
                List.of(Change.capability("a1", Estimate.of(0, Provenance.judgement("test")))));
        return s.withBranches(List.of(up, down, both));
    }

    @Test
    void everyRegisteredModelsDefaultsAndPresetsPassItsOwnOptionSpecs() {
        for (BargainingModel m : Models.all()) {
            Simulation.checkOptions(m);
        }
    }

    @Test
    void aPresetValueItsSpecRefusesIsRefusedAtRegistration() {
        BargainingModel bad = new BargainingModel() {
            @Override
            public String id() {
                return "bad";
            }

            @Override
            public String description() {
                return "a model with a slip in a preset";
            }

            @Override
            public List<OptionSpec> options() {
                return List.of(OptionSpec.choice("utility", "linear", "", "linear", "quadratic"));
            }

            @Override
            public Map<String, Map<String, String>> presets() {
                return Map.of("slip", Map.of("utility", "cubic"));
            }

            @Override
            public Trajectory run(Problem problem, ModelOptions options, RunContext context) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> new Simulation(List.of(bad))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model 'bad', preset 'slip'").hasMessageContaining("'utility'")
                .hasMessageContaining("cubic");
    }

    @Test
    void runsEveryWorldAndModelInOrder() {
        ForecastResult r = Models.simulation().run(withBranches(), RunSpec.defaults());
        assertThat(r.worlds()).containsExactly("base", "up", "down", "what-if");
        assertThat(r.models()).containsExactly(Models.all().stream().map(BargainingModel::id).toArray(String[]::new));
        assertThat(r.problem("down").present(0, 0)).isFalse();
        assertThat(r.problem("what-if").position()[0][0]).isEqualTo(100);
        assertThat(r.problem("what-if").capability()[1]).isZero();
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        ForecastResult one = Models.simulation().run(withBranches(), RunSpec.defaults().withThreads(1));
        ForecastResult four = Models.simulation().run(withBranches(), RunSpec.defaults().withThreads(4));
        assertThat(four.runs()).hasSameSizeAs(one.runs());
        for (int i = 0; i < one.runs().size(); i++) {
            assertThat(four.runs().get(i).world()).isEqualTo(one.runs().get(i).world());
            assertThat(four.runs().get(i).model()).isEqualTo(one.runs().get(i).model());
            assertThat(four.runs().get(i).trajectory().forecast()).containsExactly(one.runs().get(i).trajectory().forecast());
        }
    }

    @Test
    void unknownModelBranchOrOptionIsBadInput() {
        Scenario s = withBranches();
        ParleyException m = catchThrowableOfType(ParleyException.class,
                () -> Models.simulation().run(s, RunSpec.defaults().withModels(List.of("nope"))));
        assertThat(m.code()).isEqualTo(ErrorCode.UNKNOWN_ID);
        ParleyException b = catchThrowableOfType(ParleyException.class,
                () -> Models.simulation().run(s, RunSpec.defaults().withWorlds(List.of("sideways"))));
        assertThat(b.code()).isEqualTo(ErrorCode.UNKNOWN_ID);
        ParleyException o = catchThrowableOfType(ParleyException.class,
                () -> Models.simulation().run(s, RunSpec.defaults().withOptions(Map.of("colour", "red"))));
        assertThat(o.code()).isEqualTo(ErrorCode.BAD_OPTION);
        ParleyException v = catchThrowableOfType(ParleyException.class,
                () -> Models.simulation().run(s, RunSpec.defaults().withOptions(Map.of("nash.utility", "cubic"))));
        assertThat(v.code()).isEqualTo(ErrorCode.BAD_OPTION);
    }

    @Test
    void optionsGoToTheModelsThatHaveThem() {
        Scenario s = withBranches();
        ForecastResult r = Models.simulation().run(s, RunSpec.defaults()
                .withModels(List.of("compromise", "median", "nash"))
                .withOptions(Map.of("weights", "equal", "nash.utility", "linear")));
        assertThat(r.run("base", "compromise").orElseThrow().options()).containsEntry("weights", "equal");
        assertThat(r.run("base", "median").orElseThrow().options()).containsEntry("weights", "equal");
        assertThat(r.run("base", "nash").orElseThrow().options()).containsEntry("utility", "linear");
    }

    @Test
    void scenarioOptionsAreOverriddenByFlags() {
        Scenario s0 = withBranches();
        Scenario s = new Scenario(s0.id(), s0.title(), s0.date(), s0.description(), s0.sources(), s0.issues(),
                s0.actors(), s0.stances(), s0.branches(), Map.of("compromise.weights", "capability"));
        ForecastResult fromFile = Models.simulation().run(s, RunSpec.defaults().withModels(List.of("compromise")));
        assertThat(fromFile.runs().get(0).options()).containsEntry("weights", "capability");
        ForecastResult flagged = Models.simulation().run(s, RunSpec.defaults().withModels(List.of("compromise"))
                .withOptions(Map.of("weights", "salience")));
        assertThat(flagged.runs().get(0).options()).containsEntry("weights", "salience");
    }

    @Test
    void anInvalidScenarioIsRefusedWithItsProblems() {
        Scenario s = withBranches();
        Scenario bad = s.withStances(List.of(org.parley.model.Stance.of("ghost", "i0", 50, 50)));
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> Models.simulation().run(bad, RunSpec.defaults()));
        assertThat(e.problems()).extracting(ScenarioProblem::code).contains(ProblemCode.UNKNOWN_ACTOR);
    }

    @Test
    void seedsArePureFunctionsOfBaseAndIndex() {
        assertThat(Seeds.forRun(7, 3)).isEqualTo(Seeds.forRun(7, 3));
        assertThat(Seeds.forRun(7, 3)).isNotEqualTo(Seeds.forRun(7, 4));
        assertThat(Seeds.forRun(7, 3)).isNotEqualTo(Seeds.forRun(8, 3));
    }
}
