package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.parley.engine.BargainingModel;
import org.parley.engine.ConsentResult;
import org.parley.engine.ConsentStage;
import org.parley.engine.ErrorCode;
import org.parley.engine.ForecastResult;
import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.Numbers;
import org.parley.engine.ParleyException;
import org.parley.engine.Problem;
import org.parley.engine.Resolution;
import org.parley.engine.Round;
import org.parley.engine.RunContext;
import org.parley.engine.RunResult;
import org.parley.engine.RunSpec;
import org.parley.engine.Simulation;
import org.parley.io.Scenarios;
import org.parley.model.Condition;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.models.Models;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley explain}: why an actor ends where it ends, in words: its path per issue, every
 * move it made or caused (from the model's own explanations), and its pull on the forecast (the
 * forecast with the actor left out, same model, options and seed).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains in words why actors moved and how much each one pulls the forecast.",
                "Pull = forecast with the actor minus forecast without it (same model, options and seed).",
                "A conditional position shows its rule, the position the model ran with and whether its condition",
                "holds on the forecast; the resolution (fixed point or cycle) is the world's last line."},
        footer = {"", "Examples:", "  parley explain --model compromise --actor kim",
                "  parley explain scenario.yaml --model expected-utility --actor japan \\",
                "      --branch trump-wins"})
public final class ExplainCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput input;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "ID", description = "the model to explain")
    String model;

    @Option(names = {"-a", "--actor"}, paramLabel = "ID", description = "the actor; default: every actor's pull, "
            + "without the moves")
    String actor;

    @Option(names = {"-b", "--branch"}, paramLabel = "ID", description = "world(s): 'base' or branch ids "
            + "(comma-separated); default: all")
    List<String> branches = new ArrayList<>();

    @Option(names = "--rounds", paramLabel = "N", description = "rounds for dynamic models; default: the model's rule")
    int rounds;

    @Option(names = "--seed", paramLabel = "S", description = "base seed (default: ${DEFAULT-VALUE})")
    long seed = RunSpec.DEFAULT_SEED;

    @Option(names = "--allow-large", description = RunFlags.ALLOW_LARGE)
    boolean allowLarge;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenarios.Loaded loaded = input.loadForRun();
        Warnings.print(loaded, spec.commandLine().getErr());
        Scenario scenario = loaded.scenario();
        if (actor != null && scenario.actor(actor).isEmpty()) {
            throw new ParleyException(ErrorCode.UNKNOWN_ID, "unknown actor '" + actor + "'; actors: "
                    + String.join(", ", scenario.actors().stream().map(a -> a.id()).toList()));
        }
        Simulation sim = Models.simulation();
        BargainingModel m = sim.model(model);
        RunSpec runSpec = RunSpec.defaults().withModels(List.of(model)).withWorlds(ScenarioInput.split(branches))
                .withRounds(rounds).withOptions(input.modelOptions()).withSeed(seed).withThreads(1);
        RunFlags.checkBudget(allowLarge, scenario, runSpec);
        ForecastResult result = sim.run(scenario, runSpec, loaded.warningLines());
        PrintWriter out = spec.commandLine().getOut();
        for (String w : result.worlds()) {
            RunResult r = result.run(w, model).orElseThrow();
            Problem p = result.problem(w);
            out.println(worldLine(scenario, w) + " - model " + model);
            List<String> actors = actor == null ? p.actorIds() : List.of(actor);
            for (String a : actors) {
                int i = p.actorIndex(a);
                explainActor(out, scenario, w, m, r, p, i, actor != null);
            }
            for (String note : r.trajectory().notes()) {
                if (note.startsWith("conditional positions:")) {
                    out.println("  " + note);
                }
            }
            ConsentResult c = r.trajectory().consent();
            if (c != null) {
                out.println("  who must agree (consent stage, after the model; talks probability "
                        + Numbers.format(c.talks()) + "):");
                for (int k = 0; k < p.issueCount(); k++) {
                    String st = c.status().get(k).id();
                    if (st.equals("none")) {
                        continue;
                    }
                    out.println("    " + p.issueId(k) + ": " + st + " (model " + Numbers.fixed(c.modelForecast()[k], 1)
                            + ", after consent " + Numbers.fixed(c.outcome()[k], 1) + ")");
                }
                for (Move mv : c.moves()) {
                    out.println("    " + mv.issue() + ": " + mv.reason());
                }
            }
            out.println();
        }
        out.flush();
        return 0;
    }

    private void explainActor(PrintWriter out, Scenario scenario, String world, BargainingModel m, RunResult r,
                              Problem p, int i, boolean details) {
        String a = p.actorId(i);
        String name = scenario.actor(a).map(x -> x.name()).orElse(a);
        out.println("  " + a + (name.equals(a) ? "" : " (" + name + ")") + ":");
        double[] without = withoutActor(scenario, world, m, r, a);
        double[] forecast = r.trajectory().forecast();
        List<Round> rounds = r.trajectory().rounds();
        for (int k = 0; k < p.issueCount(); k++) {
            if (!p.present(i, k)) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            double last = Double.NaN;
            for (Round round : rounds) {
                double x = round.positions()[i][k];
                if (Double.isNaN(last) || x != last) {
                    if (path.length() > 0) {
                        path.append(" -> ");
                    }
                    path.append(Numbers.fixed(x, 1));
                    if (round.index() > 0) {
                        path.append(" (round ").append(round.index()).append(')');
                    }
                    last = x;
                }
            }
            double pull = forecast[k] - without[k];
            String pullText = Double.isNaN(without[k]) ? "no forecast without it"
                    : "without " + a + " it would be " + Numbers.fixed(without[k], 1) + ", so " + a + " pulls it "
                    + (pull >= 0 ? "+" : "") + Numbers.fixed(pull, 1);
            out.println("    " + p.issueId(k) + ": position " + path + "; forecast " + Numbers.fixed(forecast[k], 1)
                    + "; " + pullText);
            conditional(out, scenario, world, p, i, k, rounds.get(0).positions()[i][k], forecast);
        }
        if (!details) {
            return;
        }
        int count = 0;
        {
            for (Move mv : r.trajectory().allMoves()) {
                boolean mover = mv.actor().equals(a);
                boolean cause = a.equals(mv.counterpart());
                if (!mover && !cause) {
                    continue;
                }
                count++;
                boolean stage = mv.kind().equals("consent") || mv.kind().equals("no-deal");
                String text = mv.reason().isEmpty() ? describe(mv) : mv.reason();
                out.println("    " + (stage ? "consent stage, " + mv.issue() : "round " + mv.round()) + ": " + text);
            }
        }
        if (count == 0) {
            out.println("    " + (rounds.size() == 1
                    ? model + " answers in one step: nobody moves; the pull above is how " + a + " shapes the forecast."
                    : a + " made no move and caused none."));
        }
    }

    /** A conditional position: its rule, the position the model ran with, and the condition on the forecast. */
    private static void conditional(PrintWriter out, Scenario scenario, String world, Problem p, int i, int k,
                                    double used, double[] forecast) {
        int j = p.conditions().indexOf(i, k);
        if (j < 0) {
            return;
        }
        Condition c = p.conditions().condition(j);
        double stated = scenario.resolve(world).stance(p.actorId(i), p.issueId(k)).orElseThrow().position().value();
        double otherwise = p.conditions().otherwise(j);
        boolean holds = c.holds(id -> forecast[p.issueIndex(id)]);
        List<String> tested = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(c.issues())) {
            tested.add(id + " " + Numbers.fixed(forecast[p.issueIndex(id)], 1));
        }
        out.println("      conditional: " + Numbers.format(stated) + " if " + c.describe() + ", otherwise "
                + Numbers.format(otherwise) + "; the model ran with " + Numbers.fixed(used, 1)
                + (used == stated && used != otherwise ? " (condition taken as met)"
                : used == otherwise && used != stated ? " (condition taken as unmet)" : "")
                + "; on the forecast (" + String.join(", ", tested) + ") the condition " + (holds ? "holds" : "fails"));
    }

    private static String describe(Move mv) {
        StringBuilder sb = new StringBuilder(mv.actor()).append(' ').append(mv.kind());
        if (mv.counterpart() != null) {
            sb.append(" with ").append(mv.counterpart());
        }
        if (mv.issue() != null) {
            sb.append(" on ").append(mv.issue());
        }
        if (!Double.isNaN(mv.from())) {
            sb.append(": ").append(Numbers.fixed(mv.from(), 2)).append(" -> ").append(Numbers.fixed(mv.to(), 2));
        }
        return sb.toString();
    }

    private double[] withoutActor(Scenario scenario, String world, BargainingModel m, RunResult r, String a) {
        Scenario w = scenario.resolve(world);
        List<Stance> kept = w.stances().stream().filter(s -> !s.actor().equals(a)).toList();
        Problem p = Problem.of(w.withStances(kept));
        ModelOptions o = ModelOptions.of(r.options());
        Resolution.Settings settings = Resolution.Settings.of(scenario.options(), input.modelOptions());
        ConsentStage.Settings consent = ConsentStage.Settings.of(o);
        return Resolution.resolve(p, settings, q -> ConsentStage.apply(q, m.run(q, o, RunContext.forecastOnly(rounds,
                r.seed())), consent, false)).chosen().trajectory().forecast();
    }

    private static String worldLine(Scenario s, String w) {
        if (Scenario.BASE.equals(w)) {
            return "World: base";
        }
        return "World: " + w + s.branch(w).map(b -> " (" + b.name() + ")").orElse("");
    }
}
