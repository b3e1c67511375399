package org.parley.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley scenarios}: the scenario versions in the store. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "Lists the scenarios in the run store and every saved version of one.",
        subcommands = {ScenariosListCommand.class, ScenariosHistoryCommand.class})
public final class ScenariosCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
