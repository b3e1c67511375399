package org.parley.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;
import org.parley.io.Scenarios;
import org.parley.model.Scenario;

/**
 * The ids the server accepts: letters, digits, {@code .}, {@code _} and {@code -}, 1 to 100 of
 * them. Ids end up in URLs, file names and the page; anything else is refused with a problem
 * naming the id and where it stands.
 */
final class Ids {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private Ids() {
    }

    /** The scenario's own id and those of its actors, issues, branches and sources, or 422. */
    static void check(Scenarios.Loaded loaded) {
        List<ScenarioProblem> problems = new ArrayList<>();
        Scenario s = loaded.scenario();
        check(loaded, "id", "scenario", s.id(), problems);
        for (int i = 0; i < s.actors().size(); i++) {
            check(loaded, "actors[" + i + "].id", "actor", s.actors().get(i).id(), problems);
        }
        for (int i = 0; i < s.issues().size(); i++) {
            check(loaded, "issues[" + i + "].id", "issue", s.issues().get(i).id(), problems);
        }
        for (int i = 0; i < s.branches().size(); i++) {
            check(loaded, "branches[" + i + "].id", "branch", s.branches().get(i).id(), problems);
        }
        for (int i = 0; i < s.sources().size(); i++) {
            check(loaded, "sources[" + i + "].id", "source", s.sources().get(i).id(), problems);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
    }

    private static void check(Scenarios.Loaded loaded, String path, String what, String id, List<ScenarioProblem> out) {
        if (id != null && !ID.matcher(id).matches()) {
            out.add(loaded.locator().place(ScenarioProblem.error(ProblemCode.BAD_VALUE, path, what + " id '" + shown(id)
                    + "' may contain only letters, digits, '.', '_' and '-' (1 to 100 of them)")));
        }
    }

    /** The id as shown in a message: clipped, control characters escaped. */
    static String shown(String id) {
        if (id == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        String s = Http.clip(id, 60);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : c);
        }
        return sb.toString();
    }
}
