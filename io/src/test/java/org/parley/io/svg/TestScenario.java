package org.parley.io.svg;

import java.util.List;
import java.util.Map;

import org.parley.model.Actor;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.DecisionRule;
import org.parley.model.Distribution;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Range;
import org.parley.model.Scale;
import org.parley.model.Scenario;
import org.parley.model.Stance;
import org.parley.model.Threshold;

/** A small scenario with ranges, thresholds and branches for the chart and report tests. */
public final class TestScenario {

    private TestScenario() {
    }

    private static Estimate e(double v, double lo, double hi, Distribution d) {
        return new Estimate(v, new Range(lo, hi, d), Provenance.judgement("test"));
    }

    private static Estimate e(double v) {
        return Estimate.of(v, Provenance.judgement("test"));
    }

    public static Scenario scenario() {
        List<Issue> issues = List.of(
                new Issue("relief", "Sanctions relief", "", Scale.percent("none", "all"), e(5, 0, 15, Distribution.UNIFORM),
                        DecisionRule.BARGAINING, List.of(new Threshold("substantial", 50, true, "substantial relief?"))),
                new Issue("freeze", "Freeze", "", Scale.percent("none", "full"), e(0), DecisionRule.BARGAINING,
                        List.of(new Threshold("freeze", 30, true, "a freeze?"))));
        List<Actor> actors = List.of(
                new Actor("kim", "Kim", e(50, 40, 60, Distribution.TRIANGULAR), Map.of()),
                new Actor("usa", "USA", e(80, 70, 90, Distribution.NORMAL), Map.of()),
                new Actor("china", "China & co", e(40), Map.of()));
        List<Stance> stances = List.of(
                new Stance("kim", "relief", e(100), e(75, 60, 90, Distribution.UNIFORM)),
                new Stance("kim", "freeze", e(10, 0, 20, Distribution.UNIFORM), e(90)),
                new Stance("usa", "relief", e(20, 10, 35, Distribution.TRIANGULAR), e(50)),
                new Stance("usa", "freeze", e(90), e(80, 60, 95, Distribution.NORMAL)),
                new Stance("china", "relief", e(70, 50, 80, Distribution.UNIFORM), e(40)),
                new Stance("china", "freeze", e(40), e(30)));
        List<Branch> branches = List.of(
                new Branch("deal", "A deal-minded US", "", 0.5, null,
                        List.of(Change.position("usa", "relief", e(45, 30, 60, Distribution.UNIFORM)))),
                new Branch("no-deal", "No talks", "", 0.5, null,
                        List.of(Change.salience("kim", "freeze", e(100)))),
                new Branch("china-out", "China leaves", "", null, null, List.of(Change.remove("china", null))));
        return new Scenario("test", "Test <talks> & co", null, "", List.of(), issues, actors, stances, branches, Map.of());
    }
}
