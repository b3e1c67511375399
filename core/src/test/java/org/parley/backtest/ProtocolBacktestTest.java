package org.parley.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.uncertainty.ModelError;

/** The protocol's scoring on a hand-made table of forecasts. */
class ProtocolBacktestTest {

    /** 8 proposals of 2 issues; compromise misses by 10, the averaged candidate by 8 (2 better everywhere). */
    private static List<IssueForecast> table() {
        List<IssueForecast> out = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            for (int k = 0; k < 2; k++) {
                double outcome = 50;
                double sign = (p + k) % 2 == 0 ? 1 : -1;
                Map<String, Double> f = new LinkedHashMap<>();
                f.put(Candidates.REFERENCE, outcome + sign * 10);
                f.put(Candidates.AVERAGED, outcome + sign * 8);
                out.add(new IssueForecast("c" + p + k, "p" + p, p % 2 == 0 ? Split.TRAIN : Split.TEST, "i", 0, 100,
                        outcome, f, new ModelError.Spread(0, 0, 100)));
            }
        }
        return out;
    }

    private static ProtocolBacktest.Result score(ProtocolBacktest.Protocol protocol) {
        List<String> labels = List.of(Candidates.REFERENCE, Candidates.AVERAGED, Candidates.CONSENT, Candidates.STACKED);
        ProtocolBacktest.Settings s = new ProtocolBacktest.Settings(protocol, 4, 3, 1000, 0.9, 11);
        return ProtocolBacktest.score(table(), labels, List.of(Candidates.REFERENCE, Candidates.AVERAGED),
                Map.of(Candidates.CONSENT, "unavailable: test"), null, s, List.of());
    }

    @Test
    void aCandidateBetterEverywhereClearlyBeatsAndTheOthersDoNot() {
        ProtocolBacktest.Result r = score(ProtocolBacktest.Protocol.LOPO);
        assertThat(r.proposals()).isEqualTo(8);
        ProtocolBacktest.Row avg = r.row(Candidates.AVERAGED);
        assertThat(avg.all().mae()).isCloseTo(8, within(1e-12));
        assertThat(avg.diff()).isCloseTo(-2, within(1e-12));
        // every resample is -2: p = 1 / 1001, bounds -2
        assertThat(avg.p()).isCloseTo(1.0 / 1001, within(1e-12));
        assertThat(avg.adjustedHigh()).isCloseTo(-2, within(1e-12));
        assertThat(avg.decision()).isEqualTo("clearly beats compromise");
        assertThat(avg.trainToTest()[0]).isCloseTo(-2, within(1e-12));
        assertThat(avg.testToTrain()[0]).isCloseTo(-2, within(1e-12));
        // stacked over compromise and the averaged candidate puts all weight on the better one, in every fold
        ProtocolBacktest.Row st = r.row(Candidates.STACKED);
        assertThat(st.diff()).isCloseTo(-2, within(1e-12));
        assertThat(r.stacked()).containsEntry(Candidates.AVERAGED, 1.0);
        assertThat(r.row(Candidates.CONSENT).status()).isEqualTo("unavailable: test");
        assertThat(r.row(Candidates.REFERENCE).decision()).isNull();
    }

    @Test
    void intervalCoverageUnderLeaveOneProposalOut() {
        // compromise misses by 10 on every issue (spread 0): with constant c, every score is 10 / c, q = 10 / c and
        // every interval is forecast +/- 10 whatever c, so the first constant of the grid (1) wins the tie, q = 10;
        // every outcome on the edge, inside
        ProtocolBacktest.Row cm = score(ProtocolBacktest.Protocol.LOPO).row(Candidates.REFERENCE);
        assertThat(cm.coverage().constant()).isEqualTo(1.0);
        assertThat(cm.coverage().q()).isCloseTo(10, within(1e-12));
        assertThat(cm.coverage().train()).isEqualTo(1.0);
        assertThat(cm.coverage().test()).isEqualTo(1.0);
        assertThat(cm.coverage().meanWidth()).isCloseTo(20, within(1e-9));
        // every resample of a half covers everything
        assertThat(cm.coverage().trainLow()).isEqualTo(1.0);
        assertThat(cm.coverage().testHigh()).isEqualTo(1.0);
    }

    @Test
    void kfoldAndSplitGiveTheSameAnswerOnThisTable() {
        for (ProtocolBacktest.Protocol p : ProtocolBacktest.Protocol.values()) {
            ProtocolBacktest.Row avg = score(p).row(Candidates.AVERAGED);
            assertThat(avg.diff()).as(p.id()).isCloseTo(-2, within(1e-12));
            assertThat(avg.decision()).as(p.id()).isEqualTo("clearly beats compromise");
        }
        ProtocolBacktest.Row k = score(ProtocolBacktest.Protocol.KFOLD).row(Candidates.AVERAGED);
        assertThat(k.repeatLow()).isCloseTo(-2, within(1e-12));
        assertThat(k.repeatHigh()).isCloseTo(-2, within(1e-12));
        // split scores the test half only
        assertThat(score(ProtocolBacktest.Protocol.SPLIT).row(Candidates.AVERAGED).all().n()).isEqualTo(8);
    }
}
