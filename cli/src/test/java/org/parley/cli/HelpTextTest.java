package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Every --help text renders without picocli's format warnings (a bare {@code %} in a description). */
class HelpTextTest {

    private static void collect(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!out.contains(sub)) {
                collect(sub, out);
            }
        }
    }

    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        List<CommandLine> all = new ArrayList<>();
        collect(Parley.commandLine(), all);
        assertThat(all).hasSizeGreaterThan(10);
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringBuilder usage = new StringBuilder();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            for (CommandLine cl : all) {
                usage.append(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN").doesNotContain("Could not format");
        assertThat(usage.toString()).contains("point, 90% interval over Monte Carlo runs",
                "coverage of the 90% interval");
    }

    @Test
    void everyCommandsSummaryInTheCommandListIsAWholeSentence() {
        // 'parley --help' lists each command with the first line of its description: a line cut
        // mid-sentence ("... every model, the naive") reads as a broken help text
        List<String> cut = new ArrayList<>();
        for (java.util.Map.Entry<String, CommandLine> e : Parley.commandLine().getSubcommands().entrySet()) {
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            String first = d.length == 0 ? "" : d[0].strip();
            if (!first.endsWith(".")) {
                cut.add(e.getKey() + ": " + first);
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void everyFooterLineFitsTheHelpWidth() {
        // picocli breaks a footer line longer than the usage width and starts the rest at column 0
        // ("... forecast the seed scenario with every" / "model")
        List<CommandLine> all = new ArrayList<>();
        collect(Parley.commandLine(), all);
        List<String> tooLong = new ArrayList<>();
        for (CommandLine cl : all) {
            CommandLine.Model.UsageMessageSpec u = cl.getCommandSpec().usageMessage();
            for (String line : u.footer()) {
                if (line.length() > u.width()) {
                    tooLong.add(cl.getCommandName() + ": " + line);
                }
            }
        }
        assertThat(tooLong).isEmpty();
    }

    @Test
    void validateListsEveryProblemCodeAndSoDoesTheReadme() throws java.io.IOException {
        String help = String.join(" ", Parley.commandLine().getSubcommands().get("validate").getCommandSpec()
                .usageMessage().footer());
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        String codes = readme.substring(readme.indexOf("Validation reports every problem"));
        for (org.parley.engine.ProblemCode c : org.parley.engine.ProblemCode.values()) {
            assertThat(help).as("validate --help").containsPattern("\\b" + c.name() + "\\b");
            assertThat(codes.substring(0, codes.indexOf("```"))).as("README").contains("`" + c.name() + "`");
        }
    }

    @Test
    void helpOpensWithTheUsageLine() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: parley");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theRunFlagsReadTheSameInEveryCommandThatTakesThem() {
        for (String flag : List.of("--model", "--rounds", "--seed", "--threads")) {
            List<String> seen = new ArrayList<>();
            for (String c : List.of("forecast", "compare", "sensitivity")) {
                CommandLine.Model.OptionSpec o = Parley.commandLine().getSubcommands().get(c).getCommandSpec()
                        .findOption(flag);
                assertThat(o).as("%s %s", c, flag).isNotNull();
                seen.add(String.join(" ", o.names()) + ": " + String.join(" ", o.description()));
            }
            assertThat(seen).as(flag).containsOnly(seen.get(0));
        }
    }

    @Test
    void modelsSaysWhatEachOptionTakes() {
        CliRun r = CliRun.of("models");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("expected-utility.max-rounds=100  [a whole number >= 1]",
                "expected-utility.q=1  [a number in [0, 1]]", "nash.utility=quadratic  [quadratic|linear]");
    }
}
