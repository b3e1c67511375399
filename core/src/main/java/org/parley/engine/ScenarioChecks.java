package org.parley.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parley.model.Actor;
import org.parley.model.Condition;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/**
 * The checks {@link ScenarioValidator} applies to single values and references: an estimate
 * against its bounds and sources, a conditional position, a decision rule, a list of ids, an
 * unknown id with the nearest known one.
 */
final class ScenarioChecks {

    private ScenarioChecks() {
    }

    /** The decision rule's quota, votes and consent list of one issue. */
    static void checkRule(Scenario s, Issue issue, String path, Set<String> actorIds,
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
    static void conditional(Estimate e, String issue, Scale sc, String path, Map<String, Scale> scales,
                                    Set<String> sourceIds, List<ScenarioProblem> out) {
        if (!e.isConditional()) {
            return;
        }
        estimate(e.conditional().otherwise(), sc.min(), sc.max(), ProblemCode.POSITION_OUT_OF_SCALE,
                path + ".otherwise", "position otherwise", sourceIds, out);
        condition(e.conditional().when(), issue, path + ".if", scales, out);
    }

    static void condition(Condition c, String ownIssue, String path, Map<String, Scale> scales,
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

    static void estimate(Estimate e, double lo, double hi, ProblemCode code, String path, String what,
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

    static ScenarioProblem openValue(Estimate e, String path, String what) {
        return ScenarioProblem.warning(ProblemCode.OPEN_VALUE, path, what + " is open"
                + (Double.isNaN(e.value()) ? " (no default)" : " (default " + num(e.value()) + ")")
                + (e.provenance().judgement() != null ? ": " + e.provenance().judgement() : ""))
                .withHint(Double.isNaN(e.value()) ? "Maybe state a value: a forecast needs one"
                        : "Maybe state a value, or forecast with --accept-defaults");
    }

    static Set<String> ids(List<String> ids, String path, List<ScenarioProblem> out) {
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

    static ScenarioProblem unknown(ProblemCode code, String path, String what, String id, Set<String> known) {
        String nearest = nearest(id, known);
        ScenarioProblem p = ScenarioProblem.error(code, path, "unknown " + what + " '" + id + "'");
        return nearest == null ? p : p.withHint("Maybe you meant '" + nearest + "'?");
    }

    /** The known id closest to {@code id} by edit distance, when it is close enough to be a typo. */
    static String nearest(String id, java.util.Collection<String> known) {
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

    static int distance(String a, String b) {
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

    static String scale(Scale sc) {
        return bounds(sc.min(), sc.max());
    }

    static String bounds(double lo, double hi) {
        if (hi == Double.MAX_VALUE) {
            return "[" + num(lo) + ", ∞)";
        }
        return "[" + num(lo) + ", " + num(hi) + "]";
    }

    static String num(double d) {
        return Numbers.format(d);
    }
}
