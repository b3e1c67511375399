package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.io.ImportSettings;
import org.parley.io.ScenarioFormat;
import org.parley.io.Scenarios;
import org.parley.models.Models;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario argument and the options that say how to read it, shared by the commands. */
final class ScenarioInput {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "scenario file (YAML, JSON, KTAB CSV, BDM table, exchange #A/#P/#D); "
                    + "default: the seed scenario " + Scenarios.SEED)
    Path file;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "yaml, json, ktab-csv, ktab-xml, bdm or exchange; default: detected from the content")
    String inputFormat;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "a model option (e.g. nash.utility=linear, preset=scholz-published) or an importer option "
                    + "(salience-scale=1|100|auto, scale=MIN:MAX); repeatable")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--accept-defaults", description = "use the default of every value left open (a draft's "
            + "unstated numbers) instead of refusing to run")
    boolean acceptDefaults;

    Scenarios.Loaded load() {
        Scenarios.Loaded l = loadAsWritten();
        if (!acceptDefaults) {
            return l;
        }
        return new Scenarios.Loaded(org.parley.model.OpenValues.acceptDefaults(l.scenario()), l.format(), l.locator(),
                l.warnings().stream().filter(w -> w.code() != org.parley.engine.ProblemCode.OPEN_VALUE).toList(),
                l.sources());
    }

    /**
     * The scenario for a command that runs models: refused (exit 2, every open value with its
     * line) while values are left open, unless --accept-defaults.
     */
    Scenarios.Loaded loadForRun() {
        Scenarios.Loaded l = checkOptions(load());
        List<org.parley.engine.ScenarioProblem> open = org.parley.engine.ScenarioValidator.openValues(l.scenario(),
                l.locator());
        if (!open.isEmpty()) {
            throw new org.parley.engine.ScenarioException(open);
        }
        return l;
    }

    /** The scenario's own {@code options:} checked as a run checks them ({@link Scenarios#checkOptions}). */
    static Scenarios.Loaded checkOptions(Scenarios.Loaded loaded) {
        return Scenarios.checkOptions(loaded, Models.simulation());
    }

    private Scenarios.Loaded loadAsWritten() {
        if (file == null) {
            if (inputFormat != null) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "--input-format needs a FILE");
            }
            return Scenarios.seed();
        }
        ScenarioFormat f = inputFormat == null ? null : ScenarioFormat.fromId(inputFormat);
        return Scenarios.read(file, new ImportSettings(f, ImportSettings.importerOptions(options)));
    }

    Map<String, String> modelOptions() {
        return ImportSettings.modelOptions(options);
    }

    String name() {
        return file == null ? "seed scenario " + Scenarios.SEED : file.toString();
    }

    static void printWarnings(List<String> warnings, PrintWriter err) {
        for (String w : warnings) {
            err.println(w);
        }
        err.flush();
    }

    /** Splits repeatable, comma-separated values ("a,b" "c") into a list. */
    static List<String> split(List<String> values) {
        return values.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
