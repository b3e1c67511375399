package org.parley.nlp;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves mentions to entities: countries (names, aliases, capitals and government metonyms,
 * demonyms), dated leaders (a leader's mentions join the country), name-part aliases ("Ri" is
 * "Ri Il Gyu" when the article names him in full), persons' affiliations from a demonym next to
 * the name ("Ri Il Gyu, a senior North Korean diplomat"), media and organisations.
 */
public final class Resolver {

    private static final Pattern APPOSITIVE = Pattern.compile("^,\\s+(?:a|an|the)\\s+(?:[\\p{Ll}-]+\\s+){0,3}");

    private final Gazetteer gazetteer;

    public Resolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A mention's resolution before entities are formed. */
    record Link(Mention mention, String entityKey, Entity.Type type, String name, String rule, double confidence,
                String note) {
    }

    public List<Entity> resolve(Article a, List<Mention> mentions) {
        LocalDate date = a.date();
        String text = a.text();
        // full person names in the article (multi-word runs), for name-part aliases
        Map<String, String> partToFull = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (m.name() && m.nameType().equals("person") && m.text().contains(" ")) {
                String[] parts = m.text().split(" ");
                partToFull.putIfAbsent(parts[0], m.text());
                partToFull.putIfAbsent(parts[parts.length - 1], m.text());
            }
        }
        List<Link> links = new ArrayList<>();
        for (Mention m : mentions) {
            Link l = link(m, date, partToFull);
            if (l != null) {
                links.add(l);
            }
        }
        // persons' affiliation: "NAME, a senior North Korean diplomat" or "North Korean leader NAME"
        Map<String, String> affiliation = new LinkedHashMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            if (m.entry() == null || m.entry().kind() != Gazetteer.Kind.DEMONYM) {
                continue;
            }
            // before: the closest name mention ending shortly before, followed by an appositive
            for (int j = i - 1; j >= 0 && j >= i - 2; j--) {
                Mention n = mentions.get(j);
                if (n.name() && n.nameType().equals("person") && n.sentence() == m.sentence()) {
                    String between = text.substring(n.span().end(), m.span().start());
                    Matcher am = APPOSITIVE.matcher(between);
                    if (am.find() && am.end() == between.length()) {
                        affiliation.putIfAbsent(fullName(n.text(), partToFull), m.entry().key());
                    }
                }
            }
            if (i + 1 < mentions.size()) {
                Mention n = mentions.get(i + 1);
                String between = text.substring(m.span().end(), Math.max(m.span().end(), n.span().start())).strip();
                if (n.name() && n.nameType().equals("person") && n.sentence() == m.sentence()
                        && between.matches("(?:[\\p{Ll}-]+\\s*){0,2}")) {
                    affiliation.putIfAbsent(fullName(n.text(), partToFull), m.entry().key());
                }
            }
        }
        // group
        Map<String, List<Link>> groups = new LinkedHashMap<>();
        for (Link l : links) {
            groups.computeIfAbsent(l.entityKey(), k -> new ArrayList<>()).add(l);
        }
        List<Entity> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Map.Entry<String, List<Link>> g : groups.entrySet()) {
            List<Link> ls = g.getValue();
            Link first = ls.get(0);
            Entity.Type type = first.type();
            String name = first.name();
            List<Entity.Resolved> rs = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            for (Link l : ls) {
                rs.add(new Entity.Resolved(l.mention(), l.rule(), l.confidence()));
                if (l.note() != null && !notes.contains(l.note())) {
                    notes.add(l.note());
                }
            }
            String key = type == Entity.Type.PERSON ? null : g.getKey().substring(g.getKey().indexOf(':') + 1);
            String aff = type == Entity.Type.PERSON ? affiliation.get(name) : null;
            Entity.Role role = switch (type) {
                case MEDIA -> Entity.Role.SOURCE;
                case PERSON -> Entity.Role.MENTIONED;
                default -> ls.stream().allMatch(l -> l.mention().locative() || "dateline".equals(l.mention().preposition()))
                        ? Entity.Role.PLACE : Entity.Role.PARTY;
            };
            String id = unique(slug(name), ids);
            out.add(new Entity(id, name, type, key, aff, role, rs, notes));
        }
        return out;
    }

    private Link link(Mention m, LocalDate date, Map<String, String> partToFull) {
        if (m.entry() != null) {
            Gazetteer.Entry e = m.entry();
            return switch (e.kind()) {
                case COUNTRY -> country(m, e.key(), "gazetteer.country", 0.95, null);
                case ALIAS -> country(m, e.key(), "gazetteer.alias", 0.9, null);
                case CAPITAL -> country(m, e.key(), "gazetteer.capital-metonym", 0.8, null);
                case GOVERNMENT -> country(m, e.key(), "gazetteer.government-metonym", 0.85, null);
                case DEMONYM -> country(m, e.key(), "gazetteer.demonym", 0.7, null);
                case MEDIA -> new Link(m, "media:" + e.key(), Entity.Type.MEDIA, gazetteer.name(e.key()), "gazetteer.media", 0.95, null);
                case ORG -> orgOrCountry(m, e);
                case LEADER -> null;
            };
        }
        if (m.nameType().equals("org")) {
            return new Link(m, "org:" + slug(m.text()), Entity.Type.ORG, m.text(), "name.org-head", 0.5, null);
        }
        String full = fullName(m.text(), partToFull);
        String rule = full.equals(m.text()) ? "name.run" : "alias.name-part";
        // a dated leader: the full name, or a leader alias when the article names no other person so
        List<Gazetteer.Entry> leaders = gazetteer.leaders(full);
        if (leaders.isEmpty() && !m.text().contains(" ") && full.equals(m.text())) {
            leaders = gazetteer.entries().stream()
                    .filter(e -> e.kind() == Gazetteer.Kind.LEADER && e.aliases().contains(m.text()) && e.inOffice(date))
                    .toList();
            if (!leaders.isEmpty()) {
                full = leaders.get(0).surface();
                rule = "leader.alias-in-office";
            }
        }
        if (!leaders.isEmpty()) {
            Gazetteer.Entry inOffice = leaders.stream().filter(e -> e.inOffice(date)).findFirst().orElse(null);
            Gazetteer.Entry e = inOffice != null ? inOffice : leaders.get(leaders.size() - 1);
            String note = inOffice != null ? null : full + " is not in office as " + (e.note().isEmpty() ? "leader" : e.note())
                    + " on the article date " + (date == null ? "(the article has no date)" : date)
                    + ": the draft ties him or her to " + gazetteer.name(e.key()) + "; check";
            String r = rule.equals("name.run") ? "leader.table" : rule + "+leader.table";
            return country(m, e.key(), r, inOffice != null ? 0.9 : 0.7, note);
        }
        return new Link(m, "person:" + full, Entity.Type.PERSON, full, rule, rule.equals("name.run") ? 0.6 : 0.7, null);
    }

    private Link orgOrCountry(Mention m, Gazetteer.Entry e) {
        return new Link(m, "org:" + e.key(), Entity.Type.ORG, gazetteer.name(e.key()), "gazetteer.org", 0.9, null);
    }

    private Link country(Mention m, String iso3, String rule, double confidence, String note) {
        if (iso3.length() != 3 || !iso3.equals(iso3.toUpperCase(Locale.ROOT))) {
            return new Link(m, "org:" + iso3, Entity.Type.ORG, gazetteer.name(iso3), rule, confidence, note);
        }
        return new Link(m, "country:" + iso3, Entity.Type.COUNTRY, gazetteer.name(iso3), rule, confidence, note);
    }

    private static String fullName(String text, Map<String, String> partToFull) {
        if (text.contains(" ")) {
            return text;
        }
        return partToFull.getOrDefault(text, text);
    }

    static String unique(String id, Set<String> ids) {
        String s = id.isEmpty() ? "x" : id;
        String out = s;
        for (int n = 2; !ids.add(out); n++) {
            out = s + "-" + n;
        }
        return out;
    }

    /** Lower-case ASCII words joined by hyphens. */
    public static String slug(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
