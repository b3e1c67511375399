package org.parley.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a scenario left {@code open} (a draft's unstated numbers), and the scenario with
 * their defaults accepted.
 */
public final class OpenValues {

    private OpenValues() {
    }

    /** Every open value by model path, in file order. */
    public static Map<String, Estimate> of(Scenario s) {
        Map<String, Estimate> out = new LinkedHashMap<>();
        Estimates.each(s, (path, e) -> {
            if (e.open()) {
                out.put(path, e);
            }
        });
        return out;
    }

    /** The scenario with every open value that has a default set to it; open values without one stay open. */
    public static Scenario acceptDefaults(Scenario s) {
        List<Issue> issues = new ArrayList<>();
        for (Issue i : s.issues()) {
            issues.add(i.hasStatusQuo() && accept(i.statusQuo()) != i.statusQuo() ? i.withStatusQuo(accept(i.statusQuo())) : i);
        }
        List<Actor> actors = new ArrayList<>();
        for (Actor a : s.actors()) {
            actors.add(a.withCapability(accept(a.capability())));
        }
        List<Stance> stances = new ArrayList<>();
        for (Stance st : s.stances()) {
            stances.add(st.withPosition(accept(st.position())).withSalience(accept(st.salience())));
        }
        List<Branch> branches = new ArrayList<>();
        for (Branch b : s.branches()) {
            List<Change> changes = new ArrayList<>();
            for (Change c : b.changes()) {
                changes.add(c.value() == null ? c
                        : new Change(c.field(), c.actor(), c.issue(), accept(c.value()), c.name(), c.attributes()));
            }
            branches.add(new Branch(b.id(), b.name(), b.description(), b.probability(), b.base(), changes,
                    accept(b.talks()), b.probabilitySource()));
        }
        return s.withIssues(issues).withActors(actors).withStances(stances).withBranches(branches)
                .withTalks(accept(s.talks()));
    }

    private static Estimate accept(Estimate e) {
        if (e == null) {
            return null;
        }
        Estimate out = e.open() && !Double.isNaN(e.value()) ? e.accepted() : e;
        if (out.isConditional() && out.conditional().otherwise().open()) {
            Conditional c = out.conditional();
            out = new Estimate(out.value(), out.range(), out.provenance(), new Conditional(c.when(), accept(c.otherwise())),
                    out.open());
        }
        return out;
    }
}
