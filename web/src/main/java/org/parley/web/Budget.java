package org.parley.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parley.engine.BargainingModel;
import org.parley.engine.ErrorCode;
import org.parley.engine.ModelOptions;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.model.Scenario;

/**
 * How much work one request may ask of the server, checked before anything runs or is queued:
 * runs, rounds (the {@code rounds} setting, or without it every model's round or turn cap, whether
 * it comes from the request's options, a preset or the scenario's {@code options:}), and cells (actors x
 * issues x runs of a world). Each model runs on its job's one thread.
 *
 * @param maxRuns   the largest run count
 * @param maxRounds the largest round limit, and the largest value of a round or turn cap option
 * @param maxCells  the largest actors x issues x runs of one world
 */
public record Budget(int maxRuns, int maxRounds, long maxCells) {

    /** The defaults of {@code parley serve}. */
    public static final Budget DEFAULT = new Budget(10_000, 10_000, 2_000_000);

    /** Options that set how many rounds or turns a model runs. */
    static final Set<String> ROUND_OPTIONS = Set.of("max-rounds", "max-turns", "min-turns");
    /** Options that start threads inside a model. */
    static final Set<String> THREAD_OPTIONS = Set.of("threads");

    public Budget {
        if (maxRuns < 1 || maxRounds < 1 || maxCells < 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "every budget must be >= 1: runs " + maxRuns + ", rounds "
                    + maxRounds + ", cells " + maxCells);
        }
    }

    /**
     * Checks a request against the budget and returns its plan (models, worlds and options checked
     * as a forecast checks them).
     *
     * @throws ParleyException {@code BAD_OPTION} naming the setting or option over budget
     */
    public Simulation.Plan check(Simulation simulation, Scenario scenario, RunSpec spec) {
        over("rounds", spec.rounds(), maxRounds, "");
        over("runs", spec.runs(), maxRuns, "");
        Simulation.Plan plan = simulation.plan(scenario, spec);
        for (BargainingModel m : plan.models()) {
            ModelOptions o = plan.options().get(m.id());
            for (Map.Entry<String, String> e : o.asMap().entrySet()) {
                if (ROUND_OPTIONS.contains(e.getKey()) && spec.rounds() == 0) { // a round limit overrides the caps
                    over(m.id() + "." + e.getKey(), number(m, e.getKey(), e.getValue()), maxRounds, "");
                } else if (THREAD_OPTIONS.contains(e.getKey()) && number(m, e.getKey(), e.getValue()) != 1) {
                    throw new ParleyException(ErrorCode.BAD_OPTION, "option '" + m.id() + "." + e.getKey()
                            + "' must be 1 on the server (each job runs on one thread), was " + e.getValue());
                }
            }
        }
        for (Scenario world : plan.resolved().values()) {
            long cells = (long) world.actors().size() * world.issues().size() * spec.runs();
            over("actors x issues x runs", cells, maxCells, " (" + world.actors().size() + " x "
                    + world.issues().size() + " x " + spec.runs() + ")");
        }
        return plan;
    }

    private static double number(BargainingModel m, String key, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "option '" + m.id() + "." + key + "' must be a number, was '"
                    + Http.clip(value, 40) + "'");
        }
    }

    private static void over(String what, double value, long max, String detail) {
        if (!(value <= max)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, String.format(Locale.ROOT,
                    "%s must be <= %d on this server, was %s%s", what, max, Http.clip(plain(value), 30), detail));
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
