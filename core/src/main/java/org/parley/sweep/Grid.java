package org.parley.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/**
 * The option grid of a sweep: model options, each with the values to try. Its points are the
 * cartesian product of the axes, numbered so that the last axis changes fastest.
 *
 * @param axes the axes, in the order given
 */
public record Grid(List<Axis> axes) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest number of points a grid may have. */
    public static final long MAX_POINTS = 10_000_000L;

    /**
     * One option and its values.
     *
     * @param key    a model option as {@code --option} takes it ({@code nash.utility}, {@code preset})
     * @param values the values to try, in order, at least one, no duplicates
     */
    public record Axis(String key, List<String> values) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Axis {
            Objects.requireNonNull(key, "key");
            key = key.strip();
            if (key.isEmpty()) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "grid: an axis needs a key, as KEY=V1,V2");
            }
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "grid: " + key + " has no values");
            }
            if (new LinkedHashSet<>(values).size() != values.size()) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "grid: " + key + " lists a value twice: " + values);
            }
        }
    }

    public Grid {
        axes = List.copyOf(axes);
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        long n = 1;
        for (Axis a : axes) {
            if (!keys.add(a.key())) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "grid: " + a.key() + " is given twice");
            }
            n *= a.values().size();
            if (n > MAX_POINTS) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "grid: more than " + MAX_POINTS + " points");
            }
        }
    }

    /** The grid with no axes: one point, no options. */
    public static Grid none() {
        return new Grid(List.of());
    }

    /**
     * Parses {@code KEY=V1,V2,...} axes (as {@code --grid} takes them); values are trimmed, empty
     * values are refused.
     */
    public static Grid parse(List<String> specs) {
        List<Axis> axes = new ArrayList<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new ParleyException(ErrorCode.BAD_OPTION, "grid: '" + s + "' is not KEY=V1,V2,...");
            }
            List<String> values = new ArrayList<>();
            for (String v : s.substring(eq + 1).split(",", -1)) {
                if (v.strip().isEmpty()) {
                    throw new ParleyException(ErrorCode.BAD_OPTION, "grid: '" + s + "' has an empty value");
                }
                values.add(v.strip());
            }
            axes.add(new Axis(s.substring(0, eq), values));
        }
        return new Grid(axes);
    }

    /** The option keys, in order. */
    public List<String> keys() {
        return axes.stream().map(Axis::key).toList();
    }

    /** Number of points (1 for a grid with no axes). */
    public int size() {
        int n = 1;
        for (Axis a : axes) {
            n *= a.values().size();
        }
        return n;
    }

    /** Point {@code index} as key to value, in axis order; the last axis changes fastest. */
    public Map<String, String> point(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("grid point " + index + " of " + size());
        }
        String[] v = new String[axes.size()];
        int rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<String> values = axes.get(a).values();
            v[a] = values.get(rest % values.size());
            rest /= values.size();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            out.put(axes.get(a).key(), v[a]);
        }
        return out;
    }
}
