package org.parley.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.Numbers;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Scale;
import org.parley.model.ScalePoint;
import org.parley.model.Scenario;
import org.parley.model.Source;
import org.parley.model.Stance;

/**
 * Reads the exchange model's data files (Decide / foarsitter's decide-exchange-model): rows
 * {@code #A;id;name} (actor), {@code #P;id;name;description} (issue), {@code #M;issue;value;label}
 * (a point of the issue's scale; the smallest and largest give its bounds, default 0-100),
 * {@code #D;actor;issue;position;salience;power} (salience and power on 0-1), {@code #O} and
 * {@code #/} comments. Tab or {@code ;} separated, fields optionally in {@code '} quotes.
 * Saliences are multiplied by 100. The power of an actor is the same on every issue in the
 * known files; it becomes the actor's capability (a varying one is refused).
 */
public final class ExchangeReader {

    private ExchangeReader() {
    }

    public static Imported read(TextFile file, ImportSettings settings) {
        String name = file.name();
        List<ScenarioProblem> problems = new ArrayList<>();
        List<ScenarioProblem> warnings = new ArrayList<>(file.warnings());
        MapLocator loc = new MapLocator(name);
        Map<String, String> actorNames = new LinkedHashMap<>();
        Map<String, Integer> actorLines = new LinkedHashMap<>();
        Map<String, String[]> issueInfo = new LinkedHashMap<>();
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        Map<String, List<String>> pointLabels = new LinkedHashMap<>();
        List<Row> data = new ArrayList<>();
        String title = "";
        StringBuilder comments = new StringBuilder();
        List<String> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            char sep = text.indexOf('\t') >= 0 ? '\t' : ';';
            Row row = Row.split(i + 1, text, sep, '\'');
            String tag = row.get(0).replace("\"", "").strip();
            switch (tag) {
                case "#A":
                    if (row.size() < 2 || row.get(1).isEmpty()) {
                        problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "#A", "an actor row needs an id")
                                .at(name, i + 1, 1));
                        break;
                    }
                    if (actorNames.containsKey(row.get(1))) {
                        problems.add(ScenarioProblem.error(ProblemCode.DUPLICATE_ID, "#A", "actor '" + row.get(1)
                                + "' is defined twice").at(name, i + 1, row.column(1)));
                        break;
                    }
                    actorNames.put(row.get(1), row.size() > 2 && !row.get(2).isEmpty() ? row.get(2) : row.get(1));
                    actorLines.put(row.get(1), i + 1);
                    break;
                case "#P":
                    if (row.size() < 2 || row.get(1).isEmpty()) {
                        problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "#P", "an issue row needs an id")
                                .at(name, i + 1, 1));
                        break;
                    }
                    issueInfo.put(row.get(1), new String[] {row.size() > 2 ? row.get(2) : row.get(1),
                            row.size() > 3 ? row.get(3) : "", Integer.toString(i + 1)});
                    break;
                case "#M": {
                    if (row.size() < 3) {
                        problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "#M",
                                "a scale row needs an issue and a value").at(name, i + 1, 1));
                        break;
                    }
                    double v = row.number(2, "#M value", name, problems);
                    if (!Double.isNaN(v)) {
                        points.computeIfAbsent(row.get(1), k -> new ArrayList<>()).add(new double[] {v, i + 1});
                        pointLabels.computeIfAbsent(row.get(1), k -> new ArrayList<>()).add(row.size() > 3 ? row.get(3) : "");
                    }
                    break;
                }
                case "#D":
                    data.add(row);
                    break;
                case "#O":
                    if (title.isEmpty() && row.size() > 1) {
                        title = row.get(1);
                    }
                    break;
                case "#/":
                    if (row.size() > 1 && !row.get(1).equals("ID")) {
                        comments.append(String.join(" ", row.fields().subList(1, row.size())).strip()).append(' ');
                    }
                    break;
                default:
                    problems.add(ScenarioProblem.error(ProblemCode.SYNTAX, "row", "unknown row type '" + tag
                            + "'; expected #A, #P, #M, #D, #O or #/").at(name, i + 1, 1));
            }
        }
        List<Issue> issues = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, String[]> e : issueInfo.entrySet()) {
            String id = e.getKey();
            double lo = 0;
            double hi = 100;
            List<ScalePoint> pts = new ArrayList<>();
            List<double[]> ps = points.getOrDefault(id, List.of());
            if (ps.size() >= 2) {
                lo = Double.POSITIVE_INFINITY;
                hi = Double.NEGATIVE_INFINITY;
                for (double[] p : ps) {
                    lo = Math.min(lo, p[0]);
                    hi = Math.max(hi, p[0]);
                }
            }
            String minLabel = "";
            String maxLabel = "";
            for (int q = 0; q < ps.size(); q++) {
                String label = pointLabels.get(id).get(q);
                double v = ps.get(q)[0];
                if (label.isEmpty()) {
                    continue;
                }
                if (v == lo && minLabel.isEmpty()) {
                    minLabel = label;
                } else if (v == hi && maxLabel.isEmpty()) {
                    maxLabel = label;
                } else {
                    pts.add(new ScalePoint(v, label));
                }
            }
            if (!(lo < hi)) {
                problems.add(ScenarioProblem.error(ProblemCode.BAD_SCALE, "#M", "issue '" + id + "' has scale ["
                        + Numbers.format(lo) + ", " + Numbers.format(hi) + "]").at(name, Integer.parseInt(e.getValue()[2]), 1));
                continue;
            }
            pts.sort((a, b) -> Double.compare(a.value(), b.value()));
            issues.add(new Issue(id, e.getValue()[0], e.getValue()[1], new Scale(lo, hi, minLabel, maxLabel, pts), null,
                    DecisionRule.BARGAINING, List.of()));
            loc.put("issues[" + k + "]", Integer.parseInt(e.getValue()[2]), 1);
            k++;
        }
        Map<String, Double> power = new LinkedHashMap<>();
        Map<String, Integer> powerLine = new LinkedHashMap<>();
        List<Stance> stances = new ArrayList<>();
        for (Row row : data) {
            if (row.size() < 6) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "#D", "a data row needs actor, issue, "
                        + "position, salience and power; has " + (row.size() - 1) + " fields")
                        .at(name, row.line(), row.text().length() + 1));
                continue;
            }
            String actor = row.get(1);
            String issue = row.get(2);
            if (!actorNames.containsKey(actor)) {
                problems.add(ScenarioProblem.error(ProblemCode.UNKNOWN_ACTOR, "#D", "unknown actor '" + actor + "'")
                        .at(name, row.line(), row.column(1)));
                continue;
            }
            if (!issueInfo.containsKey(issue)) {
                problems.add(ScenarioProblem.error(ProblemCode.UNKNOWN_ISSUE, "#D", "unknown issue '" + issue + "'")
                        .at(name, row.line(), row.column(2)));
                continue;
            }
            if (row.get(3).isEmpty()) {
                continue; // the actor takes no position on this issue
            }
            double x = row.number(3, "position", name, problems);
            double s = row.number(4, "salience", name, problems);
            double c = row.number(5, "power", name, problems);
            if (Double.isNaN(x) || Double.isNaN(s) || Double.isNaN(c)) {
                continue;
            }
            Double before = power.putIfAbsent(actor, c);
            powerLine.putIfAbsent(actor, row.line());
            if (before != null && before != c) {
                problems.add(ScenarioProblem.error(ProblemCode.BAD_CAPABILITY, "#D", "actor '" + actor + "' has power "
                        + Numbers.format(c) + " here but " + Numbers.format(before) + " on line " + powerLine.get(actor)
                        + "; Parley takes one capability per actor").at(name, row.line(), row.column(5)));
                continue;
            }
            int j = stances.size();
            Provenance p = Provenance.quote("input", row.text().strip().replaceAll("\\s+", " "));
            stances.add(new Stance(actor, issue, Estimate.of(x, p), Estimate.of(s * 100, p)));
            loc.put("stances[" + j + "]", row.line(), 1);
            loc.put("stances[" + j + "].position", row.line(), row.column(3));
            loc.put("stances[" + j + "].salience", row.line(), row.column(4));
        }
        List<Actor> actors = new ArrayList<>();
        int a = 0;
        for (Map.Entry<String, String> e : actorNames.entrySet()) {
            double c = power.getOrDefault(e.getKey(), 0.0);
            Provenance p = Provenance.quote("input", "power " + Numbers.format(c) + " (#D rows)");
            actors.add(new Actor(e.getKey(), e.getValue(), Estimate.of(c, p), Map.of()));
            loc.put("actors[" + a + "]", actorLines.get(e.getKey()), 1);
            loc.put("actors[" + a + "].capability", powerLine.getOrDefault(e.getKey(), actorLines.get(e.getKey())), 1);
            a++;
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        String stem = BdmTableReader.stem(name);
        warnings.add(ScenarioProblem.warning(ProblemCode.SALIENCE_OUT_OF_RANGE, "salience",
                "exchange-model saliences are on 0-1; multiplied by 100").at(name, 0, 0));
        Source source = new Source("input", title.isEmpty() ? stem : title, null, BdmTableReader.fileName(name), null);
        Scenario s = new Scenario(Row.slug(stem), title.isEmpty() ? stem : title, null, comments.toString().strip(),
                List.of(source), issues, actors, stances, List.of(), Map.of());
        return new Imported(s, loc, warnings);
    }
}
