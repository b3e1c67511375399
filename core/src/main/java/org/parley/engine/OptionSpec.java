package org.parley.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A named option of a model, typed: a choice among named values, or a number (whole or not) within
 * a range. The spec parses and checks a value ({@link #check}), documents itself ({@link #values})
 * and is what presets are checked against when a model is registered.
 *
 * @param key          the option's name, e.g. {@code utility}
 * @param defaultValue the default, as text
 * @param description  one line for {@code parley models}
 * @param allowed      the values it takes, or empty for a number (see {@code numeric}) or free text
 * @param numeric      {@code true} when the value is a number
 * @param min          the smallest number allowed (numbers only; -infinity for none)
 * @param max          the largest number allowed (numbers only; +infinity for none)
 * @param integer      {@code true} when the number must be whole
 */
public record OptionSpec(String key, String defaultValue, String description, List<String> allowed, boolean numeric,
                         double min, double max, boolean integer) {

    public OptionSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        description = description == null ? "" : description;
        allowed = List.copyOf(allowed == null ? List.of() : allowed);
        if (!(min <= max)) {
            throw new IllegalArgumentException("option '" + key + "': min " + min + " above max " + max);
        }
    }

    /** A choice (or, with no {@code allowed}, free text) or an unbounded number. */
    public OptionSpec(String key, String defaultValue, String description, List<String> allowed, boolean numeric) {
        this(key, defaultValue, description, allowed, numeric, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                false);
    }

    public static OptionSpec choice(String key, String defaultValue, String description, String... allowed) {
        return new OptionSpec(key, defaultValue, description, List.of(allowed), false);
    }

    /** Any finite number. */
    public static OptionSpec number(String key, double defaultValue, String description) {
        return new OptionSpec(key, formatNumber(defaultValue), description, List.of(), true);
    }

    /** A number in [{@code min}, {@code max}] (either may be infinite). */
    public static OptionSpec number(String key, double defaultValue, double min, double max, String description) {
        return new OptionSpec(key, formatNumber(defaultValue), description, List.of(), true, min, max, false);
    }

    /** A whole number in [{@code min}, {@code max}]. */
    public static OptionSpec integer(String key, int defaultValue, int min, int max, String description) {
        return new OptionSpec(key, formatNumber(defaultValue), description, List.of(), true, min, max, true);
    }

    /** Checks a value; returns an error message, or {@code null} when it is fine. */
    public String check(String value) {
        if (numeric) {
            double d;
            try {
                d = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                return "option '" + key + "' must be " + values() + ", was '" + value + "'";
            }
            if (!Double.isFinite(d) || (integer && d != Math.rint(d)) || d < min || d > max) {
                return "option '" + key + "' must be " + values() + ", was '" + value + "'";
            }
            return null;
        }
        if (!allowed.isEmpty() && !allowed.contains(value.strip())) {
            return "option '" + key + "' takes " + String.join("|", allowed) + ", was '" + value + "'";
        }
        return null;
    }

    /** What the option takes, for help texts: {@code a|b|c}, {@code a number in [0, 1]}, {@code a whole number >= 1}. */
    public String values() {
        if (!numeric) {
            return allowed.isEmpty() ? "text" : String.join("|", allowed);
        }
        String what = integer ? "a whole number" : "a number";
        boolean lo = min != Double.NEGATIVE_INFINITY;
        boolean hi = max != Double.POSITIVE_INFINITY && !(integer && max == Integer.MAX_VALUE);
        if (lo && hi) {
            return what + " in [" + formatNumber(min) + ", " + formatNumber(max) + "]";
        }
        if (lo) {
            return what + " >= " + formatNumber(min);
        }
        if (hi) {
            return what + " <= " + formatNumber(max);
        }
        return what;
    }

    static String formatNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) d);
        }
        return Double.toString(d);
    }
}
