package org.parley.models.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.parley.engine.ModelOptions;
import org.parley.engine.Peers;
import org.parley.engine.Move;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;


/**
 * Every bit of the exchange model's trace (positions, outcomes, moves with all their measures,
 * per-round series) on every peer input, in both arithmetics and along every option path, hashed
 * and compared with {@code exchange-digests.properties}. The digests were made by the engines of
 * commit 9057729 (a double engine and a separate decimal engine); a rewrite of the engine must
 * leave every one of them unchanged: same results to the last bit, not merely within tolerance.
 */
class ExchangeDigestTest {

    static final List<String> INPUTS = List.of("cop21.csv", "CoP21_2016.csv", "copenhagen.csv", "data_short_2016.csv",
            "kopenhagen_2016.csv", "sample_data.txt", "verkiezing_2012.csv");

    /** Name, rounds, options (arithmetic is added per case). */
    static final List<Object[]> PATHS = List.of(
            new Object[] {"ordered", 10, Map.of("ties", "ordered")},
            new Object[] {"random", 4, Map.of("ties", "random")},
            new Object[] {"coin-all", 4, Map.of("ties", "coin", "overshoot", "all")},
            new Object[] {"nosum", 4, Map.of("ties", "random", "sum-rule", "off")},
            new Object[] {"rex", 3, Map.of("ties", "random", "p", "0.5")},
            new Object[] {"rex-all", 3, Map.of("ties", "ordered", "p", "0.8", "overshoot", "all")});

    @Test
    void everyTraceIsTheOneTheFormerEnginesProduced() throws IOException {
        Properties expected = new Properties();
        try (InputStream in = ExchangeDigestTest.class.getResourceAsStream("exchange-digests.properties")) {
            expected.load(in);
        }
        Map<String, String> got = new LinkedHashMap<>();
        for (String input : INPUTS) {
            Problem p = DecideFile.read(Peers.require(ExchangeReplicationTest.IN + input));
            for (Object[] path : PATHS) {
                for (String arithmetic : List.of("double", "decimal")) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> options = new LinkedHashMap<>((Map<String, String>) path[2]);
                    options.put("arithmetic", arithmetic);
                    int rounds = arithmetic.equals("decimal") ? Math.min(2, (int) path[1]) : (int) path[1];
                    ExchangeModel m = new ExchangeModel();
                    Trajectory t = m.run(p, ModelOptions.resolve(m.id(), m.options(), m.presets(), options),
                            RunContext.of(rounds, 20_261_205L));
                    got.put(input + "." + path[0] + "." + arithmetic, digest(t));
                }
            }
        }
        List<String> lines = new ArrayList<>();
        got.forEach((k, v) -> lines.add(k + "=" + v));
        Map<String, String> want = new LinkedHashMap<>();
        for (String k : got.keySet()) {
            want.put(k, expected.getProperty(k));
        }
        assertThat(got).as("digests (actual):\n" + String.join("\n", lines)).isEqualTo(want);
    }

    static String digest(Trajectory t) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer b = ByteBuffer.allocate(8);
        java.util.function.DoubleConsumer d = v -> {
            b.clear();
            b.putLong(Double.doubleToLongBits(v));
            md.update(b.array());
        };
        java.util.function.Consumer<String> s = v -> md.update((v + "\u0000").getBytes(StandardCharsets.UTF_8));
        for (Round r : t.rounds()) {
            d.accept(r.index());
            for (double[] row : r.positions()) {
                for (double v : row) {
                    d.accept(v);
                }
            }
            for (double v : r.outcome()) {
                d.accept(v);
            }
            for (Move mv : r.moves()) {
                s.accept(mv.actor());
                s.accept(mv.counterpart());
                s.accept(mv.issue());
                s.accept(mv.reason());
                d.accept(mv.from());
                d.accept(mv.to());
                mv.measures().forEach((k, v) -> {
                    s.accept(k);
                    d.accept(v);
                });
            }
            r.series().forEach((k, v) -> {
                s.accept(k);
                for (double x : v) {
                    d.accept(x);
                }
            });
        }
        for (double v : t.forecast()) {
            d.accept(v);
        }
        s.accept(t.stopReason());
        return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    }
}
