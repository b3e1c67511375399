package org.parley.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/**
 * A resolved scenario in the form the engine computes on: primitive arrays indexed by actor
 * {@code i} and issue {@code k}.
 *
 * <p>Conventions every model relies on:
 * <ul>
 *   <li>positions are on the issue's own scale ({@code scaleMin[k]..scaleMax[k]});</li>
 *   <li>saliences are fractions in [0, 1] (the scenario's 0-100 divided by 100);</li>
 *   <li>an actor without a stance on issue {@code k} has {@code position[i][k] = NaN} and
 *       {@code salience[i][k] = 0}: see {@link #present(int, int)};</li>
 *   <li>{@code statusQuo[k]} is NaN when the issue states none.</li>
 * </ul>
 * The arrays are shared, not copied: models must treat them as read-only and copy what they
 * change (see {@link #copyPositions()}).
 */
public final class Problem {

    private final String[] actorIds;
    private final String[] issueIds;
    private final double[] capability;
    private final double[][] position;
    private final double[][] salience;
    private final double[] scaleMin;
    private final double[] scaleMax;
    private final double[] statusQuo;
    private final DecisionRule[] rules;
    private final ConsentRules consentRules;
    private final Conditions conditions;
    /** The consent stage's boxes per issue ({@link ConsentStage}), made on first use, per win-set setting. */
    private volatile double[] consentBoxesWinSet;
    private volatile double[] consentBoxesCore;

    /** A problem without consent rules (no rule, consent list or outside option; talks certain). */
    public Problem(String[] actorIds, String[] issueIds, double[] capability, double[][] position,
                   double[][] salience, double[] scaleMin, double[] scaleMax, double[] statusQuo,
                   DecisionRule[] rules) {
        this(actorIds, issueIds, capability, position, salience, scaleMin, scaleMax, statusQuo, rules,
                ConsentRules.none(actorIds.length, issueIds.length));
    }

    public Problem(String[] actorIds, String[] issueIds, double[] capability, double[][] position,
                   double[][] salience, double[] scaleMin, double[] scaleMax, double[] statusQuo,
                   DecisionRule[] rules, ConsentRules consentRules) {
        this(actorIds, issueIds, capability, position, salience, scaleMin, scaleMax, statusQuo, rules, consentRules,
                Conditions.NONE);
    }

    /**
     * A problem with conditional positions: {@code position} holds each conditional stance's
     * position when its condition is met; {@code conditions} its position otherwise (see
     * {@link Resolution}).
     */
    public Problem(String[] actorIds, String[] issueIds, double[] capability, double[][] position,
                   double[][] salience, double[] scaleMin, double[] scaleMax, double[] statusQuo,
                   DecisionRule[] rules, ConsentRules consentRules, Conditions conditions) {
        this.conditions = Objects.requireNonNull(conditions, "conditions");
        this.actorIds = Objects.requireNonNull(actorIds, "actorIds");
        this.issueIds = Objects.requireNonNull(issueIds, "issueIds");
        this.capability = Objects.requireNonNull(capability, "capability");
        this.position = Objects.requireNonNull(position, "position");
        this.salience = Objects.requireNonNull(salience, "salience");
        this.scaleMin = Objects.requireNonNull(scaleMin, "scaleMin");
        this.scaleMax = Objects.requireNonNull(scaleMax, "scaleMax");
        this.statusQuo = Objects.requireNonNull(statusQuo, "statusQuo");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.consentRules = Objects.requireNonNull(consentRules, "consentRules");
        int n = actorIds.length;
        int m = issueIds.length;
        if (capability.length != n || position.length != n || salience.length != n) {
            throw new IllegalArgumentException("actor arrays must have length " + n);
        }
        for (int i = 0; i < n; i++) {
            if (position[i].length != m || salience[i].length != m) {
                throw new IllegalArgumentException("actor " + actorIds[i] + ": issue arrays must have length " + m);
            }
        }
        if (scaleMin.length != m || scaleMax.length != m || statusQuo.length != m || rules.length != m) {
            throw new IllegalArgumentException("issue arrays must have length " + m);
        }
    }

    /**
     * Compiles a scenario without branches (see {@link Scenario#resolve(String)}) into arrays.
     * Capabilities are taken as written; saliences are divided by 100.
     */
    public static Problem of(Scenario world) {
        List<Actor> actors = world.actors();
        List<Issue> issues = world.issues();
        int n = actors.size();
        int m = issues.size();
        String[] actorIds = new String[n];
        String[] issueIds = new String[m];
        double[] cap = new double[n];
        double[][] pos = Grids.doubles(n, m);
        double[][] sal = Grids.doubles(n, m);
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] sq = new double[m];
        DecisionRule[] rules = new DecisionRule[m];
        for (int i = 0; i < n; i++) {
            actorIds[i] = actors.get(i).id();
            cap[i] = actors.get(i).capability().value();
            Arrays.fill(pos[i], Double.NaN);
        }
        for (int k = 0; k < m; k++) {
            Issue issue = issues.get(k);
            issueIds[k] = issue.id();
            lo[k] = issue.scale().min();
            hi[k] = issue.scale().max();
            sq[k] = issue.hasStatusQuo() ? issue.statusQuo().value() : Double.NaN;
            rules[k] = issue.rule();
        }
        for (Stance s : world.stances()) {
            int i = indexOf(actorIds, s.actor());
            int k = indexOf(issueIds, s.issue());
            if (i < 0 || k < 0) {
                throw new IllegalArgumentException("stance for unknown actor or issue: " + s.actor() + "/" + s.issue());
            }
            pos[i][k] = s.position().value();
            sal[i][k] = s.salience().value() / 100.0;
        }
        return new Problem(actorIds, issueIds, cap, pos, sal, lo, hi, sq, rules,
                ConsentRules.of(world, actorIds, issueIds), Conditions.of(world, List.of(actorIds), List.of(issueIds)));
    }

    private static int indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public int actorCount() {
        return actorIds.length;
    }

    public int issueCount() {
        return issueIds.length;
    }

    public String actorId(int i) {
        return actorIds[i];
    }

    public String issueId(int k) {
        return issueIds[k];
    }

    public int actorIndex(String id) {
        return indexOf(actorIds, id);
    }

    public int issueIndex(String id) {
        return indexOf(issueIds, id);
    }

    public List<String> actorIds() {
        return List.of(actorIds);
    }

    public List<String> issueIds() {
        return List.of(issueIds);
    }

    /** Capabilities, indexed by actor. Read-only. */
    public double[] capability() {
        return capability;
    }

    /** Ideal positions {@code [actor][issue]}, NaN where absent. Read-only. */
    public double[][] position() {
        return position;
    }

    /** Saliences in [0, 1], {@code [actor][issue]}, 0 where absent. Read-only. */
    public double[][] salience() {
        return salience;
    }

    public double scaleMin(int k) {
        return scaleMin[k];
    }

    public double scaleMax(int k) {
        return scaleMax[k];
    }

    /** The status quo of issue {@code k}, NaN when the issue states none. */
    public double statusQuo(int k) {
        return statusQuo[k];
    }

    public DecisionRule rule(int k) {
        return rules[k];
    }

    /** Who must agree on each issue, outside options and the talks probability (see {@link ConsentStage}). */
    public ConsentRules consentRules() {
        return consentRules;
    }

    /** The conditional positions ({@link Conditions#NONE} when there are none). */
    public Conditions conditions() {
        return conditions;
    }

    /** The same problem with other conditional positions. */
    public Problem withConditions(Conditions newConditions) {
        return new Problem(actorIds, issueIds, capability, position, salience, scaleMin, scaleMax, statusQuo, rules,
                consentRules, newConditions);
    }

    public boolean present(int i, int k) {
        return !Double.isNaN(position[i][k]);
    }

    /** A fresh copy of the position matrix, for models that move actors. */
    public double[][] copyPositions() {
        double[][] copy = new double[position.length][];
        for (int i = 0; i < position.length; i++) {
            copy[i] = position[i].clone();
        }
        return copy;
    }

    /** The same problem with other positions (same shape), e.g. after a round of moves. */
    public Problem withPositions(double[][] newPositions) {
        return new Problem(actorIds, issueIds, capability, newPositions, salience, scaleMin, scaleMax, statusQuo, rules,
                consentRules, conditions);
    }

    /** The consent stage's boxes kept on this problem for a win-set setting, or null (see {@link ConsentStage}). */
    double[] consentBoxes(boolean winSet) {
        return winSet ? consentBoxesWinSet : consentBoxesCore;
    }

    /** Keeps the consent stage's boxes (complete, never changed after) for a win-set setting. */
    void consentBoxes(boolean winSet, double[] boxes) {
        if (winSet) {
            consentBoxesWinSet = boxes;
        } else {
            consentBoxesCore = boxes;
        }
    }
}
