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

    /** Per world, model and issue: the point forecast and the distribution of the runs' forecasts. */
    static Map<String, Object> monteCarlo(org.parley.montecarlo.MonteCarloResult mc) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("runs", mc.runs());
        root.put("seed", mc.seed());
        List<Object> worlds = new ArrayList<>();
        for (String w : mc.worlds()) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("id", w);
            List<Object> rows = new ArrayList<>();
            for (String m : mc.models()) {
                for (String i : mc.issues()) {
                    org.parley.montecarlo.Summary su = mc.summary(w, m, i);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("model", m);
                    row.put("issue", i);
                    row.put("point", mc.point(w, m, i));
                    row.put("mean", su.mean());
                    row.put("sd", su.sd());
                    row.put("p5", su.p5());
                    row.put("p25", su.p25());
                    row.put("median", su.median());
                    row.put("p75", su.p75());
                    row.put("p95", su.p95());
                    row.put("valid", su.valid());
                    row.put("thresholds", shares(su));
                    rows.add(row);
                }
            }
            wm.put("forecasts", rows);
            worlds.add(wm);
        }
        root.put("worlds", worlds);
        Map<String, Double> weights = mc.mixtureWeights();
        if (!weights.isEmpty()) {
            Map<String, Object> mixture = new LinkedHashMap<>();
            mixture.put("weights", new LinkedHashMap<>(weights));
            List<Object> rows = new ArrayList<>();
            for (String m : mc.models()) {
                for (String i : mc.issues()) {
                    mc.mixture(m, i).ifPresent(su -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("model", m);
                        row.put("issue", i);
                        row.put("p5", su.p5());
                        row.put("median", su.median());
                        row.put("p95", su.p95());
                        row.put("thresholds", shares(su));
                        rows.add(row);
                    });
                }
            }
            mixture.put("forecasts", rows);
            root.put("mixture", mixture);
        }
        root.put("bottomLine", org.parley.io.results.JsonResultWriter.bottomLine(mc.bottomLine()));
        return root;
    }

    /** The share of runs past each threshold of an issue: {id, above|below, share}. */
    private static List<Object> shares(org.parley.montecarlo.Summary su) {
        List<Object> out = new ArrayList<>();
        for (org.parley.montecarlo.Summary.Share sh : su.shares()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", sh.threshold().id());
            t.put(sh.threshold().above() ? "above" : "below", sh.threshold().value());
            t.put("share", sh.share());
            out.add(t);
        }
        return out;
    }

    /** A backtest's score table per model and baseline, with the ensemble and notes. */
    static Map<String, Object> backtest(org.parley.backtest.BacktestSet set, org.parley.backtest.Split split,
                                        org.parley.backtest.Backtest.Result result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", set.name());
        root.put("split", split.id());
        root.put("capability", result.capability());
        root.put("cases", set.cases().size());
        root.put("models", result.models());
        List<Object> scores = new ArrayList<>();
        for (org.parley.backtest.Score sc : result.scores(split)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", sc.label());
            row.put("n", sc.n());
            row.put("mae", sc.mae());
            row.put("median_ae", sc.medianAe());
            row.put("rmse", sc.rmse());
            row.put("within10", sc.within10());
            scores.add(row);
        }
        root.put("scores", scores);
        root.put("ensemble", result.ensemble());
        root.put("notes", result.notes());
        return root;
    }
}
