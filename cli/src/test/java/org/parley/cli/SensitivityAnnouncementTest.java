package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What {@code parley sensitivity} says up front about its duration: extrapolated from runs it timed
 * (a sample of its own Monte Carlo runs, the one-at-a-time runs for the levers), never from the same
 * problem run again (which a memo answers at once and so claimed 2 s for a 100 s command).
 */
class SensitivityAnnouncementTest {

    @Test
    void theMonteCarloTimeIsTheTimedSampleScaledToAllRuns() {
        String a = SensitivityCommand.announcement(33, 1.5, 2000, 4, 40, 2.0, 0);
        assertThat(a).isEqualTo("sensitivity: 33 one-at-a-time runs took 1.5 s; next 2,000 Monte Carlo runs "
                + "(4 models each), roughly 100 s by 40 of them timed");
    }

    @Test
    void theLeverTimeIsTheOneAtATimePaceTimesTheSearchesMostRuns() {
        String a = SensitivityCommand.announcement(100, 2.0, 0, 4, 0, 0, 10);
        assertThat(a).endsWith("next 10 lever searches (up to ~1,420 model runs, up to roughly 28 s at the "
                + "one-at-a-time runs' pace; --levers 0 skips them)");
    }

    @Test
    void untimedMonteCarloRunsAreCountedWithoutATime() {
        String a = SensitivityCommand.announcement(33, 1.5, 500, 2, 0, 0, 0);
        assertThat(a).endsWith("next 500 Monte Carlo runs (2 models each)");
    }

    @Test
    void thePilotIsASmallShareOfTheRuns() {
        assertThat(SensitivityCommand.pilotRuns(2)).isEqualTo(2);
        assertThat(SensitivityCommand.pilotRuns(100)).isEqualTo(4);
        assertThat(SensitivityCommand.pilotRuns(1000)).isEqualTo(20);
        assertThat(SensitivityCommand.pilotRuns(100_000)).isEqualTo(40);
    }

    @Test
    void theCommandTimesASampleOfItsMonteCarloBeforeAnnouncing() {
        CliRun r = CliRun.of("sensitivity", "-m", "compromise", "--runs", "200", "--levers", "0");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("next 200 Monte Carlo runs (1 model each), roughly ").contains(" s by 4 of them timed");
    }
}
