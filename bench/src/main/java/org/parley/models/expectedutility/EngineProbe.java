package org.parley.models.expectedutility;

import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;

/**
 * Benchmark-only bridge into the package-private engine of the expected-utility model: one round
 * of one issue on preallocated arrays, restarted from the initial positions each time so every
 * measured round does the same work. Lives in the bench module, never on the product classpath.
 */
public final class EngineProbe {

    private final IssueEngine engine;
    private final double[] initial;

    /** An engine for issue 0 of {@code problem} (every actor present) with resolved options. */
    public EngineProbe(Problem problem, ModelOptions options) {
        int n = problem.actorCount();
        double[] x = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = problem.position()[i][0];
            s[i] = problem.salience()[i][0];
        }
        this.initial = x;
        this.engine = new IssueEngine(new EuConfig(options), x, problem.capability(), s,
                problem.scaleMax(0) - problem.scaleMin(0));
    }

    /** Resets the positions and plays one round; returns the new median (so nothing is dead code). */
    public double round() {
        System.arraycopy(initial, 0, engine.x, 0, initial.length);
        engine.step();
        return engine.median();
    }
}
