package org.parley.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.parley.engine.ForecastResult;

/**
 * A child process for the crash and concurrency tests: saves runs of the seed scenario to a store
 * and prints {@code saved ID} after each save has returned (so the parent knows which saves were
 * committed), then {@code done}.
 *
 * <p>Arguments: {@code URL count N} or {@code URL seconds S}.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    public static void main(String[] args) {
        String url = args[0];
        boolean byCount = args[1].equals("count");
        long limit = Long.parseLong(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // a Monte Carlo-shaped result with every trajectory kept: each save is a transaction of many rows
        ForecastResult r = Fixtures.monteCarlo(Fixtures.seedForecast(), 8, 3, ProcessHandle.current().pid());
        long deadline = System.nanoTime() + limit * 1_000_000_000L;
        try (Store s = Store.open(url)) {
            out.println("open");
            for (long i = 0; byCount ? i < limit : System.nanoTime() < deadline; i++) {
                long id = s.saveRun(r, Fixtures.save(true));
                out.println("saved " + id);
            }
        }
        out.println("done");
    }
}
