package org.parley.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a fresh draft into a scenario the analyst has already edited ({@code parley draft
 * --into}): everything the analyst wrote stays; new actors, issues, stances and branches are
 * added; a value the analyst left {@code open} is filled when the new draft cites one; an actor,
 * issue or branch that an earlier draft proposed and the analyst deleted is not proposed again;
 * a stance the analyst deleted from an actor is not added again; what only rejected claims support
 * (an issue, a stance, a condition's branches) is not added; claim statuses the analyst set in the
 * draft block ({@code accepted}, {@code rejected}) are kept.
 * YAML comments of the old file are not kept (the file is rewritten).
 */
public final class DraftMerge {

    private DraftMerge() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> old, Map<String, Object> fresh) {
        Map<String, Object> out = new LinkedHashMap<>(old);
        Map<String, Object> oldDraft = old.get("draft") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Set<String> deleted = new LinkedHashSet<>();
        for (String list : List.of("actors", "issues", "branches")) {
            Set<String> proposed = ids(oldDraft.get(list.equals("branches") ? "claims" : list.equals("actors") ? "actors" : "issues"));
            if (list.equals("branches")) {
                proposed = new LinkedHashSet<>();
                for (Object c : asList(oldDraft.get("claims"))) {
                    if (c instanceof Map<?, ?> cm && cm.get("branches") instanceof List<?> bl) {
                        for (Object b : bl) {
                            proposed.add(String.valueOf(b));
                        }
                    }
                }
            }
            Set<String> present = ids(old.get(list));
            for (String id : proposed) {
                if (!present.contains(id)) {
                    deleted.add(list + ":" + id);
                }
            }
        }
        // what the analyst rejected in the draft block, and stances an earlier draft proposed and the analyst deleted
        Set<String> rejected = new LinkedHashSet<>();
        for (Object c : asList(oldDraft.get("claims"))) {
            if (c instanceof Map<?, ?> cm && "rejected".equals(cm.get("status"))) {
                rejected.add(claimKey(cm));
            }
        }
        Map<String, Object> freshDraft = fresh.get("draft") instanceof Map<?, ?> fd ? (Map<String, Object>) fd : Map.of();
        deleted.addAll(allRejected(freshDraft, rejected));
        Map<String, Set<String>> oldStances = stances(old.get("actors"));
        for (Object c : asList(oldDraft.get("claims"))) {
            if (c instanceof Map<?, ?> cm && !"condition".equals(cm.get("type"))) {
                for (String k : List.of("issue", "offer-issue")) {
                    String holder = String.valueOf(cm.get("holder"));
                    if (cm.get(k) != null && oldStances.containsKey(holder)
                            && !oldStances.get(holder).contains(String.valueOf(cm.get(k)))) {
                        deleted.add("stances:" + holder + "/" + cm.get(k));
                    }
                }
            }
        }
        for (String key : fresh.keySet()) {
            if (!out.containsKey(key) && !key.equals("draft")) {
                out.put(key, fresh.get(key));
            }
        }
        out.put("sources", byId(old.get("sources"), fresh.get("sources"), "sources", deleted));
        out.put("issues", byId(old.get("issues"), fresh.get("issues"), "issues", deleted));
        out.put("branches", byId(old.get("branches"), fresh.get("branches"), "branches", deleted));
        if (asList(out.get("branches")).isEmpty()) {
            out.remove("branches");
        }
        // actors: keep the analyst's; add stances and fill open values of existing ones
        List<Object> actors = new ArrayList<>();
        Map<String, Map<String, Object>> freshActors = new LinkedHashMap<>();
        for (Object a : asList(fresh.get("actors"))) {
            Map<String, Object> am = (Map<String, Object>) a;
            freshActors.put(String.valueOf(am.get("id")), am);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Object a : asList(old.get("actors"))) {
            Map<String, Object> am = new LinkedHashMap<>((Map<String, Object>) a);
            String id = String.valueOf(am.get("id"));
            seen.add(id);
            Map<String, Object> fa = freshActors.get(id);
            if (fa != null && fa.get("stances") instanceof Map<?, ?> fs) {
                Map<String, Object> st = am.get("stances") instanceof Map<?, ?> s
                        ? new LinkedHashMap<>((Map<String, Object>) s) : new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : fs.entrySet()) {
                    String issue = String.valueOf(e.getKey());
                    if (deleted.contains("issues:" + issue) || deleted.contains("stances:" + id + "/" + issue)) {
                        continue;
                    }
                    if (!st.containsKey(issue)) {
                        st.put(issue, e.getValue());
                    } else if (st.get(issue) instanceof Map<?, ?> os && e.getValue() instanceof Map<?, ?> ns) {
                        Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) os);
                        for (String f : List.of("position", "salience")) {
                            if (isOpen(merged.get(f)) && ns.get(f) != null && !isOpen(ns.get(f))) {
                                merged.put(f, ns.get(f));
                            }
                        }
                        st.put(issue, merged);
                    }
                }
                am.put("stances", st);
            }
            actors.add(am);
        }
        for (Map.Entry<String, Map<String, Object>> e : freshActors.entrySet()) {
            if (!seen.contains(e.getKey()) && !deleted.contains("actors:" + e.getKey())) {
                Map<String, Object> am = new LinkedHashMap<>(e.getValue());
                if (am.get("stances") instanceof Map<?, ?> s) {
                    Map<String, Object> st = new LinkedHashMap<>((Map<String, Object>) s);
                    st.keySet().removeIf(k -> deleted.contains("issues:" + k) || deleted.contains("stances:" + e.getKey() + "/" + k));
                    am.put("stances", st);
                }
                actors.add(am);
            }
        }
        out.put("actors", actors);
        // the evidence block: the new one, with the analyst's claim statuses
        Map<String, Object> draft = new LinkedHashMap<>((Map<String, Object>) fresh.get("draft"));
        Map<String, Object> statuses = new LinkedHashMap<>();
        for (Object c : asList(oldDraft.get("claims"))) {
            if (c instanceof Map<?, ?> cm && cm.get("status") != null && !"proposed".equals(cm.get("status"))) {
                statuses.put(claimKey(cm), cm.get("status"));
            }
        }
        List<Object> claims = new ArrayList<>();
        for (Object c : asList(draft.get("claims"))) {
            Map<String, Object> cm = new LinkedHashMap<>((Map<String, Object>) c);
            Object st = statuses.get(claimKey(cm));
            if (st != null) {
                cm.put("status", st);
            }
            claims.add(cm);
        }
        draft.put("claims", claims);
        out.remove("draft");
        out.put("draft", draft);
        return out;
    }

    /**
     * Issues, stances and branches of the fresh draft that only claims the analyst rejected
     * support (a claim is the same claim when its type, span and text are).
     */
    private static Set<String> allRejected(Map<String, Object> freshDraft, Set<String> rejected) {
        Map<String, Boolean> live = new LinkedHashMap<>();
        for (Object c : asList(freshDraft.get("claims"))) {
            if (!(c instanceof Map<?, ?> cm)) {
                continue;
            }
            boolean ok = !rejected.contains(claimKey(cm));
            if ("condition".equals(cm.get("type"))) {
                for (Object b : cm.get("branches") instanceof List<?> bl ? bl : List.of()) {
                    live.merge("branches:" + b, ok, Boolean::logicalOr);
                }
                continue;
            }
            for (String k : List.of("issue", "offer-issue")) {
                if (cm.get(k) != null) {
                    live.merge("issues:" + cm.get(k), ok, Boolean::logicalOr);
                    live.merge("stances:" + cm.get("holder") + "/" + cm.get(k), ok, Boolean::logicalOr);
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        live.forEach((k, ok) -> {
            if (!ok) {
                out.add(k);
            }
        });
        return out;
    }

    /** Each actor's stance issues, by actor id. */
    private static Map<String, Set<String>> stances(Object actors) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Object a : asList(actors)) {
            if (a instanceof Map<?, ?> am) {
                Set<String> issues = new LinkedHashSet<>();
                if (am.get("stances") instanceof Map<?, ?> st) {
                    st.keySet().forEach(k -> issues.add(String.valueOf(k)));
                }
                out.put(String.valueOf(am.get("id")), issues);
            }
        }
        return out;
    }

    private static String claimKey(Map<?, ?> c) {
        return c.get("type") + "@" + c.get("span") + "@" + c.get("text");
    }

    private static boolean isOpen(Object v) {
        return "open".equals(v) || v instanceof Map<?, ?> m && "open".equals(m.get("value"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> byId(Object oldList, Object freshList, String kind, Set<String> deleted) {
        List<Object> out = new ArrayList<>(asList(oldList));
        Set<String> have = ids(oldList);
        for (Object o : asList(freshList)) {
            String id = String.valueOf(((Map<String, Object>) o).get("id"));
            if (!have.contains(id) && !deleted.contains(kind + ":" + id)) {
                out.add(o);
            }
        }
        return out;
    }

    private static Set<String> ids(Object list) {
        Set<String> out = new LinkedHashSet<>();
        for (Object o : asList(list)) {
            if (o instanceof Map<?, ?> m && m.get("id") != null) {
                out.add(String.valueOf(m.get("id")));
            }
        }
        return out;
    }

    private static List<Object> asList(Object o) {
        if (o instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of();
    }
}
