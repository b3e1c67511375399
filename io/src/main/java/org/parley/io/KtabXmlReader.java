package org.parley.io;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Source;
import org.parley.model.Stance;

/**
 * Reads KTAB's SMP XML ({@code smpSchema.xsd}): {@code <Scenario>} with {@code name}, {@code desc},
 * {@code prngSeed}, optional {@code <ModelParameters>} (the nine KTAB parameters, which become
 * {@code spatial.*} scenario options), {@code <Dimensions><dName>}, {@code <Actors><Actor>} with
 * name, description, capability, {@code <Position><dCoord>} and {@code <Salience><dSal>} on 0-100,
 * and optional {@code <IdealAdjustment><iaPair>} entries (KTAB's accommodation matrix, identity
 * elsewhere), which become the {@code spatial.accommodation} option.
 *
 * <p>Both the schema's enum names and KTAB's code names are accepted ({@code Proportional} /
 * {@code Prop}, {@code No} / {@code None}). KTAB v1.4 rejects a file without
 * {@code <IdealAdjustment>} although its schema makes it optional; Parley reads it as the identity
 * and warns. An empty or non-numeric coordinate (as in KTAB's shipped {@code smpExample.xml}) is an
 * error naming the actor, the dimension and the line.
 */
public final class KtabXmlReader {

    private KtabXmlReader() {
    }

    /** A parsed element: name, text, children, and where it starts. */
    private static final class Node {
        final String name;
        final int line;
        final int column;
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();

        Node(String name, int line, int column) {
            this.name = name;
            this.line = line;
            this.column = column;
        }

        Node child(String n) {
            for (Node c : children) {
                if (c.name.equals(n)) {
                    return c;
                }
            }
            return null;
        }

        List<Node> all(String n) {
            List<Node> out = new ArrayList<>();
            for (Node c : children) {
                if (c.name.equals(n)) {
                    out.add(c);
                }
            }
            return out;
        }

        String text() {
            return text.toString().strip();
        }
    }

    /** KTAB parameter element, Parley option key, and the accepted names (KTAB name -> option value). */
    private static final String[][][] PARAMETERS = {
        {{"VictoryProbModel", "victory-prob"}, {"Linear", "linear"}, {"Square", "square"}, {"Quartic", "quartic"},
            {"Octic", "octic"}, {"Binary", "binary"}},
        {{"PCEModel", "pce"}, {"Conditional", "conditional"}, {"MarkovIncentive", "markov-incentive"},
            {"MarkovUniform", "markov-uniform"}},
        {{"StateTransitions", "transitions"}, {"Deterministic", "deterministic"}, {"Stochastic", "stochastic"}},
        {{"VotingRule", "voting-rule"}, {"Binary", "binary"}, {"PropBin", "prop-bin"}, {"Prop", "prop"},
            {"Proportional", "prop"}, {"PropCbc", "prop-cbc"}, {"Cubic", "cubic"}, {"ASymProsp", "asym-prosp"}},
        {{"BigRAdjust", "big-r-adjust"}, {"None", "none"}, {"No", "none"}, {"OneThird", "one-third"},
            {"Half", "half"}, {"TwoThirds", "two-thirds"}, {"Full", "full"}},
        {{"BigRRange", "big-r-range"}, {"Min", "min"}, {"Mid", "mid"}, {"Max", "max"}},
        {{"ThirdPartyCommit", "third-party-commit"}, {"NoCommit", "no-commit"}, {"SemiCommit", "semi-commit"},
            {"FullCommit", "full-commit"}},
        {{"InterVecBrgn", "inter-vec-bargain"}, {"S1P1", "s1p1"}, {"S2P2", "s2p2"}, {"S2PMax", "s2pmax"}},
        {{"BargnModel", "bargain-model"}, {"InitOnlyInterp", "init-only"}, {"InitRcvrInterp", "init-rcvr"},
            {"PWCompInterp", "pw-comp"}},
    };

    public static Imported read(TextFile file, ImportSettings settings) {
        String name = file.name();
        Node root = parse(file.text(), name);
        List<ScenarioProblem> problems = new ArrayList<>();
        List<ScenarioProblem> warnings = new ArrayList<>(file.warnings());
        MapLocator loc = new MapLocator(name);
        if (!root.name.equals("Scenario")) {
            throw fail(name, root, "the root element is <" + root.name + ">; a KTAB SMP file starts with <Scenario>");
        }
        String title = required(root, "name", name).text();
        Node descNode = root.child("desc");
        String desc = descNode == null ? "" : descNode.text();
        Node seed = root.child("prngSeed");
        if (seed == null) {
            problems.add(ScenarioProblem.warning(ProblemCode.MISSING_FIELD, "prngSeed",
                    "no <prngSeed> (KTAB requires one); Parley seeds runs with --seed").at(name, root.line, root.column));
        } else if (!seed.text().isEmpty()) {
            warnings.add(ScenarioProblem.warning(ProblemCode.UNKNOWN_FIELD, "prngSeed", "KTAB seed " + seed.text()
                    + " is not used: Parley's stochastic runs are seeded with --seed and reproducible")
                    .at(name, seed.line, seed.column));
        }

        Map<String, String> options = new LinkedHashMap<>();
        Node params = root.child("ModelParameters");
        if (params != null) {
            for (String[][] p : PARAMETERS) {
                Node el = params.child(p[0][0]);
                if (el == null) {
                    continue;
                }
                String v = el.text();
                String option = null;
                StringBuilder names = new StringBuilder();
                for (int i = 1; i < p.length; i++) {
                    names.append(i > 1 ? ", " : "").append(p[i][0]);
                    if (p[i][0].equals(v)) {
                        option = p[i][1];
                    }
                }
                if (option == null) {
                    problems.add(ScenarioProblem.error(ProblemCode.BAD_VALUE, "ModelParameters." + p[0][0],
                            "<" + p[0][0] + "> '" + v + "' is not one of " + names).at(name, el.line, el.column));
                } else {
                    options.put("spatial." + p[0][1], option);
                }
            }
        }

        Node dims = required(root, "Dimensions", name);
        List<Issue> issues = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Node d : dims.all("dName")) {
            String label = d.text();
            String id = label.isEmpty() ? "dim" + (ids.size() + 1) : Row.slug(label);
            if (label.toLowerCase(Locale.ROOT).startsWith("pstn")) {
                id = "dim" + label.substring(4).strip();   // as the KTAB CSV reader names Pstn1, Pstn2, ...
            }
            if (id.isEmpty() || ids.contains(id)) {
                id = "dim" + (ids.size() + 1);
            }
            ids.add(id);
            loc.put("issues[" + issues.size() + "]", d.line, d.column);
            issues.add(new Issue(id, label.isEmpty() ? id : label, "", Scale.of(0, 100), null,
                    DecisionRule.BARGAINING, List.of()));
        }
        if (issues.isEmpty()) {
            throw fail(name, dims, "<Dimensions> names no <dName>");
        }
        int m = issues.size();

        List<Actor> actors = new ArrayList<>();
        List<Stance> stances = new ArrayList<>();
        List<String> actorIds = new ArrayList<>();
        Node actorsNode = required(root, "Actors", name);
        for (Node a : actorsNode.all("Actor")) {
            Node nameNode = a.child("name");
            String id = nameNode == null ? "" : nameNode.text();
            if (id.isEmpty()) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "actors[" + actors.size() + "].name",
                        "an <Actor> without a <name>").at(name, a.line, a.column));
                continue;
            }
            if (actorIds.contains(id)) {
                problems.add(ScenarioProblem.error(ProblemCode.DUPLICATE_ID, "actors[" + actors.size() + "].name",
                        "actor '" + id + "' appears twice").at(name, nameNode.line, nameNode.column));
                continue;
            }
            Node dn = a.child("description");
            String description = dn == null || dn.text().isEmpty() ? id : dn.text();
            Provenance prov = Provenance.imported(name);
            double cap = number(a.child("capability"), a, "actors[" + actors.size() + "].capability",
                    "actor " + id + ": <capability>", name, problems);
            Node pos = a.child("Position");
            Node sal = a.child("Salience");
            List<Node> coords = pos == null ? List.of() : pos.all("dCoord");
            List<Node> sals = sal == null ? List.of() : sal.all("dSal");
            if (coords.size() != m || sals.size() != m) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "actors[" + actors.size() + "]",
                        "actor " + id + " has " + coords.size() + " <dCoord> and " + sals.size() + " <dSal>; "
                                + m + " dimensions need " + m + " of each").at(name, a.line, a.column));
                continue;
            }
            int ai = actors.size();
            loc.put("actors[" + ai + "]", a.line, a.column);
            actors.add(new Actor(id, description, Estimate.of(Double.isNaN(cap) ? 1 : cap, prov), Map.of()));
            actorIds.add(id);
            for (int k = 0; k < m; k++) {
                String where = "actor " + id + ", dimension " + issues.get(k).id();
                int j = stances.size();
                double x = number(coords.get(k), a, "stances[" + j + "].position", where + ": <dCoord>", name,
                        problems);
                double s = number(sals.get(k), a, "stances[" + j + "].salience", where + ": <dSal>", name, problems);
                loc.put("stances[" + j + "].position", coords.get(k).line, coords.get(k).column);
                loc.put("stances[" + j + "].salience", sals.get(k).line, sals.get(k).column);
                stances.add(new Stance(id, issues.get(k).id(), Estimate.of(Double.isNaN(x) ? 0 : x, prov),
                        Estimate.of(Double.isNaN(s) ? 0 : s, prov)));
            }
        }
        if (actors.isEmpty() && problems.isEmpty()) {
            throw fail(name, actorsNode, "<Actors> holds no <Actor>");
        }

        Node ia = root.child("IdealAdjustment");
        if (ia == null) {
            warnings.add(ScenarioProblem.warning(ProblemCode.MISSING_FIELD, "IdealAdjustment",
                    "no <IdealAdjustment>: ideals follow positions (identity). KTAB v1.4 rejects such a file "
                            + "although its schema allows it").at(name, root.line, root.column));
        } else {
            // cell -> weight over the identity, later pairs overriding earlier ones as in KTAB
            Map<String, Double> cells = new LinkedHashMap<>();
            for (Node pair : ia.all("iaPair")) {
                Node ai = pair.child("adjustingIdeal");
                Node rp = pair.child("referencePos");
                String a = ai == null ? "" : ai.text();
                String r = rp == null ? "" : rp.text();
                if (!actorIds.contains(a) || !actorIds.contains(r)) {
                    problems.add(ScenarioProblem.error(ProblemCode.UNKNOWN_ACTOR, "IdealAdjustment",
                            "<iaPair> names an unknown actor: '" + a + "' / '" + r + "'")
                            .at(name, pair.line, pair.column));
                    continue;
                }
                double v = number(pair.child("adjust"), pair, "IdealAdjustment",
                        "<iaPair> " + a + ":" + r + " <adjust>", name, problems);
                if (!Double.isNaN(v) && (v < 0 || v > 1)) {
                    problems.add(ScenarioProblem.error(ProblemCode.BAD_VALUE, "IdealAdjustment",
                            "<adjust> for " + a + ":" + r + " must be in [0, 1], was " + v)
                            .at(name, pair.line, pair.column));
                    continue;
                }
                if (!Double.isNaN(v)) {
                    cells.put(a + ":" + r, v);
                }
            }
            StringBuilder acc = new StringBuilder();
            for (Map.Entry<String, Double> e : cells.entrySet()) {
                String[] ar = e.getKey().split(":", 2);
                boolean identity = ar[0].equals(ar[1]) ? e.getValue() == 1.0 : e.getValue() == 0.0;
                if (!identity) {
                    acc.append(acc.length() > 0 ? "; " : "").append(e.getKey()).append('=')
                            .append(Double.toString(e.getValue()));
                }
            }
            if (acc.length() > 0) {
                options.put("spatial.accommodation", acc.toString());
            }
        }
        if (!problems.stream().filter(ScenarioProblem::isError).toList().isEmpty()) {
            throw new ScenarioException(problems.stream().filter(ScenarioProblem::isError).toList());
        }
        warnings.addAll(problems);
        Source source = new Source("input", title, null, BdmTableReader.fileName(name), null);
        String sid = Row.slug(title).isEmpty() ? "ktab-scenario" : Row.slug(title);
        Scenario s = new Scenario(sid, title.isEmpty() ? sid : title, null, desc, List.of(source), issues, actors,
                stances, List.of(), options);
        return new Imported(s, loc, warnings);
    }

    private static double number(Node el, Node parent, String path, String what, String file,
                                 List<ScenarioProblem> problems) {
        if (el == null) {
            problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, path, what + " is missing")
                    .at(file, parent.line, parent.column));
            return Double.NaN;
        }
        String t = el.text();
        if (t.isEmpty()) {
            problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, path, what + " is empty")
                    .at(file, el.line, el.column));
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(ScenarioProblem.error(ProblemCode.WRONG_TYPE, path, what + " '" + t + "' is not a number")
                    .at(file, el.line, el.column));
            return Double.NaN;
        }
    }

    private static Node required(Node parent, String child, String file) {
        Node c = parent.child(child);
        if (c == null) {
            throw fail(file, parent, "<" + parent.name + "> has no <" + child + ">");
        }
        return c;
    }

    private static ScenarioException fail(String file, Node at, String message) {
        return new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.MISSING_FIELD, at.name, message)
                .at(file, at.line, at.column)));
    }

    private static Node parse(String text, String file) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Node> stack = new ArrayList<>();
        Node root = null;
        try {
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(t));
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    Node n = new Node(r.getLocalName(), r.getLocation().getLineNumber(),
                            r.getLocation().getColumnNumber());
                    if (stack.isEmpty()) {
                        root = n;
                    } else {
                        stack.get(stack.size() - 1).children.add(n);
                    }
                    stack.add(n);
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    stack.remove(stack.size() - 1);
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    if (!stack.isEmpty()) {
                        stack.get(stack.size() - 1).text.append(r.getText());
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNumber());
            String msg = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceAll("(?s)^ParseError at \\[.*?\\]\\s*Message:\\s*", "");
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.SYNTAX, "", "malformed XML: " + msg)
                    .at(file, line, col)));
        }
        if (root == null) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.EMPTY_SCENARIO, "",
                    "no XML element").at(file, 1, 1)));
        }
        return root;
    }
}
