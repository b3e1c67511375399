package org.parley.io.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.engine.BottomLine;
import org.parley.engine.ForecastResult;
import org.parley.engine.Move;
import org.parley.engine.Numbers;
import org.parley.engine.RunResult;
import org.parley.model.Scenario;

/**
 * The brief's "who blocks a deal": the consent stage's moves in the worlds the bottom line mixes,
 * one row per world, issue and reason with the models it applies to (their forecast before and
 * after); six models blocked by the same actor for the same reason are one row, not six. The other
 * worlds (the base world when branches carry the probabilities, what-ifs) are counted in a sentence
 * that points to {@code parley forecast}, which lists every move.
 */
final class Blockers {

    private Blockers() {
    }

    /** A row: one reason in one world on one issue, and each model's move. */
    record Row(String world, String issue, String reason, Map<String, String> moves) {
    }

    /** The rows of {@code worlds}, in their order. */
    static List<Row> rows(ForecastResult point, List<String> worlds) {
        Map<List<String>, Row> rows = new LinkedHashMap<>();
        for (String w : worlds) {
            for (String m : point.models()) {
                RunResult r = point.run(w, m).orElse(null);
                if (r == null || r.trajectory().consent() == null) {
                    continue;
                }
                for (Move mv : r.trajectory().consent().moves()) {
                    Row row = rows.computeIfAbsent(List.of(w, mv.issue(), mv.reason()),
                            key -> new Row(w, mv.issue(), mv.reason(), new LinkedHashMap<>()));
                    row.moves().put(m, Numbers.fixed(mv.from(), 1) + " \u2192 " + Numbers.fixed(mv.to(), 1));
                }
            }
        }
        return List.copyOf(rows.values());
    }

    static void write(StringBuilder h, Scenario s, ForecastResult point, BottomLine b) {
        Brief.open(h, "blockers", "Who blocks a deal");
        if (!s.declaresConsent()) {
            h.append("<p>The scenario declares no consent rule (quota, votes or veto players): every forecast stands "
                    + "as the model gives it.</p>\n</section>\n");
            return;
        }
        List<String> mixed = List.copyOf(b.mixed().keySet());
        List<String> others = point.worlds().stream().filter(w -> !mixed.contains(w)).toList();
        List<Row> rows = rows(point, mixed);
        if (rows.isEmpty()) {
            h.append("<p>No consent move: in ").append(Brief.esc(String.join(", ", mixed)))
                    .append(" the models' forecasts pass the consent stage.</p>\n");
        } else {
            h.append("<p class=\"meta\">Where a model's forecast is one that an actor who must consent would refuse, the ")
                    .append("consent stage moves it (or the talks fail and the status quo stands). Worlds the bottom ")
                    .append("line mixes; models: the forecast before and after.</p>\n<table class=\"blockers\">\n")
                    .append("<tr><th>world</th><th>issue</th><th>what happens</th><th>models</th></tr>\n");
            for (Row r : rows) {
                List<String> ms = new ArrayList<>();
                r.moves().forEach((m, mv) -> ms.add(Brief.esc(m) + " " + mv));
                h.append("<tr><td><b>").append(Brief.esc(r.world())).append("</b></td><td>").append(Brief.esc(r.issue()))
                        .append("</td><td>").append(Brief.esc(r.reason())).append("</td><td class=\"meta\">")
                        .append(r.moves().size() == point.models().size() ? "all models: " : "")
                        .append(String.join("; ", ms)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        List<Row> more = rows(point, others);
        if (!more.isEmpty()) {
            h.append("<p class=\"meta\">In the other worlds (").append(Brief.esc(String.join(", ", others)))
                    .append("), ").append(more.size()).append(more.size() == 1 ? " more row" : " more rows")
                    .append(" of consent moves; <code>parley forecast</code> lists every one.</p>\n");
        }
        h.append("</section>\n");
    }
}
