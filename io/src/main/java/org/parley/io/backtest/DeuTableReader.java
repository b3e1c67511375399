package org.parley.io.backtest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.backtest.BacktestCase;
import org.parley.backtest.BacktestSet;
import org.parley.backtest.CapabilityRule;
import org.parley.backtest.CouncilWeights;
import org.parley.backtest.Split;
import org.parley.engine.Numbers;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.io.TextFile;
import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/**
 * Reads the DEU III-derived table of the blksv/predictioneers_game project
 * ({@code shared/peers/bdm/inputs/blksv_deu3.tsv}) as a backtest set.
 *
 * <p>Layout: tab-separated, fields optionally in double quotes. Line 1 is the header: ids
 * ({@code prnr} proposal, {@code isnr} issue, {@code prname}, {@code proc} procedure, {@code
 * counvte} Council voting rule, {@code intro} introduction date), then {@code p<code>} positions
 * and {@code s<code>} saliences (0-100) for the Commission ({@code com}), the Parliament ({@code
 * ep}) and the member states, then {@code rp} (reference point) and {@code out} (outcome), all on
 * 0-100. Line 2 holds a capability per actor under its {@code p<code>} column (GDP in the source
 * project). Every further line is one issue.
 *
 * <p>Conventions, as in the file's own validation program: capability = the line-2 value divided
 * by the largest one; salience / 100 (done by the engine). An empty position means the actor is
 * absent from that issue; a position with an empty salience is read as absent too (the source
 * project reads it as salience 0, which gives every salience-weighted model the same forecast).
 * An issue with an empty outcome is not scored; an empty reference point means no status quo.
 *
 * <p>Dates ({@code intro}) are {@code dd-mm-yy} or {@code dd-mm-yyyy}. Some 48 proposals' dates in
 * the file read like {@code yyyy-mm-dd} ({@code 2014-07-04}, {@code 1930-05-05}): a spreadsheet
 * read their {@code dd-mm-yy} as {@code yy-mm-dd}, so {@code 2014-07-04} is 14 July 2004. Read that
 * way, all 141 proposal dates agree with the year in the proposal id ({@code a04163}: 2004) but one
 * ({@code d95341}, introduced 07-02-96). The decision dates ({@code finact}) are mangled beyond
 * repair (999, {@code 1930-05-01}) and are not read.
 * The issues of one {@code prnr} form one case (one scenario), so the split by proposal is the
 * split by case. The split counts every proposal of the file in order of first appearance, including
 * the few without any outcome (which are then left out), so it is the file's split.
 */
public final class DeuTableReader {

    private static final Map<String, String> NAMES = names("com Commission|ep European Parliament|at Austria|"
            + "be Belgium|bu Bulgaria|cr Croatia|cy Cyprus|cz Czech Republic|dk Denmark|ee Estonia|fi Finland|"
            + "fr France|de Germany|el Greece|hu Hungary|ie Ireland|it Italy|lv Latvia|lt Lithuania|lu Luxembourg|"
            + "mt Malta|nl Netherlands|pl Poland|pt Portugal|ro Romania|si Slovenia|sk Slovakia|es Spain|"
            + "se Sweden|uk United Kingdom");

    /** The actor attribute that holds a member state's Council votes at the case's date. */
    public static final String COUNCIL_VOTES = "council-votes";
    private static final List<String> REQUIRED = List.of("prnr", "isnr", "rp", "out");

    private final String file;
    private final List<ScenarioProblem> problems = new ArrayList<>();

    private DeuTableReader(String file) {
        this.file = file;
    }

    private static Map<String, String> names(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : spec.split("\\|")) {
            int sp = part.indexOf(' ');
            m.put(part.substring(0, sp), part.substring(sp + 1));
        }
        return m;
    }

    /** Reads the table; every problem of the file is reported at once. */
    public static BacktestSet read(TextFile text) {
        return new DeuTableReader(text.name()).parse(text);
    }

    private BacktestSet parse(TextFile text) {
        List<String> lines = text.lines();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.EMPTY_SCENARIO, "",
                    "the file is empty").at(file, 1, 1)));
        }
        List<String> header = split(lines.get(0));
        Map<String, Integer> col = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
        }
        for (String r : REQUIRED) {
            if (!col.containsKey(r)) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, r, "the header has no column '" + r + "'")
                        .at(file, 1, 1));
            }
        }
        List<String> actors = new ArrayList<>();
        for (String h : col.keySet()) {
            if (h.length() > 1 && h.startsWith("p") && col.containsKey("s" + h.substring(1))
                    && !h.equals("prnr") && !h.equals("prname") && !h.equals("proc") && !h.equals("proccde")
                    && !h.equals("prnrnmc")) {
                actors.add(h.substring(1));
            }
        }
        if (actors.isEmpty()) {
            problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "p<actor>",
                    "the header has no pair of position and salience columns (p<code>, s<code>)").at(file, 1, 1));
        }
        throwIfErrors();
        if (lines.size() < 2 || lines.get(1).isBlank()) {
            problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "capability",
                    "line 2 must hold a capability per actor").at(file, 2, 1));
            throwIfErrors();
        }
        int width = header.size();
        double[] cap = new double[actors.size()];
        List<String> capRow = fields(lines.get(1), 2, width);
        double max = 0;
        for (int a = 0; a < actors.size(); a++) {
            int c = col.get("p" + actors.get(a));
            cap[a] = capRow == null ? Double.NaN : number(capRow, c, lines.get(1), 2, "capability of " + actors.get(a),
                    0, Double.MAX_VALUE, ProblemCode.BAD_CAPABILITY, false);
            if (Double.isFinite(cap[a])) {
                max = Math.max(max, cap[a]);
            }
        }
        if (capRow != null && max <= 0 && problems.isEmpty()) {
            problems.add(ScenarioProblem.error(ProblemCode.BAD_CAPABILITY, "capability",
                    "every capability on line 2 is 0").at(file, 2, 1));
        }

        Map<String, CaseBuilder> cases = new LinkedHashMap<>();
        int unscored = 0;
        int salienceMissing = 0;
        for (int li = 2; li < lines.size(); li++) {
            String line = lines.get(li);
            int ln = li + 1;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line, ln, width);
            if (f == null) {
                continue;
            }
            String prnr = f.get(col.get("prnr"));
            String isnr = f.get(col.get("isnr"));
            if (prnr.isEmpty() || isnr.isEmpty()) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, prnr.isEmpty() ? "prnr" : "isnr",
                        "line " + ln + " has no " + (prnr.isEmpty() ? "proposal id (prnr)" : "issue id (isnr)"))
                        .at(file, ln, column(line, col.get(prnr.isEmpty() ? "prnr" : "isnr"))));
                continue;
            }
            CaseBuilder cb = cases.get(prnr);
            if (cb == null) {
                cb = new CaseBuilder(prnr, get(f, col, "prname"), date(get(f, col, "intro"), line, ln, col),
                        get(f, col, "proc"), get(f, col, "counvte"));
                cases.put(prnr, cb);
            }
            if (cb.issueIds.contains(isnr)) {
                problems.add(ScenarioProblem.error(ProblemCode.DUPLICATE_ID, "isnr", "issue " + isnr
                        + " appears twice").at(file, ln, column(line, col.get("isnr"))));
                continue;
            }
            double rp = number(f, col.get("rp"), line, ln, "reference point (rp)", 0, 100,
                    ProblemCode.POSITION_OUT_OF_SCALE, true);
            double out = number(f, col.get("out"), line, ln, "outcome (out)", 0, 100,
                    ProblemCode.POSITION_OUT_OF_SCALE, true);
            List<Stance> stances = new ArrayList<>();
            for (String a : actors) {
                double p = number(f, col.get("p" + a), line, ln, "position of " + a, 0, 100,
                        ProblemCode.POSITION_OUT_OF_SCALE, true);
                double s = number(f, col.get("s" + a), line, ln, "salience of " + a, 0, 100,
                        ProblemCode.SALIENCE_OUT_OF_RANGE, true);
                if (Double.isNaN(p)) {
                    continue;
                }
                if (Double.isNaN(s)) {
                    salienceMissing++;
                    continue;
                }
                Provenance prov = Provenance.imported(file + ":" + ln);
                stances.add(new Stance(a, isnr, Estimate.of(p, prov), Estimate.of(s, prov)));
            }
            if (Double.isNaN(out)) {
                unscored++;
            }
            cb.add(isnr, rp, out, stances, ruleOf(cb.votingRule));
        }
        throwIfErrors();

        List<BacktestCase> out = new ArrayList<>();
        int noOutcomeCases = 0;
        int order = 0;
        for (CaseBuilder cb : cases.values()) {
            // the split counts every proposal of the file, scored or not: 1st, 3rd, ... train
            Split split = order++ % 2 == 0 ? Split.TRAIN : Split.TEST;
            if (cb.outcomes.isEmpty()) {
                noOutcomeCases++;
                continue;
            }
            List<Actor> actorList = new ArrayList<>();
            for (int a = 0; a < actors.size(); a++) {
                String id = actors.get(a);
                Map<String, String> attrs = cb.date == null ? Map.of()
                        : Map.of(COUNCIL_VOTES, Numbers.format(CouncilWeights.votes(id, cb.date)));
                actorList.add(new Actor(id, NAMES.getOrDefault(id, id), Estimate.of(cap[a] / max,
                        Provenance.imported(file + ":2")), attrs));
            }
            Scenario s = new Scenario(cb.prnr, cb.name, null, "", List.of(), cb.rules(), actorList, cb.stances,
                    List.of(), Map.of());
            out.add(new BacktestCase(cb.prnr, cb.prnr, split, s, cb.outcomes, cb.date, cb.procedure, cb.votingRule));
        }
        List<String> notes = new ArrayList<>();
        if (unscored > 0) {
            notes.add(unscored + " issue(s) have no outcome and are not scored"
                    + (noOutcomeCases > 0 ? " (" + noOutcomeCases + " proposal(s) have none at all)" : ""));
        }
        if (salienceMissing > 0) {
            notes.add(salienceMissing + " position(s) without a salience are read as absent");
        }
        String name = file.replaceAll(".*[/\\\\]", "");
        return BacktestSet.of(name, out, actors.contains("com") ? "com" : null, CapabilityRule.GDP, notes);
    }

    private static DecisionRule ruleOf(String counvte) {
        if (counvte == null) {
            return DecisionRule.BARGAINING;
        }
        String v = counvte.toLowerCase(Locale.ROOT);
        return v.startsWith("unan") ? DecisionRule.UNANIMITY
                : v.startsWith("qmv") ? DecisionRule.QUALIFIED_MAJORITY : DecisionRule.BARGAINING;
    }

    private static String get(List<String> f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null) {
            return null;
        }
        String v = f.get(i);
        return v.isEmpty() ? null : v;
    }

    /** The fields of a data line, or {@code null} (with a problem) when it has fewer than the header. */
    private List<String> fields(String line, int ln, int width) {
        List<String> f = split(line);
        while (f.size() > width && f.get(f.size() - 1).isEmpty()) {
            f.remove(f.size() - 1);
        }
        if (f.size() < width) {
            problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "",
                    "line " + ln + " has " + f.size() + " fields; the header has " + width)
                    .at(file, ln, line.length() + 1).withHint("Maybe the line was cut short or a tab became spaces?"));
            return null;
        }
        if (f.size() > width) {
            problems.add(ScenarioProblem.error(ProblemCode.BAD_VALUE, "",
                    "line " + ln + " has " + f.size() + " fields; the header has " + width)
                    .at(file, ln, columnOfField(line, width)));
            return null;
        }
        return f;
    }

    private double number(List<String> f, int i, String line, int ln, String what, double lo, double hi,
                          ProblemCode rangeCode, boolean emptyIsMissing) {
        String v = f.get(i);
        if (v.isEmpty()) {
            if (!emptyIsMissing) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, what, what + " is empty")
                        .at(file, ln, column(line, i)));
            }
            return Double.NaN;
        }
        double d;
        try {
            d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            problems.add(ScenarioProblem.error(ProblemCode.WRONG_TYPE, what, what + " must be a number, was '" + v + "'")
                    .at(file, ln, column(line, i)));
            return Double.NaN;
        }
        if (d < lo || d > hi) {
            problems.add(ScenarioProblem.error(rangeCode, what, what + " is " + v + ", outside the scale "
                    + fmt(lo) + (hi == Double.MAX_VALUE ? " and above" : "-" + fmt(hi)))
                    .at(file, ln, column(line, i)));
            return Double.NaN;
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private LocalDate date(String v, String line, int ln, Map<String, Integer> col) {
        if (v == null) {
            return null;
        }
        try {
            String[] p = v.strip().split("[-./]");
            if (p.length == 3 && p[0].length() == 4 && p[2].length() == 2) {
                // a dd-mm-yy date a spreadsheet turned into yy(yy)-mm-dd: 2014-07-04 is 14 July 2004
                int y = Integer.parseInt(p[2]);
                return LocalDate.of(y + (y < 50 ? 2000 : 1900), Integer.parseInt(p[1]), Integer.parseInt(p[0]) % 100);
            }
            if (p.length == 3) {
                int y = Integer.parseInt(p[2]);
                if (p[2].length() == 2) {
                    y += y < 50 ? 2000 : 1900;
                }
                return LocalDate.of(y, Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // reported below
        }
        problems.add(ScenarioProblem.error(ProblemCode.WRONG_TYPE, "intro", "intro must be a date (dd-mm-yy, "
                + "dd-mm-yyyy or the spreadsheet-mangled yyyy-mm-dd), was '" + v + "'").at(file, ln, column(line, col.get("intro"))));
        return null;
    }

    private void throwIfErrors() {
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    /** Splits a tab-separated line, removing the double quotes around a field. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        for (String raw : line.split("\t", -1)) {
            String s = raw.strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
            }
            out.add(s.strip());
        }
        return out;
    }

    /** The 1-based column where field {@code i} of a line starts. */
    private static int column(String line, int i) {
        return columnOfField(line, i);
    }

    private static int columnOfField(String line, int i) {
        int c = 0;
        for (int k = 0; k < i; k++) {
            int t = line.indexOf('\t', c);
            if (t < 0) {
                return line.length() + 1;
            }
            c = t + 1;
        }
        return c + 1;
    }

    private static final class CaseBuilder {
        final String prnr;
        final String name;
        final LocalDate date;
        final String procedure;
        final String votingRule;
        final List<String> issueIds = new ArrayList<>();
        final List<Issue> issues = new ArrayList<>();
        final List<Stance> stances = new ArrayList<>();
        final Map<String, Double> outcomes = new LinkedHashMap<>();

        CaseBuilder(String prnr, String name, LocalDate date, String procedure, String votingRule) {
            this.prnr = prnr;
            this.name = name == null ? prnr : name;
            this.date = date;
            this.procedure = procedure;
            this.votingRule = votingRule;
        }

        /**
         * The issues with the Council's rule of the case's date: a qualified majority (the quota of
         * the date) or unanimity of the member states, whose votes are their {@code council-votes}
         * attribute (0 for the Commission and the Parliament); under co-decision the Parliament
         * must consent too. Without a date the issues keep no rule.
         */
        List<Issue> rules() {
            List<Issue> out = new ArrayList<>();
            boolean codecision = procedure != null && procedure.strip().equalsIgnoreCase("COD");
            for (Issue i : issues) {
                if (date == null || i.rule() == DecisionRule.BARGAINING) {
                    out.add(i.withRule(DecisionRule.BARGAINING, null, null, List.of()));
                    continue;
                }
                boolean epPresent = stances.stream().anyMatch(st -> st.issue().equals(i.id()) && st.actor().equals("ep"));
                List<String> consent = codecision && epPresent ? List.of("ep") : List.of();
                Double quota = i.rule() == DecisionRule.QUALIFIED_MAJORITY ? CouncilWeights.quota(date) : null;
                out.add(i.withRule(i.rule(), quota, COUNCIL_VOTES, consent));
            }
            return out;
        }

        void add(String isnr, double rp, double out, List<Stance> st, DecisionRule rule) {
            issueIds.add(isnr);
            Estimate sq = Double.isNaN(rp) ? null : Estimate.of(rp, Provenance.judgement("DEU reference point"));
            issues.add(new Issue(isnr, name + " " + isnr, "", Scale.of(0, 100), sq, rule, List.of()));
            stances.addAll(st);
            if (!Double.isNaN(out)) {
                outcomes.put(isnr, out);
            }
        }
    }
}
