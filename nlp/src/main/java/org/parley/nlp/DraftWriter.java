package org.parley.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Draft} in Parley's scenario format: parties become actors, claims become
 * stances on candidate issues (a demand or aim puts its holder at the scale's high end, which is
 * what it asks), conditions become a pair of branches, trades become conditional positions;
 * every value the article does not give is {@code open} with a default the analyst can accept.
 * The {@code draft:} block keeps the evidence of every actor, source, issue and claim: sentence,
 * character span, rule id and confidence. This class is the only part of the drafter that knows
 * the scenario format.
 */
public final class DraftWriter {

    /** The default of an open value: what "accept defaults" would use. */
    static final double DEFAULT_CAPABILITY = 50;
    static final double DEFAULT_SALIENCE = 50;

    private DraftWriter() {
    }

    /**
     * The scenario tree (maps, lists and scalars in file order).
     *
     * @param draft      the draft
     * @param sourceFile the article path as the scenario should cite it
     */
    public static Map<String, Object> tree(Draft draft, String sourceFile) {
        Article a = draft.article();
        String text = a.text();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("parley", 1);
        String title = a.headline() != null ? a.text(a.headline().span()) : a.name();
        root.put("id", "draft-" + shorten(Resolver.slug(title), 40));
        root.put("title", title);
        if (a.date() != null) {
            root.put("date", a.date().toString());
        }
        root.put("description", "Drafted by 'parley draft' from " + a.name() + ". Values the article does not give are "
                + "'open' (with the default an analyst may accept); check every actor, issue and position against the "
                + "evidence in the draft block.");
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("id", "article");
        src.put("title", title);
        if (a.date() != null) {
            src.put("date", a.date().toString());
        }
        src.put("file", sourceFile);
        root.put("sources", List.of(src));

        // actors and stances
        Map<String, Map<String, Object>> stances = new LinkedHashMap<>();
        Map<String, Claim> conditionOf = new LinkedHashMap<>();
        for (Claim c : draft.claims()) {
            if (c.type() == Claim.Type.CONDITION && c.appliesTo() != null) {
                conditionOf.putIfAbsent(c.appliesTo(), c);
            }
        }
        Set<String> parties = new LinkedHashSet<>();
        for (Entity e : draft.parties()) {
            parties.add(e.id());
        }
        for (Claim c : draft.claims()) {
            if (c.type() == Claim.Type.CONDITION || c.holder() == null || !parties.contains(c.holder())) {
                continue;
            }
            Map<String, Object> st = stances.computeIfAbsent(c.holder(), k -> new LinkedHashMap<>());
            String issue = draft.claimIssue().get(c.id());
            boolean conditioned = conditionOf.containsKey(c.id());
            if (c.type() == Claim.Type.OFFER) {
                st.putIfAbsent(issue, stance(open(50, "an offer: how far the holder would go is not stated ("
                        + c.id() + ")"), c));
            } else if (c.type() == Claim.Type.TRADE) {
                st.putIfAbsent(issue, stance(cited(c.against() ? 0 : 100, draft, c, c.content()), c));
                String offered = draft.offerIssue().get(c.id());
                st.putIfAbsent(offered, stance(conditional(draft, c, issue), c));
            } else if (conditioned) {
                st.putIfAbsent(issue, stance(open(0, "holds only if the condition of "
                        + conditionOf.get(c.id()).id() + " is met: see the branches"), c));
            } else {
                st.putIfAbsent(issue, stance(cited(c.against() ? 0 : 100, draft, c, c.content()), c));
            }
        }
        // issues
        List<Object> issues = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Map<String, Object> st : stances.values()) {
            used.addAll(st.keySet());
        }
        for (DraftIssue di : draft.issues().values()) {
            if (!used.contains(di.id())) {
                continue; // no party holds a claim on it: it stays in the draft block only
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", di.id());
            m.put("name", di.name());
            Map<String, Object> scale = new LinkedHashMap<>();
            scale.put("min", 0);
            scale.put("max", 100);
            scale.put("low", di.low());
            scale.put("high", di.high());
            m.put("scale", scale);
            m.put("status-quo", open(0, "the article does not state the status quo; 0 is the scale's low end"));
            issues.add(m);
        }
        root.put("issues", issues);

        List<Object> actors = new ArrayList<>();
        for (Entity e : draft.parties()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("name", e.name());
            m.put("capability", open(DEFAULT_CAPABILITY, "the article does not say how much clout " + e.name() + " has"));
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("type", e.type().name().toLowerCase(Locale.ROOT));
            if (e.key() != null) {
                attrs.put("key", e.key());
            }
            m.put("attributes", attrs);
            if (stances.containsKey(e.id())) {
                m.put("stances", stances.get(e.id()));
            }
            actors.add(m);
        }
        root.put("actors", actors);

        // conditions -> branch pairs
        List<Object> branches = new ArrayList<>();
        for (Claim c : draft.claims()) {
            if (c.type() != Claim.Type.CONDITION) {
                continue;
            }
            String id = shorten(conditionId(draft.text(c.content())), 40);
            Claim target = c.appliesTo() == null ? null
                    : draft.claims().stream().filter(x -> x.id().equals(c.appliesTo())).findFirst().orElse(null);
            List<Object> changes = new ArrayList<>();
            if (target != null && target.holder() != null && parties.contains(target.holder())
                    && draft.claimIssue().containsKey(target.id())) {
                Map<String, Object> ch = new LinkedHashMap<>();
                ch.put("actor", target.holder());
                ch.put("issue", draft.claimIssue().get(target.id()));
                ch.put("position", cited(target.against() ? 0 : 100, draft, target, target.content()));
                changes.add(ch);
            }
            Map<String, Object> yes = new LinkedHashMap<>();
            yes.put("id", id);
            yes.put("name", "If " + draft.text(c.content()));
            yes.put("description", "Condition " + c.id() + " of the article (sentence " + c.sentence() + "). Give the "
                    + "pair of branches probabilities that sum to 1. The talks probability in this world is open.");
            yes.put("talks", openTalks("the article does not say how likely talks are if " + draft.text(c.content())
                    + "; 0.5 is a placeholder"));
            yes.put("changes", changes);
            branches.add(yes);
            Map<String, Object> no = new LinkedHashMap<>();
            no.put("id", "not-" + id);
            no.put("name", "Unless " + draft.text(c.content()));
            no.put("description", "The other side of condition " + c.id() + ": the article says nothing of this world; "
                    + "its values are the analyst's. The talks probability in this world is open.");
            no.put("talks", openTalks("the article does not say how likely talks are otherwise; 0.5 is a placeholder"));
            no.put("changes", List.of());
            branches.add(no);
        }
        if (!branches.isEmpty()) {
            root.put("branches", branches);
        }
        root.put("draft", evidence(draft));
        return root;
    }

    private static Map<String, Object> stance(Map<String, Object> position, Claim c) {
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("position", position);
        st.put("salience", open(DEFAULT_SALIENCE, "the article does not say how much this matters (" + c.id() + ")"));
        return st;
    }

    /** The threshold a trade's conditional position tests on the asked issue: a placeholder the analyst sets. */
    static final double DEFAULT_TRADE_THRESHOLD = 50;

    /**
     * A trade's offered side as a conditional position: the holder moves to the scale's high end
     * on the offered issue if it gets at least {@link #DEFAULT_TRADE_THRESHOLD} on the asked issue,
     * else stays at the low end; both positions are open (with those defaults) and the threshold
     * is a placeholder the judgement names.
     */
    private static Map<String, Object> conditional(Draft d, Claim c, String askedIssue) {
        Map<String, Object> m = open(100, "offered in exchange for " + askedIssue + " (" + c.id() + ": \"" + d.text(c.offer())
                + "\" in exchange for \"" + d.text(c.content()) + "\"); the position if the exchange happens, the "
                + "threshold (" + num(DEFAULT_TRADE_THRESHOLD) + " is a placeholder) and the position otherwise are the analyst's");
        Map<String, Object> cond = new LinkedHashMap<>();
        cond.put("issue", askedIssue);
        cond.put("at-least", num(DEFAULT_TRADE_THRESHOLD));
        m.put("if", cond);
        m.put("otherwise", open(0, "without the exchange the holder stays where it is"));
        return m;
    }

    /** A talks probability the article does not give. */
    static Map<String, Object> openTalks(String why) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probability", "open");
        m.put("default", 0.5);
        m.put("judgement", why);
        return m;
    }

    static Map<String, Object> open(double dflt, String why) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", "open");
        if (!Double.isNaN(dflt)) {
            m.put("default", num(dflt));
        }
        m.put("judgement", why);
        return m;
    }

    private static Map<String, Object> cited(double value, Draft d, Claim c, Span quote) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", num(value));
        m.put("source", "article");
        m.put("quote", d.text(quote));
        m.put("sentence", c.sentence());
        return m;
    }

    private static Map<String, Object> evidence(Draft d) {
        Article a = d.article();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("generator", "parley draft (rules over OpenNLP UD English tokens; see README 'parley draft')");
        Map<String, Object> art = new LinkedHashMap<>();
        art.put("file", a.name());
        art.put("sentences", a.sentences().size());
        if (a.headline() != null) {
            art.put("headline", spanned(a.headline().number(), a.headline().span(), a.text(a.headline().span())));
        }
        if (a.date() != null) {
            art.put("date", a.date().toString());
        }
        if (a.dateline() != null) {
            art.put("dateline", spanned(a.sentenceAt(a.dateline().start()).number(), a.dateline(), a.text(a.dateline())));
        }
        List<Integer> residue = new ArrayList<>();
        for (Sentence s : a.sentences()) {
            if (s.kind() == Sentence.Kind.RESIDUE || s.kind() == Sentence.Kind.DATE) {
                residue.add(s.number());
            }
        }
        art.put("skipped-sentences", residue);
        ev.put("article", art);
        ev.put("actors", entities(d, Entity.Role.PARTY));
        ev.put("sources", entities(d, Entity.Role.SOURCE));
        ev.put("places", entities(d, Entity.Role.PLACE));
        ev.put("unresolved", entities(d, Entity.Role.MENTIONED));
        List<Object> issues = new ArrayList<>();
        for (DraftIssue di : d.issues().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", di.id());
            m.put("rule", di.rule());
            m.put("claims", di.claims());
            issues.add(m);
        }
        ev.put("issues", issues);
        List<Object> claims = new ArrayList<>();
        for (Claim c : d.claims()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("type", c.type().id());
            m.put("holder", c.holder() == null ? "unknown" : c.holder());
            if (c.holderSpan() != null) {
                m.put("holder-span", List.of(c.holderSpan().start(), c.holderSpan().end()));
            }
            m.put("text", d.text(c.content()));
            m.put("sentence", c.sentence());
            m.put("span", List.of(c.content().start(), c.content().end()));
            m.put("cue", d.text(c.cue()).strip());
            if (c.offer() != null) {
                m.put("offer", d.text(c.offer()));
                m.put("offer-span", List.of(c.offer().start(), c.offer().end()));
                m.put("offer-issue", d.offerIssue().get(c.id()));
            }
            if (d.claimIssue().containsKey(c.id())) {
                m.put("issue", d.claimIssue().get(c.id()));
            }
            if (c.appliesTo() != null) {
                m.put("applies-to", c.appliesTo());
            }
            if (c.type() == Claim.Type.CONDITION) {
                m.put("branches", List.of(shorten(conditionId(d.text(c.content())), 40),
                        "not-" + shorten(conditionId(d.text(c.content())), 40)));
                m.put("talks-probability", "open");
            }
            if (c.against()) {
                m.put("against", true);
            }
            if (c.source() != null) {
                m.put("source", c.source());
                m.put("attribution", c.attribution());
            }
            m.put("rule", c.rule());
            m.put("confidence", num(c.confidence()));
            m.put("status", "proposed");
            claims.add(m);
        }
        ev.put("claims", claims);
        return ev;
    }

    private static List<Object> entities(Draft d, Entity.Role role) {
        List<Object> out = new ArrayList<>();
        for (Entity e : d.entities()) {
            if (e.role() != role) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("name", e.name());
            m.put("type", e.type().name().toLowerCase(Locale.ROOT));
            if (e.key() != null) {
                m.put("key", e.key());
            }
            if (e.affiliation() != null) {
                m.put("affiliation", e.affiliation());
            }
            m.put("confidence", num(e.confidence()));
            List<Object> ms = new ArrayList<>();
            for (Entity.Resolved r : e.mentions()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("text", r.mention().text());
                mm.put("sentence", r.mention().sentence());
                mm.put("span", List.of(r.mention().span().start(), r.mention().span().end()));
                mm.put("rule", r.rule());
                mm.put("confidence", num(r.confidence()));
                ms.add(mm);
            }
            m.put("mentions", ms);
            if (!e.notes().isEmpty()) {
                m.put("notes", e.notes());
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> spanned(int sentence, Span s, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", text);
        m.put("sentence", sentence);
        m.put("span", List.of(s.start(), s.end()));
        return m;
    }

    static String conditionId(String condition) {
        List<String> words = new ArrayList<>();
        for (String w : Resolver.slug(condition).split("-")) {
            if (!Set.of("is", "are", "was", "were", "be", "as", "the", "a", "an", "of", "to", "its", "his", "her").contains(w)
                    && !w.isEmpty()) {
                words.add(w);
            }
        }
        return words.isEmpty() ? "condition" : String.join("-", words);
    }

    private static String shorten(String id, int max) {
        if (id.length() <= max) {
            return id;
        }
        int cut = id.lastIndexOf('-', max);
        return id.substring(0, cut > 0 ? cut : max);
    }

    /** Whole numbers as integers, others as doubles (Locale-free). */
    static Object num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e9) {
            return (long) d;
        }
        return Math.round(d * 100) / 100.0;
    }
}
