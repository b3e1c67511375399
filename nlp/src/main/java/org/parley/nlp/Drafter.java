package org.parley.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline: segment, find mentions, resolve entities, extract claims, group issues, assign
 * roles (a source is whoever reports; a party is a country or organisation that is more than a
 * place, or anyone holding a claim who is not a source).
 */
public final class Drafter {

    private final Gazetteer gazetteer;
    private final Segmenter segmenter;

    public Drafter(Gazetteer gazetteer, Tokenizer tokenizer) {
        this.gazetteer = gazetteer;
        this.segmenter = new Segmenter(tokenizer);
    }

    /** With the built-in gazetteer and the OpenNLP tokenizer. */
    public static Drafter defaults() {
        return new Drafter(Gazetteer.defaults(), new OpenNlpTokenizer());
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public Draft draft(String name, String text) {
        Article a = segmenter.segment(name, text);
        List<Mention> mentions = new MentionFinder(gazetteer).find(a);
        List<Entity> entities = new Resolver(gazetteer).resolve(a, mentions);
        List<Claim> claims = new ClaimExtractor(entities).extract(a, mentions);
        Set<String> sources = new LinkedHashSet<>();
        Set<String> holders = new LinkedHashSet<>();
        for (Claim c : claims) {
            if (c.source() != null) {
                sources.add(c.source());
            }
            if (c.holder() != null) {
                holders.add(c.holder());
            }
        }
        List<Entity> roled = new ArrayList<>();
        List<Entity> unresolved = new ArrayList<>();
        for (Entity e : entities) {
            Entity.Role role = e.role();
            if (sources.contains(e.id()) || e.type() == Entity.Type.MEDIA) {
                role = Entity.Role.SOURCE;
            } else if (holders.contains(e.id())) {
                role = Entity.Role.PARTY;
            } else if (e.type() == Entity.Type.PERSON) {
                role = Entity.Role.MENTIONED;
            }
            Entity r = new Entity(e.id(), e.name(), e.type(), e.key(), e.affiliation(), role, e.mentions(), e.notes());
            roled.add(r);
            if (role == Entity.Role.MENTIONED) {
                unresolved.add(r);
            }
        }
        Map<String, String> claimIssue = new LinkedHashMap<>();
        Map<String, String> offerIssue = new LinkedHashMap<>();
        Map<String, DraftIssue> issues = Issues.group(a.text(), claims, claimIssue, offerIssue);
        return new Draft(a, mentions, roled, claims, issues, claimIssue, offerIssue, unresolved);
    }
}
