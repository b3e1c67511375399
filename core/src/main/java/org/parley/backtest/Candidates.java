package org.parley.backtest;

import java.util.List;
import java.util.Map;

/**
 * The frozen candidate forecasters scored against the compromise model by {@link ProtocolBacktest}.
 * They are fixed here, before any scoring, exactly as {@code shared/specs/deu-candidates.md}
 * defines them; no variant is to be added after seeing results. They were found while inspecting all
 * 353 DEU III issues, so only new data is a clean test of them.
 *
 * <ul>
 *   <li>{@value #AVERAGED}: the mean of the compromise model's forecasts under the {@code gdp} (the
 *       file's own), {@code council} and {@code equal} capability rules; no parameter (model
 *       averaging over the unknown distribution of power).</li>
 *   <li>{@value #CONSENT}: the compromise model with the consent stage, i.e. model
 *       {@code compromise} with options {@code consent=apply} and {@code consent.win-set=off}: the
 *       compromise clipped into the core of the rule (the Council's qualified-majority or
 *       unanimity core, widened to the Parliament under co-decision, as the DEU importer sets the
 *       rules), without the status-quo win-set test: the spec's R2, "core-constrained compromise";
 *       no parameter. Reported as unavailable where the engine has no {@code consent} option.</li>
 *   <li>{@value #STACKED}: a weighted mean of {@code compromise}, {@value #CONSENT} and
 *       {@code exchange} (the exchange model's forecasts from one run with the backtest's seed),
 *       non-negative weights summing to 1 on a grid of step 0.05, minimising the mean absolute error
 *       on the training folds only.</li>
 * </ul>
 */
public final class Candidates {

    /** The reference every candidate is compared with. */
    public static final String REFERENCE = "compromise";
    /** Capability-averaged compromise. */
    public static final String AVERAGED = "compromise-averaged";
    /** Compromise with the consent stage. */
    public static final String CONSENT = "compromise-consent";
    /** Stacked ensemble. */
    public static final String STACKED = "stacked";

    /** The capability rules {@value #AVERAGED} averages over ({@code written} = the file's own, gdp for DEU). */
    public static final List<String> AVERAGED_RULES = List.of("written", CapabilityRule.COUNCIL, CapabilityRule.EQUAL);
    /** The model and option setting that make {@value #CONSENT}. */
    public static final String CONSENT_MODEL = "compromise";
    /** The option that switches the consent stage ({@code apply} or {@code ignore}). */
    public static final String CONSENT_OPTION = "consent";
    public static final Map<String, String> CONSENT_OPTIONS = Map.of(CONSENT_OPTION, "apply", "consent.win-set", "off");
    /** The components of {@value #STACKED}, in grid enumeration order. */
    public static final List<String> STACKED_COMPONENTS = List.of(REFERENCE, CONSENT, "exchange");
    /** Grid divisions of the stacked weights (step 1/20 = 0.05). */
    public static final int STACKED_GRID = 20;

    /** The candidates, in the order they are reported and tested. */
    public static final List<String> ALL = List.of(AVERAGED, CONSENT, STACKED);

    private Candidates() {
    }

    /** A one-line definition of a candidate for tables. */
    public static String definition(String id) {
        return switch (id) {
            case AVERAGED -> "mean of compromise under capability gdp, council and equal; no parameter";
            case CONSENT -> "compromise with options consent=apply, consent.win-set=off (clipped into the core of the "
                    + "issue's rule: the spec's R2); no parameter";
            case STACKED -> "weights (step 0.05, sum 1) on compromise, compromise-consent and exchange, fitted in the "
                    + "training folds only";
            default -> throw new IllegalArgumentException("no candidate " + id);
        };
    }
}
