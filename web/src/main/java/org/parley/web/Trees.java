package org.parley.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.engine.BargainingModel;
import org.parley.engine.OptionSpec;
import org.parley.engine.ScenarioProblem;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.Scenario;
import org.parley.model.Sentences;
import org.parley.model.Source;

/** The JSON trees (ordered maps and lists) the API answers with. */
final class Trees {

    private Trees() {
    }

    /**
     * One-at-a-time swings per issue (only {@code onlyIssue} when not null), inputs ranked by swing
     * as {@link org.parley.montecarlo.Sensitivity#oneAtATime} gives them.
     */
    static List<Object> sensitivity(Scenario scenario, List<org.parley.montecarlo.Sensitivity.OneAtATime> rows,
                                    String onlyIssue) {
        List<Object> out = new ArrayList<>();
        for (org.parley.model.Issue issue : scenario.issues()) {
            if (onlyIssue != null && !onlyIssue.equals(issue.id())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("issue", issue.id());
            List<Object> inputs = new ArrayList<>();
            Double stated = null;
            for (org.parley.montecarlo.Sensitivity.OneAtATime r : rows) {
                if (!r.issue().equals(issue.id())) {
                    continue;
                }
                stated = r.stated();
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("input", r.input().id());
                x.put("label", r.input().label());
                x.put("kind", r.input().kind().id());
                x.put("actor", r.input().actor());
                x.put("inputIssue", r.input().issue());
                x.put("value", r.input().value());
                x.put("low", r.input().range().low());
                x.put("high", r.input().range().high());
                x.put("atLow", r.atLow());
                x.put("atHigh", r.atHigh());
                x.put("swing", r.swing());
                inputs.add(x);
            }
            m.put("stated", stated);
            m.put("inputs", inputs);
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> error(int status, String code, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("status", status);
        e.put("code", code);
        e.put("message", message);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("error", e);
        return root;
    }

    static List<Object> problems(List<ScenarioProblem> problems) {
        List<Object> out = new ArrayList<>();
        for (ScenarioProblem p : problems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", p.code().name());
            m.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("path", p.path());
            m.put("message", p.message());
            if (!p.hint().isEmpty()) {
                m.put("hint", p.hint());
            }
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> summary(StoredScenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("version", s.version());
        m.put("title", s.title());
        m.put("saved", s.saved().toString());
        m.put("note", s.note());
        return m;
    }

    /** Each source with its text split into the numbered sentences provenance cites. */
    static List<Object> sources(Scenario scenario, Map<String, String> texts) {
        List<Object> out = new ArrayList<>();
        for (Source src : scenario.sources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", src.id());
            m.put("title", src.title());
            m.put("date", src.date() == null ? null : src.date().toString());
            m.put("url", src.url());
            String text = texts.get(src.id());
            m.put("sentences", text == null ? List.of() : Sentences.split(text));
            out.add(m);
        }
        return out;
    }

    static List<Object> branches(Scenario s) {
        List<Object> out = new ArrayList<>();
        for (Branch b : s.branches()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            m.put("name", b.name());
            m.put("description", b.description());
            m.put("probability", b.probability());
            m.put("base", b.base());
            m.put("talks", b.talks() == null ? null : b.talks().value());
            List<Object> cs = new ArrayList<>();
            for (Change c : b.changes()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("field", c.field().id());
                cm.put("actor", c.actor());
                cm.put("issue", c.issue());
                cm.put("value", c.value() == null ? null : c.value().value());
                if (c.field() == Change.Field.NAME) {
                    cm.put("name", c.name());
                } else if (c.field() == Change.Field.ATTRIBUTES) {
                    cm.put("attributes", c.attributes());
                }
                cs.add(cm);
            }
            m.put("changes", cs);
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> model(BargainingModel b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("description", b.description());
        m.put("reference", b.reference());
        m.put("stochastic", b.stochastic());
        List<Object> opts = new ArrayList<>();
        for (OptionSpec o : b.options()) {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("key", o.key());
            om.put("default", o.defaultValue());
            om.put("description", o.description());
            om.put("allowed", o.allowed());
            om.put("numeric", o.numeric());
            opts.add(om);
        }
        m.put("options", opts);
        m.put("presets", new ArrayList<>(b.presets().keySet()));
        return m;
    }

    static Map<String, Object> run(RunJob j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("scenario", j.scenarioId());
        m.put("version", j.scenarioVersion());
        m.put("status", j.status().name().toLowerCase(Locale.ROOT));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("done", j.done());
        p.put("total", j.total());
        m.put("progress", p);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("models", j.spec().models());
        spec.put("worlds", j.spec().worlds());
        spec.put("rounds", j.spec().rounds());
        spec.put("seed", j.spec().seed());
        spec.put("runs", j.spec().runs());
        spec.put("options", new LinkedHashMap<>(j.spec().options()));
        m.put("spec", spec);
        m.put("created", j.created().toString());
        m.put("finished", j.finished() == null ? null : j.finished().toString());
        if (j.storedRun() > 0) {
            m.put("storeRun", j.storedRun());
        }
        if (j.errorCode() != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("code", j.errorCode());
            e.put("message", j.errorMessage());
            m.put("error", e);
        }
        return m;
    }
}
