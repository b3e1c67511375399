package org.parley.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A test on the forecast of other issues, on which a conditional position depends
 * ({@code if: {issue: denuclearisation, at-least: 30}}).
 *
 * <p>A leaf ({@link Join#ISSUE}) names an issue and at least one bound: it holds when the issue's
 * forecast is {@code >= atLeast} and {@code <= atMost}. {@link Join#ALL} holds when every part
 * holds, {@link Join#ANY} when at least one does.
 *
 * @param join    a leaf, or how the parts are joined
 * @param issue   the issue a leaf tests, {@code null} for a join
 * @param atLeast the lower bound of a leaf, NaN when absent
 * @param atMost  the upper bound of a leaf, NaN when absent
 * @param parts   the conditions a join joins, empty for a leaf
 */
public record Condition(Join join, String issue, double atLeast, double atMost, List<Condition> parts) {

    /** A leaf test on one issue, or how several conditions are joined. */
    public enum Join {
        ISSUE, ALL, ANY
    }

    public Condition {
        Objects.requireNonNull(join, "join");
        parts = List.copyOf(parts == null ? List.of() : parts);
        if (join == Join.ISSUE) {
            Objects.requireNonNull(issue, "issue");
        }
    }

    public static Condition on(String issue, double atLeast, double atMost) {
        return new Condition(Join.ISSUE, issue, atLeast, atMost, List.of());
    }

    public static Condition atLeast(String issue, double bound) {
        return on(issue, bound, Double.NaN);
    }

    public static Condition atMost(String issue, double bound) {
        return on(issue, Double.NaN, bound);
    }

    public static Condition all(List<Condition> parts) {
        return new Condition(Join.ALL, null, Double.NaN, Double.NaN, parts);
    }

    public static Condition any(List<Condition> parts) {
        return new Condition(Join.ANY, null, Double.NaN, Double.NaN, parts);
    }

    /** Whether the condition holds for the given forecast of each issue (by id). */
    public boolean holds(ToDoubleFunction<String> forecast) {
        switch (join) {
            case ALL:
                return parts.stream().allMatch(c -> c.holds(forecast));
            case ANY:
                return parts.stream().anyMatch(c -> c.holds(forecast));
            case ISSUE:
            default:
                double x = forecast.applyAsDouble(issue);
                return !Double.isNaN(x) && (Double.isNaN(atLeast) || x >= atLeast) && (Double.isNaN(atMost) || x <= atMost);
        }
    }

    /** Every issue a leaf of this condition tests, in order (with repeats). */
    public List<String> issues() {
        List<String> out = new ArrayList<>();
        collect(out);
        return out;
    }

    private void collect(List<String> out) {
        if (join == Join.ISSUE) {
            out.add(issue);
        }
        for (Condition c : parts) {
            c.collect(out);
        }
    }

    /** In words, e.g. {@code denuclearisation >= 30} or {@code all of (a >= 30, b <= 10)}. */
    public String describe() {
        if (join == Join.ISSUE) {
            String lo = Double.isNaN(atLeast) ? null : issue + " >= " + fmt(atLeast);
            String hi = Double.isNaN(atMost) ? null : issue + " <= " + fmt(atMost);
            return lo != null && hi != null ? lo + " and " + hi.substring(issue.length() + 1) : lo != null ? lo : hi;
        }
        List<String> ps = parts.stream().map(Condition::describe).toList();
        return (join == Join.ALL ? "all of (" : "any of (") + String.join(", ", ps) + ")";
    }

    private static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
