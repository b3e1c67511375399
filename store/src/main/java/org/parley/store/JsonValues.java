package org.parley.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.io.Json;

/** Reads back the small JSON values the store writes with {@link org.parley.io.Json}: lists of strings, string maps. */
final class JsonValues {

    private JsonValues() {
    }

    static List<String> strings(String json) {
        Object o = load(json);
        List<String> out = new ArrayList<>();
        if (o instanceof List) {
            for (Object x : (List<?>) o) {
                out.add(String.valueOf(x));
            }
        }
        return out;
    }

    static Map<String, String> map(String json) {
        Object o = load(json);
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
            }
        }
        return out;
    }

    private static Object load(String json) {
        return Json.read(json);
    }
}
