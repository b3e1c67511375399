package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import org.parley.engine.ForecastResult;
import org.parley.store.SaveOptions;
import org.parley.store.Store;

/**
 * Size on disk of one saved 10,000-run Monte Carlo result of the seed scenario, with and without
 * every trajectory (SQLite, after a checkpoint so the WAL is folded into the file).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.parley.bench.StoreSizes [RUNS]</pre>
 */
public final class StoreSizes {

    private StoreSizes() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        ForecastResult result = StoreResults.seedMonteCarlo(runs, 7);
        System.out.println(String.format(Locale.ROOT, "seed scenario, %d worlds x %d models x %d runs = %d trajectories",
                result.worlds().size(), result.models().size(), runs, result.runs().size()));
        for (boolean all : new boolean[] {false, true}) {
            Path dir = Files.createTempDirectory("parley-store-size");
            Path db = dir.resolve("parley.db");
            long empty;
            try (Store s = Store.open("jdbc:sqlite:" + db)) {
                empty = Files.size(db) + walSize(db);
                s.saveRun(result, new SaveOptions("bench", "bench", Instant.EPOCH, 0, all));
            }
            long size = Files.size(db) + walSize(db);
            System.out.println(String.format(Locale.ROOT, "trajectories %-5s: %,12d bytes on disk (%.1f MiB; empty store %,d)",
                    all ? "all" : "point", size, size / 1048576.0, empty));
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static long walSize(Path db) throws IOException {
        Path wal = db.resolveSibling(db.getFileName() + "-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }
}
