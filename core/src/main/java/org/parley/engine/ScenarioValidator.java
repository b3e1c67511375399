package org.parley.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parley.model.Actor;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.Condition;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
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

    /** The decision rule's quota, votes and consent list of one issue. */
    private static void checkRule(Scenario s, Issue issue, String path, Set<String> actorIds,
                                  List<ScenarioProblem> out) {
        DecisionRule rule = issue.rule();
        if (issue.quota() != null) {
            double q = issue.quota();
            if (rule != DecisionRule.QUALIFIED_MAJORITY) {
                out.add(ScenarioProblem.error(ProblemCode.BAD_QUOTA, path + ".quota", "issue '" + issue.id()
                        + "' is decided by " + rule.id() + ", which takes no quota")
                        .withHint("Maybe rule: qualified-majority"));
            } else if (!(q > 0.5 && q <= 1)) {
                out.add(ScenarioProblem.error(ProblemCode.BAD_QUOTA, path + ".quota", "quota " + num(q)
                        + " of issue '" + issue.id() + "' lies outside (0.5, 1]")
                        .withHint("Maybe a share of the votes, e.g. 0.65 rather than 65"));
            }
        } else if (rule == DecisionRule.QUALIFIED_MAJORITY) {
            out.add(ScenarioProblem.error(ProblemCode.BAD_QUOTA, path + ".rule", "issue '" + issue.id()
                    + "' is decided by qualified majority but states no quota")
                    .withHint("Maybe quota: 0.65 (the share of votes a qualified majority needs)"));
        }
        String votes = issue.votes();
        if (!votes.equals(Issue.VOTES_CAPABILITY) && !votes.equals(Issue.VOTES_EQUAL)) {
            for (Stance st : s.stances()) {
                if (!st.issue().equals(issue.id())) {
                    continue;
                }
                Actor a = s.actor(st.actor()).orElse(null);
                if (a == null) {
                    continue;
                }
                String v = a.attributes().get(votes);
                if (v == null) {
                    out.add(ScenarioProblem.error(ProblemCode.BAD_VOTES, path + ".votes", "issue '" + issue.id()
                            + "' counts votes by attribute '" + votes + "', which actor '" + a.id() + "' lacks")
                            .withHint("Maybe votes: capability, votes: equal, or give every voter the attribute ("
                                    + votes + ": 0 for an actor without a vote)"));
                } else if (!isVoteCount(v)) {
                    out.add(ScenarioProblem.error(ProblemCode.BAD_VOTES, path + ".votes", "issue '" + issue.id()
                            + "' counts votes by attribute '" + votes + "'; actor '" + a.id() + "' has '" + v
                            + "', not a number >= 0"));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < issue.consent().size(); j++) {
            String id = issue.consent().get(j);
            String cp = path + ".consent[" + j + "]";
            if (!actorIds.contains(id)) {
                out.add(unknown(ProblemCode.UNKNOWN_ACTOR, cp, "actor", id, actorIds));
            } else if (!seen.add(id)) {
                out.add(ScenarioProblem.error(ProblemCode.DUPLICATE_ID, cp, "actor '" + id
                        + "' is named twice in the consent list of issue '" + issue.id() + "'"));
            }
        }
    }

    /** {@code true} for text that reads as a finite number >= 0 (Locale.ROOT). */
    static boolean isVoteCount(String v) {
        try {
            double d = Double.parseDouble(v.strip());
            return Double.isFinite(d) && d >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A conditional position: its {@code otherwise} on the scale, its condition on other, known issues. */
    private static void conditional(Estimate e, String issue, Scale sc, String path, Map<String, Scale> scales,
                                    Set<String> sourceIds, List<ScenarioProblem> out) {
        if (!e.isConditional()) {
            return;
        }
        estimate(e.conditional().otherwise(), sc.min(), sc.max(), ProblemCode.POSITION_OUT_OF_SCALE,
                path + ".otherwise", "position otherwise", sourceIds, out);
        condition(e.conditional().when(), issue, path + ".if", scales, out);
    }

    private static void condition(Condition c, String ownIssue, String path, Map<String, Scale> scales,
                                  List<ScenarioProblem> out) {
        if (c.join() != Condition.Join.ISSUE) {
            String key = c.join() == Condition.Join.ALL ? "all" : "any";
            if (c.parts().isEmpty()) {
                out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, path + "." + key,
                        "'" + key + "' joins at least one condition"));
            }
            for (int p = 0; p < c.parts().size(); p++) {
                condition(c.parts().get(p), ownIssue, path + "." + key + "[" + p + "]", scales, out);
            }
            return;
        }
        Scale sc = scales.get(c.issue());
        if (sc == null) {
            out.add(unknown(ProblemCode.UNKNOWN_ISSUE, path + ".issue", "issue", c.issue(), scales.keySet()));
        } else if (c.issue().equals(ownIssue)) {
            out.add(ScenarioProblem.error(ProblemCode.BAD_CONDITION, path + ".issue", "a position on '" + ownIssue
                    + "' cannot depend on the forecast of '" + ownIssue + "' itself")
                    .withHint("Maybe the condition should test another issue of the trade"));
        }
        if (Double.isNaN(c.atLeast()) && Double.isNaN(c.atMost())) {
            out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, path, "a condition on '" + c.issue()
                    + "' needs 'at-least' and/or 'at-most'"));
            return;
        }
        for (String key : List.of("at-least", "at-most")) {
            double b = key.equals("at-least") ? c.atLeast() : c.atMost();
            if (Double.isInfinite(b)) {
                out.add(ScenarioProblem.error(ProblemCode.BAD_VALUE, path + "." + key, key + " must be finite"));
            } else if (sc != null && !Double.isNaN(b) && !sc.contains(b)) {
                out.add(ScenarioProblem.error(ProblemCode.POSITION_OUT_OF_SCALE, path + "." + key, key + " "
                        + num(b) + " lies outside the scale " + scale(sc) + " of '" + c.issue() + "'"));
            }
        }
        if (c.atLeast() > c.atMost()) {
            out.add(ScenarioProblem.error(ProblemCode.BAD_RANGE, path, "at-least " + num(c.atLeast())
                    + " is above at-most " + num(c.atMost()) + ": the condition can never hold"));
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

    private static void estimate(Estimate e, double lo, double hi, ProblemCode code, String path, String what,
                                 Set<String> sourceIds, List<ScenarioProblem> out) {
        double v = e.value();
        if (e.open()) {
            out.add(openValue(e, path, what));
            if (Double.isNaN(v)) {
                return;
            }
        }
        if (!Double.isFinite(v)) {
            out.add(ScenarioProblem.error(ProblemCode.BAD_VALUE, path, what + " must be a finite number, was " + num(v)));
            return;
        }
        if (v < lo || v > hi) {
            out.add(ScenarioProblem.error(code, path, what + " " + num(v) + " lies outside " + bounds(lo, hi)));
        }
        if (e.hasRange()) {
            if (e.range().low() < lo || e.range().high() > hi) {
                out.add(ScenarioProblem.error(ProblemCode.BAD_RANGE, path + ".range", what + " range ["
                        + num(e.range().low()) + ", " + num(e.range().high()) + "] reaches outside " + bounds(lo, hi)));
            } else if (!e.range().contains(v)) {
                out.add(ScenarioProblem.error(ProblemCode.BAD_RANGE, path + ".range", what + " " + num(v)
                        + " lies outside its own range [" + num(e.range().low()) + ", " + num(e.range().high()) + "]"));
            }
        }
        String src = e.provenance().source();
        if (src != null && !sourceIds.contains(src)) {
            out.add(unknown(ProblemCode.UNKNOWN_SOURCE, path + ".source", "source", src, sourceIds));
        }
        if (!e.provenance().isPresent() && !e.open()) {
            out.add(ScenarioProblem.warning(ProblemCode.MISSING_PROVENANCE, path,
                    what + " " + num(v) + " has no provenance (a source sentence or a judgement)"));
        }
    }

    private static ScenarioProblem openValue(Estimate e, String path, String what) {
        return ScenarioProblem.warning(ProblemCode.OPEN_VALUE, path, what + " is open"
                + (Double.isNaN(e.value()) ? " (no default)" : " (default " + num(e.value()) + ")")
                + (e.provenance().judgement() != null ? ": " + e.provenance().judgement() : ""))
                .withHint(Double.isNaN(e.value()) ? "Maybe state a value: a forecast needs one"
                        : "Maybe state a value, or forecast with --accept-defaults");
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

    private static Set<String> ids(List<String> ids, String path, List<ScenarioProblem> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id.isBlank()) {
                out.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, path + "[" + i + "].id", "id must not be empty"));
            } else if (!seen.add(id)) {
                out.add(ScenarioProblem.error(ProblemCode.DUPLICATE_ID, path + "[" + i + "].id",
                        "id '" + id + "' is used twice in " + path));
            }
        }
        return seen;
    }

    private static ScenarioProblem unknown(ProblemCode code, String path, String what, String id, Set<String> known) {
        String nearest = nearest(id, known);
        ScenarioProblem p = ScenarioProblem.error(code, path, "unknown " + what + " '" + id + "'");
        return nearest == null ? p : p.withHint("Maybe you meant '" + nearest + "'?");
    }

    /** The known id closest to {@code id} by edit distance, when it is close enough to be a typo. */
    public static String nearest(String id, java.util.Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String k : known.stream().sorted().toList()) {
            int d = distance(id.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best != null && bestD <= Math.max(2, id.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String scale(Scale sc) {
        return bounds(sc.min(), sc.max());
    }

    private static String bounds(double lo, double hi) {
        if (hi == Double.MAX_VALUE) {
            return "[" + num(lo) + ", ∞)";
        }
        return "[" + num(lo) + ", " + num(hi) + "]";
    }

    static String num(double d) {
        return Numbers.format(d);
    }
}
