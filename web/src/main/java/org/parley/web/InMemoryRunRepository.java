package org.parley.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs kept in memory. At most {@code capacity} are kept: when a new run would exceed it, the
 * oldest finished run is dropped (running ones are never dropped). Thread-safe.
 */
public final class InMemoryRunRepository implements RunRepository {

    private final int capacity;
    private final Map<String, RunJob> runs = new LinkedHashMap<>();

    public InMemoryRunRepository(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void add(RunJob job) {
        if (runs.size() >= capacity) {
            Iterator<RunJob> it = runs.values().iterator();
            while (it.hasNext()) {
                if (it.next().status().finished()) {
                    it.remove();
                    break;
                }
            }
        }
        runs.put(job.id(), job);
    }

    @Override
    public void finished(RunJob job) {
        // kept in memory already
    }

    @Override
    public synchronized Optional<RunJob> get(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public synchronized List<RunJob> list() {
        List<RunJob> out = new ArrayList<>(runs.values());
        Collections.reverse(out);
        return out;
    }
}
