package org.parley.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.model.Actor;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.Condition;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Scale;
import org.parley.model.ScalePoint;
import org.parley.model.Scenario;
import org.parley.model.Source;
import org.parley.model.Stance;
import org.parley.model.Threshold;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a scenario in Parley's format, as YAML or JSON. What {@link YamlScenarioReader} reads
 * back is equal to what was written (round trip); comments in a hand-written file are not kept.
 */
public final class ScenarioWriter {

    private ScenarioWriter() {
    }

    public static String toYaml(Scenario s) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.AUTO).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(110).setSplitLines(true).build();
        return new Dump(settings).dumpToString(tree(s));
    }

    public static String toJson(Scenario s) {
        return Json.write(tree(s));
    }

    /** The scenario as a tree of maps and lists in the file format's layout. */
    public static Map<String, Object> tree(Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parley", 1);
        m.put("id", s.id());
        putText(m, "title", s.title());
        if (s.date() != null) {
            m.put("date", s.date().toString());
        }
        putText(m, "description", s.description());
        if (s.talks() != null) {
            m.put("talks", talks(s.talks()));
        }
        if (!s.sources().isEmpty()) {
            List<Object> sources = new ArrayList<>();
            for (Source src : s.sources()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("id", src.id());
                putText(sm, "title", src.title());
                if (src.date() != null) {
                    sm.put("date", src.date().toString());
                }
                putText(sm, "file", src.file());
                putText(sm, "url", src.url());
                sources.add(sm);
            }
            m.put("sources", sources);
        }
        List<Object> issues = new ArrayList<>();
        for (Issue i : s.issues()) {
            Map<String, Object> im = new LinkedHashMap<>();
            im.put("id", i.id());
            im.put("name", i.name());
            putText(im, "description", i.description());
            Scale sc = i.scale();
            Map<String, Object> scm = new LinkedHashMap<>();
            scm.put("min", number(sc.min()));
            scm.put("max", number(sc.max()));
            putText(scm, "low", sc.minLabel());
            putText(scm, "high", sc.maxLabel());
            if (!sc.points().isEmpty()) {
                List<Object> pts = new ArrayList<>();
                for (ScalePoint p : sc.points()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("value", number(p.value()));
                    pm.put("label", p.label());
                    pts.add(pm);
                }
                scm.put("points", pts);
            }
            im.put("scale", scm);
            if (i.hasStatusQuo()) {
                im.put("status-quo", estimate(i.statusQuo()));
            }
            im.put("rule", i.rule().id());
            if (i.quota() != null) {
                im.put("quota", number(i.quota()));
            }
            if (!i.votes().equals(Issue.VOTES_CAPABILITY)) {
                im.put("votes", i.votes());
            }
            if (!i.consent().isEmpty()) {
                im.put("consent", new ArrayList<>(i.consent()));
            }
            if (!i.thresholds().isEmpty()) {
                List<Object> ts = new ArrayList<>();
                for (Threshold t : i.thresholds()) {
                    Map<String, Object> tm = new LinkedHashMap<>();
                    tm.put("id", t.id());
                    tm.put(t.above() ? "above" : "below", number(t.value()));
                    if (t.by() != null) {
                        tm.put("by", t.by().toString());
                    }
                    putText(tm, "question", t.question());
                    ts.add(tm);
                }
                im.put("thresholds", ts);
            }
            issues.add(im);
        }
        m.put("issues", issues);
        List<Object> actors = new ArrayList<>();
        for (Actor a : s.actors()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("id", a.id());
            am.put("name", a.name());
            am.put("capability", estimate(a.capability()));
            if (!a.attributes().isEmpty()) {
                am.put("attributes", new LinkedHashMap<>(a.attributes()));
            }
            Map<String, Object> stances = new LinkedHashMap<>();
            for (Stance st : s.stances()) {
                if (st.actor().equals(a.id())) {
                    Map<String, Object> stm = new LinkedHashMap<>();
                    stm.put("position", estimate(st.position()));
                    stm.put("salience", estimate(st.salience()));
                    if (st.hasOutsideOption()) {
                        stm.put("outside-option", estimate(st.outsideOption()));
                    }
                    stances.put(st.issue(), stm);
                }
            }
            if (!stances.isEmpty()) {
                am.put("stances", stances);
            }
            actors.add(am);
        }
        m.put("actors", actors);
        if (!s.branches().isEmpty()) {
            List<Object> bs = new ArrayList<>();
            for (Branch b : s.branches()) {
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("id", b.id());
                bm.put("name", b.name());
                putText(bm, "description", b.description());
                if (b.probability() != null && b.probabilitySource().isPresent()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("value", number(b.probability()));
                    provenance(pm, b.probabilitySource());
                    bm.put("probability", pm);
                } else if (b.probability() != null) {
                    bm.put("probability", number(b.probability()));
                }
                putText(bm, "base", b.base());
                if (b.talks() != null) {
                    bm.put("talks", talks(b.talks()));
                }
                List<Object> cs = new ArrayList<>();
                for (Change c : b.changes()) {
                    Map<String, Object> cm = new LinkedHashMap<>();
                    putText(cm, "actor", c.actor());
                    putText(cm, "issue", c.issue());
                    if (c.field() == Change.Field.REMOVE) {
                        cm.put("remove", true);
                    } else if (c.field() == Change.Field.NAME) {
                        cm.put("name", c.name());
                    } else if (c.field() == Change.Field.ATTRIBUTES) {
                        cm.put("attributes", new LinkedHashMap<>(c.attributes()));
                    } else {
                        cm.put(c.field().id(), estimate(c.value()));
                    }
                    cs.add(cm);
                }
                bm.put("changes", cs);
                bs.add(bm);
            }
            m.put("branches", bs);
        }
        if (!s.options().isEmpty()) {
            m.put("options", new LinkedHashMap<>(s.options()));
        }
        return m;
    }

    /** {@code {probability: P, <provenance>}}. */
    private static Object talks(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e.open()) {
            m.put("probability", "open");
            if (!Double.isNaN(e.value())) {
                m.put("default", number(e.value()));
            }
        } else {
            m.put("probability", number(e.value()));
        }
        provenance(m, e.provenance());
        return m;
    }

    private static void provenance(Map<String, Object> m, Provenance p) {
        putText(m, "source", p.source());
        putText(m, "quote", p.quote());
        if (p.sentence() > 0) {
            m.put("sentence", p.sentence());
        }
        putText(m, "judgement", p.judgement());
    }

    private static Object estimate(Estimate e) {
        Provenance p = e.provenance();
        if (e.range() == null && !p.isPresent() && p.quote() == null && !e.isConditional() && !e.open()) {
            return number(e.value());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (e.open()) {
            m.put("value", "open");
            if (!Double.isNaN(e.value())) {
                m.put("default", number(e.value()));
            }
        } else {
            m.put("value", number(e.value()));
        }
        if (e.range() != null) {
            m.put("low", number(e.range().low()));
            m.put("high", number(e.range().high()));
            if (e.range().distribution() != org.parley.model.Distribution.UNIFORM) {
                m.put("distribution", e.range().distribution().id());
            }
        }
        provenance(m, p);
        if (e.isConditional()) {
            m.put("if", condition(e.conditional().when()));
            Estimate o = e.conditional().otherwise();
            m.put("otherwise", o.range() == null && o.provenance().equals(p) ? number(o.value()) : estimate(o));
        }
        return m;
    }

    private static Map<String, Object> condition(Condition c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c.join() == Condition.Join.ISSUE) {
            m.put("issue", c.issue());
            if (!Double.isNaN(c.atLeast())) {
                m.put("at-least", number(c.atLeast()));
            }
            if (!Double.isNaN(c.atMost())) {
                m.put("at-most", number(c.atMost()));
            }
        } else {
            m.put(c.join() == Condition.Join.ALL ? "all" : "any",
                    c.parts().stream().map(ScenarioWriter::condition).toList());
        }
        return m;
    }

    /** Integers without a fraction, other values as the shortest exact double. */
    static Object number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return d;
    }

    private static void putText(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }
}
