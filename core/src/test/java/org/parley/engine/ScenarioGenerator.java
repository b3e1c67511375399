package org.parley.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/** Random but reproducible scenarios for property-style tests; a failing test prints its seed. */
public final class ScenarioGenerator {

    private ScenarioGenerator() {
    }

    /** {@code actors} actors on {@code issues} 0-100 issues with status quo, every actor on every issue. */
    public static Scenario random(long seed, int actors, int issues) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Issue> is = new ArrayList<>();
        for (int k = 0; k < issues; k++) {
            is.add(new Issue("i" + k, "Issue " + k, "", Scale.percent("low", "high"),
                    Estimate.of(Math.floor(rnd.nextDouble() * 101)), DecisionRule.BARGAINING, List.of()));
        }
        List<Actor> as = new ArrayList<>();
        List<Stance> ss = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            as.add(new Actor("a" + i, "Actor " + i, Estimate.of(1 + Math.floor(rnd.nextDouble() * 100)), Map.of()));
            for (int k = 0; k < issues; k++) {
                ss.add(Stance.of("a" + i, "i" + k, Math.floor(rnd.nextDouble() * 101), 1 + Math.floor(rnd.nextDouble() * 100)));
            }
        }
        return new Scenario("random-" + seed, "Random scenario " + seed, null, "", List.of(), is, as, ss, List.of(), Map.of());
    }

    /** The same scenario with the actors in reverse order. */
    public static Scenario reversed(Scenario s) {
        List<Actor> as = new ArrayList<>(s.actors());
        java.util.Collections.reverse(as);
        List<Stance> ss = new ArrayList<>(s.stances());
        java.util.Collections.reverse(ss);
        return s.withActors(as).withStances(ss);
    }
}
