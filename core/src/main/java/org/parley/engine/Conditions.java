package org.parley.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.parley.model.Condition;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/**
 * The conditional positions of a world, compiled for the engine: for each, the actor and issue
 * index, the position when its condition fails ({@code otherwise}) and the condition over issue
 * indices. The position when the condition holds is the problem's own position matrix entry, so
 * Monte Carlo draws it like any position. Immutable; {@link #withOtherwise} makes a copy.
 */
public final class Conditions {

    /** A world without conditional positions. */
    public static final Conditions NONE = new Conditions(new int[0], new int[0], new double[0], new Condition[0],
            new Node[0]);

    private final int[] actor;
    private final int[] issue;
    private final double[] otherwise;
    private final Condition[] conditions;
    private final Node[] compiled;

    private Conditions(int[] actor, int[] issue, double[] otherwise, Condition[] conditions, Node[] compiled) {
        this.actor = actor;
        this.issue = issue;
        this.otherwise = otherwise;
        this.conditions = conditions;
        this.compiled = compiled;
    }

    /** A condition over issue indices: a leaf {@code lo <= forecast[k] <= hi}, or a join. */
    private record Node(Condition.Join join, int issue, double lo, double hi, Node[] parts) {
        boolean holds(double[] f) {
            switch (join) {
                case ALL:
                    for (Node p : parts) {
                        if (!p.holds(f)) {
                            return false;
                        }
                    }
                    return true;
                case ANY:
                    for (Node p : parts) {
                        if (p.holds(f)) {
                            return true;
                        }
                    }
                    return false;
                case ISSUE:
                default:
                    double x = f[issue];
                    return !Double.isNaN(x) && (Double.isNaN(lo) || x >= lo) && (Double.isNaN(hi) || x <= hi);
            }
        }
    }

    /** Compiles the conditional positions of a resolved world (a valid scenario without branches). */
    static Conditions of(Scenario world, List<String> actorIds, List<String> issueIds) {
        List<Stance> cs = world.stances().stream().filter(s -> s.position().isConditional()).toList();
        if (cs.isEmpty()) {
            return NONE;
        }
        int c = cs.size();
        int[] a = new int[c];
        int[] k = new int[c];
        double[] o = new double[c];
        Condition[] conds = new Condition[c];
        Node[] nodes = new Node[c];
        for (int j = 0; j < c; j++) {
            Stance s = cs.get(j);
            a[j] = actorIds.indexOf(s.actor());
            k[j] = issueIds.indexOf(s.issue());
            o[j] = s.position().conditional().otherwise().value();
            conds[j] = s.position().conditional().when();
            nodes[j] = compile(conds[j], issueIds);
        }
        return new Conditions(a, k, o, conds, nodes);
    }

    private static Node compile(Condition c, List<String> issueIds) {
        if (c.join() == Condition.Join.ISSUE) {
            int k = issueIds.indexOf(c.issue());
            if (k < 0) {
                throw new IllegalArgumentException("condition on unknown issue '" + c.issue() + "'");
            }
            return new Node(c.join(), k, c.atLeast(), c.atMost(), new Node[0]);
        }
        Node[] parts = new Node[c.parts().size()];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = compile(c.parts().get(p), issueIds);
        }
        return new Node(c.join(), -1, Double.NaN, Double.NaN, parts);
    }

    public int size() {
        return actor.length;
    }

    public boolean isEmpty() {
        return actor.length == 0;
    }

    public int actor(int j) {
        return actor[j];
    }

    public int issue(int j) {
        return issue[j];
    }

    /** The position of conditional stance {@code j} when its condition fails. */
    public double otherwise(int j) {
        return otherwise[j];
    }

    public Condition condition(int j) {
        return conditions[j];
    }

    /** The index of the conditional stance of actor {@code i} on issue {@code k}, or -1. */
    public int indexOf(int i, int k) {
        for (int j = 0; j < actor.length; j++) {
            if (actor[j] == i && issue[j] == k) {
                return j;
            }
        }
        return -1;
    }

    /** A copy with the {@code otherwise} position of stance {@code j} set to {@code value}. */
    public Conditions withOtherwise(int j, double value) {
        double[] o = otherwise.clone();
        o[j] = value;
        return new Conditions(actor, issue, o, conditions, compiled);
    }

    /** Which conditions hold on a forecast (indexed by issue). */
    public boolean[] evaluate(double[] forecast) {
        boolean[] out = new boolean[actor.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = compiled[j].holds(forecast);
        }
        return out;
    }

    /**
     * The positions of {@code problem} with every conditional stance set by {@code state}: its
     * stated position where its condition is taken as met, its {@code otherwise} where not.
     */
    public double[][] positions(Problem problem, boolean[] state) {
        double[][] pos = problem.copyPositions();
        for (int j = 0; j < actor.length; j++) {
            if (!state[j]) {
                pos[actor[j]][issue[j]] = otherwise[j];
            }
        }
        return pos;
    }

    /** The issues any condition tests or any conditional stance stands on, in issue order. */
    int[] involvedIssues(int issueCount) {
        boolean[] used = new boolean[issueCount];
        for (int j = 0; j < actor.length; j++) {
            used[issue[j]] = true;
            mark(compiled[j], used);
        }
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < issueCount; k++) {
            if (used[k]) {
                out.add(k);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void mark(Node n, boolean[] used) {
        if (n.join() == Condition.Join.ISSUE) {
            used[n.issue()] = true;
        }
        for (Node p : n.parts()) {
            mark(p, used);
        }
    }

    @Override
    public String toString() {
        return "Conditions" + Arrays.toString(conditions);
    }
}
