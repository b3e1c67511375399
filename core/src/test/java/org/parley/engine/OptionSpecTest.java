package org.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.models.Models;

class OptionSpecTest {

    @Test
    void aWholeNumberSpecRefusesFractionsAndValuesOutOfRange() {
        OptionSpec turns = OptionSpec.integer("max-turns", 100, 1, Integer.MAX_VALUE, "turn limit");
        assertThat(turns.check("3")).isNull();
        assertThat(turns.check("2.5")).contains("max-turns", "a whole number >= 1", "2.5");
        assertThat(turns.check("0")).contains("a whole number >= 1");
        assertThat(turns.check("many")).contains("a whole number >= 1");
        assertThat(turns.values()).isEqualTo("a whole number >= 1");
    }

    @Test
    void aNumberSpecChecksItsRangeAndFiniteness() {
        OptionSpec q = OptionSpec.number("q", 1, 0, 1, "probability");
        assertThat(q.check("0.5")).isNull();
        assertThat(q.check("1.5")).contains("a number in [0, 1]");
        assertThat(q.check("NaN")).isNotNull();
        assertThat(OptionSpec.number("x", 0, "free").check("Infinity")).isNotNull();
        assertThat(OptionSpec.number("x", 0, "free").values()).isEqualTo("a number");
        assertThat(OptionSpec.choice("u", "a", "", "a", "b").values()).isEqualTo("a|b");
    }

    @Test
    void aModelsWholeNumberOptionRefusesAFractionWithBadOption() {
        BargainingModel eu = Models.expectedUtility();
        assertThatThrownBy(() -> ModelOptions.resolve(eu.id(), eu.options(), eu.presets(), Map.of("max-rounds", "2.5")))
                .isInstanceOf(ParleyException.class).extracting(e -> ((ParleyException) e).code())
                .isEqualTo(ErrorCode.BAD_OPTION);
        BargainingModel spatial = Models.spatial();
        assertThatThrownBy(() -> ModelOptions.resolve(spatial.id(), spatial.options(), spatial.presets(),
                Map.of("max-turns", "-3"))).isInstanceOf(ParleyException.class);
    }
}
