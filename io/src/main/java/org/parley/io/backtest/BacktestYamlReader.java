package org.parley.io.backtest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parley.backtest.BacktestCase;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.Split;
import org.parley.engine.ParleyException;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.io.ImportSettings;
import org.parley.io.internal.AbstractYamlReader;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads Parley's backtest format: a YAML file listing cases, each a scenario (a file beside the
 * backtest file, or written inline) and the real outcome per issue.
 *
 * <pre>
 * parley-backtest: 1
 * name: my-set              # optional, default: the file name
 * proposer: com             # optional: the actor whose position is the proposer baseline
 * cases:
 *   - id: first             # unique
 *     proposal: p1          # optional, default: the id; the split never separates a proposal
 *     split: train          # optional: train or test; default: by order of proposals (1st train, 2nd test, ...)
 *     date: 2005-03-01      # optional (needed for capability council)
 *     procedure: COD        # optional (council)
 *     voting-rule: QMV      # optional (council)
 *     scenario: first.yaml  # a scenario file in any format Parley reads, or an inline scenario mapping
 *     outcomes:             # the real outcome per issue id, on the issue's scale
 *       tax: 40
 * </pre>
 */
public final class BacktestYamlReader extends AbstractYamlReader {

    /** The top-level key that marks a backtest file. */
    public static final String MARKER = "parley-backtest";

    private static final Set<String> TOP = Set.of(MARKER, "name", "proposer", "cases");
    private static final Set<String> CASE = Set.of("id", "proposal", "split", "date", "procedure", "voting-rule",
            "scenario", "outcomes");

    private final TextFile text;
    private final Path dir;

    private BacktestYamlReader(TextFile text, Path dir) {
        super(text.name(), "YAML", (int) TextFile.MAX_BYTES + 1);
        this.text = text;
        this.dir = dir;
    }

    /**
     * Reads a backtest file.
     *
     * @param dir where scenario files named by cases are looked up, or {@code null} to allow only inline scenarios
     */
    public static BacktestSet read(TextFile text, Path dir) {
        return new BacktestYamlReader(text, dir).parse();
    }

    private BacktestSet parse() {
        Node root = compose(text.text());
        Map<String, Node> top = mapping(root, "", TOP);
        if (top == null) {
            throw new ScenarioException(problems);
        }
        String version = value(top.get(MARKER), MARKER);
        if (version == null || !version.equals("1")) {
            error(ProblemCode.BAD_VALUE, top.getOrDefault(MARKER, root), MARKER,
                    "the file must start with 'parley-backtest: 1'");
        }
        String name = top.containsKey("name") ? value(top.get("name"), "name") : text.name().replaceAll(".*[/\\\\]", "");
        String proposer = top.containsKey("proposer") ? value(top.get("proposer"), "proposer") : null;
        List<BacktestCase> cases = new ArrayList<>();
        Node cn = top.get("cases");
        if (!(cn instanceof SequenceNode) || ((SequenceNode) cn).getValue().isEmpty()) {
            error(ProblemCode.EMPTY_SCENARIO, cn == null ? root : cn, "cases", "the file needs a non-empty list 'cases'");
        } else {
            List<Node> items = ((SequenceNode) cn).getValue();
            for (int i = 0; i < items.size(); i++) {
                BacktestCase c = backtestCase(items.get(i), "cases[" + i + "]");
                if (c != null) {
                    cases.add(c);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        try {
            return BacktestSet.of(name, cases, proposer, CapabilityRule.SCENARIO, List.of());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.BAD_VALUE, "cases", e.getMessage())
                    .at(text.name(), line(cn), column(cn))));
        }
    }

    private BacktestCase backtestCase(Node n, String p) {
        Map<String, Node> m = mapping(n, p, CASE);
        if (m == null) {
            return null;
        }
        String id = value(m.get("id"), p + ".id");
        if (id == null) {
            error(ProblemCode.MISSING_FIELD, n, p + ".id", "a case needs an 'id'");
            return null;
        }
        String proposal = m.containsKey("proposal") ? value(m.get("proposal"), p + ".proposal") : null;
        Split split = null;
        if (m.containsKey("split")) {
            String s = value(m.get("split"), p + ".split");
            if ("train".equals(s)) {
                split = Split.TRAIN;
            } else if ("test".equals(s)) {
                split = Split.TEST;
            } else {
                error(ProblemCode.BAD_VALUE, m.get("split"), p + ".split", "split must be train or test, was '" + s + "'");
            }
        }
        LocalDate date = null;
        if (m.containsKey("date")) {
            String d = value(m.get("date"), p + ".date");
            try {
                date = d == null ? null : LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                error(ProblemCode.WRONG_TYPE, m.get("date"), p + ".date", "date must be YYYY-MM-DD, was '" + d + "'");
            }
        }
        String procedure = m.containsKey("procedure") ? value(m.get("procedure"), p + ".procedure") : null;
        String rule = m.containsKey("voting-rule") ? value(m.get("voting-rule"), p + ".voting-rule") : null;
        Node sn = m.get("scenario");
        if (sn == null) {
            error(ProblemCode.MISSING_FIELD, n, p + ".scenario", "case '" + id + "' needs a 'scenario' (a file or a mapping)");
            return null;
        }
        Scenario scenario = scenario(sn, p + ".scenario");
        Node on = m.get("outcomes");
        if (!(on instanceof MappingNode)) {
            error(ProblemCode.MISSING_FIELD, on == null ? n : on, p + ".outcomes",
                    "case '" + id + "' needs 'outcomes': a mapping from issue id to the real outcome");
            return null;
        }
        Map<String, Double> outcomes = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) on).getValue()) {
            String issueId = value(t.getKeyNode(), p + ".outcomes");
            String path = p + ".outcomes." + issueId;
            String v = value(t.getValueNode(), path);
            if (issueId == null || v == null) {
                continue;
            }
            double x;
            try {
                x = Double.parseDouble(v);
                if (!Double.isFinite(x)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                error(ProblemCode.WRONG_TYPE, t.getValueNode(), path, "outcome must be a number, was '" + v + "'");
                continue;
            }
            if (scenario != null) {
                Optional<Issue> is = scenario.issue(issueId);
                if (is.isEmpty()) {
                    error(ProblemCode.UNKNOWN_ISSUE, t.getKeyNode(), path, "the scenario has no issue '" + issueId
                            + "'; issues: " + String.join(", ", scenario.issues().stream().map(Issue::id).toList()));
                    continue;
                }
                if (!is.get().scale().contains(x)) {
                    error(ProblemCode.POSITION_OUT_OF_SCALE, t.getValueNode(), path, "outcome " + v
                            + " is outside the scale of issue '" + issueId + "' (" + num(is.get().scale().min()) + "-"
                            + num(is.get().scale().max()) + ")");
                    continue;
                }
            }
            outcomes.put(issueId, x);
        }
        if (scenario == null) {
            return null;
        }
        return new BacktestCase(id, proposal, split, scenario, outcomes, date, procedure, rule);
    }

    private Scenario scenario(Node sn, String p) {
        try {
            if (sn instanceof ScalarNode) {
                String f = ((ScalarNode) sn).getValue();
                if (dir == null) {
                    error(ProblemCode.BAD_VALUE, sn, p, "scenario files cannot be read here; write the scenario inline");
                    return null;
                }
                return Scenarios.read(dir.resolve(f), ImportSettings.detect()).scenario();
            }
            if (sn instanceof MappingNode) {
                // the inline scenario keeps its own lines and columns: blank lines and spaces stand in for what precedes it
                Mark start = sn.getStartMark().orElseThrow();
                Mark end = sn.getEndMark().orElseThrow();
                int[] cps = text.text().codePoints().toArray();
                String body = new String(cps, start.getIndex(), end.getIndex() - start.getIndex());
                String inline = "\n".repeat(start.getLine()) + " ".repeat(start.getColumn()) + body;
                return Scenarios.read(new TextFile(text.name(), inline, List.of()), ImportSettings.detect()).scenario();
            }
            error(ProblemCode.WRONG_TYPE, sn, p, "scenario must be a file name or a mapping");
            return null;
        } catch (ScenarioException e) {
            problems.addAll(e.errors());
            return null;
        } catch (ParleyException e) {
            error(ProblemCode.BAD_VALUE, sn, p, e.getMessage());
            return null;
        }
    }

    /** The node's text, stripped; null for an absent node or one that is not a single value. */
    private String value(Node n, String p) {
        if (n == null) {
            return null;
        }
        String v = scalar(n, p);
        return v == null ? null : v.strip();
    }

    private static int line(Node n) {
        return n == null ? 0 : n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static int column(Node n) {
        return n == null ? 0 : n.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }

    private static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
