package org.parley.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parley.model.Scenario;

/**
 * How much work one request (on the server) or one command (in the CLI) may ask, checked before
 * anything runs or is queued:
 * runs, rounds (the {@code rounds} setting, or without it every model's round or turn cap, whether
 * it comes from the request's options, a preset or the scenario's {@code options:}), and cells (actors x
 * issues x runs of a world), and for the exchange model its candidate pairs (actors^2 x issues^2 of a
 * world: the exchanges it weighs each round). Each model runs on its job's one thread.
 *
 * @param maxRuns   the largest run count
 * @param maxRounds the largest round limit, and the largest value of a round or turn cap option
 * @param maxCells  the largest actors x issues x runs of one world
 * @param maxPairs  the largest actors^2 x issues^2 of one world the exchange model is asked to run
 * @param where     what the messages say of the limit ("on this server", "without --allow-large")
 * @param oneThread whether a model's {@code threads} option must be 1 (each server job runs on one thread)
 */
public record Budget(int maxRuns, int maxRounds, long maxCells, long maxPairs, String where, boolean oneThread) {

    /** The server's default of {@link #maxPairs}: an exchange run of a few seconds. */
    public static final long DEFAULT_PAIRS = 100_000;

    /** The defaults of {@code parley serve}. */
    public static final Budget DEFAULT = new Budget(10_000, 10_000, 2_000_000, DEFAULT_PAIRS);

    /** The defaults of the command line (lifted by {@code --allow-large}): what a laptop's heap holds. */
    public static final Budget CLI = new Budget(100_000, 100_000, 50_000_000, 1_000_000, "without --allow-large",
            false);

    /** Models whose work grows with the pairs of actors and issues. */
    public static final Set<String> PAIRWISE_MODELS = Set.of("exchange");

    /** A server budget. */
    public Budget(int maxRuns, int maxRounds, long maxCells, long maxPairs) {
        this(maxRuns, maxRounds, maxCells, maxPairs, "on this server", true);
    }

    /** A server budget with the default pairs. */
    public Budget(int maxRuns, int maxRounds, long maxCells) {
        this(maxRuns, maxRounds, maxCells, DEFAULT_PAIRS);
    }

    /** Options that set how many rounds or turns a model runs. */
    public static final Set<String> ROUND_OPTIONS = Set.of("max-rounds", "max-turns", "min-turns");
    /** Options that start threads inside a model. */
    public static final Set<String> THREAD_OPTIONS = Set.of("threads");

    public Budget {
        if (maxRuns < 1 || maxRounds < 1 || maxCells < 1 || maxPairs < 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "every budget must be >= 1: runs " + maxRuns + ", rounds "
                    + maxRounds + ", cells " + maxCells + ", pairs " + maxPairs);
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
                } else if (oneThread && THREAD_OPTIONS.contains(e.getKey()) && number(m, e.getKey(), e.getValue()) != 1) {
                    throw new ParleyException(ErrorCode.BAD_OPTION, "option '" + m.id() + "." + e.getKey()
                            + "' must be 1 on the server (each job runs on one thread), was " + e.getValue());
                }
            }
        }
        boolean pairwise = plan.models().stream().anyMatch(m -> PAIRWISE_MODELS.contains(m.id()));
        for (Scenario world : plan.resolved().values()) {
            long actors = world.actors().size();
            long issues = world.issues().size();
            over("actors x issues x runs", actors * issues * spec.runs(), maxCells, " (" + actors + " x " + issues
                    + " x " + spec.runs() + ")");
            if (pairwise) {
                over("the exchange model's pairs (actors^2 x issues^2)", actors * actors * issues * issues, maxPairs,
                        " (" + actors + "^2 x " + issues + "^2; leave out the exchange model with --model)");
            }
        }
        return plan;
    }

    private static double number(BargainingModel m, String key, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "option '" + m.id() + "." + key + "' must be a number, was '"
                    + clip(value, 40) + "'");
        }
    }

    private void over(String what, double value, long max, String detail) {
        if (!(value <= max)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, String.format(Locale.ROOT,
                    "%s must be <= %d %s, was %s%s", what, max, where, clip(plain(value), 30), detail));
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
