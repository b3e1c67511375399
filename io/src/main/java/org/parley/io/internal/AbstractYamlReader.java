package org.parley.io.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.engine.ScenarioValidator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The one way Parley reads YAML nodes with problems that name file, line, column and field: the
 * scenario reader and the backtest reader extend it. A mapping's keys are checked against the
 * fields allowed there (an unknown one gets a "Maybe you meant" hint); a key that appears twice
 * is a {@code SYNTAX} error (YAML forbids it; {@code DUPLICATE_ID} is for two things with the same
 * id); values are read as text, numbers (no NaN or infinity) and dates, every problem collected.
 */
public abstract class AbstractYamlReader {

    /** The deepest nesting of lists and mappings read (a scenario needs about six levels). */
    public static final int MAX_DEPTH = 100;

    /** The file's name as problems show it. */
    protected final String file;
    /** Every problem found so far, in the order found. */
    protected final List<ScenarioProblem> problems = new ArrayList<>();
    private final String formats;
    private final int codePointLimit;

    /**
     * @param formats        what the text should be, for syntax messages ("YAML", "YAML/JSON")
     * @param codePointLimit the longest text read
     */
    protected AbstractYamlReader(String file, String formats, int codePointLimit) {
        this.file = file;
        this.formats = formats;
        this.codePointLimit = codePointLimit;
    }

    /**
     * The single document of {@code text}; an empty file, a file without a document or text that
     * is not valid YAML throws at once (nothing else can be read).
     */
    protected Node compose(String text) {
        if (text.isBlank()) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.EMPTY_SCENARIO, "",
                    "the file is empty").at(file, 1, 1)));
        }
        LoadSettings settings = LoadSettings.builder().setLabel(file).setMaxAliasesForCollections(20)
                .setAllowRecursiveKeys(false).setCodePointLimit(codePointLimit).build();
        try {
            // one parse: the composer reads the parser's events through the depth check
            Composer composer = new Composer(settings, new DepthChecked(
                    new ParserImpl(settings, new StreamReader(settings, text)), file));
            Optional<Node> node;
            try {
                node = composer.getSingleNode();
            } catch (YamlEngineException e) {
                // the problem a depth check over the whole text first would report (too deep or a syntax error
                // further on), else the composer's
                checkDepth(settings, text, file);
                throw e;
            }
            if (node.isEmpty()) {
                throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.EMPTY_SCENARIO, "",
                        "the file holds no document").at(file, 1, 1)));
            }
            return node.get();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> m = e.getProblemMark();
            int line = m.map(x -> x.getLine() + 1).orElse(0);
            int col = m.map(x -> x.getColumn() + 1).orElse(0);
            String msg = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.SYNTAX, "",
                    "not valid " + formats + ": " + msg).at(file, line, col)));
        } catch (YamlEngineException e) {
            // errors without a mark (a character YAML forbids, a limit): placed at the first
            // character YAML cannot hold, else at the start of the file
            int[] at = firstUnprintable(text);
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.SYNTAX, "",
                    "not valid " + formats + ": " + e.getMessage()
                    + (at[2] >= 0 ? String.format(java.util.Locale.ROOT, " (U+%04X)", at[2]) : ""))
                    .at(file, at[0], at[1])));
        }
    }

    /**
     * Refuses text whose lists and mappings nest deeper than {@link #MAX_DEPTH} ({@code TOO_DEEP} at
     * the first node past the limit) before the (recursive) composer sees it. The parser walks its
     * events without recursion, so any depth is safe here.
     */
    public static void checkDepth(LoadSettings settings, String text, String file) {
        ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
        int depth = 0;
        while (parser.hasNext()) {
            depth = depth(parser.next(), depth, file);
        }
    }

    /** The nesting depth after event {@code e}; {@code TOO_DEEP} past {@link #MAX_DEPTH}. */
    private static int depth(Event e, int depth, String file) {
        if (e.getEventId() == Event.ID.MappingStart || e.getEventId() == Event.ID.SequenceStart) {
            if (depth + 1 > MAX_DEPTH) {
                int line = e.getStartMark().map(x -> x.getLine() + 1).orElse(0);
                int col = e.getStartMark().map(x -> x.getColumn() + 1).orElse(0);
                throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.TOO_DEEP, "",
                        "lists and mappings are nested more than " + MAX_DEPTH + " levels deep here")
                        .at(file, line, col).withHint("No Parley file needs more than a few levels.")));
            }
            return depth + 1;
        }
        if (e.getEventId() == Event.ID.MappingEnd || e.getEventId() == Event.ID.SequenceEnd) {
            return depth - 1;
        }
        return depth;
    }

    /**
     * A parser whose events pass {@link #checkDepth}'s test as the composer takes them: a node past
     * {@link #MAX_DEPTH} is refused before the (recursive) composer descends into it.
     */
    private static final class DepthChecked implements Parser {
        private final Parser parser;
        private final String file;
        private int depth;

        DepthChecked(Parser parser, String file) {
            this.parser = parser;
            this.file = file;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event e = parser.next();
            depth = depth(e, depth, file);
            return e;
        }
    }

    /** Line, column (1-based) and code point of the first character YAML does not allow; 1, 1, -1 when none. */
    private static int[] firstUnprintable(String text) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!StreamReader.isPrintable(cp)) {
                return new int[] {line, col, cp};
            }
            if (cp == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            i += Character.charCount(cp);
        }
        return new int[] {1, 1, -1};
    }

    /** The mapping's entries by key; unknown keys (when {@code allowed} is given) are reported. */
    protected Map<String, Node> mapping(Node n, String p, Set<String> allowed) {
        if (!(n instanceof MappingNode)) {
            error(ProblemCode.WRONG_TYPE, n, p, (p.isEmpty() ? "the document" : p) + " must be a mapping (key: value)");
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode)) {
                error(ProblemCode.WRONG_TYPE, k, p, "keys must be plain text");
                continue;
            }
            String key = ((ScalarNode) k).getValue();
            String kp = p.isEmpty() ? key : p + "." + key;
            if (!seen.add(key)) {
                error(ProblemCode.SYNTAX, k, kp, "duplicate key '" + key + "'");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                ScenarioProblem pr = problem(ProblemCode.UNKNOWN_FIELD, k, kp, "unknown field '" + key + "'");
                String near = ScenarioValidator.nearest(key, allowed);
                problems.add(near == null ? pr.withHint("Known fields here: " + String.join(", ", sorted(allowed)))
                        : pr.withHint("Maybe you meant '" + near + "'?"));
                continue;
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    protected Map<String, Node> keyNodes(Node n) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode) {
                out.putIfAbsent(((ScalarNode) t.getKeyNode()).getValue(), t.getKeyNode());
            }
        }
        return out;
    }

    protected String scalar(Node n, String p) {
        if (n instanceof ScalarNode) {
            return ((ScalarNode) n).getValue();
        }
        error(ProblemCode.WRONG_TYPE, n, p, p + " must be a single value, not a list or mapping");
        return null;
    }

    protected String text(Map<String, Node> m, String key, String p) {
        Node n = m.get(key);
        if (n == null) {
            return null;
        }
        String v = scalar(n, p.isEmpty() ? key : p + "." + key);
        return v == null || v.isEmpty() ? null : v;
    }

    protected String requiredText(Map<String, Node> m, String key, String p, Node owner) {
        String kp = p.isEmpty() ? key : p + "." + key;
        if (!m.containsKey(key)) {
            error(ProblemCode.MISSING_FIELD, owner, kp, "'" + key + "' is missing");
            return null;
        }
        String v = text(m, key, p);
        if (v == null) {
            error(ProblemCode.MISSING_FIELD, m.get(key), kp, "'" + key + "' is empty");
        }
        return v;
    }

    protected double number(Map<String, Node> m, String key, String p, double dflt) {
        Node n = m.get(key);
        if (n == null) {
            return dflt;
        }
        Double v = parseNumber(n, p + "." + key);
        return v == null ? Double.NaN : v;
    }

    protected double requiredNumber(Map<String, Node> m, String key, String p, Node owner) {
        if (!m.containsKey(key)) {
            error(ProblemCode.MISSING_FIELD, owner, p + "." + key, "'" + key + "' is missing");
            return Double.NaN;
        }
        return number(m, key, p, Double.NaN);
    }

    protected Double parseNumber(Node n, String p) {
        String v = scalar(n, p);
        if (v == null) {
            return null;
        }
        try {
            String t = v.strip();
            if (t.equalsIgnoreCase(".nan") || t.equalsIgnoreCase(".inf") || t.equalsIgnoreCase("-.inf")
                    || t.equalsIgnoreCase("nan") || t.toLowerCase(Locale.ROOT).contains("infinity")) {
                throw new NumberFormatException();
            }
            double d = Double.parseDouble(t);
            if (!Double.isFinite(d)) {
                error(ProblemCode.BAD_VALUE, n, p, p + " is too large for a number: '" + v + "' (at most about 1.8e308)");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            error(ProblemCode.WRONG_TYPE, n, p, p + " must be a number, was '" + v + "'");
            return null;
        }
    }

    protected LocalDate date(Node n, String p) {
        if (n == null) {
            return null;
        }
        String v = scalar(n, p);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            error(ProblemCode.WRONG_TYPE, n, p, p + " must be a date YYYY-MM-DD, was '" + v + "'");
            return null;
        }
    }

    protected void error(ProblemCode code, Node n, String p, String message) {
        problems.add(problem(code, n, p, message));
    }

    protected ScenarioProblem problem(ProblemCode code, Node n, String p, String message) {
        int line = 0;
        int col = 0;
        if (n != null && n.getStartMark().isPresent()) {
            line = n.getStartMark().get().getLine() + 1;
            col = n.getStartMark().get().getColumn() + 1;
        }
        return new ScenarioProblem(code, ScenarioProblem.Severity.ERROR, file, line, col, p, message, "");
    }

    protected static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
