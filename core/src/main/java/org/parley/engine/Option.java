package org.parley.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A model option declared once, typed: its {@link OptionSpec} (name, default, allowed values or
 * range, one line of help), which checks and documents it, and the reading of its checked text as a
 * {@code T} (an enum constant, a flag, a number). A model lists its options' specs in
 * {@link BargainingModel#options()} and reads them with {@link ModelOptions#get(Option)}.
 *
 * @param <T> the type of the option's value
 */
public final class Option<T> {

    private final OptionSpec spec;
    private final Function<String, T> reading;

    private Option(OptionSpec spec, Function<String, T> reading) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.reading = Objects.requireNonNull(reading, "reading");
    }

    /**
     * A choice among the constants of an enum, each named by its constant in lower case with
     * {@code -} for {@code _} ({@code CLASS_LEAST_MOVE} is {@code class-least-move}).
     */
    @SafeVarargs
    public static <E extends Enum<E>> Option<E> choice(String key, E defaultValue, String description, E... values) {
        return choice(key, defaultValue, description, Option::id, values);
    }

    /** A choice among enum constants, each named by {@code id}. */
    @SafeVarargs
    public static <E extends Enum<E>> Option<E> choice(String key, E defaultValue, String description,
                                                      Function<E, String> id, E... values) {
        List<E> all = List.of(values);
        if (!all.contains(defaultValue)) {
            throw new IllegalArgumentException("option '" + key + "': default " + defaultValue + " not among its values");
        }
        String[] ids = all.stream().map(id).toArray(String[]::new);
        return new Option<>(OptionSpec.choice(key, id.apply(defaultValue), description, ids), text -> {
            String t = text.strip();
            for (E e : all) {
                if (id.apply(e).equals(t)) {
                    return e;
                }
            }
            throw new IllegalArgumentException("option '" + key + "' takes " + String.join("|", ids) + ", was '" + text + "'");
        });
    }

    /** A choice between named values read as a flag: {@code true} when the value is {@code trueValue}. */
    public static Option<Boolean> flag(String key, String defaultValue, String description, String trueValue,
                                       String... values) {
        if (!Arrays.asList(values).contains(trueValue)) {
            throw new IllegalArgumentException("option '" + key + "': '" + trueValue + "' not among its values");
        }
        return new Option<>(OptionSpec.choice(key, defaultValue, description, values), text -> text.strip().equals(trueValue));
    }

    /** {@code on} or {@code off}. */
    public static Option<Boolean> onOff(String key, boolean defaultValue, String description) {
        return flag(key, defaultValue ? "on" : "off", description, "on", "on", "off");
    }

    /** A named choice read as its text (for values no enum names, e.g. a preset). */
    public static Option<String> text(String key, String defaultValue, String description, String... values) {
        return new Option<>(OptionSpec.choice(key, defaultValue, description, values), String::strip);
    }

    /** A number in [{@code min}, {@code max}] (either may be infinite). */
    public static Option<Double> number(String key, double defaultValue, double min, double max, String description) {
        return new Option<>(OptionSpec.number(key, defaultValue, min, max, description), text -> Double.parseDouble(text.strip()));
    }

    /** Any finite number. */
    public static Option<Double> number(String key, double defaultValue, String description) {
        return new Option<>(OptionSpec.number(key, defaultValue, description), text -> Double.parseDouble(text.strip()));
    }

    /** A whole number in [{@code min}, {@code max}]. */
    public static Option<Integer> integer(String key, int defaultValue, int min, int max, String description) {
        return new Option<>(OptionSpec.integer(key, defaultValue, min, max, description),
                text -> (int) Math.round(Double.parseDouble(text.strip())));
    }

    /** The enum constant's name as an option value: lower case, {@code -} for {@code _}. */
    public static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The specs of {@code options}, in order (what {@link BargainingModel#options()} returns). */
    public static List<OptionSpec> specs(List<Option<?>> options) {
        List<OptionSpec> out = new ArrayList<>(options.size());
        for (Option<?> o : options) {
            out.add(o.spec());
        }
        return List.copyOf(out);
    }

    public OptionSpec spec() {
        return spec;
    }

    public String key() {
        return spec.key();
    }

    /** The same option with another line of help (an option shared by models that describe it each their way). */
    public Option<T> describedAs(String description) {
        OptionSpec s = spec;
        return new Option<>(new OptionSpec(s.key(), s.defaultValue(), description, s.allowed(), s.numeric(), s.min(),
                s.max(), s.integer()), reading);
    }

    /**
     * Reads {@code text} as this option's value.
     *
     * @throws ParleyException with {@link ErrorCode#BAD_OPTION} when the spec does not take it
     */
    public T parse(String text) {
        String problem = spec.check(text);
        if (problem != null) {
            throw new ParleyException(ErrorCode.BAD_OPTION, problem);
        }
        return reading.apply(text);
    }

    @Override
    public String toString() {
        return "option '" + key() + "'";
    }
}
