package org.parley.models.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The candidates of a round in the order the Python code would realise them: highest gain first,
 * equal gains in the order of a list that is stable-sorted before every pick. The Python code keeps
 * a list, re-sorts it whole and recalculates every candidate after each realised exchange; this
 * keeps an ordered set instead, and only the candidates an exchange touched leave it and come back.
 *
 * <p>Equal gains keep the list's order through a label per place: the list's order among equal
 * gains is the order of the list before the sort, which the labels keep. A candidate whose gain
 * changed and that stood before (after) all places of its new gain in that list gets a label below
 * (above) every label given so far; one whose gain kept its group keeps its label; a place appended
 * to the list (the Python code's re-queueing on a tie) gets a label above all. A candidate can hold
 * several places (the Python code appends the runner-up of a tie once more).
 *
 * @param <T> the number type
 */
final class CandidateQueue<T> {

    /** One place of a candidate in the list. */
    static final class Entry<T> {
        final Candidate<T> cand;
        long label;
        /** The candidate's rank and gain when this place was last ordered. */
        long oldRank;
        T oldGain;

        Entry(Candidate<T> cand, long label) {
            this.cand = cand;
            this.label = label;
        }
    }

    private final Arithmetic<T> a;
    private final TreeSet<Entry<T>> set;
    private final Comparator<Entry<T>> order;
    private long low = -1;
    private long high;

    /** The candidates in list order. */
    CandidateQueue(Arithmetic<T> a, List<Candidate<T>> list) {
        this.a = a;
        this.order = (x, y) -> {
            int c = Long.compare(y.cand.rank, x.cand.rank);
            if (c == 0) {
                c = a.compareEqualRanks(y.cand.gain, x.cand.gain);
            }
            return c != 0 ? c : Long.compare(x.label, y.label);
        };
        this.set = new TreeSet<>(order);
        for (Candidate<T> cand : list) {
            Entry<T> e = new Entry<>(cand, high++);
            cand.addEntry(e);
            set.add(e);
        }
    }

    boolean isEmpty() {
        return set.isEmpty();
    }

    /** Takes the first place out of the list (the candidate keeps it until {@link #drop}). */
    Entry<T> poll() {
        return set.pollFirst();
    }

    Entry<T> peek() {
        return set.first();
    }

    /** A new place for {@code cand}, not yet in the list (see {@link #append}). */
    Entry<T> newEntry(Candidate<T> cand) {
        Entry<T> e = new Entry<>(cand, 0);
        cand.addEntry(e);
        return e;
    }

    /** Puts a place at the end of the list. */
    void append(Entry<T> e) {
        e.label = high++;
        set.add(e);
    }

    /** Removes a place for good. */
    void drop(Entry<T> e) {
        e.cand.removeEntry(e);
    }

    /** Drops every place of an invalid candidate. */
    void dropInvalid() {
        set.removeIf(e -> {
            if (!e.cand.valid) {
                drop(e);
                return true;
            }
            return false;
        });
    }

    /**
     * Takes every place of the candidates {@code touched} out of the list, in list order (the
     * place {@code appended}, out of the list, last), remembering where each stood.
     */
    List<Entry<T>> takeOut(List<Candidate<T>> touched, Entry<T> appended) {
        List<Entry<T>> out = new ArrayList<>();
        boolean appendedTouched = false;
        for (Candidate<T> cand : touched) {
            List<Entry<T>> places = new ArrayList<>(2);
            places.add(cand.entry);
            if (cand.moreEntries != null) {
                places.addAll(cand.moreEntries);
            }
            for (Entry<T> e : places) {
                if (e == appended) {
                    appendedTouched = true;
                } else {
                    out.add(e);
                }
            }
        }
        out.sort(order);
        for (Entry<T> e : out) {
            set.remove(e);
        }
        if (appendedTouched) {
            out.add(appended);
        }
        for (Entry<T> e : out) {
            e.oldRank = e.cand.rank;
            e.oldGain = e.cand.gain;
        }
        return out;
    }

    /**
     * Puts back the places {@link #takeOut} took, in the same order, those whose candidate stayed
     * valid, where a stable sort of the list would put them; then {@code appended} when it was not
     * among them (at the end of the list).
     */
    void putBack(List<Entry<T>> taken, Entry<T> appended, boolean appendedTaken) {
        int size = taken.size();
        for (int t = size - 1; t >= 0; t--) {
            Entry<T> e = taken.get(t);
            if (e != appended && e.cand.valid && compareGroups(e) < 0) {
                e.label = low--;
            }
        }
        for (Entry<T> e : taken) {
            if (!e.cand.valid) {
                drop(e);
                continue;
            }
            if (e == appended || compareGroups(e) > 0) {
                e.label = high++;
            }
            set.add(e);
        }
        if (appended != null && !appendedTaken) {
            if (appended.cand.valid) {
                append(appended);
            } else {
                drop(appended);
            }
        }
    }

    /** Negative when the place's old gain group came before its new one in the list, positive after. */
    private int compareGroups(Entry<T> e) {
        int c = Long.compare(e.cand.rank, e.oldRank);
        if (c == 0) {
            c = a.compareEqualRanks(e.cand.gain, e.oldGain);
        }
        return c;
    }
}
