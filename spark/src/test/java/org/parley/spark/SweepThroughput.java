package org.parley.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Timing main (not a test): the ITs' 2,000-cell sweep on the local engine, on {@code local[2]} and
 * on a two-worker standalone cluster started here, and the per-task overhead (a 2,000-cell sweep of
 * trivial cells in 2 and in 400 partitions). Prints wall-clock seconds and cells per second.
 * Run: see the README, "Sweeps on Apache Spark".
 */
public final class SweepThroughput {

    private SweepThroughput() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        Path tmp = Files.createTempDirectory("parley-throughput");
        List<String> lines = new ArrayList<>();
        boolean clusterOnly = args.length > 0 && args[0].equals("cluster");
        if (!clusterOnly) {
            lines.add(time("local (2 threads)", tmp, SweepRuns.SWEEP, "--engine", "local"));
            lines.add(time("spark local[2]", tmp, SweepRuns.SWEEP, "--engine", "spark", "--master", "local[2]"));
        }
        List<String> trivial = List.of("sweep", "--runs", "1", "--models", "compromise", "--grid",
                "compromise.weights=capability-salience,capability,salience,equal", "--grid",
                "median.ties=midpoint,lower,upper", "--grid", "nash.utility=quadratic,linear", "--grid",
                "nash.disagreement=status-quo,worst", "--grid", "expected-utility.q=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1,"
                        + "0.15,0.25,0.35,0.45,0.55,0.65,0.75,0.85,0.95,0.05,0.12");
        try (StandaloneCluster cluster = new StandaloneCluster(2)) {
            lines.add(time("standalone, 2 workers x 1 core", tmp, SweepRuns.SWEEP, "--engine", "spark", "--master",
                    cluster.masterUrl()));
            lines.add(time("overhead: trivial cells, 2 partitions", tmp, trivial, "--engine", "spark", "--master",
                    cluster.masterUrl(), "--partitions", "2"));
            lines.add(time("overhead: trivial cells, 400 partitions", tmp, trivial, "--engine", "spark", "--master",
                    cluster.masterUrl(), "--partitions", "400"));
        }
        lines.add(time("overhead: trivial cells, local engine", tmp, trivial, "--engine", "local"));
        lines.add(time("overhead: trivial cells, local[2], 2 partitions", tmp, trivial, "--engine", "spark", "--master",
                "local[2]", "--partitions", "2"));
        lines.add(time("overhead: trivial cells, local[2], 400 partitions", tmp, trivial, "--engine", "spark",
                "--master", "local[2]", "--partitions", "400"));
        lines.forEach(System.out::println);
    }

    private static String time(String label, Path tmp, List<String> sweep, String... extra) {
        List<String> args = new ArrayList<>(sweep);
        args.add("--out");
        args.add(tmp.resolve(label.replaceAll("[^a-z0-9]+", "-")).toString());
        args.addAll(List.of(extra));
        long t0 = System.nanoTime();
        SweepRuns.Result r = SweepRuns.cli(args);
        double s = (System.nanoTime() - t0) / 1e9;
        if (r.exit() != 0) {
            throw new IllegalStateException(label + ": " + r.err());
        }
        String summary = r.out().lines().findFirst().orElse("");
        return String.format(Locale.ROOT, "%-50s %7.1f s with the context start | %s", label, s, summary);
    }
}
