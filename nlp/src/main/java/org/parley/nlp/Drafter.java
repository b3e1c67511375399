package org.parley.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

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

    /**
     * Drafts an article. A thread interrupted while drafting (a cancelled or timed-out web request)
     * stops at the next sentence or stage with {@code FAILURE} "cancelled", so its worker is freed.
     */
    public Draft draft(String name, String text) {
        Article a = segmenter.segment(name, text);
        stopIfInterrupted();
        List<Mention> mentions = new MentionFinder(gazetteer).find(a);
        stopIfInterrupted();
        List<Entity> entities = new Resolver(gazetteer).resolve(a, mentions);
        stopIfInterrupted();
        List<Claim> claims = new ClaimExtractor(entities).extract(a, mentions);
        stopIfInterrupted();
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

    /** Throws {@code FAILURE} "cancelled" when this thread was interrupted (the flag is left set). */
    static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ParleyException(ErrorCode.FAILURE, "cancelled");
        }
    }
}
