package org.parley.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surface rules over each body sentence: demands, aims, offers, trades, conditions, and who
 * reports them. Each rule has a stable id (in the draft's evidence) and a fixed confidence.
 *
 * <p>These rules were written against the seed article and the development half of the gold set
 * ({@code nlp/src/test/resources/gold/}, documents marked {@code dev}); the test half was
 * annotated afterwards and scored once (see the README).
 */
public final class ClaimExtractor {

    private static final String VERB_TO = "(?:aims?|aimed|aiming|plans?|planned|planning|intends?|intended|intending"
            + "|hopes?|hoped|hoping|wants?|wanted|wishes|wished|vows?|vowed|pledges?|pledged|promises?|promised"
            + "|seeks?|sought|seeking|is\\s+preparing|are\\s+preparing|prepares?|threatens?|threatened|threatening"
            + "|expressed\\s+(?:a|an|its|his|her|their)\\s+(?:desire|wish|intention|hope|interest)"
            + "|(?:desire|determination|intention|plan|bid|effort|efforts|push|goal|aim)|decided|agreed|agree|agrees"
            + "|is\\s+determined|are\\s+determined|is\\s+eager|are\\s+eager|tried|tries|trying|try|attempts?|attempted"
            + "|committed|commits|campaign|(?:goal|aim|objective|priority)\\s+(?:is|was)|efforts?|initiative)\\s+to\\s+";
    private static final String WILLING = "(?:(?:willing|ready|prepared|open|offered|offers?|offering|proposed|proposes?"
            + "|(?:is|are|was|were)\\s+welcome|the\\s+option|invited\\s+\\w+|invites?\\s+\\w+|agreed|agrees?)\\s+to\\s+"
            + "|(?:propos(?:e|es|ed|ing)|offer(?:s|ed|ing)?)\\s+(?!to\\b)(?=(?:a|an|the|some|new|its|their|his|her)\\b)"
            + "|(?:would|will)\\s+(?=(?:assist|help|provide|support|give|grant|fund|finance|consider|open|allow)\\b))";
    private static final String DEMAND = "(?:demands?|demanded|demanding|calls?\\s+for|called\\s+for|calling\\s+for"
            + "|insists?\\s+on|insisted\\s+on|urges?|urged|urging|presses\\s+for|pressed\\s+for|pressing\\s+for"
            + "|asks?\\s+for|asked\\s+for|appealed\\s+for|appeals?\\s+for|requested|requests?|pushing\\s+for|pushed\\s+for"
            + "|lobbied\\s+for|campaign(?:s|ed)?\\s+for|wants?|wanted|seeks?|sought|seeking|insisted\\s+that|demanded\\s+that|demands\\s+that"
            + "|ask(?:s|ed|ing)?|requested|requesting|recommend(?:s|ed|ing)?(?:\\s+that)?|recommendation\\s+that|require(?:s|d)?"
            + "|requiring|call(?:s|ed|ing)?\\s+on|urgent\\s+calls?\\s+for)\\s+(?!to\\b|out\\b|about\\b|whether\\b|if\\b|why\\b|how\\b|what\\b|on\\b|in\\b|at\\b|by\\b|it\\b|them\\b)";
    private static final String AGAINST = "(?:opposes?|opposed|rejects?|rejected|refused\\s+to|refuses\\s+to|resists?|resisted"
            + "|objects?\\s+to|objected\\s+to|protest(?:s|ed)?\\s+against|protest(?:s|ed)?|condemned|condemns?|denounced"
            + "|denounces?|vetoed|vetoes|blocked|blocks)\\s+";

    private static final Pattern FOCUS = Pattern.compile("\\bwith\\s+(?:a|an|its|the|particular|special|\\s)*(?:\\w+\\s+)?"
            + "(?:focus|emphasis)\\s+on\\s+");
    private static final Pattern EXCHANGE = Pattern.compile("\\bin\\s+(?:exchange|return)\\s+for\\s+");
    private static final Pattern AIM = Pattern.compile("\\b" + VERB_TO + "|\\b(?:is\\s+|are\\s+)?(?:preparing|prepares|prepared"
            + "|pushing|pushes|pushed|working|works|worked|hoping|hopes|hoped|aiming|aims|aimed|angling|bidding)\\s+for\\s+");
    private static final Pattern OFFER = Pattern.compile("\\b" + WILLING);
    private static final Pattern DEMAND_P = Pattern.compile("\\b" + DEMAND);
    private static final Pattern AGAINST_P = Pattern.compile("\\b" + AGAINST);
    private static final Pattern CONDITION = Pattern.compile("\\b(?:if|unless|provided\\s+that|on\\s+condition\\s+that|as\\s+long\\s+as|only\\s+when)\\s+");
    private static final Pattern CLAUSE_END = Pattern.compile(
            "(?:,\\s*(?:according|said|says|he|she|they|who|which|while|but|although|though|despite|as|after|before|when|where|known|marking|reducing|enhancing|attributing)\\b"
                    + "|\\s+(?:while|but|although|though|despite|because|after|before|whereas|when|according\\s+to|which|who|so\\s+that|if|unless|provided\\s+that|as\\s+long\\s+as)\\b"
                    + "|[;:.!?\"”()]|\\s[—–-]\\s|,\\s*(?:and|or)\\s+(?:\\w+\\s+){0,2}(?:said|says|has|have|had|is|are|was|were|will|would)\\b)");
    private static final Pattern CONDITION_END = Pattern.compile(
            "(?:,|;|\\.|\\?|!|\\s+(?:according\\s+to|but|while|and\\s+then)\\b)");
    private static final Pattern ACCORDING = Pattern.compile("\\b[Aa]ccording\\s+to\\s+");
    private static final Pattern SPEECH = Pattern.compile("\\b(?:said|says|say|disclosed|discloses|stated|states|revealed|reveals"
            + "|indicated|indicates|told|tells|added|adds|claimed|claims|noted|notes|warned|warns|announced|announces"
            + "|confirmed|confirms|explained|explains|argued|argues|suggested|suggests|reported|reports|wrote|writes"
            + "|insisted|insists|declared|declares|stressed|stresses|believes|believed)\\b");
    private static final Pattern INTERVIEW = Pattern.compile("\\binterview\\s+with\\s+");
    private static final Pattern PRONOUN_HE = Pattern.compile("\\b(?:[Hh]e|[Ss]he)\\s+(?:said|says|stated|added|disclosed|revealed|indicated|told|noted|warned|claimed)\\b");

    private final List<Entity> entities;
    private final Map<Mention, Entity> entityOf;

    public ClaimExtractor(List<Entity> entities) {
        this.entities = entities;
        this.entityOf = new java.util.IdentityHashMap<>();
        for (Entity e : entities) {
            for (Entity.Resolved r : e.mentions()) {
                entityOf.put(r.mention(), e);
            }
        }
    }

    public List<Claim> extract(Article a, List<Mention> mentions) {
        String text = a.text();
        List<Claim> out = new ArrayList<>();
        String lastPerson = null;
        int n = 0;
        Map<Integer, List<Mention>> bySentence = new HashMap<>(); // once, not a scan of every mention per sentence
        for (Mention m : mentions) {
            bySentence.computeIfAbsent(m.sentence(), k -> new ArrayList<>()).add(m);
        }
        for (Sentence s : a.sentences()) {
            if (!s.body()) {
                continue;
            }
            Drafter.stopIfInterrupted();
            int s0 = s.span().start();
            int s1 = s.span().end();
            String st = text.substring(s0, s1);
            List<Mention> ms = List.copyOf(bySentence.getOrDefault(s.number(), List.of()));
            // attribution
            String source = null;
            String attribution = null;
            Matcher am = ACCORDING.matcher(st);
            if (am.find()) {
                Entity e = entityStartingAt(ms, s0 + am.end());
                if (e != null && e.role() != Entity.Role.PARTY || e != null && e.type() == Entity.Type.PERSON) {
                    source = e.id();
                    attribution = "attribution.according-to";
                } else if (e != null) {
                    source = e.id();
                    attribution = "attribution.according-to";
                }
            }
            if (source == null) {
                Matcher sm = SPEECH.matcher(st);
                while (sm.find() && source == null) {
                    Entity e = entityEndingBefore(ms, s0 + sm.start(), text);
                    if (e != null && (e.type() == Entity.Type.PERSON || e.type() == Entity.Type.MEDIA)) {
                        source = e.id();
                        attribution = "attribution.speech-verb";
                    }
                }
            }
            if (source == null && lastPerson != null && PRONOUN_HE.matcher(st).find()) {
                source = lastPerson;
                attribution = "attribution.pronoun";
            }
            if (source == null) {
                Matcher im = INTERVIEW.matcher(st);
                if (im.find()) {
                    Entity e = entityStartingAt(ms, s0 + im.end());
                    if (e != null) {
                        source = e.id();
                        attribution = "attribution.interview-with";
                    }
                }
            }
            for (Mention m : ms) {
                Entity e = entityOf.get(m);
                if (e != null && e.type() == Entity.Type.PERSON) {
                    lastPerson = e.id();
                }
            }
            if (source != null) {
                for (Entity e : entities) {
                    if (e.id().equals(source) && e.type() == Entity.Type.PERSON) {
                        lastPerson = e.id();
                    }
                }
            }
            List<Claim> here = new ArrayList<>();
            // trades first: "VP in exchange for X"
            Matcher xm = EXCHANGE.matcher(st);
            List<Span> used = new ArrayList<>();
            while (xm.find()) {
                Span content = clause(text, s0 + xm.end(), s1);
                int left = s0 + xm.start();
                Matcher om = OFFER.matcher(st);
                int offerStart = -1;
                int offerCue = -1;
                while (om.find() && s0 + om.end() <= left) {
                    offerStart = s0 + om.end();
                    offerCue = s0 + om.start();
                }
                Span cueSpan = new Span(s0 + xm.start(), s0 + xm.end());
                if (offerStart < 0) {
                    offerStart = clauseStart(text, s0, left);
                }
                Span offer = trim(text, offerStart, left);
                Holder h = holder(text, s, ms, offerStart);
                here.add(new Claim(null, Claim.Type.TRADE, h.id, h.span, cueSpan, content, offer, s.number(),
                        "trade.in-exchange-for", 0.7, source, attribution, null, false));
                used.add(new Span(offerCue >= 0 ? offerCue : offer.start(), content.end()));
            }
            // focus lists: "with a focus on X, Y, and Z"
            Matcher fm = FOCUS.matcher(st);
            while (fm.find()) {
                Span list = listEnd(text, s0 + fm.end(), s1);
                Holder h = holder(text, s, ms, s0 + fm.start());
                for (Span item : items(text, list)) {
                    here.add(new Claim(null, Claim.Type.DEMAND, h.id, h.span, new Span(s0 + fm.start(), s0 + fm.end()),
                            item, null, s.number(), "demand.focus-list", 0.75, source, attribution, null, false));
                }
                used.add(list);
            }
            addSimple(text, s, ms, st, DEMAND_P, Claim.Type.DEMAND, "demand.verb", 0.6, false, source, attribution, used, here);
            addSimple(text, s, ms, st, AGAINST_P, Claim.Type.DEMAND, "demand.against", 0.5, true, source, attribution, used, here);
            addSimple(text, s, ms, st, OFFER, Claim.Type.OFFER, "offer.willing-to", 0.6, false, source, attribution, used, here);
            addSimple(text, s, ms, st, AIM, Claim.Type.AIM, "aim.verb-to", 0.6, false, source, attribution, used, here);
            here.sort(Comparator.comparing(Claim::content));
            // conditions: attach to the nearest claim before the "if" in the same sentence, else the next
            Matcher cm = CONDITION.matcher(st);
            List<Claim> conditions = new ArrayList<>();
            while (cm.find()) {
                int cs = s0 + cm.start();
                Span content = conditionSpan(text, s0 + cm.end(), s1);
                if (content.length() < 3) {
                    continue;
                }
                Claim target = null;
                for (Claim c : here) {
                    if (c.content().start() < cs) {
                        target = c;
                    }
                }
                if (target == null && !here.isEmpty()) {
                    target = here.get(0);
                }
                if (target == null) {
                    continue; // an "if" that conditions no claim is a hypothesis, not a condition
                }
                Holder h = target != null ? new Holder(target.holder(), target.holderSpan()) : holder(text, s, ms, cs);
                conditions.add(new Claim(null, Claim.Type.CONDITION, h.id, h.span, new Span(cs, s0 + cm.end()), content,
                        null, s.number(), "condition.if", target != null ? 0.7 : 0.4, source, attribution,
                        target == null ? null : "#" + here.indexOf(target), false));
            }
            for (Claim c : here) {
                out.add(withId(c, "c" + (++n), null));
            }
            int firstOfSentence = out.size() - here.size();
            for (Claim c : conditions) {
                String applies = c.appliesTo() == null ? null
                        : out.get(firstOfSentence + Integer.parseInt(c.appliesTo().substring(1))).id();
                out.add(withId(c, "c" + (++n), applies));
            }
        }
        return out;
    }

    private void addSimple(String text, Sentence s, List<Mention> ms, String st, Pattern p, Claim.Type type, String rule,
                           double conf, boolean against, String source, String attribution, List<Span> used,
                           List<Claim> here) {
        int s0 = s.span().start();
        Matcher m = p.matcher(st);
        while (m.find()) {
            Span cue = new Span(s0 + m.start(), s0 + m.end());
            if (used.stream().anyMatch(u -> u.overlaps(cue))) {
                continue;
            }
            // a gerund after a preposition ("for refusing to pay") describes, it does not claim
            String before = st.substring(0, m.start()).stripTrailing();
            if (before.matches("(?s).*\\b(?:for|of|by|after|before|without|about)$")) {
                continue;
            }
            Span content = clause(text, cue.end(), s.span().end());
            if (content.length() < 3) {
                continue;
            }
            Holder h = holder(text, s, ms, cue.start());
            // second-person and generic subjects ("if you want to avoid the crowds") claim nothing
            if (before.matches("(?s).*\\b(?:you|You|one|One)(?:\\s+\\w+)?$")) {
                continue;
            }
            here.add(new Claim(null, type, h.id, h.span, cue, content, null, s.number(), rule, h.id == null ? conf - 0.2 : conf,
                    source, attribution, null, against));
            used.add(new Span(cue.start(), content.end()));
        }
    }

    private static Claim withId(Claim c, String id, String appliesTo) {
        return new Claim(id, c.type(), c.holder(), c.holderSpan(), c.cue(), c.content(), c.offer(), c.sentence(), c.rule(),
                c.confidence(), c.source(), c.attribution(), appliesTo, c.against());
    }

    private record Holder(String id, Span span) {
    }

    /**
     * The holder of a claim whose cue starts at {@code cue}: the first party-capable mention of the
     * clause (after a reporting "that", not after a preposition, outside "according to ..."),
     * else the nearest one to the left.
     */
    private Holder holder(String text, Sentence s, List<Mention> ms, int cue) {
        int start = s.span().start();
        String left = text.substring(start, cue);
        Matcher that = Pattern.compile("\\b(?:that|whether|how)\\s+").matcher(left);
        int from = start;
        while (that.find()) {
            from = start + that.end();
        }
        Matcher acc = ACCORDING.matcher(left);
        int accStart = acc.find() ? start + acc.start() : Integer.MAX_VALUE;
        Mention best = null;
        for (Mention m : ms) {
            if (m.span().start() < from || m.span().end() > cue || m.span().start() >= accStart) {
                continue;
            }
            Entity e = entityOf.get(m);
            if (e == null || e.type() == Entity.Type.MEDIA || m.preposition() != null || m.locative()) {
                continue;
            }
            if (m.entry() != null && m.entry().kind() == Gazetteer.Kind.DEMONYM) {
                // "the North Korean government" / "North Korean officials" hold; "a North Korean diplomat" is a person
                String after = text.substring(m.span().end(), Math.min(text.length(), m.span().end() + 20));
                if (!after.matches("(?s)\\s+(?:government|officials?|leadership|regime|authorities|side|delegation|military|foreign\\s+ministry)\\b.*")) {
                    continue;
                }
            }
            best = m;
            break;
        }
        if (best == null) {
            // "It/They ..." and no mention: the nearest country mentioned before, in this sentence
            for (Mention m : ms) {
                Entity e = entityOf.get(m);
                if (m.span().end() <= cue && e != null && e.type() != Entity.Type.MEDIA && !m.locative()
                        && m.span().start() < accStart && (m.preposition() == null)) {
                    best = m;
                }
            }
        }
        if (best == null) {
            return new Holder(null, null);
        }
        return new Holder(entityOf.get(best).id(), best.span());
    }

    private Entity entityStartingAt(List<Mention> ms, int at) {
        for (Mention m : ms) {
            if (m.span().start() >= at && m.span().start() <= at + 4) {
                return entityOf.get(m);
            }
        }
        return null;
    }

    private Entity entityEndingBefore(List<Mention> ms, int at, String text) {
        for (Mention m : ms) {
            if (m.span().end() <= at && text.substring(m.span().end(), at).isBlank()) {
                return entityOf.get(m);
            }
        }
        return null;
    }

    static Span clause(String text, int from, int limit) {
        while (from < limit && "\"“‘' ".indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        Matcher m = CLAUSE_END.matcher(text).region(from, limit);
        int end = m.find() ? m.start() : limit;
        return trim(text, from, end);
    }

    private static Span conditionSpan(String text, int from, int limit) {
        Matcher m = CONDITION_END.matcher(text).region(from, limit);
        int end = m.find() ? m.start() : limit;
        return trim(text, from, end);
    }

    private static int clauseStart(String text, int s0, int at) {
        int best = s0;
        for (int i = at - 1; i > s0; i--) {
            char c = text.charAt(i);
            if (c == ',' || c == ';' || c == ':') {
                best = i + 1;
                break;
            }
        }
        return best;
    }

    /** A focus list runs to the end of the sentence or the next clause word. */
    private static Span listEnd(String text, int from, int limit) {
        Matcher m = Pattern.compile("(?:[;:.!?\"”]|\\s+(?:while|but|because|according\\s+to|despite)\\b)").matcher(text)
                .region(from, limit);
        int end = m.find() ? m.start() : limit;
        return trim(text, from, end);
    }

    /** "X, Y, and Z" -> X, Y, Z. */
    static List<Span> items(String text, Span list) {
        List<Span> out = new ArrayList<>();
        String s = list.of(text);
        Matcher m = Pattern.compile(",\\s*(?:and|or)\\s+|,\\s*|\\s+and\\s+(?=\\p{Ll}+ing\\b)").matcher(s);
        int from = 0;
        while (m.find()) {
            out.add(trim(text, list.start() + from, list.start() + m.start()));
            from = m.end();
        }
        out.add(trim(text, list.start() + from, list.end()));
        out.removeIf(sp -> sp.length() < 2);
        return out;
    }

    static Span trim(String text, int start, int end) {
        while (start < end && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == ',')) {
            start++;
        }
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
            end--;
        }
        return new Span(start, end);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
