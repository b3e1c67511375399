package org.parley.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The options one model runs with, resolved from its defaults, an optional preset, the scenario
 * and the user's flags (in that order of precedence, last wins), and checked against the model's
 * {@link OptionSpec}s.
 */
public final class ModelOptions {

    /** The option that selects a preset; a model that has presets declares it. */
    public static final String PRESET = "preset";

    private final Map<String, String> values;
    /** Typed readings of these options, made once per options object (see {@link #parsed}). */
    private final Map<Class<?>, Object> parsed = new ConcurrentHashMap<>();

    private ModelOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The typed reading of these options that {@code parser} makes, made once and then reused, so
     * a Monte Carlo of thousands of runs parses a model's options once, not once per run. The
     * parser must be a pure function of the options; a parser that throws is asked again next time.
     *
     * @param type   the reading's class, the cache key (one reading per class)
     * @param parser makes the reading from these options
     */
    public <T> T parsed(Class<T> type, Function<ModelOptions, T> parser) {
        Object v = parsed.get(type);
        if (v == null) {
            v = parser.apply(this);
            parsed.putIfAbsent(type, v);
        }
        return type.cast(v);
    }

    /**
     * Resolves options for a model.
     *
     * @param specs   the model's options
     * @param presets the model's presets by name (each a partial map of option values)
     * @param given   the options for this model (already stripped of any {@code model.} prefix),
     *                in precedence order
     * @throws ParleyException with {@link ErrorCode#BAD_OPTION} for an unknown preset or a value
     *                         the option does not take
     */
    public static ModelOptions resolve(String modelId, List<OptionSpec> specs, Map<String, Map<String, String>> presets,
                                       Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionSpec s : specs) {
            values.put(s.key(), s.defaultValue());
        }
        String preset = given.get(PRESET);
        if (preset == null) {
            preset = values.get(PRESET);
        }
        if (preset != null) {
            Map<String, String> p = presets.get(preset.strip());
            if (p == null) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "model '" + modelId + "' has no preset '" + preset
                        + "'; presets: " + String.join(", ", presets.keySet()));
            }
            values.putAll(p);
            values.put(PRESET, preset.strip());
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey().equals(PRESET)) {
                continue;
            }
            OptionSpec spec = specs.stream().filter(s -> s.key().equals(e.getKey())).findFirst().orElse(null);
            if (spec == null) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "model '" + modelId + "' has no option '" + e.getKey() + "'");
            }
            String problem = spec.check(e.getValue());
            if (problem != null) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "model '" + modelId + "': " + problem);
            }
            values.put(e.getKey(), e.getValue().strip());
        }
        return new ModelOptions(values);
    }

    /** Options for a model that declares none (or a test). */
    public static ModelOptions of(Map<String, String> values) {
        return new ModelOptions(new LinkedHashMap<>(values));
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no option '" + key + "'");
        }
        return v;
    }

    /** The value of a typed option (its text was checked against the option's spec when resolved). */
    public <T> T get(Option<T> option) {
        return option.parse(get(option.key()));
    }

    /**
     * Checks every value of every preset against the model's option specs: an unknown option or a
     * value its spec does not take is a mistake in the model, found when the model is registered.
     *
     * @throws IllegalStateException naming the model, the preset and the option
     */
    public static void checkPresets(String modelId, List<OptionSpec> specs, Map<String, Map<String, String>> presets) {
        for (Map.Entry<String, Map<String, String>> p : presets.entrySet()) {
            for (Map.Entry<String, String> e : p.getValue().entrySet()) {
                OptionSpec spec = specs.stream().filter(s -> s.key().equals(e.getKey())).findFirst().orElse(null);
                String problem = spec == null ? "no option '" + e.getKey() + "'" : spec.check(e.getValue());
                if (problem != null) {
                    throw new IllegalStateException("model '" + modelId + "', preset '" + p.getKey() + "': " + problem);
                }
            }
        }
    }

    public double getDouble(String key) {
        return Double.parseDouble(get(key));
    }

    public int getInt(String key) {
        return (int) Math.round(getDouble(key));
    }

    public boolean getBoolean(String key) {
        String v = get(key);
        return v.equals("true") || v.equals("on") || v.equals("yes");
    }

    /** Every resolved option, in declaration order. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
