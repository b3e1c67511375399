package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.io.ScenarioWriter;
import org.parley.io.Scenarios;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley convert}: any input format to Parley YAML or JSON. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Reads a scenario in any format Parley knows and writes it as Parley YAML or JSON.",
                "With no FILE: the seed scenario."},
        footer = {"", "Examples:", "  parley convert dummyData_3Dim.csv --to yaml > dummy.yaml",
                "  parley convert scenario.yaml --to json --out scenario.json"})
public final class ConvertCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput input;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "yaml or json")
    String to;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (atomically) instead of stdout")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String target = to.strip().toLowerCase(Locale.ROOT);
        if (!target.equals("yaml") && !target.equals("json")) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--to takes yaml or json, was '" + to + "'");
        }
        Scenarios.Loaded loaded = input.load();
        Warnings.print(loaded, spec.commandLine().getErr());
        String text = target.equals("yaml") ? ScenarioWriter.toYaml(loaded.scenario())
                : ScenarioWriter.toJson(loaded.scenario());
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(text);
            w.flush();
        } else {
            Path abs = out.toAbsolutePath();
            try {
                Path tmp = Files.createTempFile(abs.getParent(), ".parley-", ".tmp");
                try {
                    Files.writeString(tmp, text, StandardCharsets.UTF_8);
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + out, e);
            }
        }
        return 0;
    }
}
