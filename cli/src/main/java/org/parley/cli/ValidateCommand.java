package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.io.ImportSettings;
import org.parley.io.ScenarioFormat;
import org.parley.io.Scenarios;
import org.parley.model.Scenario;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley validate}: every problem of a scenario file, in one pass. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a scenario file and prints every problem with file, line, column and field.",
                "Exit 0 when the file can be used (warnings allowed), 2 when it has errors."},
        footer = {"", "Each problem: FILE:LINE:COLUMN: error|warning CODE at FIELD: message",
                "Codes: SYNTAX, BINARY_FILE, FILE_TOO_LARGE, TOO_DEEP, EMPTY_SCENARIO,",
                "MISSING_FIELD, WRONG_TYPE, UNKNOWN_FIELD, BAD_ID, DUPLICATE_ID, UNKNOWN_ACTOR,",
                "UNKNOWN_ISSUE, UNKNOWN_SOURCE, UNKNOWN_BRANCH, SALIENCE_OUT_OF_RANGE,",
                "POSITION_OUT_OF_SCALE, BAD_CAPABILITY, BAD_RANGE, BAD_PROBABILITY, BAD_SCALE,",
                "BAD_QUOTA, BAD_VOTES, BAD_VALUE, BAD_SENTENCE, BAD_CONDITION; warnings",
                "MISSING_PROVENANCE and OPEN_VALUE (an error for commands that run models)."})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the scenario file")
    Path file;

    @Option(names = "--input-format", paramLabel = "FORMAT", description = "yaml, json, ktab-csv, ktab-xml, bdm or "
            + "exchange; default: detected")
    String inputFormat;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "importer option "
            + "(salience-scale=1|100|auto, scale=MIN:MAX)")
    Map<String, String> options = new java.util.LinkedHashMap<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioFormat f = inputFormat == null ? null : ScenarioFormat.fromId(inputFormat);
        try {
            Scenarios.Loaded loaded = Scenarios.read(file, new ImportSettings(f, ImportSettings.importerOptions(options)));
            for (ScenarioProblem p : loaded.warnings()) {
                out.println(p.format());
            }
            Scenario s = loaded.scenario();
            ScenarioInput.checkOptions(loaded);
            out.println(ScenarioProblem.printable(file.toString(), false) + ": OK (" + loaded.format().id() + "): " + s.actors().size() + " actors, "
                    + s.issues().size() + " issue" + (s.issues().size() == 1 ? "" : "s") + ", " + s.stances().size() + " stances, " + s.branches().size()
                    + " branches, " + loaded.warnings().size() + " warnings");
            out.flush();
            return 0;
        } catch (ScenarioException e) {
            for (ScenarioProblem p : e.problems()) {
                out.println(p.format());
            }
            int errors = e.errors().size();
            int warnings = e.problems().size() - errors;
            out.println(ScenarioProblem.printable(file.toString(), false) + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
                    + (warnings == 1 ? "" : "s"));
            out.flush();
            return 2;
        }
    }
}
