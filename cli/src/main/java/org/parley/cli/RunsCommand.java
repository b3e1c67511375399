package org.parley.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley runs}: the saved runs. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Lists, shows and compares saved runs ('parley forecast --save' saves one).",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsDiffCommand.class})
public final class RunsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
