package org.parley.io.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.Numbers;
import org.parley.io.Scenarios;
import org.parley.model.Actor;
import org.parley.model.Branch;
import org.parley.model.Change;
import org.parley.model.Estimate;
import org.parley.model.Issue;
import org.parley.model.Provenance;
import org.parley.model.Scenario;
import org.parley.model.Sentences;
import org.parley.model.Stance;

/**
 * The brief's appendix: every value of the scenario with its source sentence (the article text
 * of the cited sentence) or the analyst's judgement.
 */
public final class Appendix {

    private Appendix() {
    }

    /** One value of the scenario with where it came from. */
    public record Sourced(String what, Estimate value) {
    }

    /** Every value of the scenario that carries provenance, in file order. */
    public static List<Sourced> values(Scenario s) {
        List<Sourced> out = new ArrayList<>();
        if (s.talks() != null) {
            out.add(new Sourced("talks probability", s.talks()));
        }
        for (Issue i : s.issues()) {
            if (i.statusQuo() != null) {
                out.add(new Sourced(i.id() + ": status quo", i.statusQuo()));
            }
        }
        for (Actor a : s.actors()) {
            if (a.capability() != null) {
                out.add(new Sourced(a.id() + ": capability", a.capability()));
            }
        }
        for (Stance st : s.stances()) {
            out.add(new Sourced(st.actor() + " on " + st.issue() + ": position", st.position()));
            out.add(new Sourced(st.actor() + " on " + st.issue() + ": salience", st.salience()));
            if (st.outsideOption() != null) {
                out.add(new Sourced(st.actor() + " on " + st.issue() + ": outside option", st.outsideOption()));
            }
        }
        for (Branch b : s.branches()) {
            if (b.talks() != null) {
                out.add(new Sourced("branch " + b.id() + ": talks probability", b.talks()));
            }
            for (Change c : b.changes()) {
                if (c.value() != null) {
                    String target = c.actor() == null ? "" : c.actor();
                    if (c.issue() != null) {
                        target += (target.isEmpty() ? "" : " on ") + c.issue();
                    }
                    out.add(new Sourced("branch " + b.id() + ": " + target + ": " + c.field().id(), c.value()));
                }
            }
        }
        return out;
    }

    static void provenance(StringBuilder h, Scenarios.Loaded loaded) {
        Scenario s = loaded.scenario();
        Brief.open(h, "provenance", "Appendix: where every value comes from");
        Map<String, List<String>> sentences = new LinkedHashMap<>();
        loaded.sources().forEach((id, text) -> sentences.put(id, Sentences.split(text)));
        List<String> titles = new ArrayList<>();
        s.sources().forEach(src -> titles.add(Brief.esc(src.id()) + ": " + Brief.esc(src.title())
                + (src.date() == null ? "" : " (" + src.date() + ")")));
        if (!titles.isEmpty()) {
            h.append("<p class=\"meta\">Sources: ").append(String.join("; ", titles)).append(".</p>\n");
        }
        h.append("<table class=\"prov\">\n<tr><th>value</th><th>number</th><th>source</th></tr>\n");
        for (Sourced v : values(s)) {
            Estimate e = v.value();
            String range = e.hasRange() ? " <span class=\"meta\">(" + Numbers.format(e.range().low()) + " - "
                    + Numbers.format(e.range().high()) + ")</span>" : "";
            if (e.isConditional()) {
                range += " <span class=\"meta\">if " + Brief.esc(e.conditional().when().describe()) + ", else "
                        + Numbers.format(e.conditional().otherwise().value()) + "</span>";
            }
            if (e.open()) {
                range += " <span class=\"missing\">open" + (Double.isNaN(e.value()) ? "" : " (default)") + "</span>";
            }
            h.append("<tr class=\"value\"><td>").append(Brief.esc(v.what())).append("</td><td class=\"num\">")
                    .append(Numbers.format(e.value())).append(range).append("</td><td>")
                    .append(source(e.provenance(), sentences)).append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static String source(Provenance p, Map<String, List<String>> sentences) {
        if (p.source() != null) {
            String text = p.quote();
            List<String> ss = sentences.get(p.source());
            if (p.sentence() > 0 && ss != null && p.sentence() <= ss.size()) {
                text = ss.get(p.sentence() - 1);
            }
            String where = Brief.esc(p.source()) + (p.sentence() > 0 ? ", sentence " + p.sentence() : "");
            return (text == null ? "" : "&ldquo;" + Brief.esc(text) + "&rdquo; ") + "<span class=\"meta\">(" + where
                    + ")</span>" + (p.judgement() == null ? "" : " <i>" + Brief.esc(p.judgement()) + "</i>");
        }
        if (p.judgement() != null) {
            return "<i>judgement:</i> " + Brief.esc(p.judgement());
        }
        return "<span class=\"missing\">no source given</span>";
    }
}
