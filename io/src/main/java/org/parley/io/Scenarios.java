package org.parley.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.Locator;
import org.parley.engine.ParleyException;
import org.parley.engine.ProblemCode;
import org.parley.engine.RunSpec;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.engine.ScenarioValidator;
import org.parley.engine.Simulation;
import org.parley.model.Estimates;
import org.parley.model.Scenario;
import org.parley.model.Sentences;
import org.parley.model.Source;

/**
 * Reads scenarios in every format Parley knows and checks them: structure, values, cross
 * references and provenance (a cited sentence must exist in its source, a quote should be found in
 * it). Every problem of a file is reported at once.
 */
public final class Scenarios {

    /** The seed scenario shipped in the jar. */
    public static final String SEED = "01-dprk-us-talks-2024";

    private static final String EXAMPLES = "/org/parley/examples/";

    private Scenarios() {
    }

    /**
     * A scenario read and checked.
     *
     * @param scenario the scenario
     * @param format   the format it was read from
     * @param locator  where its values stand in the file
     * @param warnings problems that do not stop a run
     * @param sources  the text of each source whose file could be read, by source id
     */
    public record Loaded(Scenario scenario, ScenarioFormat format, Locator locator, List<ScenarioProblem> warnings,
                         Map<String, String> sources) {
        public Loaded {
            warnings = List.copyOf(warnings);
            sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }

        /** The warnings as one line each. */
        public List<String> warningLines() {
            return warnings.stream().map(ScenarioProblem::format).toList();
        }
    }

    /** Reads and checks a file. */
    public static Loaded read(Path file, ImportSettings settings) {
        TextFile text = TextFile.read(file);
        Path dir = file.toAbsolutePath().getParent();
        return read(text, settings, id -> dir == null ? null : readSource(dir.resolve(id)));
    }

    /** Reads and checks a text (an upload); source files are not looked up. */
    public static Loaded read(TextFile text, ImportSettings settings) {
        return read(text, settings, f -> null);
    }

    /** The seed scenario shipped in the jar, with its article. */
    public static Loaded seed() {
        return example(SEED);
    }

    /** An example shipped in the jar, by folder name. */
    public static Loaded example(String name) {
        String base = EXAMPLES + name + "/";
        try (InputStream in = Scenarios.class.getResourceAsStream(base + "scenario.yaml")) {
            if (in == null) {
                throw new ParleyException(ErrorCode.UNKNOWN_ID, "no example '" + name + "' in this build");
            }
            TextFile text = TextFile.read(name + "/scenario.yaml", in);
            return read(text, ImportSettings.detect(), f -> resource(base + f));
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.FAILURE, "cannot read the example " + name, e);
        }
    }

    private interface SourceFiles {
        String text(String file);
    }

    private static Loaded read(TextFile text, ImportSettings settings, SourceFiles files) {
        ScenarioFormat format = settings.format() != null ? settings.format()
                : ScenarioFormat.detect(text.text(), text.name());
        Imported imported;
        switch (format) {
            case YAML:
            case JSON:
                imported = YamlScenarioReader.read(text);
                break;
            case BDM:
                imported = BdmTableReader.read(text, settings);
                break;
            case KTAB_CSV:
                imported = KtabCsvReader.read(text, settings);
                break;
            case EXCHANGE:
                imported = ExchangeReader.read(text, settings);
                break;
            case KTAB_XML:
                imported = PeerReaders.ktabXml(text, settings);
                break;
            default:
                throw new IllegalStateException("unhandled format " + format);
        }
        if (format != ScenarioFormat.YAML && format != ScenarioFormat.JSON) {
            imported = PeerIds.sanitise(imported); // peers' names made ids, with a warning each
        }
        Scenario s = imported.scenario();
        List<ScenarioProblem> all = new ArrayList<>(imported.warnings());
        all.addAll(ScenarioValidator.validate(s, imported.locator()));
        Map<String, String> sourceTexts = new LinkedHashMap<>();
        if (format == ScenarioFormat.YAML || format == ScenarioFormat.JSON) {
            all.addAll(ScenarioValidator.idProblems(s, imported.locator()));
            for (Source src : s.sources()) {
                if (src.file() != null) {
                    String t = files.text(src.file());
                    if (t != null) {
                        sourceTexts.put(src.id(), t);
                    }
                }
            }
            all.addAll(checkQuotes(s, sourceTexts, imported.locator()));
        }
        // in the order of the file, warnings among the errors: a file with errors still shows its warnings
        all.sort(Comparator.comparingInt(ScenarioProblem::line).thenComparingInt(ScenarioProblem::column));
        if (all.stream().anyMatch(ScenarioProblem::isError)) {
            throw new ScenarioException(all);
        }
        return new Loaded(s, format, imported.locator(), all, sourceTexts);
    }

    /**
     * The scenario's own {@code options:} checked as a run checks them (unknown models or keys, bad
     * values), so that an error names the file, line and column: {@code BAD_VALUE} at the entry that
     * fails on its own, else at {@code options}. Options from the command line are checked later, by
     * the run, with their flag (on the command line) or field (on the web).
     */
    public static Loaded checkOptions(Loaded loaded, Simulation simulation) {
        Scenario s = loaded.scenario();
        if (s.options().isEmpty() || planFails(simulation, s, s.options()) == null) {
            return loaded;
        }
        String path = "options";
        String message = planFails(simulation, s, s.options());
        for (Map.Entry<String, String> e : s.options().entrySet()) {
            String alone = planFails(simulation, s, Map.of(e.getKey(), e.getValue()));
            if (alone != null) {
                path = "options." + e.getKey();
                message = alone;
                break;
            }
        }
        throw new ScenarioException(List.of(loaded.locator().place(ScenarioProblem.error(ProblemCode.BAD_VALUE, path,
                message))));
    }

    /** The message of the {@code BAD_OPTION} a plan of the scenario with these options gives, or null. */
    private static String planFails(Simulation simulation, Scenario s, Map<String, String> options) {
        Scenario with = new Scenario(s.id(), s.title(), s.date(), s.description(), s.sources(), s.issues(), s.actors(),
                s.stances(), s.branches(), options, s.talks());
        try {
            simulation.plan(with, RunSpec.defaults());
            return null;
        } catch (ParleyException e) {
            return e.code() == ErrorCode.BAD_OPTION ? e.getMessage() : null;
        }
    }

    private static List<ScenarioProblem> checkQuotes(Scenario s, Map<String, String> texts, Locator locator) {
        Map<String, List<String>> sentences = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            sentences.put(e.getKey(), Sentences.split(e.getValue()));
        }
        List<ScenarioProblem> out = new ArrayList<>();
        Estimates.each(s, (path, est) -> {
            String src = est.provenance().source();
            List<String> ss = src == null ? null : sentences.get(src);
            if (ss == null) {
                return;
            }
            int n = est.provenance().sentence();
            if (n > ss.size()) {
                out.add(locator.place(ScenarioProblem.error(ProblemCode.BAD_SENTENCE, path + ".sentence",
                        "source '" + src + "' has " + ss.size() + " sentences; sentence " + n + " does not exist")));
            }
            String q = est.provenance().quote();
            if (q != null) {
                int found = Sentences.find(ss, q);
                if (found == 0) {
                    out.add(locator.place(ScenarioProblem.warning(ProblemCode.BAD_SENTENCE, path + ".quote",
                            "the quote \"" + q + "\" is not in source '" + src + "'")));
                } else if (n > 0 && found != n && n <= ss.size()
                        && !Sentences.normalise(ss.get(n - 1)).contains(Sentences.normalise(q))) {
                    out.add(locator.place(ScenarioProblem.warning(ProblemCode.BAD_SENTENCE, path + ".sentence",
                            "the quote is in sentence " + found + " of '" + src + "', not sentence " + n)));
                }
            }
        });
        return out;
    }

    private static String readSource(Path p) {
        try {
            if (Files.isRegularFile(p) && Files.size(p) <= TextFile.MAX_BYTES) {
                return TextFile.read(p).text();
            }
        } catch (IOException | ParleyException e) {
            return null;
        }
        return null;
    }

    private static String resource(String path) {
        try (InputStream in = Scenarios.class.getResourceAsStream(path)) {
            return in == null ? null : TextFile.read(path, in).text();
        } catch (IOException | ScenarioException e) {
            return null;
        }
    }
}
