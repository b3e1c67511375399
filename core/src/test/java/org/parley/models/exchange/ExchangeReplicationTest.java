package org.parley.models.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.Peers;
import org.parley.engine.Problem;
import org.parley.engine.Replication;
import org.parley.engine.Round;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;

/**
 * Replication of decide-exchange-model (Python, 51dee664) reference runs in
 * {@code ../shared/peers/exchange/reference_outputs} (GPL data: read in place, never copied).
 * The {@code py_*} files print gains with 9 and positions with 6 decimals; the tolerances are half a
 * unit of the last printed digit plus 1e-12 (so the double port agrees with the 28-digit Decimal
 * run to the printed precision, i.e. to better than 1e-9 on gains).
 */
@Replication
class ExchangeReplicationTest {

    static final String IN = "peers/exchange/inputs/";
    static final String OUT = "peers/exchange/reference_outputs/";

    static Trajectory run(String input, int rounds, Map<String, String> options) throws IOException {
        Problem p = DecideFile.read(Peers.require(IN + input));
        ExchangeModel m = new ExchangeModel();
        return m.run(p, ModelOptions.resolve(m.id(), m.options(), m.presets(), options), RunContext.of(rounds, 1));
    }

    static List<String[]> csv(String name, String sep, boolean header) throws IOException {
        List<String> lines = Files.readAllLines(Peers.require(OUT + name), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (int t = header ? 1 : 0; t < lines.size(); t++) {
            if (!lines.get(t).isBlank()) {
                String[] f = lines.get(t).split(sep, -1);
                for (int u = 0; u < f.length; u++) {
                    f[u] = f[u].replace("\"", "").strip();
                }
                rows.add(f);
            }
        }
        return rows;
    }

    /** Moves of side i of every exchange of the round, in order (side j is the next move). */
    static List<Move[]> exchanges(Round r) {
        List<Move[]> out = new ArrayList<>();
        for (int t = 0; t < r.moves().size(); t += 2) {
            out.add(new Move[] {r.moves().get(t), r.moves().get(t + 1)});
        }
        return out;
    }

    /**
     * Every exchange of round 1 in order. {@code prefix} is how many rows match: with
     * {@code arithmetic=decimal} (28-digit decimals, as the Python code) all of them; with doubles all
     * except in the COP21 run with the sum rule, where exchange 47 is a tie that the Python code
     * breaks by Decimal rounding noise (gains 0.254569190600522193211488251 and ...250, both Japan
     * supplying progress to India); doubles cannot see that digit, so from there on the lists differ
     * (the test checks that the first differing row is such a tie).
     */
    @ParameterizedTest(name = "{0} sum-rule={2} {3}")
    @CsvSource({
        "cop21.csv, py_cop21_p0_noties_round1_exchanges.csv, on, double, 46",
        "cop21.csv, py_cop21_p0_noties_round1_exchanges.csv, on, decimal, 126",
        "data_short_2016.csv, py_data_short_p0_noties_round1_exchanges.csv, on, double, 20",
        "data_short_2016.csv, py_data_short_p0_noties_round1_exchanges.csv, on, decimal, 20",
        "sample_data.txt, py_sample_data_p0_noties_round1_exchanges.csv, on, double, 39",
        "sample_data.txt, py_sample_data_p0_noties_round1_exchanges.csv, on, decimal, 39",
        "cop21.csv, py_variant_nosumrule_cop21_round1_exchanges.csv, off, double, 129",
        "cop21.csv, py_variant_nosumrule_cop21_round1_exchanges.csv, off, decimal, 129",
        "data_short_2016.csv, py_variant_nosumrule_data_short_round1_exchanges.csv, off, double, 20",
        "data_short_2016.csv, py_variant_nosumrule_data_short_round1_exchanges.csv, off, decimal, 20"})
    void roundOneExchangesMatchThePythonRunInOrder(String input, String reference, String sumRule, String arithmetic,
                                                   int prefix) throws IOException {
        Trajectory t = run(input, 1, Map.of("ties", "ordered", "sum-rule", sumRule, "arithmetic", arithmetic));
        List<String[]> ref = csv(reference, ",", true);
        List<Move[]> got = exchanges(t.rounds().get(1));
        if (prefix < ref.size()) {
            Move[] first = got.get(prefix);
            String[] f = ref.get(prefix);
            assertThat(first[0].actor()).isEqualTo(f[2]);
            assertThat(first[0].measure("gain")).as("the first difference is a tie").isCloseTo(Double.parseDouble(f[1]),
                    within(5e-10 + 1e-12));
            assertThat(first[0].issue() + first[1].issue()).isNotEqualTo(f[3] + f[8]);
        }
        for (int e = 0; e < prefix; e++) {
            String[] f = ref.get(e);
            Move a = got.get(e)[0];
            Move b = got.get(e)[1];
            String where = "exchange " + f[0] + " of " + reference;
            assertThat(a.actor() + "/" + a.issue() + "/" + b.actor() + "/" + b.issue()).as(where)
                    .isEqualTo(f[2] + "/" + f[3] + "/" + f[7] + "/" + f[8]);
            assertThat(a.measure("gain")).as(where).isCloseTo(Double.parseDouble(f[1]), within(5e-10 + 1e-12));
            assertThat(a.from()).as(where).isCloseTo(Double.parseDouble(f[4]), within(5e-7 + 1e-12));
            assertThat(a.to()).as(where).isCloseTo(Double.parseDouble(f[5]), within(5e-7 + 1e-12));
            assertThat(b.from()).as(where).isCloseTo(Double.parseDouble(f[9]), within(5e-7 + 1e-12));
            assertThat(b.to()).as(where).isCloseTo(Double.parseDouble(f[10]), within(5e-7 + 1e-12));
            assertThat(b.issue()).as(where).isEqualTo(f[6]);
            assertThat(a.issue()).as(where).isEqualTo(f[11]);
        }
        if (prefix == ref.size()) {
            assertThat(got).hasSameSizeAs(ref);
        }
    }

    /**
     * Outcomes per round (on the start preferences and on the voting positions), exchanges and summed
     * gains. {@code rounds} is how many rounds match: with decimals all 10; with doubles data_short
     * all 10, sample_data 4 (in round 5 two gains tie up to Decimal noise in the 27th digit, see
     * above) and COP21 only the start outcome of round 1, as its round 1 meets such a tie.
     */
    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "cop21.csv, py_cop21_p0_noties_nbs_by_round.csv, double, 0",
        "cop21.csv, py_cop21_p0_noties_nbs_by_round.csv, decimal, 10",
        "data_short_2016.csv, py_data_short_p0_noties_nbs_by_round.csv, double, 10",
        "data_short_2016.csv, py_data_short_p0_noties_nbs_by_round.csv, decimal, 10",
        "sample_data.txt, py_sample_data_p0_noties_nbs_by_round.csv, double, 4",
        "sample_data.txt, py_sample_data_p0_noties_nbs_by_round.csv, decimal, 10"})
    void outcomesOfTenRoundsMatchThePythonRun(String input, String reference, String arithmetic, int rounds)
            throws IOException {
        Trajectory t = run(input, 10, Map.of("ties", "ordered", "arithmetic", arithmetic));
        Problem p = DecideFile.read(Peers.require(IN + input));
        for (String[] f : csv(reference, ",", true)) {
            int r = Integer.parseInt(f[0]);
            if (r == 1) {
                assertThat(t.rounds().get(1).series().get("start_outcome")[p.issueIndex(f[1])])
                        .isCloseTo(Double.parseDouble(f[2]), within(5e-7 + 1e-12));
            }
            if (r > rounds) {
                continue;
            }
            int k = p.issueIndex(f[1]);
            String where = "round " + r + " issue " + f[1] + " of " + reference;
            assertThat(t.rounds()).as(where).hasSizeGreaterThan(r);
            Round round = t.rounds().get(r);
            assertThat(round.series().get("start_outcome")[k]).as(where).isCloseTo(Double.parseDouble(f[2]), within(5e-7 + 1e-12));
            assertThat(round.outcome()[k]).as(where).isCloseTo(Double.parseDouble(f[3]), within(5e-7 + 1e-12));
            assertThat(round.series().get("exchanges")[0]).as(where).isEqualTo(Double.parseDouble(f[4]));
            assertThat(round.series().get("gain_sum")[0]).as(where).isCloseTo(Double.parseDouble(f[5]), within(5e-7 + 1e-12));
        }
    }

    /** The R port's round 1 on the 3-issue COP21 subset, all 20 exchanges, with the sum rule off. */
    @org.junit.jupiter.api.Test
    void roundOneMatchesTheRPortOnDataShort() throws IOException {
        Trajectory t = run("data_short_2016.csv", 1, Map.of("preset", "r-port"));
        List<String[]> ref = csv("R_data_short.output.csv", ";", false);
        List<Move[]> got = exchanges(t.rounds().get(1));
        assertThat(got).hasSize(20).hasSameSizeAs(ref);
        for (int e = 0; e < ref.size(); e++) {
            assertSameExchange(ref.get(e), got.get(e), 1e-9, 1e-9, "row " + (e + 1) + " of R_data_short.output.csv");
        }
    }

    /**
     * The older COP21 reference list (provenance undocumented, presumably an earlier Decide program):
     * its first 56 exchanges, with the sum rule off. The file prints about 6 significant digits, so
     * the tolerance is 1e-4 (gains and positions).
     */
    @org.junit.jupiter.api.Test
    void roundOneMatchesTheOldCop21ListForFiftySixExchanges() throws IOException {
        Trajectory t = run("CoP21_2016.csv", 1, Map.of("preset", "r-port"));
        List<String[]> ref = csv("CoP21.compare.csv", ";", false);
        List<Move[]> got = exchanges(t.rounds().get(1));
        for (int e = 0; e < 56; e++) {
            assertSameExchange(ref.get(e), got.get(e), 1e-4, 1e-4, "row " + (e + 1) + " of CoP21.compare.csv");
        }
    }

    /** Columns: actor i; supply i; actor j; supply j; gain; x_i; move_i; y_i; (demand); x_j; move_j; y_j. */
    private static void assertSameExchange(String[] f, Move[] got, double gainTol, double posTol, String where) {
        Move a = got[0];
        Move b = got[1];
        if (!(a.actor() + "/" + a.issue()).equals(f[0] + "/" + f[1])) {
            Move swap = a;
            a = b;
            b = swap;
        }
        assertThat(a.actor() + "/" + a.issue() + "/" + b.actor() + "/" + b.issue()).as(where)
                .isEqualTo(f[0] + "/" + f[1] + "/" + f[2] + "/" + f[3]);
        assertThat(a.measure("gain")).as(where).isCloseTo(Double.parseDouble(f[4]), within(gainTol));
        assertThat(a.from()).as(where).isCloseTo(Double.parseDouble(f[5]), within(posTol));
        assertThat(a.to() - a.from()).as(where).isCloseTo(Double.parseDouble(f[6]), within(posTol));
        assertThat(a.to()).as(where).isCloseTo(Double.parseDouble(f[7]), within(posTol));
        assertThat(b.from()).as(where).isCloseTo(Double.parseDouble(f[9]), within(posTol));
        assertThat(b.to() - b.from()).as(where).isCloseTo(Double.parseDouble(f[10]), within(posTol));
        assertThat(b.to()).as(where).isCloseTo(Double.parseDouble(f[11]), within(posTol));
    }
}
