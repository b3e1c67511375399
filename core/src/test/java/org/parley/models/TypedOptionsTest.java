package org.parley.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Option;
import org.parley.engine.OptionSpec;
import org.parley.engine.Problem;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;
import org.parley.engine.Weights;

/** Every model's options are typed specs; presets are checked against them when a model is registered. */
class TypedOptionsTest {

    @Test
    void everyPresetOfEveryRegisteredModelResolvesAgainstItsSpecs() {
        int presets = 0;
        for (BargainingModel m : Models.all()) {
            ModelOptions.checkPresets(m.id(), m.options(), m.presets());
            for (String name : m.presets().keySet()) {
                ModelOptions o = ModelOptions.resolve(m.id(), m.options(), m.presets(), Map.of(ModelOptions.PRESET, name));
                assertThat(o.get(ModelOptions.PRESET)).isEqualTo(name);
                presets++;
            }
        }
        assertThat(presets).as("presets of expected-utility (4), spatial (1) and exchange (3)").isEqualTo(8);
    }

    @Test
    void aModelWhosePresetNamesAValueItsSpecRefusesIsNotRegistered() {
        BargainingModel broken = new BargainingModel() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public String description() {
                return "a model with a bad preset";
            }

            @Override
            public List<OptionSpec> options() {
                return List.of(Weights.option("weights"));
            }

            @Override
            public Map<String, Map<String, String>> presets() {
                return Map.of("odd", Map.of(Weights.KEY, "votes"));
            }

            @Override
            public Trajectory run(Problem problem, ModelOptions options, RunContext context) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> Models.registered(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessage("model 'broken', preset 'odd': option 'weights' takes "
                        + "capability-salience|capability|salience|equal, was 'votes'");
    }

    @Test
    void theWeightsOptionSharedByTwoModelsIsOneTypedOption() {
        Option<Weights> w = Weights.OPTION;
        assertThat(w.spec().allowed()).containsExactlyElementsOf(Weights.ids());
        for (Weights v : Weights.values()) {
            assertThat(w.parse(v.id())).isEqualTo(v);
        }
        for (BargainingModel m : List.of(Models.compromise(), Models.median())) {
            OptionSpec spec = m.options().stream().filter(s -> s.key().equals(Weights.KEY)).findFirst().orElseThrow();
            assertThat(spec.allowed()).isEqualTo(w.spec().allowed());
            assertThat(spec.defaultValue()).isEqualTo("capability-salience");
        }
    }
}
