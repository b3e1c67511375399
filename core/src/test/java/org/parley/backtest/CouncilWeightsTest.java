package org.parley.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.parley.engine.ParleyException;

class CouncilWeightsTest {

    private static final LocalDate EU15 = LocalDate.of(2000, 1, 26);
    private static final LocalDate TRANSITION = LocalDate.of(2004, 6, 1);
    private static final LocalDate NICE25 = LocalDate.of(2005, 12, 14);
    private static final LocalDate NICE27 = LocalDate.of(2008, 3, 1);
    private static final LocalDate LISBON = LocalDate.of(2016, 7, 4);

    @Test
    void qmvWeightsFollowTheDate() {
        assertThat(CouncilWeights.weight("de", EU15, "QMV", "COD")).isEqualTo(10);
        assertThat(CouncilWeights.weight("lu", EU15, "QMV", "COD")).isEqualTo(2);
        // acceding states whose positions DEU records weigh what they weighed on joining
        assertThat(CouncilWeights.weight("pl", EU15, "QMV", "COD")).isEqualTo(8);
        assertThat(CouncilWeights.weight("bu", EU15, "QMV", "COD")).isZero();
        assertThat(CouncilWeights.weight("pl", TRANSITION, "QMV", "COD")).isEqualTo(8);
        assertThat(CouncilWeights.weight("de", NICE25, "QMV", "COD")).isEqualTo(29);
        assertThat(CouncilWeights.weight("ro", NICE25, "QMV", "COD")).isEqualTo(14);
        assertThat(CouncilWeights.weight("ro", NICE27, "QMV(10)", "CNS")).isEqualTo(14);
        assertThat(CouncilWeights.weight("de", LISBON, "QMV", "COD")).isEqualTo(81.2);
    }

    @Test
    void sumsMatchTheTreatyTotals() {
        assertThat(CouncilWeights.memberWeights(EU15).values().stream().mapToDouble(d -> d).sum()).isEqualTo(87);
        assertThat(CouncilWeights.memberWeights(TRANSITION).values().stream().mapToDouble(d -> d).sum()).isEqualTo(124);
        assertThat(CouncilWeights.memberWeights(NICE25).values().stream().mapToDouble(d -> d).sum()).isEqualTo(321);
        assertThat(CouncilWeights.memberWeights(NICE27).values().stream().mapToDouble(d -> d).sum()).isEqualTo(345);
        assertThat(CouncilWeights.memberWeights(LISBON)).hasSize(28);
    }

    @Test
    void unanimityWeighsEveryMemberTheSame() {
        double de = CouncilWeights.weight("de", EU15, "Unan", "CNS");
        assertThat(de).isCloseTo(87.0 / 15, within(1e-12));
        assertThat(CouncilWeights.weight("lu", EU15, "Unan", "CNS")).isEqualTo(de);
    }

    @Test
    void commissionAndParliamentFollowTheProcedure() {
        assertThat(CouncilWeights.weight("com", NICE27, "QMV", "CNS")).isEqualTo(29);
        assertThat(CouncilWeights.weight("ep", NICE27, "QMV", "COD")).isEqualTo(29);
        assertThat(CouncilWeights.weight("ep", NICE27, "QMV", "CNS")).isEqualTo(3);
    }

    @Test
    void unknownActorsAndMissingDatesAreRefused() {
        assertThatThrownBy(() -> CouncilWeights.weight("xx", EU15, "QMV", "COD")).isInstanceOf(ParleyException.class);
        assertThatThrownBy(() -> CouncilWeights.weight("de", null, "QMV", "COD")).isInstanceOf(ParleyException.class);
    }
}
