package org.parley.backtest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A set of negotiations with known outcomes.
 *
 * @param name               a name for tables
 * @param cases              the cases in file order; every case has its split (see {@link #of})
 * @param proposer           the id of the actor whose initial position is the "proposer" baseline
 *                           (the Commission in EU data), or {@code null} for none
 * @param writtenCapability  the name of the capabilities as written in the scenarios (e.g.
 *                           {@code gdp} for the DEU table, {@code scenario} for YAML sets)
 * @param notes              what the reader did that a user should know (rows skipped, conventions)
 */
public record BacktestSet(String name, List<BacktestCase> cases, String proposer, String writtenCapability,
                          List<String> notes) {

    public BacktestSet {
        Objects.requireNonNull(name, "name");
        cases = List.copyOf(cases);
        writtenCapability = writtenCapability == null ? CapabilityRule.SCENARIO : writtenCapability;
        notes = List.copyOf(notes == null ? List.of() : notes);
        Set<String> ids = new HashSet<>();
        for (BacktestCase c : cases) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("two cases with id " + c.id());
            }
            if (c.split() == null) {
                throw new IllegalArgumentException("case " + c.id() + " has no split; build the set with BacktestSet.of");
            }
        }
    }

    /**
     * A set whose cases without a split label get one by proposal: in order of first appearance,
     * proposals 1, 3, 5, ... are train and 2, 4, 6, ... test. A proposal whose cases carry
     * different labels is refused.
     */
    public static BacktestSet of(String name, List<BacktestCase> cases, String proposer, String writtenCapability,
                                 List<String> notes) {
        Map<String, Split> byProposal = new LinkedHashMap<>();
        for (BacktestCase c : cases) {
            if (c.split() != null) {
                Split before = byProposal.putIfAbsent(c.proposal(), c.split());
                if (before != null && before != c.split()) {
                    throw new IllegalArgumentException("proposal " + c.proposal() + " has cases in both train and test");
                }
            }
        }
        Map<String, Integer> order = new LinkedHashMap<>();
        for (BacktestCase c : cases) {
            order.putIfAbsent(c.proposal(), order.size());
        }
        List<BacktestCase> out = new ArrayList<>(cases.size());
        for (BacktestCase c : cases) {
            Split s = byProposal.get(c.proposal());
            if (s == null) {
                s = order.get(c.proposal()) % 2 == 0 ? Split.TRAIN : Split.TEST;
            }
            out.add(c.split() == s ? c : c.withSplit(s));
        }
        return new BacktestSet(name, out, proposer, writtenCapability, notes);
    }

    /** The number of issues with an outcome, in a split. */
    public int scoredIssues(Split split) {
        int n = 0;
        for (BacktestCase c : cases) {
            if (split.includes(c.split())) {
                n += c.outcomes().size();
            }
        }
        return n;
    }

    /** The capability options this set supports, the written one first. */
    public List<String> capabilityOptions() {
        List<String> out = new ArrayList<>();
        out.add(writtenCapability);
        out.add(CapabilityRule.EQUAL);
        boolean dated = !cases.isEmpty() && cases.stream().allMatch(c -> c.date() != null && c.votingRule() != null);
        if (dated) {
            out.add(CapabilityRule.COUNCIL);
        }
        return out;
    }
}
