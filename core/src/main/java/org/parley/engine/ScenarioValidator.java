package org.parley.engine;

import static org.parley.engine.ScenarioChecks.checkRule;
import static org.parley.engine.ScenarioChecks.conditional;
import static org.parley.engine.ScenarioChecks.estimate;
import static org.parley.engine.ScenarioChecks.ids;
import static org.parley.engine.ScenarioChecks.isVoteCount;
import static org.parley.engine.ScenarioChecks.num;
import static org.parley.engine.ScenarioChecks.openValue;
import static org.parley.engine.ScenarioChecks.scale;
import static org.parley.engine.ScenarioChecks.unknown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.model.Actor;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.Issue;
import org.parley.model.Scale;
import org.parley.model.ScalePoint;
import org.parley.model.Scenario;
import org.parley.model.Source;
import org.parley.model.Stance;
import org.parley.model.Threshold;

/**
 * Checks a scenario's values and cross references and reports every problem in one pass.
 *
 * <p>Paths are the scenario model's ({@code actors[2].capability}, {@code stances[5].salience},
 * {@code branches[0].changes[1].actor}); a {@link Locator} turns them into the file's lines.
 */
public final class ScenarioValidator {

    private static final double PROBABILITY_TOLERANCE = 1e-6;

    /** What an id may be: letters, digits, '.', '_' and '-', 1 to 100 of them (ids name files, URLs, page elements). */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private ScenarioValidator() {
    }

    /** Every problem of the scenario, errors and warnings, placed by the locator, in file order. */
    public static List<ScenarioProblem> validate(Scenario s, Locator locator) {
        List<ScenarioProblem> out = new ArrayList<>();
        check(s, out);
        List<ScenarioProblem> placed = new ArrayList<>();
        for (ScenarioProblem p : out) {
            placed.add(locator.place(p));
        }
        placed.sort(Comparator.comparingInt((ScenarioProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                .thenComparingInt(ScenarioProblem::column));
        return placed;
    }

    public static List<ScenarioProblem> validate(Scenario s) {
        return validate(s, Locator.none());
    }

    /** Throws {@link ScenarioException} when the scenario has errors; returns its warnings. */
    public static List<ScenarioProblem> require(Scenario s, Locator locator) {
        List<ScenarioProblem> all = validate(s, locator);
        if (all.stream().anyMatch(ScenarioProblem::isError)) {
            throw new ScenarioException(all.stream().filter(ScenarioProblem::isError).toList());
        }
        return all;
    }

    private static void check(Scenario s, List<ScenarioProblem> out) {
        if (s.actors().isEmpty()) {
            out.add(ScenarioProblem.error(ProblemCode.EMPTY_SCENARIO, "actors", "the scenario has no actors")
                    .withHint("Maybe the file is not a scenario, or the actors list is empty"));
        }
        if (s.issues().isEmpty()) {
            out.add(ScenarioProblem.error(ProblemCode.EMPTY_SCENARIO, "issues", "the scenario has no issues"));
        }
        Set<String> sourceIds = ids(s.sources().stream().map(Source::id).toList(), "sources", out);
        Set<String> issueIds = ids(s.issues().stream().map(Issue::id).toList(), "issues", out);
        Set<String> actorIds = ids(s.actors().stream().map(Actor::id).toList(), "actors", out);
        ids(s.branches().stream().map(Branch::id).toList(), "branches", out);
        Map<String, Scale> scales = new HashMap<>();
        for (Issue i : s.issues()) {
            scales.putIfAbsent(i.id(), i.scale());
        }
        if (s.talks() != null) {
            estimate(s.talks(), 0, 1, ProblemCode.BAD_PROBABILITY, "talks", "talks probability", sourceIds, out);
        }

        for (int k = 0; k < s.issues().size(); k++) {
            Issue issue = s.issues().get(k);
            String path = "issues[" + k + "]";
            Scale sc = issue.scale();
            for (int p = 0; p < sc.points().size(); p++) {
                ScalePoint pt = sc.points().get(p);
                if (!sc.contains(pt.value())) {
                    out.add(ScenarioProblem.error(ProblemCode.BAD_SCALE, path + ".scale.points[" + p + "]",
                            "labelled point " + num(pt.value()) + " lies outside the scale " + scale(sc)));
                }
            }
            if (issue.hasStatusQuo()) {
                estimate(issue.statusQuo(), sc.min(), sc.max(), ProblemCode.POSITION_OUT_OF_SCALE,
                        path + ".statusQuo", "status quo", sourceIds, out);
            }
            checkRule(s, issue, path, actorIds, out);
            for (int t = 0; t < issue.thresholds().size(); t++) {
                Threshold th = issue.thresholds().get(t);
                if (!sc.contains(th.value())) {
                    out.add(ScenarioProblem.error(ProblemCode.POSITION_OUT_OF_SCALE, path + ".thresholds[" + t + "]",
                            "threshold " + num(th.value()) + " lies outside the scale " + scale(sc)));
                }
                if (th.by() != null && s.date() != null && th.by().isBefore(s.date())) {
                    out.add(ScenarioProblem.error(ProblemCode.BAD_VALUE, path + ".thresholds[" + t + "].by",
                            "the horizon " + th.by() + " of threshold '" + th.id() + "' lies before the scenario's date "
                            + s.date()));
                }
            }
        }
        for (int a = 0; a < s.actors().size(); a++) {
            Actor actor = s.actors().get(a);
            String path = "actors[" + a + "].capability";
            double c = actor.capability().value();
            if (actor.capability().openWithoutDefault()) {
                out.add(openValue(actor.capability(), path, "capability"));
            } else if (!Double.isFinite(c) || c < 0) {
                out.add(ScenarioProblem.error(ProblemCode.BAD_CAPABILITY, path,
                        "capability of '" + actor.id() + "' must be a finite number >= 0, was " + num(c)));
            } else {
                estimate(actor.capability(), 0, Double.MAX_VALUE, ProblemCode.BAD_CAPABILITY, path, "capability",
                        sourceIds, out);
            }
        }
        Set<String> seenStances = new HashSet<>();
        for (int j = 0; j < s.stances().size(); j++) {
            Stance st = s.stances().get(j);
            String path = "stances[" + j + "]";
            boolean ok = true;
            if (!actorIds.contains(st.actor())) {
                out.add(unknown(ProblemCode.UNKNOWN_ACTOR, path + ".actor", "actor", st.actor(), actorIds));
                ok = false;
            }
            if (!issueIds.contains(st.issue())) {
                out.add(unknown(ProblemCode.UNKNOWN_ISSUE, path + ".issue", "issue", st.issue(), issueIds));
                ok = false;
            }
            if (ok && !seenStances.add(st.actor() + "\u0000" + st.issue())) {
                out.add(ScenarioProblem.error(ProblemCode.DUPLICATE_ID, path, "actor '" + st.actor()
                        + "' has more than one stance on issue '" + st.issue() + "'"));
            }
            Scale sc = scales.get(st.issue());
            if (sc != null) {
                estimate(st.position(), sc.min(), sc.max(), ProblemCode.POSITION_OUT_OF_SCALE, path + ".position",
                        "position", sourceIds, out);
                conditional(st.position(), st.issue(), sc, path + ".position", scales, sourceIds, out);
            }
            estimate(st.salience(), 0, 100, ProblemCode.SALIENCE_OUT_OF_RANGE, path + ".salience", "salience",
                    sourceIds, out);
            if (sc != null && st.hasOutsideOption()) {
                estimate(st.outsideOption(), sc.min(), sc.max(), ProblemCode.POSITION_OUT_OF_SCALE,
                        path + ".outsideOption", "outside option", sourceIds, out);
            }
        }
        checkBranches(s, actorIds, issueIds, sourceIds, scales, out);
    }

    private static void checkBranches(Scenario s, Set<String> actorIds, Set<String> issueIds, Set<String> sourceIds,
                                      Map<String, Scale> scales, List<ScenarioProblem> out) {
        Set<String> branchIds = new HashSet<>(s.branchIds());
        double sum = 0;
        int withProbability = 0;
        for (int b = 0; b < s.branches().size(); b++) {
            Branch br = s.branches().get(b);
            String path = "branches[" + b + "]";
            if (Scenario.BASE.equals(br.id())) {
                out.add(ScenarioProblem.error(ProblemCode.DUPLICATE_ID, path + ".id",
                        "'" + Scenario.BASE + "' is reserved for the scenario as written; name the branch otherwise"));
            }
            String probSource = br.probabilitySource().source();
            if (probSource != null && !sourceIds.contains(probSource)) {
                out.add(unknown(ProblemCode.UNKNOWN_SOURCE, path + ".probability.source", "source", probSource, sourceIds));
            }
            if (br.probability() != null) {
                double p = br.probability();
                if (!(p >= 0 && p <= 1)) {
                    out.add(ScenarioProblem.error(ProblemCode.BAD_PROBABILITY, path + ".probability",
                            "probability of branch '" + br.id() + "' must lie in [0, 1], was " + num(p)));
                } else {
                    sum += p;
                    withProbability++;
                }
            }
            if (br.talks() != null) {
                estimate(br.talks(), 0, 1, ProblemCode.BAD_PROBABILITY, path + ".talks", "talks probability",
                        sourceIds, out);
            }
            if (br.base() != null) {
                if (!branchIds.contains(br.base())) {
                    out.add(unknown(ProblemCode.UNKNOWN_BRANCH, path + ".base", "branch", br.base(), branchIds));
                } else if (hasCycle(s, br)) {
                    out.add(ScenarioProblem.error(ProblemCode.UNKNOWN_BRANCH, path + ".base",
                            "branch '" + br.id() + "' extends itself through its bases"));
                }
            }
            for (int c = 0; c < br.changes().size(); c++) {
                Change ch = br.changes().get(c);
                String cp = path + ".changes[" + c + "]";
                boolean actorOk = ch.actor() == null || actorIds.contains(ch.actor());
                boolean issueOk = ch.issue() == null || issueIds.contains(ch.issue());
                if (!actorOk) {
                    out.add(unknown(ProblemCode.UNKNOWN_ACTOR, cp + ".actor", "actor", ch.actor(), actorIds));
                }
                if (!issueOk) {
                    out.add(unknown(ProblemCode.UNKNOWN_ISSUE, cp + ".issue", "issue", ch.issue(), issueIds));
                }
                switch (ch.field()) {
                    case POSITION:
                    case SALIENCE:
                    case OUTSIDE_OPTION:
                        if (ch.actor() == null || ch.issue() == null) {
                            out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, cp,
                                    "a " + ch.field().id() + " change names both an actor and an issue"));
                        } else if (actorOk && issueOk && s.stance(ch.actor(), ch.issue()).isEmpty()) {
                            out.add(ScenarioProblem.error(ProblemCode.BAD_VALUE, cp, "actor '" + ch.actor()
                                    + "' has no stance on issue '" + ch.issue() + "' for this branch to change"));
                        } else if (ch.field() == Change.Field.POSITION && scales.containsKey(ch.issue())) {
                            Scale sc = scales.get(ch.issue());
                            estimate(ch.value(), sc.min(), sc.max(), ProblemCode.POSITION_OUT_OF_SCALE,
                                    cp + ".position", "position", sourceIds, out);
                            conditional(ch.value(), ch.issue(), sc, cp + ".position", scales, sourceIds, out);
                        } else if (ch.field() == Change.Field.SALIENCE) {
                            estimate(ch.value(), 0, 100, ProblemCode.SALIENCE_OUT_OF_RANGE, cp + ".salience",
                                    "salience", sourceIds, out);
                        } else if (ch.field() == Change.Field.OUTSIDE_OPTION && scales.containsKey(ch.issue())) {
                            Scale sc = scales.get(ch.issue());
                            estimate(ch.value(), sc.min(), sc.max(), ProblemCode.POSITION_OUT_OF_SCALE,
                                    cp + ".outsideOption", "outside option", sourceIds, out);
                        }
                        break;
                    case NAME:
                        if (ch.actor() == null) {
                            out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, cp, "a name change names an actor"));
                        } else if (ch.name().isBlank()) {
                            out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, cp + ".name", "the new name is empty"));
                        }
                        break;
                    case ATTRIBUTES:
                        if (ch.actor() == null) {
                            out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, cp,
                                    "an attributes change names an actor"));
                        }
                        for (Map.Entry<String, String> e : ch.attributes().entrySet()) {
                            for (Issue issue : s.issues()) {
                                if (issue.votes().equals(e.getKey()) && !isVoteCount(e.getValue())) {
                                    out.add(ScenarioProblem.error(ProblemCode.BAD_VOTES, cp + ".attributes." + e.getKey(),
                                            "issue '" + issue.id() + "' counts votes by attribute '" + e.getKey()
                                                    + "', which must be a number >= 0; this change sets '"
                                                    + e.getValue() + "'"));
                                    break;
                                }
                            }
                        }
                        break;
                    case CAPABILITY:
                        if (ch.actor() == null) {
                            out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, cp,
                                    "a capability change names an actor"));
                        } else {
                            estimate(ch.value(), 0, Double.MAX_VALUE, ProblemCode.BAD_CAPABILITY,
                                    cp + ".capability", "capability", sourceIds, out);
                        }
                        break;
                    case STATUS_QUO:
                        if (ch.issue() == null) {
                            out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, cp,
                                    "a status-quo change names an issue"));
                        } else if (scales.containsKey(ch.issue())) {
                            Scale sc = scales.get(ch.issue());
                            estimate(ch.value(), sc.min(), sc.max(), ProblemCode.POSITION_OUT_OF_SCALE,
                                    cp + ".statusQuo", "status quo", sourceIds, out);
                        }
                        break;
                    case REMOVE:
                        if (ch.actor() == null) {
                            out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, cp, "a removal names an actor"));
                        }
                        break;
                    default:
                        break;
                }
            }
        }
        if (withProbability > 0 && Math.abs(sum - 1.0) > PROBABILITY_TOLERANCE) {
            out.add(ScenarioProblem.error(ProblemCode.BAD_PROBABILITY, "branches",
                    "the probabilities of the branches sum to " + num(sum) + ", not 1")
                    .withHint("Maybe a what-if branch should have no probability at all"));
        }
    }

    private static boolean hasCycle(Scenario s, Branch start) {
        Set<String> seen = new HashSet<>();
        String cur = start.id();
        while (cur != null) {
            if (!seen.add(cur)) {
                return true;
            }
            String id = cur;
            cur = s.branch(id).map(Branch::base).orElse(null);
        }
        return false;
    }

    /**
     * {@code BAD_ID} for the scenario's id and every actor, issue, branch and source id outside
     * {@link #ID}, placed by the locator. Parley's own formats must pass it (ids name files, URLs and
     * page elements); the peer importers keep the peers' names as ids (replication compares by them).
     */
    public static List<ScenarioProblem> idProblems(Scenario s, Locator locator) {
        List<ScenarioProblem> out = new ArrayList<>();
        if (s.id() != null && !s.id().isBlank() && !ID.matcher(s.id()).matches()) {
            out.add(badId("id", "scenario", s.id()));
        }
        badIds(s.sources().stream().map(Source::id).toList(), "sources", "source", out);
        badIds(s.issues().stream().map(Issue::id).toList(), "issues", "issue", out);
        badIds(s.actors().stream().map(Actor::id).toList(), "actors", "actor", out);
        badIds(s.branches().stream().map(Branch::id).toList(), "branches", "branch", out);
        return out.stream().map(locator::place).toList();
    }

    private static void badIds(List<String> ids, String path, String what, List<ScenarioProblem> out) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id != null && !id.isBlank() && !ID.matcher(id).matches()) {
                out.add(badId(path + "[" + i + "].id", what, id));
            }
        }
    }

    private static ScenarioProblem badId(String path, String what, String id) {
        String shown = id.length() > 60 ? id.substring(0, 60) + "..." : id;
        return ScenarioProblem.error(ProblemCode.BAD_ID, path, what + " id '" + shown + "' may contain only letters, "
                + "digits, '.', '_' and '-' (1 to 100 of them)").withHint("Ids end up in file names, URLs and web pages; "
                + "maybe '" + sanitise(id) + "'?");
    }

    /**
     * {@code id} made valid: every other character becomes {@code _}, a leading dot too, clipped to
     * 100 characters (what the peer importers use for names that are not ids).
     */
    public static String sanitise(String id) {
        String s = id.strip().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]", "_");
        s = s.length() > 100 ? s.substring(0, 100) : s;
        return s.isEmpty() ? "_" : s;
    }

    /**
     * Every open value as an error, for a run that needs numbers: empty when there is none.
     * {@link Simulation#plan} refuses a scenario with open values.
     */
    public static List<ScenarioProblem> openValues(Scenario s, Locator locator) {
        List<ScenarioProblem> out = new ArrayList<>();
        org.parley.model.Estimates.each(s, (path, e) -> {
            if (e.open()) {
                ScenarioProblem w = openValue(e, path, path.substring(path.lastIndexOf('.') + 1));
                out.add(locator.place(new ScenarioProblem(w.code(), ScenarioProblem.Severity.ERROR, w.file(), w.line(),
                        w.column(), w.path(), w.message(), w.hint())));
            }
        });
        return out;
    }

    /** The known id closest to {@code id} by edit distance, when it is close enough to be a typo. */
    public static String nearest(String id, java.util.Collection<String> known) {
        return ScenarioChecks.nearest(id, known);
    }
}
