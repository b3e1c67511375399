package org.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionTest {

    enum Colour { DARK_RED, BLUE }

    static final Option<Colour> COLOUR = Option.choice("colour", Colour.BLUE, "a colour", Colour.values());
    static final Option<Boolean> LOUD = Option.flag("volume", "quiet", "how loud", "loud", "quiet", "loud");
    static final Option<Boolean> SWITCH = Option.onOff("switch", true, "on or off");
    static final Option<Double> SHARE = Option.number("share", 0.5, 0, 1, "a share");
    static final Option<Integer> COUNT = Option.integer("count", 3, 1, 10, "a count");

    @Test
    void enumConstantsAreNamedInLowerCaseWithDashes() {
        assertThat(COLOUR.spec().allowed()).containsExactly("dark-red", "blue");
        assertThat(COLOUR.spec().defaultValue()).isEqualTo("blue");
        assertThat(COLOUR.parse(" dark-red ")).isEqualTo(Colour.DARK_RED);
    }

    @Test
    void aValueTheSpecDoesNotTakeIsABadOptionWithTheSpecsMessage() {
        assertThatThrownBy(() -> COLOUR.parse("green")).isInstanceOf(ParleyException.class)
                .hasMessage("option 'colour' takes dark-red|blue, was 'green'")
                .extracting(e -> ((ParleyException) e).code()).isEqualTo(ErrorCode.BAD_OPTION);
        assertThatThrownBy(() -> SHARE.parse("1.5")).hasMessage("option 'share' must be a number in [0, 1], was '1.5'");
        assertThatThrownBy(() -> COUNT.parse("2.5")).hasMessage("option 'count' must be a whole number in [1, 10], was '2.5'");
    }

    @Test
    void flagsNumbersAndWholeNumbersReadTheirType() {
        assertThat(LOUD.parse("loud")).isTrue();
        assertThat(LOUD.parse("quiet")).isFalse();
        assertThat(LOUD.spec().allowed()).containsExactly("quiet", "loud");
        assertThat(SWITCH.spec().defaultValue()).isEqualTo("on");
        assertThat(SWITCH.parse("off")).isFalse();
        assertThat(SHARE.parse("0.25")).isEqualTo(0.25);
        assertThat(COUNT.parse("7")).isEqualTo(7);
    }

    @Test
    void aDefaultOutsideTheValuesIsRefusedWhenDeclared() {
        assertThatThrownBy(() -> Option.choice("c", Colour.BLUE, "", Colour.DARK_RED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default BLUE");
        assertThatThrownBy(() -> Option.flag("f", "a", "", "c", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c' not among");
    }

    @Test
    void modelOptionsReadATypedOptionFromTheResolvedText() {
        List<OptionSpec> specs = Option.specs(List.of(COLOUR, LOUD, SHARE, COUNT));
        ModelOptions o = ModelOptions.resolve("m", specs, Map.of(), Map.of("colour", "dark-red", "count", "4"));
        assertThat(o.get(COLOUR)).isEqualTo(Colour.DARK_RED);
        assertThat(o.get(LOUD)).isFalse();
        assertThat(o.get(SHARE)).isEqualTo(0.5);
        assertThat(o.get(COUNT)).isEqualTo(4);
    }

    @Test
    void aPresetWithAnUnknownOptionOrABadValueIsRefused() {
        List<OptionSpec> specs = Option.specs(List.of(COLOUR, SHARE));
        ModelOptions.checkPresets("m", specs, Map.of("fine", Map.of("colour", "blue", "share", "0")));
        assertThatThrownBy(() -> ModelOptions.checkPresets("m", specs, Map.of("p", Map.of("share", "2"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("model 'm', preset 'p': option 'share' must be a number in [0, 1], was '2'");
        assertThatThrownBy(() -> ModelOptions.checkPresets("m", specs, Map.of("p", Map.of("size", "2"))))
                .hasMessage("model 'm', preset 'p': no option 'size'");
    }
}
