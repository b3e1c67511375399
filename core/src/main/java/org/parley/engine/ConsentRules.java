package org.parley.engine;

import java.util.Arrays;
import java.util.List;

import org.parley.model.Actor;
import org.parley.model.DecisionRule;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/**
 * Who must agree on each issue of one world, compiled to arrays for the {@link ConsentStage}: the
 * decision rule and its quota, each actor's votes under it, the consent (veto) players, each
 * actor's outside option, and the probability that talks take place at all.
 *
 * <p>Indexed like the {@link Problem} it belongs to: actor {@code i}, issue {@code k}. Shared and
 * read-only; {@link #withOutsideOptions} makes a copy with other outside options (Monte Carlo).
 */
public final class ConsentRules {

    /** How an issue's votes are counted. */
    enum Votes {
        CAPABILITY, EQUAL, ATTRIBUTE
    }

    private final boolean declared;
    private final double talks;
    private final DecisionRule[] rule;
    private final double[] quota;
    private final Votes[] votesMode;
    private final double[][] votes;
    private final boolean[][] consent;
    private final double[][] outside;
    private final String[] consentAbsent;

    private ConsentRules(boolean declared, double talks, DecisionRule[] rule, double[] quota, Votes[] votesMode,
                         double[][] votes, boolean[][] consent, double[][] outside, String[] consentAbsent) {
        this.declared = declared;
        this.talks = talks;
        this.rule = rule;
        this.quota = quota;
        this.votesMode = votesMode;
        this.votes = votes;
        this.consent = consent;
        this.outside = outside;
        this.consentAbsent = consentAbsent;
    }

    /** No rule on any of {@code n} actors' {@code m} issues, talks certain: the stage does nothing. */
    public static ConsentRules none(int n, int m) {
        DecisionRule[] r = new DecisionRule[m];
        Arrays.fill(r, DecisionRule.BARGAINING);
        double[] q = new double[m];
        Arrays.fill(q, Double.NaN);
        Votes[] v = new Votes[m];
        Arrays.fill(v, Votes.CAPABILITY);
        double[][] out = Grids.doubles(n, m);
        for (double[] row : out) {
            Arrays.fill(row, Double.NaN);
        }
        String[] absent = new String[m];
        Arrays.fill(absent, "");
        return new ConsentRules(false, 1.0, r, q, v, Grids.doubles(n, m), Grids.booleans(n, m), out, absent);
    }

    /** Compiles a resolved world (a scenario without branches) with the given actor and issue order. */
    static ConsentRules of(Scenario world, String[] actorIds, String[] issueIds) {
        int n = actorIds.length;
        int m = issueIds.length;
        ConsentRules r = none(n, m);
        boolean[] present = new boolean[n * m];
        for (Stance s : world.stances()) {
            int i = indexOf(actorIds, s.actor());
            int k = indexOf(issueIds, s.issue());
            if (i < 0 || k < 0) {
                continue;
            }
            present[i * m + k] = true;
            if (s.hasOutsideOption()) {
                r.outside[i][k] = s.outsideOption().value();
            }
        }
        List<Issue> issues = world.issues();
        List<Actor> actors = world.actors();
        for (int k = 0; k < m; k++) {
            Issue is = issues.get(k);
            r.rule[k] = is.rule();
            r.quota[k] = is.effectiveQuota();
            String v = is.votes();
            r.votesMode[k] = v.equals(Issue.VOTES_CAPABILITY) ? Votes.CAPABILITY
                    : v.equals(Issue.VOTES_EQUAL) ? Votes.EQUAL : Votes.ATTRIBUTE;
            if (r.votesMode[k] == Votes.ATTRIBUTE) {
                for (int i = 0; i < n; i++) {
                    String text = actors.get(i).attributes().get(v);
                    double w = 0;
                    if (text != null) {
                        try {
                            w = Double.parseDouble(text.strip());
                        } catch (NumberFormatException e) {
                            w = 0; // the validator refuses it for a voter
                        }
                    }
                    r.votes[i][k] = w;
                }
            }
            StringBuilder absent = new StringBuilder();
            for (String c : is.consent()) {
                int i = indexOf(actorIds, c);
                if (i < 0) {
                    continue;
                }
                if (present[i * m + k]) {
                    r.consent[i][k] = true;
                } else {
                    absent.append(absent.length() == 0 ? "" : ", ").append(c);
                }
            }
            r.consentAbsent[k] = absent.toString();
        }
        return new ConsentRules(world.declaresConsent(), world.talksProbability(), r.rule, r.quota, r.votesMode,
                r.votes, r.consent, r.outside, r.consentAbsent);
    }

    private static int indexOf(String[] ids, String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code true} when the scenario declares a rule, a consent list or an outside option. */
    public boolean declared() {
        return declared;
    }

    /** The probability that talks take place in this world. */
    public double talks() {
        return talks;
    }

    public DecisionRule rule(int k) {
        return rule[k];
    }

    /** The quota of issue {@code k}'s rule: 1/2 majority, the stated quota, 1 unanimity, NaN bargaining. */
    public double quota(int k) {
        return quota[k];
    }

    /** {@code true} when the rule of issue {@code k} is a vote (majority, qualified majority, unanimity). */
    public boolean voting(int k) {
        return rule[k] != DecisionRule.BARGAINING;
    }

    /** {@code true} when issue {@code k} has a rule other than bargaining or a consent player. */
    public boolean subject(int k) {
        if (voting(k)) {
            return true;
        }
        for (boolean[] row : consent) {
            if (row[k]) {
                return true;
            }
        }
        return false;
    }

    /** Actor {@code i}'s votes on issue {@code k}, given its capability. */
    public double votes(int i, int k, double capability) {
        switch (votesMode[k]) {
            case EQUAL:
                return 1.0;
            case ATTRIBUTE:
                return votes[i][k];
            case CAPABILITY:
            default:
                return capability;
        }
    }

    /** {@code true} when actor {@code i} is a consent player on issue {@code k} (and has a stance on it). */
    public boolean consent(int i, int k) {
        return consent[i][k];
    }

    /** Consent players named for issue {@code k} who have no stance on it (comma separated), or "". */
    public String consentAbsent(int k) {
        return consentAbsent[k];
    }

    /** Actor {@code i}'s outside option on issue {@code k}, NaN when it is the status quo. */
    public double outsideOption(int i, int k) {
        return outside[i][k];
    }

    /** A copy with other outside options ({@code [actor][issue]}, NaN = the status quo). */
    public ConsentRules withOutsideOptions(double[][] newOutside) {
        return new ConsentRules(declared, talks, rule, quota, votesMode, votes, consent, newOutside, consentAbsent);
    }

    /** A copy of the outside options, for {@link #withOutsideOptions}. */
    public double[][] copyOutsideOptions() {
        double[][] c = new double[outside.length][];
        for (int i = 0; i < outside.length; i++) {
            c[i] = outside[i].clone();
        }
        return c;
    }
}
