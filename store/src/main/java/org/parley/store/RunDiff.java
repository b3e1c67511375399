package org.parley.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.engine.Numbers;
import org.parley.io.Json;

/**
 * What differs between two saved runs: which inputs changed (scenario content field by field,
 * settings, each model's options) and how every forecast moved.
 *
 * @param before    the first run
 * @param after     the second run
 * @param inputs    changed inputs, in the order of the scenario file and then the settings
 * @param forecasts every (world, model, issue) of either run, in the first run's order then the
 *                  second's new ones
 */
public record RunDiff(RunInfo before, RunInfo after, List<InputChange> inputs, List<Shift> forecasts) {

    public RunDiff {
        inputs = List.copyOf(inputs);
        forecasts = List.copyOf(forecasts);
    }

    /** One input that differs; {@code before} or {@code after} is null when absent on that side. */
    public record InputChange(String what, String before, String after) {
    }

    /** How one forecast moved; NaN on a side that lacks it. */
    public record Shift(String world, String model, String issue, double before, double after, double meanBefore,
                       double meanAfter, int nBefore, int nAfter) {

        public double delta() {
            return after - before;
        }
    }

    /** Compares two runs of a store. */
    public static RunDiff of(Store store, long a, long b) {
        StoredRun ra = store.run(a);
        StoredRun rb = store.run(b);
        List<InputChange> inputs = new ArrayList<>();
        ScenarioVersion va = ra.info().scenario();
        ScenarioVersion vb = rb.info().scenario();
        if (va.id() != vb.id()) {
            inputs.add(new InputChange("scenario", label(va), label(vb)));
            Map<String, String> fa = flatten(store.scenarioContent(va.id()));
            Map<String, String> fb = flatten(store.scenarioContent(vb.id()));
            compare("scenario.", fa, fb, inputs);
        }
        RunInfo ia = ra.info();
        RunInfo ib = rb.info();
        setting("models", String.join(",", ia.models()), String.join(",", ib.models()), inputs);
        setting("worlds", String.join(",", ia.worlds()), String.join(",", ib.worlds()), inputs);
        setting("seed", Long.toString(ia.seed()), Long.toString(ib.seed()), inputs);
        setting("runs", Integer.toString(ia.runs()), Integer.toString(ib.runs()), inputs);
        setting("rounds", Integer.toString(ia.rounds()), Integer.toString(ib.rounds()), inputs);
        setting("code version", ia.codeVersion(), ib.codeVersion(), inputs);
        compare("option ", ia.options(), ib.options(), inputs);
        Map<String, String> oa = new LinkedHashMap<>();
        ra.modelOptions().forEach((m, o) -> o.forEach((k, v) -> oa.put(m + "." + k, v)));
        Map<String, String> ob = new LinkedHashMap<>();
        rb.modelOptions().forEach((m, o) -> o.forEach((k, v) -> ob.put(m + "." + k, v)));
        Set<String> both = new LinkedHashSet<>(ra.modelOptions().keySet());
        both.retainAll(rb.modelOptions().keySet());
        oa.keySet().removeIf(k -> !both.contains(k.substring(0, k.indexOf('.'))));
        ob.keySet().removeIf(k -> !both.contains(k.substring(0, k.indexOf('.'))));
        compare("resolved option ", oa, ob, inputs);

        Map<String, StoredForecast> fa = new LinkedHashMap<>();
        ra.forecasts().forEach(f -> fa.put(f.key(), f));
        Map<String, StoredForecast> fb = new LinkedHashMap<>();
        rb.forecasts().forEach(f -> fb.put(f.key(), f));
        Set<String> keys = new LinkedHashSet<>(fa.keySet());
        keys.addAll(fb.keySet());
        List<Shift> shifts = new ArrayList<>();
        for (String k : keys) {
            StoredForecast x = fa.get(k);
            StoredForecast y = fb.get(k);
            StoredForecast any = x != null ? x : y;
            shifts.add(new Shift(any.world(), any.model(), any.issue(), x == null ? Double.NaN : x.point(),
                    y == null ? Double.NaN : y.point(), x == null ? Double.NaN : x.mean(),
                    y == null ? Double.NaN : y.mean(), x == null ? 0 : x.n(), y == null ? 0 : y.n()));
        }
        return new RunDiff(ia, ib, inputs, shifts);
    }

    private static String label(ScenarioVersion v) {
        return v.scenario() + " v" + v.version() + " (" + v.shortHash() + ")";
    }

    private static void setting(String what, String a, String b, List<InputChange> out) {
        if (!a.equals(b)) {
            out.add(new InputChange(what, a, b));
        }
    }

    private static void compare(String prefix, Map<String, String> a, Map<String, String> b, List<InputChange> out) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            String x = a.get(k);
            String y = b.get(k);
            if (x == null ? y != null : !x.equals(y)) {
                out.add(new InputChange(prefix + k, x, y));
            }
        }
    }

    /**
     * The scenario's JSON as path -> value: map keys joined by dots, list items by their
     * {@code id} when they have one ({@code actors[kim].stances.sanctions.position.value}), else by
     * index.
     */
    static Map<String, String> flatten(String json) {
        Object tree = Json.read(json);
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", tree, out);
        return out;
    }

    private static void flatten(String path, Object node, Map<String, String> out) {
        if (node instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
                flatten(path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node instanceof List) {
            List<?> l = (List<?>) node;
            for (int i = 0; i < l.size(); i++) {
                Object item = l.get(i);
                String key = item instanceof Map && ((Map<?, ?>) item).get("id") != null
                        ? String.valueOf(((Map<?, ?>) item).get("id")) : Integer.toString(i);
                flatten(path + "[" + key + "]", item, out);
            }
        } else if (node instanceof Double || node instanceof Float) {
            out.put(path, Numbers.format(((Number) node).doubleValue()));
        } else {
            out.put(path, node == null ? "null" : node.toString());
        }
    }
}
