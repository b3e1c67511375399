package org.parley.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups claim phrases into candidate issues: a hand-kept lexicon of what negotiations are about
 * (sanctions, aid, a terrorism list, talks, relations with X, ...), else the phrase's content
 * words. Anaphoric "this issue" takes the nearest "issue of X" before it.
 */
public final class Issues {

    private record Lex(String id, Pattern p, String name, String low, String high) {
    }

    private static final List<Lex> LEXICON = List.of(
            new Lex("terror-list", Pattern.compile("(?i)terror|state\\s+sponsor"), "Removal from the terrorism list",
                    "Stays on the list", "Removed from the list"),
            new Lex("sanctions", Pattern.compile("(?i)sanction|embargo"), "Sanctions relief", "Sanctions stay in force",
                    "Sanctions lifted"),
            new Lex("abductees", Pattern.compile("(?i)abduct"), "Abductee issue", "Treated as resolved; nothing further",
                    "Addressed as asked"),
            new Lex("aid", Pattern.compile("(?i)\\baid\\b|assistance|\\bfunding\\b|\\bloans?\\b"), "Economic aid",
                    "No aid", "Aid as asked"),
            new Lex("ceasefire", Pattern.compile("(?i)cease-?fire|truce"), "Ceasefire", "Fighting goes on", "Ceasefire holds"),
            new Lex("tariffs", Pattern.compile("(?i)tariff|trade\\s+barrier"), "Tariffs", "Tariffs as now", "As asked"),
            new Lex("withdrawal", Pattern.compile("(?i)withdraw|pull\\s+out"), "Withdrawal", "Forces stay", "Withdrawal as asked"),
            new Lex("release", Pattern.compile("(?i)\\brelease|\\bfreed?\\b"), "Release", "Held", "Released"),
            new Lex("asylum", Pattern.compile("(?i)asylum|refugee"), "Asylum", "As now", "As asked"),
            new Lex("denuclearisation", Pattern.compile("(?i)denucleari|nuclear\\s+(?:weapons|programme|program|arsenal)"),
                    "Denuclearisation", "No constraint", "As asked"),
            new Lex("talks", Pattern.compile("(?i)negotiat|\\btalks\\b|dialogue"), "Talks", "No talks", "Talks as stated"));
    private static final Pattern RELATIONS = Pattern.compile("(?i)\\b(?:relations|ties|cooperation|partnership)\\s+with\\s+((?:the\\s+)?\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)*)");
    private static final Pattern MEET = Pattern.compile("\\bmeet(?:ing)?(?:\\s+with)?\\s+((?:the\\s+)?\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*)*)");
    private static final Pattern ANAPHOR = Pattern.compile("(?i)\\b(?:this|that|the)\\s+(?:issue|matter|question|problem)\\b");
    private static final Pattern ISSUE_OF = Pattern.compile("(?i)\\b(?:issue|matter|question|problem)\\s+of\\s+([^,.;]+)");
    private static final Set<String> STOP = set("a", "an", "the", "its", "their", "his", "her", "of", "to", "for", "on",
            "in", "with", "and", "or", "new", "more", "further", "potential", "any", "all", "this", "that", "be", "is", "are");
    private static final Set<String> LEAD_VERBS = set("lifting", "lift", "removing", "remove", "securing", "secure",
            "reopen", "reopening", "bolster", "bolstering", "strengthen", "strengthening", "get", "getting", "obtain", "end",
            "ending", "stop", "stopping", "win", "winning", "hold", "holding", "make", "making", "build", "building",
            "improve", "improving", "resume", "resuming", "restore", "restoring", "expand", "expanding", "reduce",
            "reducing", "increase", "increasing", "keep", "keeping", "take", "taking", "address", "addressing", "see",
            "have", "create", "creating", "establish", "establishing", "pursue", "pursuing", "launch", "launching");

    private Issues() {
    }

    /** The issue a phrase is about, given the article text before it (for "this issue"). */
    static DraftIssue issueFor(String phrase, String before) {
        String p = phrase;
        Matcher an = ANAPHOR.matcher(p);
        if (an.find()) {
            Matcher io = ISSUE_OF.matcher(before);
            String last = null;
            while (io.find()) {
                last = io.group(1);
            }
            if (last != null) {
                p = last;
            }
        }
        Matcher rm = RELATIONS.matcher(p);
        if (rm.find()) {
            String who = rm.group(1).replaceFirst("^the\\s+", "");
            return new DraftIssue("relations-with-" + Resolver.slug(who), "Relations with " + who, "As now",
                    "Closer relations", "issue.lexicon:relations-with", List.of());
        }
        for (Lex l : LEXICON) {
            if (l.p().matcher(p).find()) {
                return new DraftIssue(l.id(), l.name(), l.low(), l.high(), "issue.lexicon:" + l.id(), List.of());
            }
        }
        Matcher mm = MEET.matcher(p);
        if (mm.find()) {
            String who = mm.group(1).replaceFirst("^the\\s+", "");
            return new DraftIssue("meeting-with-" + Resolver.slug(who), "Meeting with " + who, "No meeting",
                    "Meeting held", "issue.lexicon:meeting-with", List.of());
        }
        List<String> words = new ArrayList<>();
        for (String w : p.split("[^\\p{L}\\p{N}'-]+")) {
            String lw = w.toLowerCase(Locale.ROOT);
            if (lw.isEmpty() || STOP.contains(lw) || words.isEmpty() && LEAD_VERBS.contains(lw)) {
                continue;
            }
            words.add(lw);
            if (words.size() == 4) {
                break;
            }
        }
        String id = Resolver.slug(String.join(" ", words));
        if (id.isEmpty()) {
            id = "issue";
        }
        String name = p.length() > 60 ? p.substring(0, 60) + "..." : p;
        return new DraftIssue(id, Character.toUpperCase(name.charAt(0)) + name.substring(1), "Not at all", "As stated: " + name,
                "issue.head-words", List.of());
    }

    /** Assigns every claim (but conditions) an issue; trades get one for the offer and one for the demand. */
    static Map<String, DraftIssue> group(String text, List<Claim> claims, Map<String, String> claimIssue,
                                         Map<String, String> offerIssue) {
        Map<String, DraftIssue> issues = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (Claim c : claims) {
            if (c.type() == Claim.Type.CONDITION) {
                continue;
            }
            int before0 = Math.max(0, c.content().start() - 1200);
            DraftIssue di = issueFor(c.content().of(text), text.substring(before0, c.content().start()));
            issues.putIfAbsent(di.id(), di);
            members.computeIfAbsent(di.id(), k -> new ArrayList<>()).add(c.id());
            claimIssue.put(c.id(), di.id());
            if (c.offer() != null) {
                DraftIssue oi = issueFor(c.offer().of(text), text.substring(Math.max(0, c.offer().start() - 1200), c.offer().start()));
                issues.putIfAbsent(oi.id(), oi);
                members.computeIfAbsent(oi.id(), k -> new ArrayList<>()).add(c.id());
                offerIssue.put(c.id(), oi.id());
            }
        }
        Map<String, DraftIssue> out = new LinkedHashMap<>();
        for (DraftIssue d : issues.values()) {
            out.put(d.id(), new DraftIssue(d.id(), d.name(), d.low(), d.high(), d.rule(), members.get(d.id())));
        }
        return out;
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }
}
