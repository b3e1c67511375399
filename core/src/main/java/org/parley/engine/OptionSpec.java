package org.parley.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named option of a model, with its default and the values it takes.
 *
 * @param key          the option's name, e.g. {@code utility}
 * @param defaultValue the default, as text
 * @param description  one line for {@code parley models}
 * @param allowed      the values it takes, or empty for a number (see {@code numeric})
 * @param numeric      {@code true} when the value is a number
 */
public record OptionSpec(String key, String defaultValue, String description, List<String> allowed, boolean numeric) {

    public OptionSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        description = description == null ? "" : description;
        allowed = List.copyOf(allowed == null ? List.of() : allowed);
    }

    public static OptionSpec choice(String key, String defaultValue, String description, String... allowed) {
        return new OptionSpec(key, defaultValue, description, List.of(allowed), false);
    }

    public static OptionSpec number(String key, double defaultValue, String description) {
        return new OptionSpec(key, formatNumber(defaultValue), description, List.of(), true);
    }

    /** Checks a value; returns an error message, or {@code null} when it is fine. */
    public String check(String value) {
        if (numeric) {
            try {
                double d = Double.parseDouble(value.strip());
                if (!Double.isFinite(d)) {
                    return "option '" + key + "' must be a finite number, was '" + value + "'";
                }
            } catch (NumberFormatException e) {
                return "option '" + key + "' must be a number, was '" + value + "'";
            }
            return null;
        }
        if (!allowed.isEmpty() && !allowed.contains(value.strip())) {
            return "option '" + key + "' takes " + String.join("|", allowed) + ", was '" + value + "'";
        }
        return null;
    }

    static String formatNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) d);
        }
        return Double.toString(d);
    }
}
