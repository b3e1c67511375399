package org.parley.montecarlo;

import java.util.ArrayList;
import java.util.List;

import org.parley.engine.Problem;
import org.parley.model.Actor;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/**
 * The inputs of a world and how to write values into a copy of its {@link Problem}.
 */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The slot of an input in a problem of {@code n} actors and {@code m} issues: positions
     * {@code [0, nm)}, saliences {@code [nm, 2nm)}, capabilities {@code [2nm, 2nm+n)}, status quos
     * {@code [2nm+n, 2nm+n+m)}, outside options {@code [2nm+n+m, 3nm+n+m)}, a conditional position's {@code otherwise}
     * {@code [3nm+n+m, 4nm+n+m)}. Branches neither add nor reorder actors and issues, so a slot means
     * the same number in every world of a scenario.
     */
    public static int slot(Input.Kind kind, int actorIndex, int issueIndex, int n, int m) {
        switch (kind) {
            case POSITION:
                return actorIndex * m + issueIndex;
            case SALIENCE:
                return n * m + actorIndex * m + issueIndex;
            case CAPABILITY:
                return 2 * n * m + actorIndex;
            case OUTSIDE_OPTION:
                return 2 * n * m + n + m + actorIndex * m + issueIndex;
            case OTHERWISE:
                return 3 * n * m + n + m + actorIndex * m + issueIndex;
            case STATUS_QUO:
            default:
                return 2 * n * m + n + issueIndex;
        }
    }

    /** Every input of a resolved world (a scenario without branches), certain or not, in slot order. */
    public static List<Input> all(Scenario world) {
        List<Actor> actors = world.actors();
        List<Issue> issues = world.issues();
        int n = actors.size();
        int m = issues.size();
        Input[] bySlot = new Input[4 * n * m + n + m];
        for (Stance s : world.stances()) {
            int i = indexOfActor(actors, s.actor());
            int k = indexOfIssue(issues, s.issue());
            if (i < 0 || k < 0) {
                continue; // the validator reports it; a valid world has none
            }
            bySlot[slot(Input.Kind.POSITION, i, k, n, m)] = new Input(Input.Kind.POSITION, s.actor(), s.issue(), i, k,
                    s.position().value(), s.position().range(), slot(Input.Kind.POSITION, i, k, n, m));
            bySlot[slot(Input.Kind.SALIENCE, i, k, n, m)] = new Input(Input.Kind.SALIENCE, s.actor(), s.issue(), i, k,
                    s.salience().value(), s.salience().range(), slot(Input.Kind.SALIENCE, i, k, n, m));
            if (s.position().isConditional()) {
                org.parley.model.Estimate o = s.position().conditional().otherwise();
                int sl = slot(Input.Kind.OTHERWISE, i, k, n, m);
                bySlot[sl] = new Input(Input.Kind.OTHERWISE, s.actor(), s.issue(), i, k, o.value(), o.range(), sl);
            }
            if (s.hasOutsideOption()) {
                int sl = slot(Input.Kind.OUTSIDE_OPTION, i, k, n, m);
                bySlot[sl] = new Input(Input.Kind.OUTSIDE_OPTION, s.actor(), s.issue(), i, k, s.outsideOption().value(),
                        s.outsideOption().range(), sl);
            }
        }
        for (int i = 0; i < n; i++) {
            Actor a = actors.get(i);
            int sl = slot(Input.Kind.CAPABILITY, i, -1, n, m);
            bySlot[sl] = new Input(Input.Kind.CAPABILITY, a.id(), null, i, -1, a.capability().value(),
                    a.capability().range(), sl);
        }
        for (int k = 0; k < m; k++) {
            Issue is = issues.get(k);
            if (is.hasStatusQuo()) {
                int sl = slot(Input.Kind.STATUS_QUO, -1, k, n, m);
                bySlot[sl] = new Input(Input.Kind.STATUS_QUO, null, is.id(), -1, k, is.statusQuo().value(),
                        is.statusQuo().range(), sl);
            }
        }
        List<Input> out = new ArrayList<>();
        for (Input in : bySlot) {
            if (in != null) {
                out.add(in);
            }
        }
        return out;
    }

    /** The inputs of a resolved world that carry a range, in slot order. */
    public static List<Input> uncertain(Scenario world) {
        return all(world).stream().filter(Input::uncertain).toList();
    }

    /**
     * A copy of {@code base} with the inputs set to the given values (each on the scenario's scale:
     * saliences 0-100). The base is not changed.
     */
    public static Problem with(Problem base, List<Input> inputs, double[] values) {
        return new Editor(base).with(inputs, values);
    }

    /**
     * Makes copies of one problem with some inputs changed. The ids, scales and rules are shared by
     * every copy (they are read-only); positions, saliences, capabilities and status quos are
     * copied. Thread-safe: an editor can serve every run of a world.
     */
    public static final class Editor {
        private final Problem base;
        private final String[] actorIds;
        private final String[] issueIds;
        private final double[] lo;
        private final double[] hi;
        private final double[] sq;
        private final org.parley.model.DecisionRule[] rules;

        public Editor(Problem base) {
            this.base = base;
            int m = base.issueCount();
            actorIds = base.actorIds().toArray(new String[0]);
            issueIds = base.issueIds().toArray(new String[0]);
            lo = new double[m];
            hi = new double[m];
            sq = new double[m];
            rules = new org.parley.model.DecisionRule[m];
            for (int k = 0; k < m; k++) {
                lo[k] = base.scaleMin(k);
                hi[k] = base.scaleMax(k);
                sq[k] = base.statusQuo(k);
                rules[k] = base.rule(k);
            }
        }

        /** A copy of the base problem with {@code inputs.get(j)} set to {@code values[j]}. */
        public Problem with(List<Input> inputs, double[] values) {
            int n = base.actorCount();
            double[][] pos = base.copyPositions();
            double[][] sal = new double[n][];
            for (int i = 0; i < n; i++) {
                sal[i] = base.salience()[i].clone();
            }
            double[] cap = base.capability().clone();
            double[] q = sq.clone();
            double[][] outside = null;
            org.parley.engine.Conditions conds = base.conditions();
            for (int j = 0; j < inputs.size(); j++) {
                Input in = inputs.get(j);
                double x = values[j];
                switch (in.kind()) {
                    case POSITION:
                        pos[in.actorIndex()][in.issueIndex()] = x;
                        break;
                    case SALIENCE:
                        sal[in.actorIndex()][in.issueIndex()] = x / 100.0;
                        break;
                    case CAPABILITY:
                        cap[in.actorIndex()] = x;
                        break;
                    case OTHERWISE:
                        conds = conds.withOtherwise(conds.indexOf(in.actorIndex(), in.issueIndex()), x);
                        break;
                    case OUTSIDE_OPTION:
                        if (outside == null) {
                            outside = base.consentRules().copyOutsideOptions();
                        }
                        outside[in.actorIndex()][in.issueIndex()] = x;
                        break;
                    case STATUS_QUO:
                    default:
                        q[in.issueIndex()] = x;
                        break;
                }
            }
            return new Problem(actorIds, issueIds, cap, pos, sal, lo, hi, q, rules,
                    outside == null ? base.consentRules() : base.consentRules().withOutsideOptions(outside), conds);
        }
    }

    /** A copy of {@code base} with one input set to {@code value}. */
    public static Problem with(Problem base, Input input, double value) {
        return with(base, List.of(input), new double[] {value});
    }

    private static int indexOfActor(List<Actor> actors, String id) {
        for (int i = 0; i < actors.size(); i++) {
            if (actors.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfIssue(List<Issue> issues, String id) {
        for (int k = 0; k < issues.size(); k++) {
            if (issues.get(k).id().equals(id)) {
                return k;
            }
        }
        return -1;
    }
}
