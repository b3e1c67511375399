package org.parley.io.results;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.BottomLine;
import org.parley.engine.ConsentResult;
import org.parley.engine.ForecastResult;
import org.parley.engine.Move;
import org.parley.engine.Problem;
import org.parley.engine.Round;
import org.parley.engine.RunResult;
import org.parley.io.Json;
import org.parley.montecarlo.KnifeEdge;
import org.parley.uncertainty.ModelErrorCalibration;

/**
 * The whole result as JSON: the scenario's id and title, the settings, warnings, and per world
 * its actors and issues and every run with its rounds (positions, outcome, series, moves) and
 * forecast. Positions and outcomes are keyed by actor and issue id; absent actors are left out.
 */
public final class JsonResultWriter {

    private JsonResultWriter() {
    }

    public static void write(ForecastResult result, PrintWriter out) {
        out.print(Json.write(tree(result)));
        out.flush();
    }

    /**
     * The tree with the shipped model-error intervals per world ({@code modelError}) and no
     * knife-edge search.
     */
    public static Map<String, Object> tree(ForecastResult result) {
        return tree(result, new TableWriter.Annotations(ModelErrorCalibration.shipped(), List.of(), false));
    }

    /**
     * The tree; per world {@code modelError} (the calibration's version and label, and per model and
     * issue the interval {@code [low, high]}) when {@code ann} has a calibration, and
     * {@code knifeEdges} when the search ran.
     */
    public static Map<String, Object> tree(ForecastResult result, TableWriter.Annotations ann) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("parley", 1);
        root.put("scenario", result.scenario().id());
        root.put("title", result.scenario().title());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("models", result.models());
        spec.put("worlds", result.worlds());
        spec.put("rounds", result.spec().rounds());
        spec.put("seed", result.spec().seed());
        spec.put("runs", result.spec().runs());
        spec.put("options", new LinkedHashMap<>(result.spec().options()));
        root.put("settings", spec);
        root.put("warnings", result.warnings());
        BottomLine bottom = BottomLine.of(result);
        Map<String, Object> bl = bottomLine(bottom);
        if (ann.calibration() != null) {
            // P(yes) per question and model as [low, high] allowing for model error (ModelErrorBottomLine)
            List<Map<String, double[]>> ranges = ModelErrorBottomLine.ranges(result, bottom, ann.calibration());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> qs = (List<Map<String, Object>>) (List<?>) bl.get("questions");
            for (int i = 0; i < qs.size(); i++) {
                Map<String, Object> pm = new LinkedHashMap<>();
                ranges.get(i).forEach((m, r) -> pm.put(m, List.of(r[0], r[1])));
                qs.get(i).put("pYesModelError", pm);
            }
            bl.put("modelErrorCalibration", ann.calibration().version());
        }
        root.put("bottomLine", bl);
        List<Object> worlds = new ArrayList<>();
        for (String w : result.worlds()) {
            Problem p = result.problem(w);
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("id", w);
            wm.put("actors", p.actorIds());
            wm.put("issues", p.issueIds());
            Map<String, Object> sq = new LinkedHashMap<>();
            for (int k = 0; k < p.issueCount(); k++) {
                sq.put(p.issueId(k), p.statusQuo(k));
            }
            wm.put("statusQuo", sq);
            wm.put("talks", p.consentRules().talks());
            List<Object> runs = new ArrayList<>();
            for (RunResult r : result.runs()) {
                if (r.world().equals(w)) {
                    runs.add(run(r, p));
                }
            }
            wm.put("runs", runs);
            if (ann.calibration() != null) {
                wm.put("modelError", modelError(result, w, p, ann.calibration()));
            }
            if (ann.searched()) {
                List<Object> edges = new ArrayList<>();
                for (KnifeEdge.Edge e : ann.edges()) {
                    if (!e.world().equals(w)) {
                        continue;
                    }
                    Map<String, Object> em = new LinkedHashMap<>();
                    em.put("model", e.model());
                    em.put("issue", e.issue());
                    em.put("input", e.input().id());
                    em.put("from", e.from());
                    em.put("to", e.to());
                    em.put("share", e.relative());
                    em.put("shareOf", e.domain());
                    em.put("forecast", e.stated());
                    em.put("after", e.after());
                    edges.add(em);
                }
                wm.put("knifeEdges", edges);
                if (!ann.notSearched().isEmpty()) {
                    wm.put("knifeEdgesNotSearched", ann.notSearched());
                }
            }
            worlds.add(wm);
        }
        root.put("worlds", worlds);
        return root;
    }

    private static Map<String, Object> modelError(ForecastResult result, String w, Problem p, ModelErrorCalibration cal) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("calibration", cal.version());
        me.put("level", cal.level());
        me.put("label", cal.label());
        Map<String, Object> byModel = new LinkedHashMap<>();
        for (String m : result.models()) {
            RunResult r = result.run(w, m).orElse(null);
            if (r == null || !cal.covers(m)) {
                continue;
            }
            Map<String, Object> byIssue = new LinkedHashMap<>();
            for (int k = 0; k < p.issueCount(); k++) {
                double[] iv = cal.interval(m, r.trajectory().forecast()[k], p, k);
                if (iv != null) {
                    byIssue.put(p.issueId(k), List.of(iv[0], iv[1]));
                }
            }
            byModel.put(m, byIssue);
        }
        me.put("intervals", byModel);
        return me;
    }

    private static Map<String, Object> run(RunResult r, Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("run", r.run());
        m.put("seed", r.seed());
        m.put("options", new LinkedHashMap<>(r.options()));
        m.put("stopReason", r.trajectory().stopReason());
        m.put("notes", r.trajectory().notes());
        m.put("forecast", byIssue(p, r.trajectory().forecast()));
        ConsentResult c = r.trajectory().consent();
        if (c != null) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("modelForecast", byIssue(p, c.modelForecast()));
            Map<String, Object> st = new LinkedHashMap<>();
            Map<String, Object> by = new LinkedHashMap<>();
            for (int k = 0; k < p.issueCount(); k++) {
                st.put(p.issueId(k), c.status().get(k).id());
                by.put(p.issueId(k), c.blockedBy().get(k));
            }
            cm.put("status", st);
            cm.put("blockedBy", by);
            cm.put("moves", moves(c.moves()));
            m.put("consent", cm);
        }
        List<Object> rounds = new ArrayList<>();
        for (Round round : r.trajectory().rounds()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("round", round.index());
            Map<String, Object> pos = new LinkedHashMap<>();
            for (int i = 0; i < p.actorCount(); i++) {
                Map<String, Object> ai = new LinkedHashMap<>();
                for (int k = 0; k < p.issueCount(); k++) {
                    double x = round.positions()[i][k];
                    if (!Double.isNaN(x)) {
                        ai.put(p.issueId(k), x);
                    }
                }
                pos.put(p.actorId(i), ai);
            }
            rm.put("positions", pos);
            rm.put("outcome", byIssue(p, round.outcome()));
            if (!round.series().isEmpty()) {
                Map<String, Object> series = new LinkedHashMap<>();
                for (Map.Entry<String, double[]> e : round.series().entrySet()) {
                    series.put(e.getKey(), e.getValue());
                }
                rm.put("series", series);
            }
            if (!round.moves().isEmpty()) {
                rm.put("moves", moves(round.moves()));
            }
            rounds.add(rm);
        }
        m.put("rounds", rounds);
        return m;
    }

    private static List<Object> moves(List<Move> ms) {
        List<Object> moves = new ArrayList<>();
        for (Move mv : ms) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("round", mv.round());
            mm.put("kind", mv.kind());
            mm.put("actor", mv.actor());
            mm.put("counterpart", mv.counterpart());
            mm.put("issue", mv.issue());
            mm.put("from", mv.from());
            mm.put("to", mv.to());
            mm.put("measures", new LinkedHashMap<>(mv.measures()));
            mm.put("reason", mv.reason());
            moves.add(mm);
        }
        return moves;
    }

    /** The bottom line as a tree: the mixture's weights, P(yes) per question and model, and the details. */
    public static Map<String, Object> bottomLine(BottomLine b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mixed", new LinkedHashMap<>(b.mixed()));
        m.put("runs", b.runs());
        List<Object> qs = new ArrayList<>();
        for (BottomLine.Question q : b.questions()) {
            Map<String, Object> qm = new LinkedHashMap<>();
            qm.put("issue", q.issue());
            qm.put("threshold", q.threshold().id());
            qm.put(q.threshold().above() ? "above" : "below", q.threshold().value());
            qm.put("question", q.threshold().question());
            qm.put("pYes", new LinkedHashMap<>(q.pYes()));
            qs.add(qm);
        }
        m.put("questions", qs);
        List<Object> ds = new ArrayList<>();
        for (BottomLine.Detail d : b.details()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("world", d.world());
            dm.put("model", d.model());
            dm.put("issue", d.issue());
            dm.put("talks", d.talks());
            dm.put("modelForecast", d.model0());
            dm.put("forecastGivenTalks", d.outcome());
            dm.put("consent", d.consent());
            dm.put("blockedBy", d.blockedBy());
            dm.put("pDeal", d.pDeal());
            Map<String, Object> dist = new LinkedHashMap<>();
            dist.put("noTalksAtStatusQuo", 1 - d.talks());
            dist.put("statusQuo", d.statusQuo());
            dist.put("givenTalks", d.talks());
            dm.put("distribution", dist);
            ds.add(dm);
        }
        m.put("details", ds);
        return m;
    }

    private static Map<String, Object> byIssue(Problem p, double[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < p.issueCount(); k++) {
            m.put(p.issueId(k), values[k]);
        }
        return m;
    }
}
