package org.parley.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.parley.engine.Numbers;
import org.parley.montecarlo.Sobol;

/** Prints Sobol indices: per world, model and issue the inputs ranked by total index. */
final class SobolReport {

    private SobolReport() {
    }

    static void table(List<Sobol.Row> rows, int n, int top, PrintWriter out) {
        if (rows.isEmpty()) {
            out.print("No uncertain inputs: give values a range (low/high) to analyse their sensitivity.\n");
            out.flush();
            return;
        }
        int k = (int) rows.stream().map(r -> r.input().slot()).distinct().count();
        out.print(String.format(Locale.ROOT, "Sobol indices from %d rows (%d model runs per model: N x (k + 2), k = %d "
                + "inputs); S1 = first-order (Saltelli 2010), ST = total (Jansen 1999); ranked by ST%n", n,
                (long) n * (k + 2), k));
        String current = "";
        int rank = 0;
        for (Sobol.Row r : rows) {
            String key = r.world() + " / " + r.model() + " / " + r.issue();
            if (!key.equals(current)) {
                current = key;
                rank = 0;
                out.print("\n" + key + "\n");
                out.print(String.format(Locale.ROOT, "  %3s  %-42s %8s %8s%n", "#", "input", "S1", "ST"));
            }
            rank++;
            if (rank <= top) {
                out.print(String.format(Locale.ROOT, "  %3d  %-42s %8s %8s%n", rank, r.input().label(),
                        Numbers.fixed(r.first(), 3), Numbers.fixed(r.total(), 3)));
            }
        }
        out.flush();
    }

    static void csv(List<Sobol.Row> rows, PrintWriter out) {
        out.print("world,model,issue,input,first_order,total,rows\n");
        for (Sobol.Row r : rows) {
            out.print(r.world() + "," + r.model() + "," + r.issue() + "," + r.input().id() + "," + r.first() + ","
                    + r.total() + "," + r.rows() + "\n");
        }
        out.flush();
    }
}
