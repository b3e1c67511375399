package org.parley.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioProblem;
import org.parley.engine.ScenarioValidator;
import org.parley.model.Actor;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.model.Stance;

/**
 * Ids for the names in peer files. Other tools name actors freely ("United States", "UKR, Kiev",
 * "EUR/JPN"); Parley's ids end up in file names, URLs and web pages, so a name outside
 * {@link ScenarioValidator#ID} becomes an id with every other character replaced by {@code _}
 * (made unique with {@code -2}, {@code -3}, ...), and a {@code BAD_ID} warning at its place says so
 * (an actor's display name stays what the reader made of the file). The same for every reader, on the command
 * line and the web.
 */
final class PeerIds {

    private PeerIds() {
    }

    /** The import with safe ids, and a warning for each id changed. */
    static Imported sanitise(Imported imported) {
        Scenario s = imported.scenario();
        List<ScenarioProblem> warnings = new ArrayList<>(imported.warnings());
        Map<String, String> actorIds = renames(s.actors().stream().map(Actor::id).toList(), "actors", "actor",
                imported, warnings);
        Map<String, String> issueIds = renames(s.issues().stream().map(Issue::id).toList(), "issues", "issue",
                imported, warnings);
        String id = s.id();
        if (!ScenarioValidator.ID.matcher(id).matches()) {
            id = ScenarioValidator.sanitise(id);
            warnings.add(warning(imported, "id", "scenario", s.id(), id));
        }
        if (actorIds.isEmpty() && issueIds.isEmpty() && id.equals(s.id())) {
            return imported;
        }
        Function<String, String> actor = a -> actorIds.getOrDefault(a, a);
        Function<String, String> issue = i -> issueIds.getOrDefault(i, i);
        List<Actor> actors = s.actors().stream()
                .map(a -> new Actor(actor.apply(a.id()), a.name(), a.capability(), a.attributes())).toList();
        List<Issue> issues = s.issues().stream().map(i -> new Issue(issue.apply(i.id()), i.name(), i.description(),
                i.scale(), i.statusQuo(), i.rule(), i.thresholds(), i.quota(), i.votes(),
                i.consent().stream().map(actor).toList())).toList();
        List<Stance> stances = s.stances().stream().map(st -> new Stance(actor.apply(st.actor()), issue.apply(st.issue()),
                st.position(), st.salience(), st.outsideOption())).toList();
        Scenario safe = new Scenario(id, s.title(), s.date(), s.description(), s.sources(), issues, actors, stances,
                s.branches(), s.options(), s.talks());
        return new Imported(safe, imported.locator(), warnings);
    }

    private static Map<String, String> renames(List<String> ids, String path, String what, Imported imported,
                                               List<ScenarioProblem> warnings) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(ids);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || ScenarioValidator.ID.matcher(id).matches() || out.containsKey(id)) {
                continue;
            }
            String base = ScenarioValidator.sanitise(id);
            String safe = base;
            for (int n = 2; taken.contains(safe); n++) {
                safe = base + "-" + n;
            }
            taken.add(safe);
            out.put(id, safe);
            warnings.add(warning(imported, path + "[" + i + "].id", what, id, safe));
        }
        return out;
    }

    private static ScenarioProblem warning(Imported imported, String path, String what, String id, String safe) {
        String shown = id.length() > 60 ? id.substring(0, 60) + "..." : id;
        return imported.locator().place(ScenarioProblem.warning(ProblemCode.BAD_ID, path, what + " name '" + shown
                + "' is not an id (letters, digits, '.', '_' and '-', 1 to 100 of them): imported as '" + safe
                + "'"));
    }
}
