package org.parley.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.parley.engine.RunSpec;
import org.parley.io.svg.TestScenario;
import org.parley.model.Scenario;
import org.parley.models.TestModels;
import org.parley.montecarlo.Comparison;
import org.parley.montecarlo.MonteCarlo;
import org.parley.montecarlo.MonteCarloResult;
import org.parley.montecarlo.Sensitivity;

class MonteCarloReportTest {

    private static final Scenario S = TestScenario.scenario();

    private static String print(Consumer<PrintWriter> body) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        body.accept(pw);
        pw.flush();
        return sw.toString();
    }

    @Test
    void distributionsListEveryWorldTheMixtureAndTheModelSpread() {
        MonteCarloResult r = new MonteCarlo(TestModels.baselines()).run(S, RunSpec.defaults().withRuns(100));
        String out = print(w -> MonteCarloReport.distributions(r, w));
        assertThat(out).contains("100 Monte Carlo runs", "World: base", "World: deal (p = 0.5)",
                "World: china-out (what-if)", "Branch mixture (weights: deal 0.500, no-deal 0.500",
                "Models side by side", "substantial >50: ");
        assertThat(out.lines().filter(l -> l.matches("\\s+relief\\s+nash\\s.*")).count()).isEqualTo(5);
    }

    @Test
    void aWorldWithUncertainTalksSaysSoAndTheMixtureIsGivenTalks() {
        // the world tables and the mixture are given talks; the bottom line also weighs no talks, so
        // the same question reads 100% in the mixture and 40% in the bottom line: the labels must say why
        Scenario s = new Scenario(S.id(), S.title(), S.date(), S.description(), S.sources(), S.issues(), S.actors(),
                S.stances(), S.branches(), S.options(),
                org.parley.model.Estimate.of(0.4, org.parley.model.Provenance.judgement("test")));
        MonteCarloResult r = new MonteCarlo(TestModels.baselines()).run(s, RunSpec.defaults().withRuns(20));
        String out = print(w -> MonteCarloReport.distributions(r, w));
        assertThat(out).contains("World: base (the scenario as written; talks 0.4)", "World: deal (p = 0.5; talks 0.4)",
                "Branch mixture (weights: deal 0.500, no-deal 0.500; what-ifs left out; given talks",
                "if talks take place");
        Scenario two = s.withBranches(List.of(new org.parley.model.Branch("deal", "A deal-minded US", "", 1.0, null,
                S.branches().get(0).changes(), org.parley.model.Estimate.of(0.9,
                org.parley.model.Provenance.judgement("test")))));
        Comparison.Result c = Comparison.compare(new MonteCarlo(TestModels.baselines()), two,
                RunSpec.defaults().withModels(List.of("compromise")), "base", "deal");
        assertThat(print(w -> MonteCarloReport.comparison(two, c, 3, w)))
                .contains("  World: deal (p = 1; talks 0.9): A deal-minded US",
                        "  and the talks probability 0.4 -> 0.9: not a cause below");
        String plain = print(w -> MonteCarloReport.distributions(
                new MonteCarlo(TestModels.baselines()).run(S, RunSpec.defaults().withRuns(20)), w));
        assertThat(plain).doesNotContain("; talks", "given talks", "if talks take place");
    }

    @Test
    void aComparisonNamesTheBranchChangeAndItsEffect() {
        Comparison.Result c = Comparison.compare(new MonteCarlo(TestModels.baselines()), S,
                RunSpec.defaults().withModels(List.of("compromise")), "base", "deal");
        String out = print(w -> MonteCarloReport.comparison(S, c, 3, w));
        assertThat(out).contains("Compare base -> deal", "usa position on relief 20 -> 45  (set by deal)",
                "relief / compromise: +");
    }

    @Test
    void sensitivityCsvIsRankedBySwingWithinEachForecast() {
        var plan = TestModels.baselines().plan(S, RunSpec.defaults().withWorlds(List.of("base")));
        List<Sensitivity.OneAtATime> oat = Sensitivity.oneAtATime(plan, "base");
        String csv = print(w -> MonteCarloReport.sensitivityCsv(oat, List.of(), w));
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("world,model,issue,rank,input,kind,actor,input_issue,value,low,high,"
                + "distribution,at_low,at_high,swing,first_order");
        assertThat(lines).hasSize(1 + oat.size());
        assertThat(lines.get(1)).startsWith("base,compromise,relief,1,");
        String text = print(w -> MonteCarloReport.sensitivity(oat, List.of(), 2, w));
        assertThat(text).contains("base / compromise / relief").doesNotContain(" S1");
    }
}
