package org.parley.io;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.parley.model.Scenario;
import org.parley.model.Source;
import org.parley.model.Stance;

/**
 * Reads the one-issue tables of the Bueno de Mesquita implementations: a header naming the
 * actor, capability, position and salience columns (in any order, under the names the open
 * implementations use: {@code Actor/Name/Stakeholder}, {@code Capability/Capabilities/Resources/
 * Influence/Power/c}, {@code Position/x}, {@code Salience/s}), then one row per actor. Comma-, tab-
 * or white-space-separated, with or without BOM, LF, CRLF or CR line endings, a {@code #} before
 * the header allowed ({@code # name x c s}). Other columns (resolve, ...) become actor attributes.
 */
public final class BdmTableReader {

    private static final List<String> NAME = List.of("actor", "name", "stakeholder", "player", "");
    private static final List<String> CAPABILITY = List.of("capability", "capabilities", "resources", "influence",
            "power", "clout", "c");
    private static final List<String> POSITION = List.of("position", "x");
    private static final List<String> SALIENCE = List.of("salience", "s");

    private BdmTableReader() {
    }

    /** {@code true} when a first line looks like a BDM table header. */
    public static boolean isHeader(String line) {
        String l = line.replace("\uFEFF", "").stripTrailing();
        if (l.strip().startsWith("#")) {
            l = l.strip().substring(1).strip();
        }
        char sep = separator(l);
        List<String> cols = new ArrayList<>();
        for (String f : Row.split(1, l, sep, '"').fields()) {
            cols.add(f.toLowerCase(Locale.ROOT));
        }
        return indexOf(cols, CAPABILITY) >= 0 && indexOf(cols, POSITION) >= 0 && indexOf(cols, SALIENCE) >= 0;
    }

    public static Imported read(TextFile file, ImportSettings settings) {
        String name = file.name();
        List<ScenarioProblem> problems = new ArrayList<>();
        List<ScenarioProblem> warnings = new ArrayList<>(file.warnings());
        MapLocator loc = new MapLocator(name);
        List<String> lines = file.lines();
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.EMPTY_SCENARIO, "",
                    "the file is empty").at(name, 1, 1)));
        }
        String header = lines.get(headerLine).stripTrailing();
        if (header.strip().startsWith("#")) {
            header = header.strip().substring(1).strip();
        }
        char sep = separator(header);
        Row head = Row.split(headerLine + 1, header, sep, '"');
        List<String> cols = new ArrayList<>();
        for (String f : head.fields()) {
            cols.add(f.toLowerCase(Locale.ROOT));
        }
        int iName = indexOf(cols, NAME);
        int iCap = indexOf(cols, CAPABILITY);
        int iPos = indexOf(cols, POSITION);
        int iSal = indexOf(cols, SALIENCE);
        if (iName < 0) {
            iName = 0;
        }
        for (Object[] need : new Object[][] {{iCap, "capability"}, {iPos, "position"}, {iSal, "salience"}}) {
            if ((int) need[0] < 0) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, (String) need[1],
                        "the header has no " + need[1] + " column (header: " + header + ")").at(name, headerLine + 1, 1));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        List<String> names = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.strip().startsWith("#")) {
                continue;
            }
            Row row = Row.split(i + 1, text, sep, '"');
            if (sep == ' ' && row.size() > cols.size()) {
                row = joinName(row, row.size() - cols.size() + 1);
            }
            if (sep != ' ' && row.size() < cols.size()) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "row",
                        "short row: " + row.size() + " fields where the header has " + cols.size())
                        .at(name, i + 1, text.length() + 1));
                continue;
            }
            String actor = row.get(iName);
            if (actor.isEmpty()) {
                problems.add(ScenarioProblem.error(ProblemCode.MISSING_FIELD, "actor", "the actor's name is empty")
                        .at(name, i + 1, 1));
                continue;
            }
            double c = row.number(iCap, head.get(iCap), name, problems);
            double x = row.number(iPos, head.get(iPos), name, problems);
            double s = row.number(iSal, head.get(iSal), name, problems);
            int a = names.size();
            loc.put("actors[" + a + "]", i + 1, row.column(iName));
            loc.put("actors[" + a + "].capability", i + 1, row.column(iCap));
            loc.put("stances[" + a + "]", i + 1, row.column(iName));
            loc.put("stances[" + a + "].position", i + 1, row.column(iPos));
            loc.put("stances[" + a + "].salience", i + 1, row.column(iSal));
            names.add(actor);
            values.add(new double[] {c, x, s});
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        double salienceFactor = salienceFactor(values, settings, name, warnings);
        double[] scale = settings.scale();
        if (scale == null) {
            scale = inferScale(values, name, warnings);
        }
        String stem = stem(name);
        Source source = new Source("input", stem, null, fileName(name), null);
        Issue issue = new Issue("issue", stem, "imported from " + fileName(name), Scale.of(scale[0], scale[1]),
                null, DecisionRule.BARGAINING, List.of());
        List<Actor> actors = new ArrayList<>();
        List<Stance> stances = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            Row row = rows.get(a);
            Provenance p = Provenance.quote("input", row.text().strip().replaceAll("\\s+", " "));
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int k = 0; k < cols.size() && k < row.size(); k++) {
                if (k != iName && k != iCap && k != iPos && k != iSal) {
                    attrs.put(head.get(k).isEmpty() ? "column" + (k + 1) : head.get(k), row.get(k));
                }
            }
            double[] v = values.get(a);
            actors.add(new Actor(names.get(a), names.get(a), Estimate.of(v[0], p), attrs));
            stances.add(new Stance(names.get(a), "issue", Estimate.of(v[1], p), Estimate.of(v[2] * salienceFactor, p)));
        }
        Scenario scenario = new Scenario(Row.slug(stem), stem, null, "imported from " + fileName(name) + " (BDM table)",
                List.of(source), List.of(issue), actors, stances, List.of(), Map.of());
        return new Imported(scenario, loc, warnings);
    }

    private static Row joinName(Row row, int nameFields) {
        List<String> fields = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        fields.add(String.join(" ", row.fields().subList(0, nameFields)));
        columns.add(row.columns().get(0));
        fields.addAll(row.fields().subList(nameFields, row.size()));
        columns.addAll(row.columns().subList(nameFields, row.size()));
        return new Row(row.line(), row.text(), fields, columns);
    }

    static double salienceFactor(List<double[]> values, ImportSettings settings, String name,
                                 List<ScenarioProblem> warnings) {
        double given = settings.salienceScale();
        if (given == 1) {
            return 100;
        }
        if (given == 100) {
            return 1;
        }
        boolean allSmall = !values.isEmpty();
        for (double[] v : values) {
            if (v[2] > 1) {
                allSmall = false;
                break;
            }
        }
        if (allSmall) {
            warnings.add(ScenarioProblem.warning(ProblemCode.SALIENCE_OUT_OF_RANGE, "salience",
                    "every salience is <= 1: read on a 0-1 scale and multiplied by 100 "
                            + "(--option salience-scale=100 takes them as written)").at(name, 0, 0));
            return 100;
        }
        return 1;
    }

    static double[] inferScale(List<double[]> values, String name, List<ScenarioProblem> warnings) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : values) {
            lo = Math.min(lo, v[1]);
            hi = Math.max(hi, v[1]);
        }
        double[] scale;
        if (values.isEmpty()) {
            scale = new double[] {0, 100};
        } else if (lo >= 0 && hi <= 1) {
            scale = new double[] {0, 1};
        } else if (lo >= 0 && hi <= 10) {
            scale = new double[] {0, 10};
        } else if (lo >= 0 && hi <= 100) {
            scale = new double[] {0, 100};
        } else {
            scale = new double[] {lo, hi > lo ? hi : lo + 1};
        }
        warnings.add(ScenarioProblem.warning(ProblemCode.BAD_SCALE, "scale",
                "the table gives no scale; positions read on " + Numbers.format(scale[0]) + "-" + Numbers.format(scale[1])
                        + " (--option scale=min:max sets it)").at(name, 0, 0));
        return scale;
    }

    private static char separator(String header) {
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        if (header.indexOf(';') >= 0) {
            return ';';
        }
        return ' ';
    }

    private static int indexOf(List<String> cols, List<String> names) {
        for (String n : names) {
            int i = cols.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    static String fileName(String name) {
        Path p = Paths.get(name).getFileName();
        return p == null ? name : p.toString();
    }

    static String stem(String name) {
        String f = fileName(name);
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
