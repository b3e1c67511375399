package org.parley.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.model.Actor;
import org.parley.model.Estimate;
import org.parley.model.Provenance;
import org.parley.model.Scenario;

/**
 * Where a backtest takes each actor's capability from: a named option, because the choice moves
 * the scores and the literature makes it in several ways.
 */
public interface CapabilityRule {

    /** The capabilities written in each case's scenario (YAML sets). */
    String SCENARIO = "scenario";
    /** The DEU table's own capability row (GDP, divided by its maximum). */
    String GDP = "gdp";
    /** Every actor the same. */
    String EQUAL = "equal";
    /** Council voting weights for the case's date and voting rule (see {@link CouncilWeights}). */
    String COUNCIL = "council";

    /** The option's id, as the CLI and the CSV name it. */
    String id();

    /** The case's scenario with the capabilities this rule gives. */
    Scenario apply(BacktestCase c);

    /** The capabilities as written in the scenarios, under the set's name for them. */
    static CapabilityRule written(String name) {
        return new CapabilityRule() {
            @Override
            public String id() {
                return name;
            }

            @Override
            public Scenario apply(BacktestCase c) {
                return c.scenario();
            }
        };
    }

    /** Every actor capability 1. */
    static CapabilityRule equal() {
        return new CapabilityRule() {
            @Override
            public String id() {
                return EQUAL;
            }

            @Override
            public Scenario apply(BacktestCase c) {
                List<Actor> as = new ArrayList<>();
                for (Actor a : c.scenario().actors()) {
                    as.add(a.withCapability(Estimate.of(1, Provenance.none())));
                }
                return c.scenario().withActors(as);
            }
        };
    }

    /**
     * Council voting weights by date, voting rule and procedure (see {@link CouncilWeights}); an
     * actor that weighs 0 at the case's date is left out with its stances.
     */
    static CapabilityRule council() {
        return new CapabilityRule() {
            @Override
            public String id() {
                return COUNCIL;
            }

            @Override
            public Scenario apply(BacktestCase c) {
                List<Actor> as = new ArrayList<>();
                java.util.Set<String> out = new java.util.HashSet<>();
                for (Actor a : c.scenario().actors()) {
                    double w = CouncilWeights.weight(a.id(), c.date(), c.votingRule(), c.procedure());
                    if (w > 0) {
                        as.add(a.withCapability(Estimate.of(w, Provenance.none())));
                    } else {
                        out.add(a.id());
                    }
                }
                // a state with no vote at the date takes no part
                List<org.parley.model.Stance> st = c.scenario().stances().stream()
                        .filter(s -> !out.contains(s.actor())).toList();
                return c.scenario().withActors(as).withStances(st);
            }
        };
    }

    /**
     * The rule named {@code id} for a set: the set's written name (e.g. {@code gdp}), {@code equal},
     * or {@code council} when every case has a date and a voting rule.
     */
    static CapabilityRule forSet(String id, BacktestSet set) {
        String norm = id == null ? set.writtenCapability() : id.strip().toLowerCase(Locale.ROOT);
        if (!set.capabilityOptions().contains(norm)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "capability '" + id + "' is not available for "
                    + set.name() + "; options: " + String.join(", ", set.capabilityOptions()));
        }
        if (norm.equals(set.writtenCapability())) {
            return written(norm);
        }
        return norm.equals(EQUAL) ? equal() : council();
    }
}
