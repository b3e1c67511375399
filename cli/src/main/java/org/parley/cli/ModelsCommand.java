package org.parley.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parley.engine.BargainingModel;
import org.parley.engine.OptionSpec;
import org.parley.models.Models;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley models}: every model with its options and presets. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Lists every model: id, description, reference, options with defaults, presets.")
public final class ModelsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (BargainingModel m : Models.all()) {
            out.println(m.id() + "  " + m.description() + (m.stochastic() ? " (stochastic)" : ""));
            if (!m.reference().isEmpty()) {
                out.println("    reference: " + m.reference());
            }
            for (OptionSpec o : m.options()) {
                out.println("    " + m.id() + "." + o.key() + "=" + o.defaultValue() + "  [" + o.values() + "]  "
                        + o.description());
            }
            for (Map.Entry<String, Map<String, String>> p : m.presets().entrySet()) {
                out.println("    preset " + p.getKey() + ": " + p.getValue());
            }
        }
        out.println();
        out.println("Every model also takes the consent stage's options (who must agree; applied after the model):");
        for (OptionSpec o : org.parley.engine.ConsentStage.options(false)) {
            String dflt = o.key().equals(org.parley.engine.ConsentStage.KEY) ? "apply if declared, else ignore"
                    : o.defaultValue();
            out.println("    " + o.key() + "=" + dflt + "  [" + String.join("|", o.allowed()) + "]  " + o.description());
        }
        out.println();
        out.println("Set an option with --option MODEL.KEY=VALUE (one model) or --option KEY=VALUE (every model that has it).");
        out.println("Engine options (every model): " + org.parley.engine.Resolution.MAX_ITERATIONS + "=20 (model runs to "
                + "resolve conditional positions), " + org.parley.engine.Resolution.START + "=met [met|unmet] (the first "
                + "run takes every condition as met or unmet).");
        out.flush();
        return 0;
    }
}
