package org.parley.nlp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds mentions: the longest gazetteer name at each token (case-sensitive, or any case in an
 * all-capitals stretch), else a run of capitalised tokens (a name), with titles split off.
 * Headlines yield only gazetteer names and words the body uses as names (headline case makes
 * every word look like a name).
 */
public final class MentionFinder {

    static final Set<String> TITLES = set("President", "Prime", "Minister", "Foreign", "Defence", "Defense",
            "Secretary", "State", "Chancellor", "King", "Queen", "Prince", "Princess", "Leader", "Supreme", "Chairman",
            "Chairwoman", "General", "Gen.", "Ambassador", "Senator", "Sen.", "Governor", "Gov.", "Mr", "Mr.", "Mrs",
            "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Professor", "Prof.", "Spokesman", "Spokeswoman", "Premier", "Vice",
            "Deputy", "Chief", "Director", "Mayor", "Pope", "Sheikh", "Emir", "Sultan", "Colonel", "Col.", "Captain",
            "Commander", "Admiral", "Lieutenant", "Judge", "Justice", "Rep.", "Representative", "Speaker", "Envoy",
            "Special", "Representative", "Defector", "Diplomat", "Officials", "Official");
    static final Set<String> NOT_NAMES = set("The", "A", "An", "In", "On", "At", "For", "From", "By", "With", "To", "Of",
            "And", "But", "Or", "If", "As", "After", "Before", "During", "Since", "While", "When", "Where", "Why", "How",
            "What", "Who", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His",
            "Her", "Their", "Our", "My", "Your", "According", "Despite", "Although", "Though", "However", "Meanwhile",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
            "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
            "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
            "Sept", "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Some", "Many", "Most", "All", "Both", "Each", "Every",
            "Other", "Such", "Yet", "So", "Also", "Then", "There", "Here", "Now", "Today", "Yesterday", "Tomorrow",
            "Last", "Next", "One", "Two", "Three", "A.M.", "P.M.", "Under", "Over", "About", "Among", "Between",
            "Against", "Without", "Within", "Into", "Through", "Following", "Because", "Unless", "Until", "Once",
            "Not", "No", "Yes", "Will", "Would", "Should", "Could", "Can", "May", "Might", "Must", "Is", "Are", "Was",
            "Were", "Be", "Been", "Has", "Have", "Had", "Do", "Does", "Did", "Says", "Said", "Eyes", "Wins", "Win");
    static final Set<String> ORG_HEADS = set("Ministry", "Party", "Agency", "Council", "Bank", "Committee", "Army",
            "Navy", "Forces", "Force", "Union", "Organization", "Organisation", "Association", "Times", "Post", "News",
            "Government", "Department", "Office", "Commission", "Court", "Parliament", "Assembly", "Congress", "Senate",
            "University", "Institute", "Company", "Corp", "Corp.", "Inc", "Inc.", "Group", "Front", "Movement",
            "Foundation", "Service", "Police", "Guard", "Board", "Authority", "Fund", "Network", "Press", "Daily",
            "Journal", "Times", "Club", "League", "Federation", "Center", "Centre", "Microsoft", "Google", "Apple",
            "NASA", "FIFA", "Airlines", "Airways", "Co.", "Ltd", "Ltd.", "Bureau", "Cabinet", "Administration");
    static final Set<String> CONNECTORS = set("of", "de", "da", "al", "bin", "van", "von", "der", "la", "du", "el");
    static final Set<String> PREPOSITIONS = set("in", "from", "to", "at", "with", "of", "for", "by", "on", "against",
            "between", "across", "inside", "into", "throughout", "near", "about", "over", "toward", "towards", "than",
            "visited", "visit", "under", "and", "as");
    static final Set<String> BAD_CAPITALS = set("Male", "Victoria", "Hamilton", "Kingston", "Georgetown",
            "Saint", "Of", "City", "Avarua");

    private final Gazetteer gazetteer;

    public MentionFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public List<Mention> find(Article a) {
        String text = a.text();
        Set<String> midSentenceNames = new HashSet<>();
        for (Sentence s : a.sentences()) {
            if (!s.body()) {
                continue;
            }
            List<Token> ts = s.tokens();
            for (int i = 1; i < ts.size(); i++) {
                if (ts.get(i).capitalised() && !(i == 1 && isQuote(ts.get(0).text()))) {
                    midSentenceNames.add(ts.get(i).text());
                }
            }
        }
        List<Mention> out = new ArrayList<>();
        List<Mention> bodyNames = new ArrayList<>();
        for (Sentence s : a.sentences()) {
            if (s.kind() != Sentence.Kind.BODY) {
                continue;
            }
            Drafter.stopIfInterrupted();
            scan(a, text, s, midSentenceNames, null, out);
        }
        for (Mention m : out) {
            if (m.name()) {
                bodyNames.add(m);
            }
        }
        if (a.headline() != null) {
            Set<String> parts = new HashSet<>();
            for (Mention m : bodyNames) {
                parts.addAll(List.of(m.text().split(" ")));
            }
            List<Mention> head = new ArrayList<>();
            scan(a, text, a.headline(), midSentenceNames, parts, head);
            out.addAll(0, head);
        }
        return out;
    }

    private void scan(Article a, String text, Sentence s, Set<String> midNames, Set<String> headlineParts,
                      List<Mention> out) {
        List<Token> ts = s.tokens();
        int i = 0;
        while (i < ts.size()) {
            Token t = ts.get(i);
            if (a.dateline() != null && a.dateline().contains(new Span(t.start(), t.end()))) {
                // dateline places are recorded but are never actors by themselves
                Gazetteer.Entry e = match(text, t, s);
                if (e != null) {
                    int end = t.start() + e.surface().length();
                    out.add(new Mention(new Span(t.start(), end), s.number(), text.substring(t.start(), end), e,
                            e.kind().name().toLowerCase(Locale.ROOT), "dateline", null));
                    i = next(ts, i, end);
                    continue;
                }
                i++;
                continue;
            }
            String prep = i > 0 ? ts.get(i - 1).text().toLowerCase(Locale.ROOT) : null;
            if (prep != null && prep.equals("the") && i > 1) {
                prep = ts.get(i - 2).text().toLowerCase(Locale.ROOT);
            }
            if (prep != null && !PREPOSITIONS.contains(prep)) {
                prep = null;
            }
            Gazetteer.Entry e = match(text, t, s);
            if (e != null) {
                int end = t.start() + e.surface().length();
                out.add(new Mention(new Span(t.start(), end), s.number(), text.substring(t.start(), end), e,
                        e.kind().name().toLowerCase(Locale.ROOT), prep, null));
                i = next(ts, i, end);
                continue;
            }
            if (!t.capitalised() || t.text().chars().anyMatch(Character::isDigit)) {
                i++;
                continue;
            }
            int j = i;
            List<Token> run = new ArrayList<>();
            while (j < ts.size()) {
                Token u = ts.get(j);
                if (u.capitalised() && u.text().chars().noneMatch(Character::isDigit) && (j == i || match(text, u, s) == null)) {
                    run.add(u);
                    j++;
                } else if (!run.isEmpty() && CONNECTORS.contains(u.text()) && j + 1 < ts.size() && ts.get(j + 1).capitalised()) {
                    run.add(u);
                    j++;
                } else {
                    break;
                }
            }
            i = Math.max(j, i + 1);
            // drop leading function words and titles, trailing connectors
            int from = 0;
            StringBuilder title = new StringBuilder();
            while (from < run.size() && (NOT_NAMES.contains(run.get(from).text()) || TITLES.contains(run.get(from).text()))) {
                if (TITLES.contains(run.get(from).text())) {
                    title.append(title.length() == 0 ? "" : " ").append(run.get(from).text());
                }
                from++;
            }
            int to = run.size();
            while (to > from && (CONNECTORS.contains(run.get(to - 1).text()) || NOT_NAMES.contains(run.get(to - 1).text()))) {
                to--;
            }
            if (from >= to) {
                continue;
            }
            List<Token> name = run.subList(from, to);
            boolean sentenceInitial = name.get(0) == ts.get(0) || (ts.size() > 1 && name.get(0) == ts.get(1) && isQuote(ts.get(0).text()));
            if (headlineParts != null) {
                // headline: keep single words the body uses as names
                for (Token u : name) {
                    if (headlineParts.contains(u.text())) {
                        out.add(new Mention(new Span(u.start(), u.end()), s.number(), u.text(), null, "person", null, null));
                    }
                }
                continue;
            }
            if (name.size() == 1 && sentenceInitial && !midNames.contains(name.get(0).text())) {
                continue;
            }
            if (name.size() == 1 && name.get(0).text().length() < 2) {
                continue;
            }
            Span sp = new Span(name.get(0).start(), name.get(name.size() - 1).end());
            String last = name.get(name.size() - 1).text();
            boolean org = name.stream().anyMatch(u -> ORG_HEADS.contains(u.text())) || last.equals(last.toUpperCase(Locale.ROOT)) && last.length() > 1;
            String titleText = title.length() == 0 ? lowerTitle(ts, i - run.size() + from - 1) : title.toString();
            out.add(new Mention(sp, s.number(), sp.of(text), null, org ? "org" : "person", prep, titleText));
        }
    }

    /** A lower-case agent noun right before a name ("leader Kim Jong Un"). */
    private static String lowerTitle(List<Token> ts, int k) {
        if (k < 0 || k >= ts.size()) {
            return null;
        }
        String w = ts.get(k).text();
        return set("leader", "president", "minister", "diplomat", "defector", "spokesman", "spokeswoman", "official",
                "envoy", "ambassador", "chairman", "premier", "chancellor", "king", "general", "secretary").contains(w)
                ? w : null;
    }

    private static boolean isQuote(String s) {
        return s.equals("\"") || s.equals("“") || s.equals("‘") || s.equals("'") || s.equals("(");
    }

    private static int next(List<Token> ts, int i, int end) {
        int j = i + 1;
        while (j < ts.size() && ts.get(j).start() < end) {
            j++;
        }
        return j;
    }

    private Gazetteer.Entry match(String text, Token t, Sentence s) {
        for (Gazetteer.Entry e : gazetteer.startingWith(Gazetteer.firstWord(t.text()))) {
            String sf = e.surface();
            int end = t.start() + sf.length();
            if (end > s.span().end()) {
                continue;
            }
            boolean exact = text.regionMatches(false, t.start(), sf, 0, sf.length());
            boolean caps = !exact && text.regionMatches(true, t.start(), sf, 0, sf.length())
                    && text.substring(t.start(), end).equals(text.substring(t.start(), end).toUpperCase(Locale.ROOT))
                    && sf.length() > 3;
            if (!exact && !caps) {
                continue;
            }
            if (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            if (e.kind() == Gazetteer.Kind.CAPITAL && BAD_CAPITALS.contains(sf)) {
                continue;
            }
            if (e.kind() == Gazetteer.Kind.LEADER) {
                continue; // leaders are resolved from name runs (dated), not matched as places
            }
            // "US" inside "US$" or a sentence-initial "US" is fine; the pronoun "us" never matches (case)
            return e;
        }
        return null;
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }
}
