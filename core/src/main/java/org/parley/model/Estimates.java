package org.parley.model;

import java.util.function.BiConsumer;

/**
 * Visits every {@link Estimate} of a scenario with its model path, in file order: the talks
 * probability, status quos, capabilities, stances (position, salience, outside option), then each
 * branch's talks probability and changes. Validation, provenance checks and Monte Carlo use it
 * so that they agree on what the inputs are.
 */
public final class Estimates {

    private Estimates() {
    }

    public static void each(Scenario s, BiConsumer<String, Estimate> visitor) {
        if (s.talks() != null) {
            visitor.accept("talks", s.talks());
        }
        for (int k = 0; k < s.issues().size(); k++) {
            Issue i = s.issues().get(k);
            if (i.hasStatusQuo()) {
                visitor.accept("issues[" + k + "].statusQuo", i.statusQuo());
            }
        }
        for (int a = 0; a < s.actors().size(); a++) {
            visitor.accept("actors[" + a + "].capability", s.actors().get(a).capability());
        }
        for (int j = 0; j < s.stances().size(); j++) {
            Stance st = s.stances().get(j);
            visitor.accept("stances[" + j + "].position", st.position());
            otherwise("stances[" + j + "].position", st.position(), visitor);
            visitor.accept("stances[" + j + "].salience", st.salience());
            if (st.hasOutsideOption()) {
                visitor.accept("stances[" + j + "].outsideOption", st.outsideOption());
            }
        }
        for (int b = 0; b < s.branches().size(); b++) {
            Branch br = s.branches().get(b);
            if (br.probability() != null && br.probabilitySource().isPresent()) {
                visitor.accept("branches[" + b + "].probability", Estimate.of(br.probability(), br.probabilitySource()));
            }
            if (br.talks() != null) {
                visitor.accept("branches[" + b + "].talks", br.talks());
            }
            for (int c = 0; c < br.changes().size(); c++) {
                Change ch = br.changes().get(c);
                if (ch.value() != null) {
                    String f = ch.field() == Change.Field.STATUS_QUO ? "statusQuo"
                            : ch.field() == Change.Field.OUTSIDE_OPTION ? "outsideOption" : ch.field().id();
                    visitor.accept("branches[" + b + "].changes[" + c + "]." + f, ch.value());
                    otherwise("branches[" + b + "].changes[" + c + "]." + f, ch.value(), visitor);
                }
            }
        }
    }

    /** A conditional position's value when its condition fails ({@code <path>.otherwise}). */
    private static void otherwise(String path, Estimate e, BiConsumer<String, Estimate> visitor) {
        if (e.isConditional()) {
            visitor.accept(path + ".otherwise", e.conditional().otherwise());
        }
    }
}
