package org.parley.cli;

import java.io.PrintWriter;
import java.util.List;

import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioProblem;
import org.parley.io.Scenarios;

/** Prints a loaded scenario's warnings on stderr, folding long runs of missing provenance. */
final class Warnings {

    private static final int FOLD = 5;

    private Warnings() {
    }

    static void print(Scenarios.Loaded loaded, PrintWriter err) {
        List<ScenarioProblem> missing = loaded.warnings().stream()
                .filter(w -> w.code() == ProblemCode.MISSING_PROVENANCE).toList();
        for (ScenarioProblem w : loaded.warnings()) {
            if (w.code() != ProblemCode.MISSING_PROVENANCE || missing.size() <= FOLD) {
                err.println(w.format());
            }
        }
        if (missing.size() > FOLD) {
            err.println(loaded.scenario().id() + ": warning: " + missing.size()
                    + " values have no provenance ('parley validate FILE' lists them)");
        }
        err.flush();
    }
}
