package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * {@code main} builds a command line with the named command alone ({@link Parley#commandLineFor});
 * it must behave as the full one: the same help texts, options (with the inherited {@code -v}),
 * output, messages and exit codes.
 */
class LeanCommandLineTest {

    private static void usages(CommandLine cl, List<String> out) {
        out.add(cl.getCommandSpec().qualifiedName() + "\n" + cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine sub : cl.getSubcommands().values()) {
            usages(sub, out);
        }
    }

    @Test
    void everyCommandHasTheSameHelpAndOptionsAlone() {
        Map<String, CommandLine> full = Parley.commandLine().getSubcommands();
        int compared = 0;
        for (Map.Entry<String, CommandLine> e : full.entrySet()) {
            String name = e.getKey();
            CommandLine lean = Parley.commandLineFor(name);
            if (name.equals("help")) {
                assertThat(lean).isNull();
                continue;
            }
            assertThat(lean).as(name).isNotNull();
            assertThat(lean.getSubcommands().keySet()).containsExactly(name);
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            usages(e.getValue(), a);
            usages(lean.getSubcommands().get(name), b);
            assertThat(b).as(name).isEqualTo(a);
            assertThat(lean.getSubcommands().get(name).getCommandSpec().findOption("-v")).as(name).isNotNull();
            compared++;
        }
        assertThat(compared).isGreaterThan(15);
        assertThat(Parley.commandLineFor("no-such-command")).isNull();
        assertThat(Parley.commandLineFor("examples/01-dprk-us-talks-2024/scenario.yaml")).isNull();
    }

    private static String run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(Parley.route(cl, args));
        return exit + "\n" + out + "\n--- err\n" + err;
    }

    @Test
    void runsParsesAndFailsAsTheFullCommandLine() {
        String seed = "../examples/01-dprk-us-talks-2024/scenario.yaml";
        String[][] cases = {
            {"forecast", "-m", "compromise,median", seed},
            {"forecast", "--no-such-flag"},
            {"forecast", "-m", "no-such-model", seed},
            {"validate", seed},
            {"validate", "no/such/file.yaml"},
            {"models"},
            {"runs", "--help"},
            {"explain", "-v", "--model", "nash", "--actor", "kim", seed},
        };
        for (String[] args : cases) {
            String full = run(Parley.commandLine(), args);
            String lean = run(Parley.commandLineFor(args[0]), args);
            assertThat(lean).as(String.join(" ", args)).isEqualTo(full);
            if (args == cases[0] || args == cases[3]) {
                assertThat(lean).startsWith("0\n");
            }
        }
    }
}
