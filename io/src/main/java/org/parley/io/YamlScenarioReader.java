package org.parley.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.model.Actor;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Scale;
import org.parley.model.ScalePoint;
import org.parley.model.Scenario;
import org.parley.model.Source;
import org.parley.model.Stance;
import org.parley.model.Threshold;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads Parley's scenario format from YAML or JSON (JSON is read as YAML 1.2) into a
 * {@link Scenario}, recording where every value stands so that problems name file, line, column
 * and the field path as written. Every problem of the file is collected in one pass.
 *
 * <p>The format is documented in the README ("Scenario format"); {@link ScenarioWriter} writes it.
 */
public final class YamlScenarioReader extends YamlValueReader {

    /** {@code draft} is the evidence block 'parley draft' writes; the reader checks it is a mapping and skips it. */
    static final Set<String> TOP = Set.of("parley", "id", "title", "date", "description", "sources", "issues",
            "actors", "branches", "options", "talks", "draft");
    static final Set<String> SOURCE = Set.of("id", "title", "date", "file", "url");
    static final Set<String> ISSUE = Set.of("id", "name", "description", "scale", "status-quo", "rule", "quota", "votes",
            "consent", "thresholds");
    static final Set<String> SCALE = Set.of("min", "max", "low", "high", "points");
    static final Set<String> POINT = Set.of("value", "label");
    static final Set<String> THRESHOLD = Set.of("id", "above", "below", "question", "by");
    static final Set<String> ACTOR = Set.of("id", "name", "capability", "attributes", "stances");
    static final Set<String> STANCE = Set.of("position", "salience", "outside-option");
    static final Set<String> BRANCH = Set.of("id", "name", "description", "probability", "base", "changes", "talks");
    /** The fields a branch change may set, exactly one per change. */
    static final List<String> CHANGE_FIELDS = List.of("position", "salience", "outside-option", "capability",
            "status-quo", "name", "attributes", "remove");
    static final Set<String> CHANGE = Set.of("actor", "issue", "position", "salience", "outside-option", "capability",
            "status-quo", "name", "attributes", "remove");

    private YamlScenarioReader(String file) {
        super(file);
    }

    /** Reads a scenario; throws {@link ScenarioException} with every syntax and structure problem. */
    public static Imported read(TextFile text) {
        YamlScenarioReader r = new YamlScenarioReader(text.name());
        Node root = r.compose(text.text());
        Scenario s = r.scenario(root);
        if (!r.problems.isEmpty()) {
            throw new ScenarioException(r.problems);
        }
        return new Imported(s, r.loc, text.warnings());
    }

    // ---------------------------------------------------------------- structure

    private Scenario scenario(Node root) {
        Map<String, Node> top = mapping(root, "", TOP);
        if (top == null) {
            return null;
        }
        if (top.containsKey("parley")) {
            String v = scalar(top.get("parley"), "parley");
            if (v != null && !v.equals("1")) {
                error(ProblemCode.BAD_VALUE, top.get("parley"), "parley", "format version " + v
                        + " is not one this Parley reads (1)");
            }
        }
        if (top.containsKey("draft")) {
            mapping(top.get("draft"), "draft", null);
        }
        for (String list : List.of("sources", "issues", "actors", "branches", "options")) {
            at(list, list, top.get(list));
        }
        String id = requiredText(top, "id", "", root);
        String title = text(top, "title", "");
        LocalDate date = date(top.get("date"), "date");
        String description = text(top, "description", "");
        List<Source> sources = new ArrayList<>();
        forEach(top.get("sources"), "sources", (n, p, i) -> {
            Map<String, Node> m = mapping(n, p, SOURCE);
            if (m != null) {
                sources.add(new Source(requiredText(m, "id", p, n), text(m, "title", p), date(m.get("date"), p + ".date"),
                        text(m, "file", p), text(m, "url", p)));
                at("sources[" + i + "]", p, n);
            }
        });
        List<Issue> issues = new ArrayList<>();
        forEach(top.get("issues"), "issues", (n, p, i) -> {
            Issue is = issue(n, p, i);
            if (is != null) {
                issues.add(is);
            }
        });
        List<Actor> actors = new ArrayList<>();
        List<Stance> stances = new ArrayList<>();
        forEach(top.get("actors"), "actors", (n, p, i) -> actor(n, p, i, actors, stances));
        List<Branch> branches = new ArrayList<>();
        forEach(top.get("branches"), "branches", (n, p, i) -> {
            Branch b = branch(n, p, i);
            if (b != null) {
                branches.add(b);
            }
        });
        Map<String, String> options = new LinkedHashMap<>();
        Node opt = top.get("options");
        if (opt != null) {
            Map<String, Node> m = mapping(opt, "options", null);
            if (m != null) {
                for (Map.Entry<String, Node> e : m.entrySet()) {
                    String v = scalar(e.getValue(), "options." + e.getKey());
                    if (v != null) {
                        at("options." + e.getKey(), "options." + e.getKey(), e.getValue());
                        options.put(e.getKey(), v);
                    }
                }
            }
        }
        if (!top.containsKey("actors")) {
            error(ProblemCode.EMPTY_SCENARIO, root, "actors", "the scenario has no 'actors'");
        }
        if (!top.containsKey("issues")) {
            error(ProblemCode.EMPTY_SCENARIO, root, "issues", "the scenario has no 'issues'");
        }
        Estimate talks = top.containsKey("talks") ? talks(top.get("talks"), "talks", "talks") : null;
        if (id == null) {
            return null;
        }
        return new Scenario(id, title, date, description, sources, issues, actors, stances, branches, options, talks);
    }

    private Issue issue(Node n, String p, int i) {
        Map<String, Node> m = mapping(n, p, ISSUE);
        if (m == null) {
            return null;
        }
        at("issues[" + i + "]", p, n);
        String id = requiredText(m, "id", p, n);
        Scale scale = Scale.percent("", "");
        Node sn = m.get("scale");
        if (sn != null) {
            Map<String, Node> sm = mapping(sn, p + ".scale", SCALE);
            if (sm != null) {
                double min = number(sm, "min", p + ".scale", 0);
                double max = number(sm, "max", p + ".scale", 100);
                List<ScalePoint> points = new ArrayList<>();
                forEach(sm.get("points"), p + ".scale.points", (pn, pp, pi) -> {
                    Map<String, Node> pm = mapping(pn, pp, POINT);
                    if (pm != null) {
                        double v = requiredNumber(pm, "value", pp, pn);
                        points.add(new ScalePoint(v, text(pm, "label", pp)));
                        at("issues[" + i + "].scale.points[" + pi + "]", pp, pn);
                    }
                });
                if (min < max) {
                    scale = new Scale(min, max, text(sm, "low", p), text(sm, "high", p), points);
                } else {
                    error(ProblemCode.BAD_SCALE, sn, p + ".scale", "scale min " + num(min) + " must be below max "
                            + num(max));
                }
            }
        }
        Estimate sq = null;
        if (m.containsKey("status-quo")) {
            sq = estimate(m.get("status-quo"), p + ".status-quo", "issues[" + i + "].statusQuo");
        }
        DecisionRule rule = DecisionRule.BARGAINING;
        if (m.containsKey("rule")) {
            at("issues[" + i + "].rule", p + ".rule", m.get("rule"));
            String r = scalar(m.get("rule"), p + ".rule");
            if (r != null) {
                try {
                    rule = DecisionRule.fromId(r);
                } catch (IllegalArgumentException e) {
                    error(ProblemCode.BAD_VALUE, m.get("rule"), p + ".rule", e.getMessage());
                }
            }
        }
        Double quota = null;
        if (m.containsKey("quota")) {
            at("issues[" + i + "].quota", p + ".quota", m.get("quota"));
            Double q = parseNumber(m.get("quota"), p + ".quota");
            quota = q == null ? Double.NaN : q;
        }
        String votes = text(m, "votes", p);
        if (m.containsKey("votes")) {
            at("issues[" + i + "].votes", p + ".votes", m.get("votes"));
        }
        List<String> consent = new ArrayList<>();
        if (m.containsKey("consent")) {
            at("issues[" + i + "].consent", p + ".consent", m.get("consent"));
        }
        forEach(m.get("consent"), p + ".consent", (cn, cp, ci) -> {
            String a = scalar(cn, cp);
            if (a != null) {
                at("issues[" + i + "].consent[" + consent.size() + "]", cp, cn);
                consent.add(a);
            }
        });
        List<Threshold> thresholds = new ArrayList<>();
        forEach(m.get("thresholds"), p + ".thresholds", (tn, tp, ti) -> {
            Map<String, Node> tm = mapping(tn, tp, THRESHOLD);
            if (tm == null) {
                return;
            }
            at("issues[" + i + "].thresholds[" + ti + "]", tp, tn);
            String tid = requiredText(tm, "id", tp, tn);
            boolean above = tm.containsKey("above");
            if (above == tm.containsKey("below")) {
                error(ProblemCode.MISSING_FIELD, tn, tp, "a threshold has exactly one of 'above' or 'below'");
                return;
            }
            double v = number(tm, above ? "above" : "below", tp, Double.NaN);
            if (tid != null) {
                thresholds.add(new Threshold(tid, v, above, text(tm, "question", tp), date(tm.get("by"), tp + ".by")));
            }
        });
        if (id == null) {
            return null;
        }
        return new Issue(id, text(m, "name", p), text(m, "description", p), scale, sq, rule, thresholds, quota, votes,
                consent);
    }

    private void actor(Node n, String p, int i, List<Actor> actors, List<Stance> stances) {
        Map<String, Node> m = mapping(n, p, ACTOR);
        if (m == null) {
            return;
        }
        String mp = "actors[" + actors.size() + "]";
        at(mp, p, n);
        String id = requiredText(m, "id", p, n);
        Estimate cap = null;
        if (m.containsKey("capability")) {
            cap = estimate(m.get("capability"), p + ".capability", mp + ".capability");
        } else {
            error(ProblemCode.MISSING_FIELD, n, p + ".capability", "actor '" + (id == null ? "?" : id)
                    + "' has no capability");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Node an = m.get("attributes");
        if (an != null) {
            Map<String, Node> am = mapping(an, p + ".attributes", null);
            if (am != null) {
                for (Map.Entry<String, Node> e : am.entrySet()) {
                    String v = scalar(e.getValue(), p + ".attributes." + e.getKey());
                    if (v != null) {
                        attributes.put(e.getKey(), v);
                    }
                }
            }
        }
        Node stn = m.get("stances");
        if (stn != null) {
            Map<String, Node> sm = mapping(stn, p + ".stances", null);
            if (sm != null) {
                Map<String, Node> keys = keyNodes(stn);
                for (Map.Entry<String, Node> e : sm.entrySet()) {
                    String sp = p + ".stances." + e.getKey();
                    String smp = "stances[" + stances.size() + "]";
                    Map<String, Node> stm = mapping(e.getValue(), sp, STANCE);
                    if (stm == null) {
                        continue;
                    }
                    at(smp, sp, e.getValue());
                    at(smp + ".issue", sp, keys.get(e.getKey()));
                    at(smp + ".actor", p + ".id", m.get("id"));
                    Estimate pos = null;
                    Estimate sal = null;
                    if (stm.containsKey("position")) {
                        pos = estimate(stm.get("position"), sp + ".position", smp + ".position", true);
                    } else {
                        error(ProblemCode.MISSING_FIELD, e.getValue(), sp + ".position", "the stance has no position");
                    }
                    if (stm.containsKey("salience")) {
                        sal = estimate(stm.get("salience"), sp + ".salience", smp + ".salience");
                    } else {
                        error(ProblemCode.MISSING_FIELD, e.getValue(), sp + ".salience", "the stance has no salience");
                    }
                    Estimate outside = null;
                    if (stm.containsKey("outside-option")) {
                        outside = estimate(stm.get("outside-option"), sp + ".outside-option", smp + ".outsideOption");
                    }
                    if (id != null && pos != null && sal != null) {
                        stances.add(new Stance(id, e.getKey(), pos, sal, outside));
                    }
                }
            }
        }
        if (id != null && cap != null) {
            actors.add(new Actor(id, text(m, "name", p), cap, attributes));
        }
    }

    private Branch branch(Node n, String p, int i) {
        Map<String, Node> m = mapping(n, p, BRANCH);
        if (m == null) {
            return null;
        }
        String bp = "branches[" + i + "]";
        at(bp, p, n);
        String id = requiredText(m, "id", p, n);
        Double probability = null;
        Provenance probabilitySource = null;
        if (m.containsKey("probability") && m.get("probability") instanceof MappingNode) {
            // {value: P, source/quote/sentence or judgement}: the probability with its provenance
            Node pn = m.get("probability");
            at(bp + ".probability", p + ".probability", pn);
            Map<String, Node> pm = mapping(pn, p + ".probability", PROBABILITY);
            if (pm != null) {
                probability = requiredNumber(pm, "value", p + ".probability", pn);
                probabilitySource = provenance(pm, pn, p + ".probability", bp + ".probability");
            }
        } else if (m.containsKey("probability")) {
            double v = number(m, "probability", p, Double.NaN);
            probability = v;
            at(bp + ".probability", p + ".probability", m.get("probability"));
        }
        String base = text(m, "base", p);
        if (m.containsKey("base")) {
            at(bp + ".base", p + ".base", m.get("base"));
        }
        List<Change> changes = new ArrayList<>();
        forEach(m.get("changes"), p + ".changes", (cn, cp, ci) -> {
            Map<String, Node> cm = mapping(cn, cp, CHANGE);
            if (cm == null) {
                return;
            }
            String mp = bp + ".changes[" + changes.size() + "]";
            at(mp, cp, cn);
            String actor = text(cm, "actor", cp);
            String issue = text(cm, "issue", cp);
            if (cm.containsKey("actor")) {
                at(mp + ".actor", cp + ".actor", cm.get("actor"));
            }
            if (cm.containsKey("issue")) {
                at(mp + ".issue", cp + ".issue", cm.get("issue"));
            }
            List<String> fields = new ArrayList<>();
            for (String f : CHANGE_FIELDS) {
                if (cm.containsKey(f)) {
                    fields.add(f);
                }
            }
            if (fields.size() != 1) {
                error(ProblemCode.MISSING_FIELD, cn, cp, "a change sets exactly one of " + String.join(", ", CHANGE_FIELDS)
                        + "; this one sets " + (fields.isEmpty() ? "none" : String.join(", ", fields)));
                return;
            }
            String f = fields.get(0);
            Change.Field field = Change.Field.fromId(f);
            if (field == Change.Field.NAME) {
                at(mp + ".name", cp + ".name", cm.get("name"));
                String name = scalar(cm.get("name"), cp + ".name");
                if (name != null) {
                    changes.add(Change.name(actor, name));
                }
                return;
            }
            if (field == Change.Field.ATTRIBUTES) {
                at(mp + ".attributes", cp + ".attributes", cm.get("attributes"));
                Map<String, Node> am = mapping(cm.get("attributes"), cp + ".attributes", null);
                if (am == null) {
                    return;
                }
                Map<String, String> set = new LinkedHashMap<>();
                for (Map.Entry<String, Node> e : am.entrySet()) {
                    String v = scalar(e.getValue(), cp + ".attributes." + e.getKey());
                    if (v != null) {
                        at(mp + ".attributes." + e.getKey(), cp + ".attributes." + e.getKey(), e.getValue());
                        set.put(e.getKey(), v);
                    }
                }
                changes.add(Change.attributes(actor, set));
                return;
            }
            if (field == Change.Field.REMOVE) {
                String v = scalar(cm.get("remove"), cp + ".remove");
                if (v != null && !v.equals("true")) {
                    error(ProblemCode.BAD_VALUE, cm.get("remove"), cp + ".remove", "remove takes 'true'");
                    return;
                }
                changes.add(new Change(field, actor, issue, null));
                return;
            }
            String valuePath = mp + "." + (field == Change.Field.STATUS_QUO ? "statusQuo"
                    : field == Change.Field.OUTSIDE_OPTION ? "outsideOption" : f);
            Estimate e = estimate(cm.get(f), cp + "." + f, valuePath, field == Change.Field.POSITION);
            if (e != null) {
                changes.add(new Change(field, actor, issue, e));
            }
        });
        Estimate talks = m.containsKey("talks") ? talks(m.get("talks"), p + ".talks", bp + ".talks") : null;
        if (id == null) {
            return null;
        }
        return new Branch(id, text(m, "name", p), text(m, "description", p), probability, base, changes, talks,
                probabilitySource);
    }

}
