package org.parley.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves conditional positions for any model: run the model, evaluate every condition on its
 * forecast, rerun with the positions the conditions select, until the positions no longer change
 * (a fixed point). When a set of positions comes back that was already tried, the process cycles:
 * the cycle is reported with its period and each state's forecast, and the forecast shown is that
 * of the first state of the cycle. It never loops more than {@code conditional.max-iterations}
 * model runs.
 *
 * <p>Engine options (in a scenario's {@code options} or {@code --option}, not a model's):
 * <ul>
 *   <li>{@code conditional.max-iterations} (default 20): the most model runs per forecast;</li>
 *   <li>{@code conditional.start} ({@code met} default, or {@code unmet}): the first run takes every
 *       conditional position as stated (its condition met) or at its {@code otherwise}.</li>
 * </ul>
 * Deterministic: each run of the loop gets the same seed, so a forecast is the same on any number
 * of threads, and in Monte Carlo each run resolves its own conditions on its own draws.
 */
public final class Resolution {

    /** The option prefix that belongs to the engine, not to a model. */
    public static final String PREFIX = "conditional.";
    public static final String MAX_ITERATIONS = "conditional.max-iterations";
    public static final String START = "conditional.start";

    private Resolution() {
    }

    /**
     * How conditions are resolved.
     *
     * @param maxIterations the most model runs per forecast, >= 1
     * @param startMet      {@code true} when the first run takes every condition as met
     */
    public record Settings(int maxIterations, boolean startMet) {
        public static final Settings DEFAULT = new Settings(20, true);

        public Settings {
            if (maxIterations < 1) {
                throw new ParleyException(ErrorCode.BAD_OPTION, MAX_ITERATIONS + " must be >= 1, was " + maxIterations);
            }
        }

        /** Reads the engine's options from scenario options then flags (flags win). */
        public static Settings of(Map<String, String> scenarioOptions, Map<String, String> flagOptions) {
            int max = DEFAULT.maxIterations();
            boolean met = DEFAULT.startMet();
            for (Map<String, String> m : List.of(scenarioOptions, flagOptions)) {
                for (Map.Entry<String, String> e : m.entrySet()) {
                    String key = e.getKey().strip();
                    String v = e.getValue().strip();
                    if (key.equals(MAX_ITERATIONS)) {
                        try {
                            max = Integer.parseInt(v);
                        } catch (NumberFormatException ex) {
                            throw new ParleyException(ErrorCode.BAD_OPTION, MAX_ITERATIONS
                                    + " must be a whole number >= 1, was '" + v + "'");
                        }
                    } else if (key.equals(START)) {
                        if (!v.equals("met") && !v.equals("unmet")) {
                            throw new ParleyException(ErrorCode.BAD_OPTION, START + " takes met|unmet, was '" + v + "'");
                        }
                        met = v.equals("met");
                    } else if (key.startsWith(PREFIX)) {
                        throw new ParleyException(ErrorCode.BAD_OPTION, "unknown engine option '" + key + "'; "
                                + "known: " + MAX_ITERATIONS + ", " + START);
                    }
                }
            }
            return new Settings(max, met);
        }
    }

    /** How the resolution ended. */
    public enum Outcome {
        /** No conditional positions: one run. */
        NONE,
        /** The positions reproduce themselves. */
        FIXED_POINT,
        /** A set of positions came back: the states of {@link Result#cycle()} repeat. */
        CYCLE,
        /** Neither within the iteration limit. */
        LIMIT
    }

    /**
     * One tried set of positions and what the model made of it.
     *
     * @param met        per conditional stance, whether its stated position was used
     * @param trajectory the model's run on those positions
     */
    public record State(boolean[] met, Trajectory trajectory) {
    }

    /**
     * The result of a resolution.
     *
     * @param outcome  how it ended
     * @param runs     the model runs made
     * @param chosen   the state whose forecast is reported
     * @param cycle    the states of the cycle in order (period = size) when {@code outcome} is CYCLE,
     *                 else empty
     */
    public record Result(Outcome outcome, int runs, State chosen, List<State> cycle) {
        public Result {
            cycle = List.copyOf(cycle);
        }

        public int period() {
            return cycle.size();
        }
    }

    /**
     * Resolves the conditional positions of {@code problem}: {@code run} runs the model (and whatever
     * the engine applies after it) on a problem and is called once per state tried.
     */
    public static Result resolve(Problem problem, Settings settings, Function<Problem, Trajectory> run) {
        Conditions c = problem.conditions();
        if (c.isEmpty()) {
            Trajectory t = run.apply(problem);
            return new Result(Outcome.NONE, 1, new State(new boolean[0], t), List.of());
        }
        boolean[] state = new boolean[c.size()];
        Arrays.fill(state, settings.startMet());
        List<State> tried = new ArrayList<>();
        while (true) {
            Trajectory t = run.apply(STATES.get().of(problem, state));
            State s = new State(state, t);
            tried.add(s);
            boolean[] next = c.evaluate(t.forecast());
            if (Arrays.equals(next, state)) {
                return new Result(Outcome.FIXED_POINT, tried.size(), s, List.of());
            }
            for (int j = 0; j < tried.size(); j++) {
                if (Arrays.equals(tried.get(j).met(), next)) {
                    List<State> cycle = tried.subList(j, tried.size());
                    return new Result(Outcome.CYCLE, tried.size(), cycle.get(0), cycle);
                }
            }
            if (tried.size() >= settings.maxIterations()) {
                return new Result(Outcome.LIMIT, tried.size(), s, List.of());
            }
            state = next;
        }
    }

    /** Per thread, the problems of the states tried last (see {@link StateProblems}). */
    private static final ThreadLocal<StateProblems> STATES = ThreadLocal.withInitial(StateProblems::new);

    /**
     * The problem of each conditional state, made once: the models of a Monte Carlo run resolve the
     * same drawn problem and mostly try the same states, so the last 32 (problem, state)
     * pairs a thread made are kept (the problem by identity). A kept problem has the same numbers
     * as a new one, so whether it is kept never changes a result.
     */
    private static final class StateProblems {
        private static final int SIZE = 32;
        private final Problem[] from = new Problem[SIZE];
        private final boolean[][] states = new boolean[SIZE][];
        private final Problem[] made = new Problem[SIZE];
        private int next;

        Problem of(Problem problem, boolean[] state) {
            for (int i = 0; i < SIZE; i++) {
                if (from[i] == problem && Arrays.equals(states[i], state)) {
                    return made[i];
                }
            }
            Problem p = problem.withPositions(problem.conditions().positions(problem, state));
            from[next] = problem;
            states[next] = state.clone();
            made[next] = p;
            next = (next + 1) % SIZE;
            return p;
        }
    }

    /**
     * The chosen state's trajectory with a note on the resolution (nothing added without
     * conditional positions).
     */
    public static Trajectory annotated(Problem problem, Result r) {
        Trajectory t = r.chosen().trajectory();
        if (r.outcome() == Outcome.NONE) {
            return t;
        }
        List<String> notes = new ArrayList<>(t.notes());
        notes.add(describe(problem, r));
        return new Trajectory(t.rounds(), t.forecast(), t.stopReason(), notes, t.consent());
    }

    /** The resolution in words, for notes and {@code explain}. */
    public static String describe(Problem problem, Result r) {
        Conditions c = problem.conditions();
        int[] issues = c.involvedIssues(problem.issueCount());
        switch (r.outcome()) {
            case FIXED_POINT:
                return "conditional positions: fixed point after " + r.runs() + " run" + (r.runs() == 1 ? "" : "s")
                        + ": " + states(problem, r.chosen().met());
            case CYCLE: {
                StringBuilder sb = new StringBuilder("conditional positions: no fixed point; they cycle with period "
                        + r.period() + " (after " + r.runs() + " runs):");
                for (int s = 0; s < r.cycle().size(); s++) {
                    State st = r.cycle().get(s);
                    sb.append(" state ").append(s + 1).append(" [").append(states(problem, st.met())).append("] gives ")
                            .append(forecasts(problem, issues, st.trajectory().forecast())).append(';');
                }
                sb.append(" the forecast shown is state 1's");
                return sb.toString();
            }
            case LIMIT:
                return "conditional positions: not settled within " + MAX_ITERATIONS + " = " + r.runs()
                        + " runs; the forecast shown is the last run's: " + states(problem, r.chosen().met());
            default:
                return "";
        }
    }

    /** "3 conditional, unmet: kim on denuclearisation" or "3 conditional, all met". */
    private static String states(Problem problem, boolean[] met) {
        Conditions c = problem.conditions();
        List<String> unmet = new ArrayList<>();
        for (int j = 0; j < met.length; j++) {
            if (!met[j]) {
                unmet.add(problem.actorId(c.actor(j)) + " on " + problem.issueId(c.issue(j)));
            }
        }
        String n = met.length + " conditional";
        if (unmet.isEmpty()) {
            return n + ", all met";
        }
        return n + ", unmet: " + String.join(", ", unmet) + (unmet.size() == met.length ? " (none met)" : "");
    }

    private static String forecasts(Problem problem, int[] issues, double[] f) {
        List<String> out = new ArrayList<>();
        for (int k : issues) {
            out.add(problem.issueId(k) + " " + Numbers.fixed(f[k], 1));
        }
        return String.join(", ", out);
    }
}
