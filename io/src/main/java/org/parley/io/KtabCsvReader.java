package org.parley.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 * Reads KTAB's SMP CSV: line 1 {@code name, description, actors, dimensions[, ...]}; line 2 the
 * header {@code Actor, Description, Influence, <dim> Position, <dim> Salience, ...}; then one row
 * per actor. Rows may end with a final comma or not. Positions and saliences are on 0-100.
 * Dimension ids are the header's names without "Position" (lower case, dashes), else
 * {@code dim1, dim2, ...}.
 */
public final class KtabCsvReader {

    private KtabCsvReader() {
    }

    public static Imported read(TextFile file, ImportSettings settings) {
        String name = file.name();
        List<ScenarioProblem> problems = new ArrayList<>();
        MapLocator loc = new MapLocator(name);
        List<String> lines = file.lines();
        if (lines.size() < 2 || lines.get(0).isBlank()) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.EMPTY_SCENARIO, "",
                    "a KTAB CSV needs a scenario line and a header line").at(name, 1, 1)));
        }
        Row first = Row.split(1, lines.get(0), ',', '"').trimTrailingEmpty();
        if (first.size() < 4) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "scenario",
                    "the scenario line needs name, description, number of actors, number of dimensions; has "
                            + first.size() + " fields").at(name, 1, 1)));
        }
        double nActors = first.number(2, "actors", name, problems);
        double nDims = first.number(3, "dimensions", name, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        int n = (int) nActors;
        int m = (int) nDims;
        if (m < 1 || n < 1 || n != nActors || m != nDims) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.BAD_VALUE, "scenario",
                    "actors and dimensions must be whole numbers >= 1, were " + first.get(2) + " and " + first.get(3))
                    .at(name, 1, first.column(2))));
        }
        Row head = Row.split(2, lines.get(1), ',', '"').trimTrailingEmpty();
        if (head.size() < 3 + 2 * m) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "header",
                    "the header has " + head.size() + " columns; " + m + " dimensions need " + (3 + 2 * m))
                    .at(name, 2, 1)));
        }
        List<Issue> issues = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < m; k++) {
            String label = head.get(3 + 2 * k);
            String base = label.replaceAll("(?i)\\s*(position|pstn)\\s*", " ").strip();
            String id = base.isEmpty() ? "dim" + (k + 1) : Row.slug(base);
            if (label.toLowerCase(Locale.ROOT).startsWith("pstn")) {
                id = "dim" + label.substring(4).strip();
                base = "Dimension " + label.substring(4).strip();
            }
            if (!ids.add(id)) {
                id = "dim" + (k + 1);
                ids.add(id);
            }
            issues.add(new Issue(id, base.isEmpty() ? label : base, "", Scale.of(0, 100), null,
                    DecisionRule.BARGAINING, List.of()));
            loc.put("issues[" + k + "]", 2, head.column(3 + 2 * k));
        }
        List<Actor> actors = new ArrayList<>();
        List<Stance> stances = new ArrayList<>();
        int rowCount = 0;
        for (int i = 2; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            Row row = Row.split(i + 1, text, ',', '"').trimTrailingEmpty();
            rowCount++;
            if (rowCount > n) {
                problems.add(ScenarioProblem.error(ProblemCode.BAD_VALUE, "actors",
                        "more actor rows than the " + n + " the scenario line announces").at(name, i + 1, 1));
                break;
            }
            if (row.size() < 3 + 2 * m) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "row", "short row: " + row.size()
                        + " fields where " + (3 + 2 * m) + " are needed").at(name, i + 1, text.length() + 1));
                continue;
            }
            String id = row.get(0);
            double cap = row.number(2, head.get(2), name, problems);
            int a = actors.size();
            Provenance p = Provenance.quote("input", text.strip().replaceAll("\\s+", " "));
            actors.add(new Actor(id, row.get(1).isEmpty() ? id : row.get(1), Estimate.of(cap, p), Map.of()));
            loc.put("actors[" + a + "]", i + 1, 1);
            loc.put("actors[" + a + "].capability", i + 1, row.column(2));
            for (int k = 0; k < m; k++) {
                double x = row.number(3 + 2 * k, head.get(3 + 2 * k), name, problems);
                double s = row.number(4 + 2 * k, head.get(4 + 2 * k), name, problems);
                int j = stances.size();
                stances.add(new Stance(id, issues.get(k).id(), Estimate.of(x, p), Estimate.of(s, p)));
                loc.put("stances[" + j + "]", i + 1, 1);
                loc.put("stances[" + j + "].position", i + 1, row.column(3 + 2 * k));
                loc.put("stances[" + j + "].salience", i + 1, row.column(4 + 2 * k));
            }
        }
        if (rowCount < n && problems.isEmpty()) {
            problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "actors", "the scenario line announces "
                    + n + " actors; the file has " + rowCount + " rows").at(name, lines.size(), 1));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        String title = first.get(0);
        Source source = new Source("input", title, null, BdmTableReader.fileName(name), null);
        Scenario s = new Scenario(Row.slug(title), title, null, first.get(1), List.of(source), issues, actors,
                stances, List.of(), Map.of());
        return new Imported(s, loc, file.warnings());
    }
}
