package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** forecast --runs/--plot, compare and sensitivity on the seed scenario, via CommandLine.execute. */
class MonteCarloCommandsTest {

    /** The dynamic models have their own tests; thousands of their runs would only slow the suite. */
    private static final String BASELINES = "compromise,median,nash";


    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Parley.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void forecastWithRunsPrintsADistributionForEveryWorldModelAndIssue() {
        Run r = run("forecast", "--runs", "200", "--seed", "7", "--threads", "1", "--model", BASELINES);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("200 Monte Carlo runs, seed 7", "World: base", "World: trump-wins",
                "World: trump-loses", "World: russia-withdraws", "Branch mixture", "Models side by side");
        for (String model : List.of("compromise", "median", "nash")) {
            for (String issue : List.of("sanctions", "terror-list", "aid", "denuclearisation", "abductees")) {
                // 5 worlds and the mixture
                assertThat(r.out().lines().filter(l -> l.matches("\\s+" + issue + "\\s+" + model + "\\s.*")).count())
                        .as("%s %s", issue, model).isEqualTo(6);
            }
        }
        assertThat(r.out()).contains("substantial-relief >50: ");
    }

    @Test
    void forecastOutputDoesNotDependOnTheThreadCount() {
        Run one = run("forecast", "--runs", "300", "--threads", "1", "--format", "csv", "--model", BASELINES);
        Run four = run("forecast", "--runs", "300", "--threads", "4", "--format", "csv", "--model", BASELINES);
        assertThat(one.code()).isZero();
        assertThat(four.out()).isEqualTo(one.out());
    }

    @Test
    void oneRunKeepsThePointForecast() {
        Run plain = run("forecast");
        Run one = run("forecast", "--runs", "1");
        assertThat(one.code()).isZero();
        assertThat(one.out()).isEqualTo(plain.out());
    }

    @Test
    void forecastCsvHasOneRowPerThreshold() {
        Run r = run("forecast", "--runs", "50", "--format", "csv", "--model", "compromise");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("world,model,issue,runs,valid,point,mean,sd,p5,p25,median,p75,p95,threshold,share");
        // (5 worlds + mixture) x 10 thresholds (sanctions has two, the other 8 issues one each)
        assertThat(lines).hasSize(1 + 6 * 10);
        assertThat(lines.get(1)).startsWith("base,compromise,sanctions,50,50,").contains(",any-relief,");
        assertThat(lines.get(2)).startsWith("base,compromise,sanctions,50,50,").contains(",substantial-relief,");
    }

    @Test
    void numbersArePrintedWithLocaleRoot() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            Run r = run("forecast", "--runs", "20", "--model", "compromise", "--format", "csv");
            assertThat(r.out().lines().skip(1).findFirst().orElseThrow().split(",")).hasSize(15);
            Run t = run("forecast", "--runs", "20", "--model", "compromise");
            assertThat(t.out()).containsPattern("sanctions\\s+compromise\\s+\\d+\\.\\d ");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void otherFormatsAreRefusedWithManyRuns() {
        Run r = run("forecast", "--runs", "20", "--format", "json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("table and csv");
    }

    @Test
    void badRunCountsAndUnknownBranchesExitWith2() {
        assertThat(run("forecast", "--runs", "0").code()).isEqualTo(2);
        Run r = run("forecast", "--runs", "10", "--branch", "trump-win");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown branch 'trump-win'");
    }

    @Test
    void plotWritesParseableSvgs(@TempDir Path dir) throws Exception {
        Path plots = dir.resolve("charts");
        Run r = run("forecast", "--runs", "30", "--model", "compromise,median", "--plot", plots.toString(), "--tornado");
        assertThat(r.code()).as(r.err()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(plots)) {
            files = s.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("distribution-sanctions.svg", "trajectories-trump-wins-median.svg",
                        "tornado-base-compromise-aid.svg");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        for (Path p : files) {
            var doc = f.newDocumentBuilder().parse(p.toFile());
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        }
        // the point forecast can plot too; tornadoes only when asked
        Run point = run("forecast", "--model", "nash", "--plot", dir.resolve("point").toString());
        assertThat(point.code()).isZero();
        assertThat(dir.resolve("point").resolve("trajectories-base-nash.svg")).exists();
        try (Stream<Path> s = Files.list(dir.resolve("point"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tornado-"));
        }
    }

    @Test
    void compareShowsDifferencesAndTheirCauses() {
        Run r = run("compare", "--branches", "trump-wins,trump-loses", "--runs", "200", "--model", BASELINES);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Compare trump-wins -> trump-loses", "usa position on sanctions 40 -> 25  (set by trump-wins)",
                "What causes each difference");
        assertThat(r.out()).containsPattern("sanctions\\s+compromise\\s+57\\.3\\s+5\\.0\\s+-52\\.3");
    }

    @Test
    void compareWithAnUnknownBranchExitsWith2() {
        Run r = run("compare", "--branches", "trump-wins,trump-lost");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("trump-lost");
        assertThat(run("compare", "--branches", "a,b,c").code()).isEqualTo(2);
    }

    @Test
    void sensitivityPrintsARankedTableAndWritesCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        Run r = run("sensitivity", "--model", "compromise", "--runs", "300", "--top", "3", "--csv", csv.toString(),
                "--plot", dir.resolve("tornado").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("base / compromise / sanctions", "S1", "Levers");
        assertThat(dir.resolve("tornado").resolve("tornado-base-compromise-sanctions.svg")).exists();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("world,model,issue,rank,input,kind");
        assertThat(lines.get(1)).startsWith("base,compromise,");
        assertThat(lines.size()).isGreaterThan(10);
        // ranked by swing within each issue
        double prev = Double.POSITIVE_INFINITY;
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",");
            if (!c[2].equals("sanctions")) {
                break;
            }
            double swing = Double.parseDouble(c[14]);
            assertThat(swing).isLessThanOrEqualTo(prev);
            prev = swing;
        }
    }
}
