package org.parley.model;

import java.util.Locale;

/**
 * How Monte Carlo draws a value inside its {@link Range}.
 *
 * <ul>
 *   <li>{@code uniform}: every value in [low, high] equally likely (the default);</li>
 *   <li>{@code triangular}: mode at the stated value, zero density at low and high;</li>
 *   <li>{@code normal}: mean at the stated value, standard deviation (high - low) / 4, truncated to
 *       [low, high] (so [low, high] is a 95% interval before truncation).</li>
 * </ul>
 */
public enum Distribution {
    UNIFORM, TRIANGULAR, NORMAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Distribution fromId(String id) {
        for (Distribution d : values()) {
            if (d.id().equalsIgnoreCase(id.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown distribution '" + id + "'; expected uniform, triangular or normal");
    }
}
