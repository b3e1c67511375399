package org.parley.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A negotiation as an analyst writes it down: issues, actors, who wants what and how much it
 * matters, where each number came from, and the conditional worlds worth comparing.
 *
 * <p>The record is a plain value: it does not check cross references (unknown actor ids, duplicate
 * ids). {@code org.parley.engine.ScenarioValidator} reports those with their location, all in one
 * pass.
 *
 * @param id          stable id
 * @param title       title
 * @param date        the date the scenario describes (e.g. the article's date), or {@code null}
 * @param description optional longer text
 * @param sources     documents cited by provenance
 * @param issues      the issues, in display order
 * @param actors      the actors, in display order
 * @param stances     positions and saliences; at most one per (actor, issue)
 * @param branches    conditional worlds
 * @param options     model options the scenario sets (precedence: defaults &lt; scenario &lt; flags)
 * @param talks       the probability that negotiations on these issues take place at all in the
 *                    scenario's horizon (value in [0, 1] with its provenance), or {@code null} for
 *                    certain talks (1); a branch may set its own
 */
public record Scenario(String id, String title, LocalDate date, String description, List<Source> sources,
                       List<Issue> issues, List<Actor> actors, List<Stance> stances, List<Branch> branches,
                       Map<String, String> options, Estimate talks) {

    /** The id of the scenario as written, before any branch is applied. */
    public static final String BASE = "base";

    public Scenario {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        sources = List.copyOf(sources == null ? List.of() : sources);
        issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
        actors = List.copyOf(Objects.requireNonNull(actors, "actors"));
        stances = List.copyOf(Objects.requireNonNull(stances, "stances"));
        branches = List.copyOf(branches == null ? List.of() : branches);
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A scenario whose talks are certain (no {@code talks} given). */
    public Scenario(String id, String title, LocalDate date, String description, List<Source> sources,
                    List<Issue> issues, List<Actor> actors, List<Stance> stances, List<Branch> branches,
                    Map<String, String> options) {
        this(id, title, date, description, sources, issues, actors, stances, branches, options, null);
    }

    /** The probability that talks take place: the stated one, else 1. */
    public double talksProbability() {
        return talks == null ? 1.0 : talks.value();
    }

    /**
     * {@code true} when some issue has a rule other than bargaining or a consent list, or some
     * stance (or branch change) states an outside option: then the consent stage applies by default.
     */
    public boolean declaresConsent() {
        if (issues.stream().anyMatch(Issue::declaresConsent) || stances.stream().anyMatch(Stance::hasOutsideOption)) {
            return true;
        }
        return branches.stream().flatMap(b -> b.changes().stream())
                .anyMatch(c -> c.field() == Change.Field.OUTSIDE_OPTION);
    }

    public Scenario withTalks(Estimate newTalks) {
        return new Scenario(id, title, date, description, sources, issues, actors, stances, branches, options, newTalks);
    }

    public Optional<Issue> issue(String issueId) {
        return issues.stream().filter(i -> i.id().equals(issueId)).findFirst();
    }

    public Optional<Actor> actor(String actorId) {
        return actors.stream().filter(a -> a.id().equals(actorId)).findFirst();
    }

    public Optional<Branch> branch(String branchId) {
        return branches.stream().filter(b -> b.id().equals(branchId)).findFirst();
    }

    public Optional<Stance> stance(String actorId, String issueId) {
        return stances.stream().filter(s -> s.actor().equals(actorId) && s.issue().equals(issueId)).findFirst();
    }

    public Scenario withBranches(List<Branch> newBranches) {
        return new Scenario(id, title, date, description, sources, issues, actors, stances, newBranches, options, talks);
    }

    public Scenario withStances(List<Stance> newStances) {
        return new Scenario(id, title, date, description, sources, issues, actors, newStances, branches, options, talks);
    }

    public Scenario withActors(List<Actor> newActors) {
        return new Scenario(id, title, date, description, sources, issues, newActors, stances, branches, options, talks);
    }

    public Scenario withIssues(List<Issue> newIssues) {
        return new Scenario(id, title, date, description, sources, newIssues, actors, stances, branches, options, talks);
    }

    /**
     * The complete scenario of one world: {@link #BASE} gives the scenario as written; a branch id
     * gives the scenario with that branch's changes (and its bases', first) applied. The result has
     * no branches.
     *
     * @throws IllegalArgumentException for an unknown branch id, a cycle of bases, or a change that
     *                                  names an unknown actor or issue
     */
    public Scenario resolve(String branchId) {
        Scenario world = withBranches(List.of());
        if (BASE.equals(branchId)) {
            return world;
        }
        List<Branch> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = branchId;
        while (current != null) {
            if (!seen.add(current)) {
                throw new IllegalArgumentException("branch '" + branchId + "' has a cycle of bases through '" + current + "'");
            }
            String lookFor = current;
            Branch b = branch(lookFor).orElseThrow(() -> new IllegalArgumentException(
                    "unknown branch '" + lookFor + "'; known: " + branchIds()));
            chain.add(0, b);
            current = b.base();
        }
        for (Branch b : chain) {
            for (Change c : b.changes()) {
                world = world.apply(c, b.id());
            }
            if (b.talks() != null) {
                world = world.withTalks(b.talks());
            }
        }
        return world;
    }

    /** Ids of the scenario as written ({@link #BASE}) followed by every branch. */
    public List<String> worldIds() {
        List<String> ids = new ArrayList<>();
        ids.add(BASE);
        ids.addAll(branchIds());
        return ids;
    }

    public List<String> branchIds() {
        return branches.stream().map(Branch::id).toList();
    }

    private Scenario apply(Change c, String branchId) {
        String where = "branch '" + branchId + "': ";
        if (c.actor() != null && actor(c.actor()).isEmpty()) {
            throw new IllegalArgumentException(where + "unknown actor '" + c.actor() + "'");
        }
        if (c.issue() != null && issue(c.issue()).isEmpty()) {
            throw new IllegalArgumentException(where + "unknown issue '" + c.issue() + "'");
        }
        switch (c.field()) {
            case CAPABILITY:
            case NAME:
            case ATTRIBUTES: {
                if (c.actor() == null) {
                    throw new IllegalArgumentException(where + c.field().id() + " change needs an actor");
                }
                List<Actor> as = new ArrayList<>();
                for (Actor a : actors) {
                    if (!a.id().equals(c.actor())) {
                        as.add(a);
                    } else if (c.field() == Change.Field.CAPABILITY) {
                        as.add(a.withCapability(c.value()));
                    } else if (c.field() == Change.Field.NAME) {
                        as.add(a.withName(c.name()));
                    } else {
                        as.add(a.withAttributes(c.attributes()));
                    }
                }
                return withActors(as);
            }
            case STATUS_QUO: {
                List<Issue> is = new ArrayList<>();
                for (Issue i : issues) {
                    is.add(i.id().equals(c.issue()) ? i.withStatusQuo(c.value()) : i);
                }
                return withIssues(is);
            }
            case REMOVE: {
                List<Stance> ss = new ArrayList<>();
                for (Stance s : stances) {
                    boolean drop = s.actor().equals(c.actor()) && (c.issue() == null || s.issue().equals(c.issue()));
                    if (!drop) {
                        ss.add(s);
                    }
                }
                return withStances(ss);
            }
            case POSITION:
            case SALIENCE:
            case OUTSIDE_OPTION: {
                if (c.actor() == null || c.issue() == null) {
                    throw new IllegalArgumentException(where + c.field().id() + " change needs an actor and an issue");
                }
                List<Stance> ss = new ArrayList<>();
                boolean found = false;
                for (Stance s : stances) {
                    if (s.actor().equals(c.actor()) && s.issue().equals(c.issue())) {
                        found = true;
                        ss.add(c.field() == Change.Field.POSITION ? s.withPosition(c.value())
                                : c.field() == Change.Field.SALIENCE ? s.withSalience(c.value())
                                : s.withOutsideOption(c.value()));
                    } else {
                        ss.add(s);
                    }
                }
                if (!found) {
                    throw new IllegalArgumentException(where + "actor '" + c.actor() + "' has no stance on issue '"
                            + c.issue() + "' to change");
                }
                return withStances(ss);
            }
            default:
                throw new IllegalStateException("unhandled field " + c.field());
        }
    }
}
