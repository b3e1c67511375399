package org.parley.engine;

import java.util.List;

/**
 * How the baseline models weigh actors on an issue: the {@code weights} option shared by
 * {@code compromise} and {@code median} (here, not in either model's package, so that no model
 * package imports another).
 */
public enum Weights {
    /** capability x salience: the compromise model of the DEU literature (default). */
    CAPABILITY_SALIENCE("capability-salience"),
    /** capability only. */
    CAPABILITY("capability"),
    /** salience only. */
    SALIENCE("salience"),
    /** every present actor counts the same. */
    EQUAL("equal");

    public static final String KEY = "weights";

    /** The typed option (each model describes it in its own words, see {@link #option}). */
    public static final Option<Weights> OPTION = Option.choice(KEY, CAPABILITY_SALIENCE, "", Weights::id, values());

    private final String id;

    Weights(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static OptionSpec option(String description) {
        return OPTION.describedAs(description).spec();
    }

    public static Weights from(ModelOptions options) {
        return options.get(OPTION);
    }

    /** The weight of actor {@code i} on issue {@code k}; 0 when the actor is absent. */
    public double weight(Problem p, int i, int k) {
        if (!p.present(i, k)) {
            return 0;
        }
        switch (this) {
            case CAPABILITY:
                return p.capability()[i];
            case SALIENCE:
                return p.salience()[i][k];
            case EQUAL:
                return 1;
            case CAPABILITY_SALIENCE:
            default:
                return p.capability()[i] * p.salience()[i][k];
        }
    }

    public static List<String> ids() {
        return OPTION.spec().allowed();
    }
}
