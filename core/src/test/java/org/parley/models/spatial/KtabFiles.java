package org.parley.models.spatial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.parley.engine.ModelOptions;
import org.parley.engine.Problem;
import org.parley.model.DecisionRule;

/**
 * Test-only reader for KTAB's SMP CSV and the reference files under
 * {@code src/test/resources/reference/ktab} (lines starting with {@code #} are provenance).
 * The product's importer lives in the io module; this one exists so the model's replication tests
 * do not depend on it.
 */
final class KtabFiles {

    private KtabFiles() {
    }

    static Path resource(String relative) {
        try {
            return Paths.get(KtabFiles.class.getResource("/reference/ktab/" + relative).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource reference/ktab/" + relative, e);
        }
    }

    /** Data lines of a resource: provenance lines and blank lines dropped. */
    static List<String> lines(String relative) {
        return lines(resource(relative));
    }

    static List<String> lines(Path p) {
        try {
            List<String> out = new ArrayList<>();
            for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (l.startsWith("#") || l.isBlank()) {
                    continue;
                }
                out.add(l);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] fields(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).strip();
            }
            f[i] = s;
        }
        return f;
    }

    /** A KTAB SMP CSV as a Problem: 0-100 scales, saliences divided by 100, no status quo. */
    static Problem smpCsv(String relative) {
        return smpCsv(lines(relative));
    }

    static Problem smpCsv(List<String> lines) {
        String[] head = fields(lines.get(0));
        int n = Integer.parseInt(head[2]);
        int m = Integer.parseInt(head[3]);
        String[] cols = fields(lines.get(1));
        String[] issues = new String[m];
        for (int k = 0; k < m; k++) {
            issues[k] = cols[3 + 2 * k];
        }
        String[] actors = new String[n];
        double[] cap = new double[n];
        double[][] pos = new double[n][m];
        double[][] sal = new double[n][m];
        for (int i = 0; i < n; i++) {
            String[] f = fields(lines.get(2 + i));
            actors[i] = f[0];
            cap[i] = Double.parseDouble(f[2]);
            for (int k = 0; k < m; k++) {
                pos[i][k] = Double.parseDouble(f[3 + 2 * k]);
                sal[i][k] = Double.parseDouble(f[4 + 2 * k]) / 100.0;
            }
        }
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] sq = new double[m];
        DecisionRule[] rules = new DecisionRule[m];
        Arrays.fill(hi, 100.0);
        Arrays.fill(sq, Double.NaN);
        Arrays.fill(rules, DecisionRule.BARGAINING);
        return new Problem(actors, issues, cap, pos, sal, lo, hi, sq, rules);
    }

    static ModelOptions options(Map<String, String> given) {
        SpatialModel model = new SpatialModel();
        return ModelOptions.resolve(model.id(), model.options(), model.presets(), given);
    }

    /** Runs the model's internals on a problem with the given options (KTAB defaults when empty). */
    static SmpRun run(Problem p, Map<String, String> given) {
        ModelOptions o = options(given);
        SpatialModel.Compiled c = SpatialModel.compile(p, o, new ArrayList<>());
        SmpRun run = new SmpRun(c.actors(), SmpParameters.of(o));
        run.run(c.x0(), 0, org.parley.engine.Seeds.random(1));
        return run;
    }

    /** The initial state only, assessed. */
    static SmpState start(Problem p) {
        ModelOptions o = options(Map.of());
        SpatialModel.Compiled c = SpatialModel.compile(p, o, new ArrayList<>());
        return new SmpRun(c.actors(), SmpParameters.of(o)).start(c.x0());
    }
}
