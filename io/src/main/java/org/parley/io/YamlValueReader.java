package org.parley.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parley.engine.ProblemCode;
import org.parley.io.internal.AbstractYamlReader;
import org.parley.model.Condition;
import org.parley.model.Conditional;
import org.parley.model.Distribution;
import org.parley.model.Estimate;
import org.parley.model.Provenance;
import org.parley.model.Range;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The values inside a scenario file: estimates (a number or a mapping with range, distribution and
 * provenance), conditional positions, conditions, talks and provenance, each recorded where it
 * stands. {@link YamlScenarioReader} reads the structure around them.
 */
abstract class YamlValueReader extends AbstractYamlReader {

    /** The word for a value nobody has stated yet ({@code value: open}, with an optional {@code default}). */
    static final String OPEN = "open";
    static final Set<String> ESTIMATE = Set.of("value", "low", "high", "distribution", "source", "quote", "sentence",
            "judgement", "default");
    static final Set<String> TALKS = Set.of("probability", "source", "quote", "sentence", "judgement", "default");
    static final Set<String> POSITION = union(ESTIMATE, Set.of("if", "otherwise"));
    static final Set<String> PROBABILITY = Set.of("value", "source", "quote", "sentence", "judgement");
    static final Set<String> CONDITION = Set.of("issue", "at-least", "at-most", "all", "any");

    /** Where every value stands in the file, by model path. */
    protected final MapLocator loc;

    YamlValueReader(String file) {
        super(file, "YAML/JSON", (int) TextFile.MAX_BYTES + 1);
        this.loc = new MapLocator(file);
    }

    /** {@code talks: {probability: P, source/quote/sentence or judgement}}: an estimate of P. */
    final Estimate talks(Node n, String p, String modelPath) {
        Map<String, Node> m = mapping(n, p, TALKS);
        if (m == null) {
            return null;
        }
        if (!m.containsKey("probability")) {
            error(ProblemCode.MISSING_FIELD, n, p + ".probability", "talks need a 'probability' (0-1)");
            return null;
        }
        at(modelPath, p + ".probability", m.get("probability"));
        boolean open = m.get("probability") instanceof ScalarNode pn && OPEN.equals(pn.getValue());
        Double v = open ? (m.containsKey("default") ? parseNumber(m.get("default"), p + ".default") : Double.valueOf(Double.NaN))
                : parseNumber(m.get("probability"), p + ".probability");
        if (!open && m.containsKey("default")) {
            error(ProblemCode.UNKNOWN_FIELD, m.get("default"), p + ".default",
                    "'default' belongs to an open probability (probability: open)");
        }
        Provenance prov = provenance(m, n, p, modelPath);
        return v == null ? null : new Estimate(v, null, prov, null, open);
    }

    final Estimate estimate(Node n, String p, String modelPath) {
        return estimate(n, p, modelPath, false);
    }

    /**
     * A number, or a mapping {value, low, high, distribution, source, quote, sentence, judgement};
     * a position may also be conditional: {@code if: {issue, at-least, at-most} | {all: [...]} |
     * {any: [...]}} with {@code otherwise} (a number, which shares the position's provenance, or an
     * estimate of its own).
     */
    final Estimate estimate(Node n, String p, String modelPath, boolean position) {
        at(modelPath, p, n);
        if (n instanceof ScalarNode sn && OPEN.equals(sn.getValue())) {
            return Estimate.open(Double.NaN, Provenance.none());
        }
        if (n instanceof ScalarNode) {
            Double v = parseNumber(n, p);
            return v == null ? null : Estimate.of(v);
        }
        Map<String, Node> m = mapping(n, p, position ? POSITION : ESTIMATE);
        if (m == null) {
            return null;
        }
        if (!m.containsKey("value")) {
            error(ProblemCode.MISSING_FIELD, n, p + ".value", "the value is missing");
            return null;
        }
        boolean open = m.get("value") instanceof ScalarNode vn && OPEN.equals(vn.getValue());
        Double v;
        if (open) {
            v = m.containsKey("default") ? parseNumber(m.get("default"), p + ".default") : Double.valueOf(Double.NaN);
        } else {
            if (m.containsKey("default")) {
                error(ProblemCode.UNKNOWN_FIELD, m.get("default"), p + ".default",
                        "'default' belongs to an open value (value: open); this value is " + scalar(m.get("value"), p));
            }
            v = parseNumber(m.get("value"), p + ".value");
        }
        Range range = null;
        boolean hasLow = m.containsKey("low");
        boolean hasHigh = m.containsKey("high");
        if (hasLow || hasHigh) {
            at(modelPath + ".range", p + (hasLow ? ".low" : ".high"), m.get(hasLow ? "low" : "high"));
            if (hasLow != hasHigh) {
                error(ProblemCode.MISSING_FIELD, n, p, "a range needs both 'low' and 'high'");
            } else {
                Double lo = parseNumber(m.get("low"), p + ".low");
                Double hi = parseNumber(m.get("high"), p + ".high");
                Distribution d = Distribution.UNIFORM;
                if (m.containsKey("distribution")) {
                    String dv = scalar(m.get("distribution"), p + ".distribution");
                    try {
                        d = Distribution.fromId(dv == null ? "uniform" : dv);
                    } catch (IllegalArgumentException e) {
                        error(ProblemCode.BAD_VALUE, m.get("distribution"), p + ".distribution", e.getMessage());
                    }
                }
                if (lo != null && hi != null) {
                    if (lo > hi) {
                        error(ProblemCode.BAD_RANGE, m.get("low"), p + ".low", "low " + num(lo) + " is above high " + num(hi));
                    } else {
                        range = new Range(lo, hi, d);
                    }
                }
            }
        } else if (m.containsKey("distribution")) {
            error(ProblemCode.MISSING_FIELD, m.get("distribution"), p + ".distribution",
                    "a distribution needs a range ('low' and 'high')");
        }
        Provenance prov = provenance(m, n, p, modelPath);
        if (v == null) {
            return null;
        }
        Conditional conditional = null;
        if (m.containsKey("if") || m.containsKey("otherwise")) {
            if (!m.containsKey("if") || !m.containsKey("otherwise")) {
                String missing = m.containsKey("if") ? "otherwise" : "if";
                error(ProblemCode.MISSING_FIELD, n, p + "." + missing, "a conditional position needs both 'if' and "
                        + "'otherwise'; '" + missing + "' is missing");
                return null;
            }
            Condition when = condition(m.get("if"), p + ".if", modelPath + ".if");
            Node on = m.get("otherwise");
            Estimate otherwise;
            if (on instanceof ScalarNode) {
                at(modelPath + ".otherwise", p + ".otherwise", on);
                Double o = parseNumber(on, p + ".otherwise");
                otherwise = o == null ? null : Estimate.of(o, prov);
            } else {
                otherwise = estimate(on, p + ".otherwise", modelPath + ".otherwise", false);
            }
            if (when == null || otherwise == null) {
                return null;
            }
            conditional = new Conditional(when, otherwise);
        }
        return new Estimate(v, range, prov, conditional, open);
    }

    /** {@code {issue: ID, at-least: X, at-most: Y}}, {@code {all: [...]}} or {@code {any: [...]}}. */
    final Condition condition(Node n, String p, String modelPath) {
        at(modelPath, p, n);
        Map<String, Node> m = mapping(n, p, CONDITION);
        if (m == null) {
            return null;
        }
        boolean leaf = m.containsKey("issue") || m.containsKey("at-least") || m.containsKey("at-most");
        int joins = (m.containsKey("all") ? 1 : 0) + (m.containsKey("any") ? 1 : 0);
        if (joins > 1 || (joins == 1 && leaf) || (joins == 0 && !leaf)) {
            error(ProblemCode.MISSING_FIELD, n, p, "a condition is either {issue, at-least and/or at-most} or one of "
                    + "{all: [...]} and {any: [...]}");
            return null;
        }
        if (joins == 1) {
            String key = m.containsKey("all") ? "all" : "any";
            at(modelPath + "." + key, p + "." + key, m.get(key));
            List<Condition> parts = new ArrayList<>();
            boolean[] ok = {true};
            forEach(m.get(key), p + "." + key, (cn, cp, ci) -> {
                Condition c = condition(cn, cp, modelPath + "." + key + "[" + ci + "]");
                if (c == null) {
                    ok[0] = false;
                } else {
                    parts.add(c);
                }
            });
            if (!ok[0]) {
                return null;
            }
            return key.equals("all") ? Condition.all(parts) : Condition.any(parts);
        }
        String issue = requiredText(m, "issue", p, n);
        at(modelPath + ".issue", p + ".issue", m.get("issue"));
        double lo = Double.NaN;
        double hi = Double.NaN;
        boolean ok = true;
        for (String key : List.of("at-least", "at-most")) {
            if (m.containsKey(key)) {
                at(modelPath + "." + key, p + "." + key, m.get(key));
                Double b = parseNumber(m.get(key), p + "." + key);
                ok &= b != null;
                if (key.equals("at-least")) {
                    lo = b == null ? Double.NaN : b;
                } else {
                    hi = b == null ? Double.NaN : b;
                }
            }
        }
        return issue == null || !ok ? null : Condition.on(issue, lo, hi);
    }

    final Provenance provenance(Map<String, Node> m, Node n, String p, String modelPath) {
        String source = text(m, "source", p);
        if (source != null) {
            at(modelPath + ".source", p + ".source", m.get("source"));
        }
        String quote = text(m, "quote", p);
        int sentence = 0;
        if (m.containsKey("sentence")) {
            double s = number(m, "sentence", p, 0);
            if (s < 1 || s != Math.rint(s)) {
                error(ProblemCode.BAD_SENTENCE, m.get("sentence"), p + ".sentence", "sentence is a whole number >= 1, was "
                        + num(s));
            } else {
                sentence = (int) s;
            }
        }
        String judgement = text(m, "judgement", p);
        if (source != null && judgement != null) {
            error(ProblemCode.BAD_VALUE, m.get("judgement"), p, "a value cites a source or states a judgement, not both");
        }
        if (source == null && (quote != null || sentence > 0)) {
            error(ProblemCode.MISSING_FIELD, n, p + ".source", "a quote or sentence needs the source it comes from");
        }
        return new Provenance(source, quote, sentence, judgement);
    }

    // ---------------------------------------------------------------- node helpers

    interface ItemVisitor {
        void visit(Node node, String path, int index);
    }

    final void forEach(Node n, String p, ItemVisitor v) {
        if (n == null) {
            return;
        }
        if (n instanceof ScalarNode && ((ScalarNode) n).getValue().isEmpty()) {
            return; // "issues:" with nothing after it
        }
        if (!(n instanceof SequenceNode)) {
            error(ProblemCode.WRONG_TYPE, n, p, p + " must be a list");
            return;
        }
        List<Node> items = ((SequenceNode) n).getValue();
        for (int i = 0; i < items.size(); i++) {
            v.visit(items.get(i), p + "[" + i + "]", i);
        }
    }

    final void at(String modelPath, String filePath, Node n) {
        if (n == null) {
            return;
        }
        Optional<Mark> m = n.getStartMark();
        loc.put(modelPath, filePath, m.map(x -> x.getLine() + 1).orElse(0), m.map(x -> x.getColumn() + 1).orElse(0));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    static String num(double d) {
        return org.parley.engine.Numbers.format(d);
    }
}
