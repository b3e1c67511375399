package org.parley.models.expectedutility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.Peers;
import org.parley.engine.Problem;
import org.parley.engine.Replication;
import org.parley.engine.Round;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;
import org.parley.models.Models;

/**
 * Replicates the BDM emission case (BDM 1994; Scholz et al. 2011) against the published figures
 * (test resources under {@code reference/bdm/}, typed from the papers) and against the outputs of
 * the open implementations run on their own data ({@code ../shared/peers/bdm/outputs/}, read in
 * place: their licences keep them out of this repository).
 */
@Replication
class ExpectedUtilityReplicationTest {

    private static final double TOL = 1e-6;
    private static final String IN = "peers/bdm/inputs/";
    private static final String OUT = "peers/bdm/outputs/";

    private final BargainingModel model = Models.expectedUtility();

    private Trajectory run(Problem p, int rounds, String... options) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            given.put(options[i], options[i + 1]);
        }
        ModelOptions o = ModelOptions.resolve(model.id(), model.options(), model.presets(), given);
        return model.run(p, o, RunContext.of(rounds, 1));
    }

    private static Problem jmckibInput() throws IOException {
        return BdmTable.read(Peers.require(IN + "jmckib_ExampleActors_emission1994.csv"), 1);
    }

    private static Problem publishedInput() throws IOException {
        return BdmTable.parse(resource("scholz2011_table1_emission.csv"), 1);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ExpectedUtilityReplicationTest.class.getResourceAsStream("/reference/bdm/" + name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String[]> rows(String text) {
        List<String[]> out = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.split(",", -1));
            }
        }
        return out;
    }

    private static int col(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static double num(String s) {
        return Double.parseDouble(s.strip());
    }

    /** Compares per-round median, mean, positions and (optionally) risk exponents with a peer's CSV. */
    private static void assertRounds(Trajectory t, Problem p, Path csv, String medianCol, String meanCol, boolean risk)
            throws IOException {
        List<String[]> rows = BdmTable.csv(csv);
        String[] h = rows.get(0);
        assertThat(t.rounds()).hasSize(rows.size() - 1);
        for (int rr = 1; rr < rows.size(); rr++) {
            String[] row = rows.get(rr);
            int index = (int) num(row[col(h, "round")]);
            Round round = t.rounds().get(index);
            String where = csv.getFileName() + " round " + index;
            assertThat(round.outcome()[0]).as(where + " median").isCloseTo(num(row[col(h, medianCol)]), within(TOL));
            assertThat(round.series().get("median")[0]).as(where + " median series").isEqualTo(round.outcome()[0]);
            assertThat(round.series().get("mean")[0]).as(where + " mean").isCloseTo(num(row[col(h, meanCol)]), within(TOL));
            for (int i = 0; i < p.actorCount(); i++) {
                String id = p.actorId(i);
                assertThat(round.positions()[i][0]).as(where + " x " + id).isCloseTo(num(row[col(h, "x_" + id)]), within(TOL));
                if (risk) {
                    assertThat(round.series().get("risk")[i]).as(where + " r " + id)
                            .isCloseTo(num(row[col(h, "r_" + id)]), within(TOL));
                }
            }
        }
    }

    // ---- scholz-published against jmckib (Scholz's code) ----

    @Test
    void scholzPublishedReproducesJmckibRoundsPositionsMediansMeansAndRisk() throws IOException {
        Problem p = jmckibInput();
        Trajectory t = run(p, 10, "preset", "scholz-published");
        assertRounds(t, p, Peers.require(OUT + "jmckib_emission_rounds.csv"), "median", "mean", true);
        assertThat(t.stopReason()).isEqualTo("10 rounds");
        assertThat(t.forecast()[0]).isEqualTo(t.lastRound().outcome()[0]);
    }

    @Test
    void scholzPublishedReproducesJmckibAcceptedMoves() throws IOException {
        Problem p = jmckibInput();
        Trajectory t = run(p, 10, "preset", "scholz-published");
        List<Move> moves = new ArrayList<>();
        t.rounds().forEach(r -> moves.addAll(r.moves()));
        List<String[]> rows = BdmTable.csv(Peers.require(OUT + "jmckib_emission_moves.csv"));
        String[] h = rows.get(0);
        assertThat(moves).hasSize(rows.size() - 1);
        for (int m = 1; m < rows.size(); m++) {
            String[] row = rows.get(m);
            Move mv = moves.get(m - 1);
            String where = "move " + String.join(",", row);
            assertThat(mv.round()).as(where).isEqualTo((int) num(row[col(h, "round")]));
            assertThat(mv.actor()).as(where).isEqualTo(row[col(h, "actor")]);
            assertThat(mv.counterpart()).as(where).isEqualTo(row[col(h, "with")]);
            String kind = row[col(h, "type")];
            assertThat(mv.kind()).as(where).isEqualTo(kind.equals("confrontation") ? "conflict"
                    : kind.equals("capitulation") ? "capitulate" : kind);
            assertThat(mv.measures().keySet()).containsExactly("eu_actor", "eu_counterpart");
            assertThat(mv.measure("eu_actor")).as(where).isCloseTo(num(row[col(h, "eu_ij")]), within(TOL));
            assertThat(mv.measure("eu_counterpart")).as(where).isCloseTo(num(row[col(h, "eu_ji")]), within(TOL));
            assertThat(mv.to()).as(where).isCloseTo(num(row[col(h, "new_x")]), within(TOL));
            assertThat(mv.issue()).isEqualTo("issue");
            assertThat(mv.reason()).startsWith(mv.actor()).endsWith(".").contains(mv.counterpart());
        }
    }

    @Test
    void scholzPublishedReproducesJmckibRoundOnePerspectives() throws IOException {
        Problem p = jmckibInput();
        IssueEngine e = roundOne(p, "scholz-published");
        List<String[]> rows = BdmTable.csv(Peers.require(OUT + "jmckib_emission_round1_perspectives.csv"));
        String[] h = rows.get(0);
        for (int m = 1; m < rows.size(); m++) {
            String[] row = rows.get(m);
            int i = p.actorIndex(row[col(h, "perspective")]);
            int j = p.actorIndex(row[col(h, "other")]);
            String where = row[0] + " vs " + row[1];
            assertThat(e.a[i][j]).as(where + " E^i(U_ij)").isCloseTo(num(row[col(h, "eu_i_challenges_j")]), within(TOL));
            assertThat(e.b[i][j]).as(where + " i's view of E(U_ji)")
                    .isCloseTo(num(row[col(h, "eu_j_challenges_i_as_seen_by_i")]), within(TOL));
            assertThat(e.r[i]).as(where + " r_i").isCloseTo(num(row[col(h, "r_i")]), within(TOL));
            String printed = row[col(h, "P_i_beats_j")];
            assertThat(e.p[i][j]).as(where + " P").isCloseTo(num(printed), within(halfUnit(printed)));
        }
    }

    /** Half a unit in the last printed digit of a number like {@code 8.985e-03}. */
    private static double halfUnit(String printed) {
        String s = printed.strip().toLowerCase(Locale.ROOT);
        int exp = 0;
        int ePos = s.indexOf('e');
        if (ePos >= 0) {
            exp = Integer.parseInt(s.substring(ePos + 1));
            s = s.substring(0, ePos);
        }
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        return 0.5 * Math.pow(10, exp - decimals) + 1e-12;
    }

    private IssueEngine roundOne(Problem p, String preset) {
        ModelOptions o = ModelOptions.resolve(model.id(), model.options(), model.presets(), Map.of("preset", preset));
        double[] x = new double[p.actorCount()];
        double[] s = new double[p.actorCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = p.position()[i][0];
            s[i] = p.salience()[i][0];
        }
        IssueEngine e = new IssueEngine(new EuConfig(o), x, p.capability(), s, p.scaleMax(0) - p.scaleMin(0));
        e.step();
        return e;
    }

    // ---- scholz-published against the published figures ----

    @Test
    void scholzPublishedMatchesScholzTable2MediansToPrintedPrecisionExceptRoundTwo() throws IOException {
        Trajectory t = run(publishedInput(), 8, "preset", "scholz-published");
        List<String[]> rows = rows(resource("scholz2011_table2_emission.csv"));
        String[] h = rows.get(0);
        for (int m = 1; m < rows.size(); m++) {
            int round = (int) num(rows.get(m)[col(h, "round")]);
            double published = num(rows.get(m)[col(h, "median_published")]);
            double ours = t.rounds().get(round).outcome()[0];
            double truncated = Math.floor(ours * 10 + 1e-9) / 10;
            if (round == 2) {
                // Not matched: Table 2 prints 9.9, the Scholz-code reading gives 9.611 (Belgium's
                // compromise with France covers 75% of the distance, not ~98%). No fork F1..F17 changes
                // round 2 (every variant of jmckib_variants.txt that keeps the all-pairs probability
                // gives 9.61); the printed cell is not reproduced by any reading we know.
                assertThat(truncated).as("Table 2 round 2 (documented deviation)").isEqualTo(9.6);
                assertThat(published).isEqualTo(9.9);
            } else {
                assertThat(truncated).as("Table 2 median round %d (ours %.4f truncated)", round, ours).isEqualTo(published);
            }
        }
    }

    @Test
    void scholzPublishedMeansAgreeWithTable2WithinOnePrintedUnit() throws IOException {
        // Table 2's means follow no single rounding rule (6 of 8 agree after truncation, 5 after
        // rounding), so they are compared within one unit of the printed decimal.
        Trajectory t = run(publishedInput(), 8, "preset", "scholz-published");
        List<String[]> rows = rows(resource("scholz2011_table2_emission.csv"));
        String[] h = rows.get(0);
        for (int m = 1; m < rows.size(); m++) {
            int round = (int) num(rows.get(m)[col(h, "round")]);
            double published = num(rows.get(m)[col(h, "mean_published")]);
            assertThat(t.rounds().get(round).series().get("mean")[0]).as("Table 2 mean round %d", round)
                    .isCloseTo(published, within(0.1));
        }
    }

    @Test
    void scholzPublishedMatchesBdm1994BelgiumChartWithinReadOffTolerance() throws IOException {
        Problem p = publishedInput();
        IssueEngine e = roundOne(p, "scholz-published");
        int be = p.actorIndex("Belgium");
        List<String[]> rows = rows(resource("bdm1994_belgium_chart_readoff.csv"));
        String[] h = rows.get(0);
        assertThat(rows).hasSize(10);
        for (int m = 1; m < rows.size(); m++) {
            int j = p.actorIndex(rows.get(m)[col(h, "other")]);
            double x = num(rows.get(m)[col(h, "x")]);
            double y = num(rows.get(m)[col(h, "y")]);
            assertThat(e.a[be][j]).as("Belgium chart x for %s", p.actorId(j)).isCloseTo(x, within(0.05));
            assertThat(e.b[be][j]).as("Belgium chart y for %s", p.actorId(j)).isCloseTo(y, within(0.05));
        }
    }

    @Test
    void scholzTextReadingDoesNotReproduceTheBelgiumChart() {
        // The printed equations (eq. 31, r_j in the counterpart's EU) put Belgium's marks elsewhere:
        // forks F2, F3 and F6 are what make the published chart.
        Problem p = BdmTable.parse("Actor,Capability,Position,Salience\nNetherlands,0.08,4,0.8\nBelgium,0.08,7,0.4\n"
                + "Luxembourg,0.03,4,0.2\nGermany,0.16,4,0.8\nFrance,0.16,10,0.6\nItaly,0.16,10,0.6\nUK,0.16,10,0.9\n"
                + "Ireland,0.05,7,0.1\nDenmark,0.05,4,1.0\nGreece,0.08,7,0.7\n", 1);
        IssueEngine e = roundOne(p, "scholz-text");
        int be = p.actorIndex("Belgium");
        int lu = p.actorIndex("Luxembourg");
        assertThat(Math.abs(e.a[be][lu] - 0.6) > 0.05 || Math.abs(e.b[be][lu] - 0.25) > 0.05).isTrue();
    }

    // ---- forks one at a time, against jmckib's monkey-patched variants ----

    // jmckib's min() keeps the first of equal offers in input order (ties=first); with the textbook
    // probability Ireland meets such a tie in round 1 (Netherlands at 4 vs France at 10, both 3 away)
    @ParameterizedTest(name = "variant {0}")
    @CsvSource(delimiter = ';', value = {
        "A;ties=first",
        "B;ties=first,probability=textbook",
        "C;ties=first,probability=textbook,votes=linear",
        "D;ties=first,capitulation=fixed",
        "E;ties=first,capitulation=fixed,offer-choice=class-least-move",
        "F;ties=first,capitulation=fixed,offer-choice=class-least-move,probability=textbook"})
    void eachForkReproducesJmckibsVariant(String variant, String overrides) throws IOException {
        List<String> lines = Files.readAllLines(Peers.require(OUT + "jmckib_variants.txt"), StandardCharsets.UTF_8);
        double[] medians = null;
        double[] means = null;
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith(variant + " ")) {
                in = true;
            } else if (!line.startsWith(" ")) {
                in = false;
            }
            if (in) {
                String body = line.substring(45).strip();
                if (body.startsWith("median")) {
                    medians = numbers(body.substring(6));
                } else if (body.startsWith("mean")) {
                    means = numbers(body.substring(4));
                }
            }
        }
        assertThat(medians).as("variant %s in jmckib_variants.txt", variant).isNotNull();
        List<String> opts = new ArrayList<>(List.of("preset", "scholz-published"));
        if (overrides != null) {
            for (String kv : overrides.split(",")) {
                String[] pair = kv.split("=");
                opts.add(pair[0]);
                opts.add(pair[1]);
            }
        }
        Trajectory t = run(jmckibInput(), 10, opts.toArray(new String[0]));
        for (int r = 1; r <= 10; r++) {
            assertThat(t.rounds().get(r).outcome()[0]).as("variant %s median round %d", variant, r)
                    .isCloseTo(medians[r - 1], within(0.005 + 1e-9));
            assertThat(t.rounds().get(r).series().get("mean")[0]).as("variant %s mean round %d", variant, r)
                    .isCloseTo(means[r - 1], within(0.005 + 1e-9));
        }
    }

    @Test
    void textbookVariantDependsOnTheTieRuleAndSaysSo() throws IOException {
        // with ties=higher-eu Ireland takes France's offer (higher EU) instead of the Netherlands'
        // (first in input order): the round-1 mean is 7.648, not jmckib's 7.604 (variant B)
        Trajectory t = run(jmckibInput(), 1, "preset", "scholz-published", "probability", "textbook");
        Move ireland = t.rounds().get(1).moves().stream().filter(m -> m.actor().equals("Ireland")).findFirst().orElseThrow();
        assertThat(ireland.counterpart()).isEqualTo("France");
        assertThat(t.rounds().get(1).series().get("mean")[0]).isCloseTo(7.648100561, within(TOL));
    }

    private static double[] numbers(String text) {
        String[] parts = text.strip().split("\\s+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = num(parts[i]);
        }
        return out;
    }

    // ---- the other open implementations ----

    @ParameterizedTest(name = "q = {0}")
    @CsvSource({"1.0", "0.5"})
    void eumPresetReproducesDecisionmechanicsEum(String q) throws IOException {
        Problem p = BdmTable.read(Peers.require(IN + "eum_emission-standards.tsv"), 1);
        Trajectory t = run(p, 10, "preset", "eum", "q", q);
        assertRounds(t, p, Peers.require(OUT + "eum_emission-standards_q" + q + "_rounds.csv"), "median", "mean", false);
    }

    @Test
    void dmasadPresetReproducesDmasadRounds() throws IOException {
        Problem p = BdmTable.read(Peers.require(IN + "dmasad_ExampleActors_emission1994_CRlines.csv"), 100);
        Trajectory t = run(p, 10, "preset", "dmasad");
        assertRounds(t, p, Peers.require(OUT + "dmasad_emission_rounds.csv"), "condorcet_vote", "cs_mean", true);
    }

    @Test
    void dmasadPresetReproducesDmasadLogOfMoves() throws IOException {
        Problem p = BdmTable.read(Peers.require(IN + "dmasad_ExampleActors_emission1994_CRlines.csv"), 100);
        Trajectory t = run(p, 10, "preset", "dmasad");
        List<String> log = Files.readAllLines(Peers.require(OUT + "dmasad_emission_log.txt"), StandardCharsets.UTF_8);
        List<String> ours = new ArrayList<>();
        for (Round r : t.rounds()) {
            for (Move m : r.moves()) {
                String verb = m.kind().equals("conflict") ? " loses confrontation to "
                        : m.kind().equals("compromise") ? " compromises with " : " capituates to ";
                ours.add(m.actor() + verb + m.counterpart());
            }
        }
        assertThat(ours).containsExactlyElementsOf(log.stream().filter(l -> !l.isBlank()).toList());
    }
}
