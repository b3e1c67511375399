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
        // 2016: the Council's shares of the Union's population (Decision 2015/2393), percent
        assertThat(CouncilWeights.weight("de", LISBON, "QMV", "COD")).isEqualTo(15.93);
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

    /** Each period's first and last day: the members' weights, their total and the treaty quota. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "2004-04-30, 15, 87, 62",
            "2004-05-01, 25, 124, 88",
            "2004-10-31, 25, 124, 88",
            "2004-11-01, 25, 321, 232",
            "2006-12-31, 25, 321, 232",
            "2007-01-01, 27, 345, 255",
            "2013-06-30, 27, 345, 255",
            "2013-07-01, 28, 352, 260",
            "2014-10-31, 28, 352, 260"})
    void everyDateRangeHasItsTreatyTotalAndQuota(String date, int members, int total, int quota) {
        LocalDate d = LocalDate.parse(date);
        java.util.Map<String, Double> w = CouncilWeights.memberWeights(d);
        assertThat(w).hasSize(members);
        assertThat(w.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(total);
        CouncilWeights.Period p = CouncilWeights.period(d);
        assertThat(p.total()).isEqualTo(total);
        assertThat(p.quota() * p.total()).isCloseTo(quota, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(p.source()).isNotBlank();
        assertThat(p.verified()).isNotBlank();
    }

    @Test
    void doubleMajorityFromTheFirstOfNovember2014() {
        LocalDate d = LocalDate.of(2014, 11, 1);
        assertThat(CouncilWeights.memberWeights(d)).hasSize(28).containsEntry("de", 81.2).containsEntry("mt", 0.43);
        assertThat(CouncilWeights.period(d).quota()).isEqualTo(0.65);
        assertThat(CouncilWeights.period(d).until()).isEqualTo(LocalDate.of(2014, 12, 31));
        // the Nice weights of the treaty text (Croatia Act of Accession, Art. 20) on the last day before
        java.util.Map<String, Double> nice = CouncilWeights.memberWeights(LocalDate.of(2014, 10, 31));
        assertThat(nice).containsEntry("de", 29.0).containsEntry("es", 27.0).containsEntry("pl", 27.0)
                .containsEntry("ro", 14.0).containsEntry("nl", 13.0).containsEntry("bu", 10.0).containsEntry("cr", 7.0)
                .containsEntry("mt", 3.0).containsEntry("lu", 4.0);
        // the periods follow each other without a gap
        for (int i = 1; i < CouncilWeights.SOURCES.size(); i++) {
            assertThat(CouncilWeights.SOURCES.get(i - 1).until().plusDays(1))
                    .isEqualTo(CouncilWeights.SOURCES.get(i).from());
        }
    }

    @Test
    void theTransitionalWeightsOfThe2003ActOfAccession() {
        // CVCE, "Evolution of qualified majority voting in the Council", column 01.05.2004
        java.util.Map<String, Double> w = CouncilWeights.memberWeights(LocalDate.of(2004, 5, 1));
        assertThat(w).containsEntry("pl", 8.0).containsEntry("cz", 5.0).containsEntry("hu", 5.0)
                .containsEntry("ee", 3.0).containsEntry("lv", 3.0).containsEntry("lt", 3.0).containsEntry("si", 3.0)
                .containsEntry("sk", 3.0).containsEntry("cy", 2.0).containsEntry("mt", 2.0)
                .containsEntry("de", 10.0).containsEntry("es", 8.0).containsEntry("lu", 2.0);
        assertThat(CouncilWeights.period(LocalDate.of(2004, 10, 31)).verified()).contains("every weight");
    }

    /** Each year of the double majority: its decision, and which population figures apply. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "2014-11-01, 2014/692/EU, 81.2, 2014-12-31",
            "2014-12-31, 2014/692/EU, 81.2, 2014-12-31",
            "2015-01-01, 2014/900/EU, 81.2, 2015-12-31",
            "2015-12-31, 2014/900/EU, 81.2, 2015-12-31",
            "2016-01-01, 2015/2393, 15.93, 2016-12-31",
            "2016-12-31, 2015/2393, 15.93, 2016-12-31",
            "2017-01-01, 2016/2353, 15.93, 2017-12-31",
            "2018-06-30, 2017/2461, 15.93, 2018-12-31",
            "2019-01-01, 2018/2076, 15.93, "})
    void everyYearOfTheDoubleMajorityHasItsDecision(String date, String decision, double germany, String until) {
        LocalDate d = LocalDate.parse(date);
        CouncilWeights.Period p = CouncilWeights.period(d);
        assertThat(p.source()).contains(decision);
        assertThat(p.quota()).isEqualTo(0.65);
        assertThat(p.until()).isEqualTo(until == null ? null : LocalDate.parse(until));
        java.util.Map<String, Double> w = CouncilWeights.memberWeights(d);
        assertThat(w).hasSize(28).containsEntry("de", germany);
        // only 2016 is verified per state; the others say they are not
        assertThat(p.verified()).contains(d.getYear() == 2016 ? "every share verified" : "NOT");
    }
}
