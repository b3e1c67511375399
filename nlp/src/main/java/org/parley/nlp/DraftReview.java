package org.parley.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/**
 * The analyst's review of a draft (the web app's review screen): each actor, issue and claim
 * accepted, edited or rejected, and names the drafter left unresolved (or took for places) mapped
 * to an actor. {@link #apply} turns a draft tree ({@link DraftWriter#tree}) into the reviewed
 * scenario tree: a rejected actor or issue goes with its stances and branch changes; a rejected
 * claim takes away the stance it alone supports (a rejected condition: its pair of branches, the
 * position it conditioned becoming unconditional); an edited claim's value replaces the position
 * it made; an issue nobody holds a stance on any more is dropped. The {@code draft:} block records
 * every decision ({@code status}) and every mapped mention ({@code rule: analyst.mapped}).
 *
 * @param actors   decisions on actors by id (a name edit allowed)
 * @param issues   decisions on issues by id (a name edit allowed)
 * @param claims   decisions on claims by id (a value edit allowed: the position the claim made, 0-100)
 * @param mappings unresolved names, places or actors by id to the id of the actor they are, or
 *                 {@link #NEW_ACTOR} to make them an actor of their own
 */
public record DraftReview(Map<String, Decision> actors, Map<String, Decision> issues, Map<String, Decision> claims,
                          Map<String, String> mappings) {

    /** The mapping target that makes a name an actor of its own. */
    public static final String NEW_ACTOR = "new";

    /** What the analyst did with an item. */
    public enum Status {
        PROPOSED, ACCEPTED, EDITED, REJECTED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromId(String id) {
            for (Status s : values()) {
                if (s.id().equals(id)) {
                    return s;
                }
            }
            throw new ParleyException(ErrorCode.BAD_INPUT, "status must be proposed, accepted, edited or rejected, was '"
                    + id + "'");
        }
    }

    /**
     * One decision.
     *
     * @param status what was done
     * @param name   a new name (actors, issues), or {@code null}
     * @param value  a new position value (claims), or {@code null}
     */
    public record Decision(Status status, String name, Double value) {
        public Decision {
            Objects.requireNonNull(status, "status");
            if (value != null && !(value >= 0 && value <= 100)) {
                throw new ParleyException(ErrorCode.BAD_INPUT, "value must be between 0 and 100 (the draft's scale), was "
                        + value);
            }
        }
    }

    public DraftReview {
        actors = ordered(actors);
        issues = ordered(issues);
        claims = ordered(claims);
        mappings = ordered(mappings);
    }

    /** In the caller's order (mappings apply one after another), never a hash order. */
    private static <V> Map<String, V> ordered(Map<String, V> m) {
        m.forEach((k, v) -> Objects.requireNonNull(v, k));
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The reviewed scenario tree; {@code tree} is not changed. */
    public Map<String, Object> apply(Map<String, Object> tree) {
        Map<String, Object> root = map(copy(tree));
        Map<String, Object> ev = map(root.get("draft"));
        check("actor", actors.keySet(), ids(root.get("actors")));
        check("issue", issues.keySet(), ids(root.get("issues")));
        check("claim", claims.keySet(), ids(ev.get("claims")));
        mappings.forEach((from, to) -> map(root, ev, from, to));

        List<Map<String, Object>> evClaims = maps(ev.get("claims"));
        for (Map<String, Object> c : evClaims) {
            Decision d = claims.get(String.valueOf(c.get("id")));
            if (d != null) {
                c.put("status", d.status().id());
            }
        }
        // rejected actors and issues take their claims with them
        for (Map<String, Object> c : evClaims) {
            if (rejected(actors, c.get("holder")) || rejected(issues, c.get("issue")) || rejected(issues, c.get("offer-issue"))) {
                c.put("status", Status.REJECTED.id());
            }
        }
        for (Map<String, Object> c : evClaims) {
            if (Status.REJECTED.id().equals(c.get("status")) && claims.containsKey(String.valueOf(c.get("id")))) {
                unclaim(root, evClaims, c);
            }
        }
        actors.forEach((id, d) -> {
            if (d.status() == Status.REJECTED) {
                maps(root.get("actors")).removeIf(a -> id.equals(a.get("id")));
                removeChanges(root, ch -> id.equals(ch.get("actor")));
            } else if (d.name() != null && !d.name().isBlank()) {
                byId(root.get("actors"), id).put("name", d.name().strip());
            }
        });
        issues.forEach((id, d) -> {
            if (d.status() == Status.REJECTED) {
                maps(root.get("issues")).removeIf(i -> id.equals(i.get("id")));
                dropStances(root, id);
            } else if (d.name() != null && !d.name().isBlank()) {
                byId(root.get("issues"), id).put("name", d.name().strip());
            }
        });
        for (Map<String, Object> c : evClaims) {
            Decision d = claims.get(String.valueOf(c.get("id")));
            if (d != null && d.status() != Status.REJECTED && d.value() != null) {
                edit(root, evClaims, c, d.value());
            }
        }
        // an issue nobody holds a stance on is dropped, as the writer drops it
        Set<String> held = new LinkedHashSet<>();
        for (Map<String, Object> a : maps(root.get("actors"))) {
            if (a.get("stances") instanceof Map<?, ?> st) {
                st.keySet().forEach(k -> held.add(String.valueOf(k)));
            }
        }
        for (Map<String, Object> b : maps(root.get("branches"))) {
            maps(b.get("changes")).forEach(ch -> held.add(String.valueOf(ch.get("issue"))));
        }
        for (Map<String, Object> i : new ArrayList<>(maps(root.get("issues")))) {
            if (!held.contains(String.valueOf(i.get("id")))) {
                dropStances(root, String.valueOf(i.get("id")));
                maps(root.get("issues")).remove(i);
            }
        }
        if (maps(root.get("branches")).isEmpty()) {
            root.remove("branches");
        }
        status(ev.get("actors"), actors);
        status(ev.get("issues"), issues);
        return root;
    }

    private static boolean rejected(Map<String, Decision> ds, Object id) {
        Decision d = id == null ? null : ds.get(String.valueOf(id));
        return d != null && d.status() == Status.REJECTED;
    }

    /** Takes away what a rejected claim alone put in the scenario. */
    private static void unclaim(Map<String, Object> root, List<Map<String, Object>> all, Map<String, Object> c) {
        String holder = String.valueOf(c.get("holder"));
        String type = String.valueOf(c.get("type"));
        if (type.equals("condition")) {
            List<?> ids = c.get("branches") instanceof List<?> l ? l : List.of();
            Map<String, Object> yes = ids.isEmpty() ? null : byId(root.get("branches"), String.valueOf(ids.get(0)));
            for (Map<String, Object> ch : yes == null ? List.<Map<String, Object>>of() : maps(yes.get("changes"))) {
                Map<String, Object> st = stance(root, String.valueOf(ch.get("actor")), String.valueOf(ch.get("issue")));
                if (st != null) {
                    st.put("position", ch.get("position")); // without its condition the claim holds in every world
                }
            }
            maps(root.get("branches")).removeIf(b -> ids.contains(b.get("id")));
            return;
        }
        for (String key : List.of("issue", "offer-issue")) {
            Object issue = c.get(key);
            if (issue == null || supported(all, holder, String.valueOf(issue))) {
                continue;
            }
            Map<String, Object> actor = byId(root.get("actors"), holder);
            if (actor != null && actor.get("stances") instanceof Map<?, ?> st) {
                st.remove(String.valueOf(issue));
                if (st.isEmpty()) {
                    actor.remove("stances");
                }
            }
            removeChanges(root, ch -> holder.equals(ch.get("actor")) && issue.equals(ch.get("issue")));
        }
    }

    /** Whether a claim not rejected gives the holder a stance on the issue. */
    private static boolean supported(List<Map<String, Object>> all, String holder, String issue) {
        for (Map<String, Object> c : all) {
            if (!Status.REJECTED.id().equals(c.get("status")) && holder.equals(c.get("holder"))
                    && !"condition".equals(c.get("type")) && (issue.equals(c.get("issue")) || issue.equals(c.get("offer-issue")))) {
                return true;
            }
        }
        return false;
    }

    /** The edited value replaces the position the claim made (in its branch when a condition holds it). */
    private static void edit(Map<String, Object> root, List<Map<String, Object>> all, Map<String, Object> c, double value) {
        String holder = String.valueOf(c.get("holder"));
        Object issue = c.get("issue");
        if (issue == null || byId(root.get("actors"), holder) == null) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "claim " + c.get("id") + " makes no position to edit (holder "
                    + holder + ", issue " + issue + ")");
        }
        Map<String, Object> pos = new LinkedHashMap<>();
        pos.put("value", DraftWriter.num(value));
        // a value cites a source or states a judgement, not both: the analyst's value is a judgement on the claim
        pos.put("judgement", "the analyst's value for " + c.get("id") + " (\"" + c.get("text") + "\", sentence "
                + c.get("sentence") + ")");
        boolean inBranch = false;
        for (Map<String, Object> cond : all) {
            if ("condition".equals(cond.get("type")) && c.get("id").equals(cond.get("applies-to"))
                    && cond.get("branches") instanceof List<?> ids && !ids.isEmpty()) {
                Map<String, Object> yes = byId(root.get("branches"), String.valueOf(ids.get(0)));
                for (Map<String, Object> ch : yes == null ? List.<Map<String, Object>>of() : maps(yes.get("changes"))) {
                    if (holder.equals(ch.get("actor")) && issue.equals(ch.get("issue"))) {
                        ch.put("position", pos);
                        inBranch = true;
                    }
                }
            }
        }
        Map<String, Object> st = stance(root, holder, String.valueOf(issue));
        if (!inBranch && st != null) {
            st.put("position", pos);
        }
    }

    /** Maps an unresolved name, a place or an actor to an actor (or makes it one). */
    private void map(Map<String, Object> root, Map<String, Object> ev, String from, String to) {
        Map<String, Object> entry = null;
        List<Map<String, Object>> home = null;
        for (String list : List.of("unresolved", "places", "actors", "sources")) {
            Map<String, Object> e = byId(ev.get(list), from);
            if (e != null) {
                entry = e;
                home = maps(ev.get(list));
                break;
            }
        }
        if (entry == null) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "no name '" + from + "' in the draft to map");
        }
        List<Map<String, Object>> evActors = maps(ev.get("actors"));
        if (to.equals(NEW_ACTOR)) {
            if (byId(root.get("actors"), from) != null) {
                return; // already an actor
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", from);
            a.put("name", entry.get("name"));
            a.put("capability", DraftWriter.open(DraftWriter.DEFAULT_CAPABILITY, "the article does not say how much clout "
                    + entry.get("name") + " has"));
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("type", entry.get("type"));
            if (entry.get("key") != null) {
                attrs.put("key", entry.get("key"));
            }
            a.put("attributes", attrs);
            maps(root.get("actors")).add(a);
            home.remove(entry);
            entry.put("status", "mapped");
            for (Map<String, Object> m : maps(entry.get("mentions"))) {
                m.put("rule", "analyst.mapped+" + m.get("rule"));
            }
            evActors.add(entry);
            return;
        }
        Map<String, Object> target = byId(root.get("actors"), to);
        Map<String, Object> targetEv = byId(ev.get("actors"), to);
        if (target == null || targetEv == null || from.equals(to)) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "'" + from + "' can be mapped to an actor of the draft or to '"
                    + NEW_ACTOR + "', not to '" + to + "'");
        }
        home.remove(entry);
        List<Map<String, Object>> mentions = maps(targetEv.get("mentions"));
        for (Map<String, Object> m : maps(entry.get("mentions"))) {
            m.put("rule", "analyst.mapped+" + m.get("rule"));
            mentions.add(m);
        }
        mentions.sort((x, y) -> Integer.compare(start(x), start(y)));
        Map<String, Object> actor = byId(root.get("actors"), from);
        if (actor != null) { // an actor merged into another: its stances, branch changes and claims follow
            if (actor.get("stances") instanceof Map<?, ?> st) {
                Map<String, Object> into = target.get("stances") instanceof Map<?, ?> t ? map(t) : new LinkedHashMap<>();
                st.forEach((k, v) -> into.putIfAbsent(String.valueOf(k), v));
                target.put("stances", into);
            }
            maps(root.get("actors")).remove(actor);
            for (Map<String, Object> b : maps(root.get("branches"))) {
                maps(b.get("changes")).forEach(ch -> {
                    if (from.equals(ch.get("actor"))) {
                        ch.put("actor", to);
                    }
                });
            }
        }
        for (Map<String, Object> c : maps(ev.get("claims"))) {
            if (from.equals(c.get("holder"))) {
                c.put("holder", to);
            }
        }
    }

    private static int start(Map<String, Object> mention) {
        return mention.get("span") instanceof List<?> l && !l.isEmpty() ? ((Number) l.get(0)).intValue() : 0;
    }

    private static void dropStances(Map<String, Object> root, String issue) {
        for (Map<String, Object> a : maps(root.get("actors"))) {
            if (a.get("stances") instanceof Map<?, ?> st) {
                st.remove(issue);
                // a conditional position that tests the dropped issue cannot stand either
                st.values().removeIf(v -> v instanceof Map<?, ?> s && s.get("position") instanceof Map<?, ?> p
                        && p.get("if") instanceof Map<?, ?> cond && issue.equals(cond.get("issue")));
                if (st.isEmpty()) {
                    a.remove("stances");
                }
            }
        }
        removeChanges(root, ch -> issue.equals(ch.get("issue")));
    }

    private static void removeChanges(Map<String, Object> root, java.util.function.Predicate<Map<String, Object>> which) {
        for (Map<String, Object> b : maps(root.get("branches"))) {
            maps(b.get("changes")).removeIf(which);
        }
    }

    private static Map<String, Object> stance(Map<String, Object> root, String actor, String issue) {
        Map<String, Object> a = byId(root.get("actors"), actor);
        return a != null && a.get("stances") instanceof Map<?, ?> st && st.get(issue) instanceof Map<?, ?> s ? map(s) : null;
    }

    private static void status(Object list, Map<String, Decision> decisions) {
        for (Map<String, Object> m : maps(list)) {
            Decision d = decisions.get(String.valueOf(m.get("id")));
            if (d != null) {
                m.put("status", d.status().id());
            }
        }
    }

    private static void check(String what, Set<String> asked, Set<String> have) {
        for (String id : asked) {
            if (!have.contains(id)) {
                throw new ParleyException(ErrorCode.BAD_INPUT, "no " + what + " '" + id + "' in the draft");
            }
        }
    }

    private static Set<String> ids(Object list) {
        Set<String> out = new LinkedHashSet<>();
        maps(list).forEach(m -> out.add(String.valueOf(m.get("id"))));
        return out;
    }

    private static Map<String, Object> byId(Object list, String id) {
        for (Map<String, Object> m : maps(list)) {
            if (id.equals(String.valueOf(m.get("id")))) {
                return m;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return list instanceof List<?> l ? (List<Map<String, Object>>) l : new ArrayList<>();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object m) {
        return (Map<String, Object>) m;
    }

    /** A deep, mutable copy of a tree of maps and lists. */
    static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return o;
    }
}
