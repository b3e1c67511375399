package org.parley.models.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The candidates of a round in the order the Python code would realise them: highest gain first,
 * equal gains in the order of a list that is stable-sorted before every pick. The Python code keeps
 * a list, re-sorts it whole and recalculates every candidate after each realised exchange; this
 * keeps a binary heap instead, and only the candidates an exchange touched leave it and come back.
 *
 * <p>Equal gains keep the list's order through a label per place: the list's order among equal
 * gains is the order of the list before the sort, which the labels keep. A candidate whose gain
 * changed and that stood before (after) all places of its new gain in that list gets a label below
 * (above) every label given so far; one whose gain kept its group keeps its label; a place appended
 * to the list (the Python code's re-queueing on a tie) gets a label above all. A candidate can hold
 * several places (the Python code appends the runner-up of a tie once more).
 */
final class CandidateQueue {

    /**
     * One place of a candidate in the list, with the candidate's rank and gain when it was last
     * ordered. A candidate is its own first place (one object less per candidate); the Python
     * code's re-queueing makes further places.
     */
    static class Entry {
        final Candidate cand;
        long label;
        long orderRank;
        double orderGain;
        /** Index in the heap, -1 when out of it. */
        int pos = -1;

        Entry(Candidate cand, long label) {
            this.cand = cand;
            this.label = label;
            this.orderRank = cand.rank();
            this.orderGain = cand.gain;
        }

        /** The candidate's own place, set when a queue is made. */
        Entry() {
            this.cand = (Candidate) this;
        }
    }

    private final Arithmetic a;
    private Entry[] heap;
    /**
     * Each heap slot's order (its entry's {@code orderRank}, {@code orderGain}, {@code label}) in
     * primitive arrays beside the heap, so that sifting compares without visiting the entries
     * (a large round's heap is far bigger than the caches).
     */
    private long[] keyRank;
    private double[] keyGain;
    private long[] keyLabel;
    private int size;
    /**
     * Whether the places are kept unordered and the first found by a scan (a small round, see
     * {@link #LINEAR}): the scan costs a few predictable comparisons per place, against the heap's
     * sifts of unpredictable ones on every place taken out and put back. Either way the first place
     * is the same: the list order is a total order.
     */
    private boolean linear;
    /** In a linear queue, the slot of the first place, or -1 when not known. */
    private int first = -1;
    /**
     * Rounds with at most this many candidates keep a linear queue. A round's queue never grows:
     * each pick takes one place out and re-queues at most one.
     */
    static final int LINEAR = 48;
    private final int linearMax;
    private long low = -1;
    private long high;
    /** The places {@link #takeOut} took, in list order, until {@link #putBack}. */
    private Entry[] taken = new Entry[16];
    private int takenCount;
    private final Comparator<Entry> listOrder = (x, y) -> before(x, y) ? -1 : before(y, x) ? 1 : 0;

    /** The candidates in list order. */
    CandidateQueue(Arithmetic a, List<Candidate> list) {
        this(a, list, LINEAR);
    }

    /**
     * The candidates in list order, linear while a round has at most {@code linearMax} (for tests:
     * 0 makes every queue a heap).
     */
    CandidateQueue(Arithmetic a, List<Candidate> list, int linearMax) {
        this.a = a;
        this.linearMax = linearMax;
        this.heap = new Entry[0];
        refill(list);
    }

    /** Makes this (empty) queue the queue of a new round's candidates, in list order, reusing its arrays. */
    CandidateQueue refill(List<Candidate> list) {
        if (size != 0) {
            throw new IllegalStateException("the queue still holds " + size + " places");
        }
        low = -1;
        high = 0;
        linear = list.size() <= linearMax;
        first = -1;
        int capacity = Math.max(16, list.size());
        if (heap.length < capacity) {
            this.heap = new Entry[capacity];
            this.keyRank = new long[capacity];
            this.keyGain = new double[capacity];
            this.keyLabel = new long[capacity];
        }
        for (int t = 0; t < list.size(); t++) {
            Candidate cand = list.get(t);
            Entry e = cand;
            e.label = high++;
            e.orderRank = cand.rank();
            e.orderGain = cand.gain;
            addPlace(cand, e);
            setAt(size++, e);
        }
        heapify();
        return this;
    }

    /** Whether {@code x} comes before {@code y} in the list. */
    private boolean before(Entry x, Entry y) {
        return before(x.orderRank, x.orderGain, x.label, y.orderRank, y.orderGain, y.label);
    }

    /** Whether the place of order (rank, gain, label) 1 comes before that of order 2. */
    private boolean before(long rank1, double gain1, long label1, long rank2, double gain2, long label2) {
        if (rank1 != rank2) {
            return rank1 > rank2;
        }
        int c = a.compareEqualRanks(gain1, gain2);
        return c != 0 ? c > 0 : label1 < label2;
    }

    /** Whether the entry in heap slot {@code s} comes before that in slot {@code t}. */
    private boolean beforeAt(int s, int t) {
        return before(keyRank[s], keyGain[s], keyLabel[s], keyRank[t], keyGain[t], keyLabel[t]);
    }

    boolean isEmpty() {
        return size == 0;
    }

    Entry peek() {
        return heap[linear ? first() : 0];
    }

    /** Takes the first place out of the list (the candidate keeps it until {@link #drop}). */
    Entry poll() {
        Entry e = peek();
        remove(e);
        return e;
    }

    /** In a linear queue, the slot of the first place (found by a scan when not known). */
    private int first() {
        if (first < 0) {
            int b = 0;
            for (int t = 1; t < size; t++) {
                if (beforeAt(t, b)) {
                    b = t;
                }
            }
            first = b;
        }
        return first;
    }

    /** A new place for {@code cand}, not yet in the list (see {@link #append}). */
    Entry newEntry(Candidate cand) {
        Entry e = new Entry(cand, 0);
        addPlace(cand, e);
        return e;
    }

    /** Puts a place at the end of the list. */
    void append(Entry e) {
        e.label = high++;
        e.orderRank = e.cand.rank();
        e.orderGain = e.cand.gain;
        insert(e);
    }

    /** Removes a place for good. */
    void drop(Entry e) {
        removePlace(e.cand, e);
    }

    /** Drops every place of an invalid candidate. */
    void dropInvalid() {
        int keep = 0;
        for (int t = 0; t < size; t++) {
            Entry e = heap[t];
            if (e.cand.valid) {
                setAt(keep++, e);
            } else {
                e.pos = -1;
                drop(e);
            }
        }
        Arrays.fill(heap, keep, size, null);
        size = keep;
        heapify();
    }

    /**
     * Takes every place of the candidates {@code touched} out of the list, in list order (the
     * place {@code appended}, out of the list, last); {@link #taken} reads them.
     *
     * @return how many places were taken
     */
    int takeOut(List<Candidate> touched, Entry appended) {
        takenCount = 0;
        boolean appendedTouched = false;
        for (int c = 0; c < touched.size(); c++) {
            Candidate cand = touched.get(c);
            for (int t = -1; t < (cand.moreEntries == null ? 0 : cand.moreEntries.size()); t++) {
                Entry e = t < 0 ? cand.entry : cand.moreEntries.get(t);
                if (e == appended) {
                    appendedTouched = true;
                } else {
                    remove(e);
                    addTaken(e);
                }
            }
        }
        // list order is a total order (labels differ): any sort gives the same order
        if (takenCount > 16) {
            Arrays.sort(taken, 0, takenCount, listOrder);
        }
        for (int t = 1; t < takenCount && takenCount <= 16; t++) {
            Entry e = taken[t];
            int u = t - 1;
            while (u >= 0 && before(e, taken[u])) {
                taken[u + 1] = taken[u];
                u--;
            }
            taken[u + 1] = e;
        }
        if (appendedTouched) {
            addTaken(appended);
        }
        return takenCount;
    }

    private void addTaken(Entry e) {
        if (takenCount == taken.length) {
            taken = Arrays.copyOf(taken, takenCount * 2);
        }
        taken[takenCount++] = e;
    }

    /** The {@code t}-th place {@link #takeOut} took. */
    Entry taken(int t) {
        return taken[t];
    }

    /**
     * Puts back the places {@link #takeOut} took, in the same order, those whose candidate stayed
     * valid, where a stable sort of the list would put them; then {@code appended} when it was not
     * among them (at the end of the list).
     */
    void putBack(Entry appended, boolean appendedTaken) {
        for (int t = takenCount - 1; t >= 0; t--) {
            Entry e = taken[t];
            if (e != appended && e.cand.valid && compareGroups(e) < 0) {
                e.label = low--;
            }
        }
        for (int t = 0; t < takenCount; t++) {
            Entry e = taken[t];
            taken[t] = null;
            if (!e.cand.valid) {
                drop(e);
                continue;
            }
            if (e == appended || compareGroups(e) > 0) {
                e.label = high++;
            }
            e.orderRank = e.cand.rank();
            e.orderGain = e.cand.gain;
            insert(e);
        }
        if (appended != null && !appendedTaken) {
            if (appended.cand.valid) {
                append(appended);
            } else {
                drop(appended);
            }
        }
    }

    private static void addPlace(Candidate cand, Entry e) {
        if (cand.entry == null) {
            cand.entry = e;
        } else {
            if (cand.moreEntries == null) {
                cand.moreEntries = new ArrayList<>(2);
            }
            cand.moreEntries.add(e);
        }
    }

    private static void removePlace(Candidate cand, Entry e) {
        if (cand.entry == e) {
            cand.entry = cand.moreEntries == null || cand.moreEntries.isEmpty() ? null : cand.moreEntries.remove(0);
        } else if (cand.moreEntries != null) {
            cand.moreEntries.remove(e);
        }
    }

    /** Negative when the place's old gain group came before its candidate's new one in the list, positive after. */
    private int compareGroups(Entry e) {
        int c = Long.compare(e.cand.rank(), e.orderRank);
        if (c == 0) {
            c = a.compareEqualRanks(e.cand.gain, e.orderGain);
        }
        return c;
    }

    // ---- the binary heap, each entry knowing its index, the order keys beside it ----

    private void setAt(int t, Entry e) {
        heap[t] = e;
        e.pos = t;
        keyRank[t] = e.orderRank;
        keyGain[t] = e.orderGain;
        keyLabel[t] = e.label;
    }

    private void moveSlot(int from, int to) {
        Entry e = heap[from];
        heap[to] = e;
        e.pos = to;
        keyRank[to] = keyRank[from];
        keyGain[to] = keyGain[from];
        keyLabel[to] = keyLabel[from];
    }

    private void heapify() {
        first = -1;
        if (linear) {
            return;
        }
        for (int t = size / 2 - 1; t >= 0; t--) {
            down(t);
        }
    }

    private void insert(Entry e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
            keyRank = Arrays.copyOf(keyRank, size * 2);
            keyGain = Arrays.copyOf(keyGain, size * 2);
            keyLabel = Arrays.copyOf(keyLabel, size * 2);
        }
        setAt(size++, e);
        if (linear) {
            if (first >= 0 && beforeAt(size - 1, first)) {
                first = size - 1;
            }
            return;
        }
        up(size - 1);
    }

    private void remove(Entry e) {
        int t = e.pos;
        Entry last = heap[--size];
        if (last != e) {
            moveSlot(size, t);
        }
        heap[size] = null;
        e.pos = -1;
        if (linear) {
            // the place moved into slot t keeps its order; only a removed first is unknown after
            if (first == t) {
                first = -1;
            } else if (first == size) {
                first = t;
            }
            return;
        }
        if (last != e) {
            down(t);
            if (heap[t] == last) {
                up(t);
            }
        }
    }

    private void up(int t) {
        Entry e = heap[t];
        long rank = keyRank[t];
        double gain = keyGain[t];
        long label = keyLabel[t];
        while (t > 0) {
            int parent = (t - 1) >>> 1;
            if (!before(rank, gain, label, keyRank[parent], keyGain[parent], keyLabel[parent])) {
                break;
            }
            moveSlot(parent, t);
            t = parent;
        }
        setAt(t, e);
    }

    private void down(int t) {
        Entry e = heap[t];
        long rank = keyRank[t];
        double gain = keyGain[t];
        long label = keyLabel[t];
        int half = size >>> 1;
        while (t < half) {
            int child = 2 * t + 1;
            int right = child + 1;
            if (right < size && beforeAt(right, child)) {
                child = right;
            }
            if (!before(keyRank[child], keyGain[child], keyLabel[child], rank, gain, label)) {
                break;
            }
            moveSlot(child, t);
            t = child;
        }
        setAt(t, e);
    }
}
