package org.parley.models.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.ModelOptions;
import org.parley.engine.Option;
import org.parley.engine.ParleyException;

/** The exchange model's options are declared once, typed, and read into {@link ExchangeSettings}. */
class ExchangeSettingsTest {

    static ExchangeSettings settings(Map<String, String> given) {
        ExchangeModel m = new ExchangeModel();
        return ExchangeSettings.from(ModelOptions.resolve(m.id(), m.options(), m.presets(), given));
    }

    @Test
    void theModelsSpecsAreTheTypedOptionsSpecs() {
        assertThat(new ExchangeModel().options()).isEqualTo(Option.specs(ExchangeSettings.OPTIONS));
    }

    @Test
    void defaultsPresetsAndFlagsReadAsTyped() {
        assertThat(settings(Map.of())).isEqualTo(
                new ExchangeSettings(true, ExchangeSettings.Ties.RANDOM, false, false, 0, 0.1, 0.4));
        assertThat(settings(Map.of("preset", "r-port"))).isEqualTo(
                new ExchangeSettings(false, ExchangeSettings.Ties.ORDERED, false, false, 0, 0.1, 0.4));
        assertThat(settings(Map.of("overshoot", "all", "arithmetic", "decimal", "ties", "coin", "p", "0.5")))
                .isEqualTo(new ExchangeSettings(true, ExchangeSettings.Ties.COIN, true, true, 0.5, 0.1, 0.4));
    }

    @Test
    void rangesTheRecordChecksKeepTheirMessages() {
        assertThatThrownBy(() -> settings(Map.of("p", "1.5"))).isInstanceOf(ParleyException.class)
                .hasMessage("model 'exchange': option 'p' must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> settings(Map.of("ties", "dice"))).isInstanceOf(ParleyException.class)
                .hasMessage("model 'exchange': option 'ties' takes random|coin|ordered, was 'dice'");
    }
}
