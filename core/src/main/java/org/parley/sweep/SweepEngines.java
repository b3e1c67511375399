package org.parley.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/** Finds and opens sweep engines: {@code local} always, others from the classpath. */
public final class SweepEngines {

    private SweepEngines() {
    }

    /** The ids of the engines available here, {@code local} first. */
    public static List<String> available() {
        List<String> out = new ArrayList<>();
        out.add(LocalSweepEngine.ID);
        for (SweepEngine.Provider p : ServiceLoader.load(SweepEngine.Provider.class)) {
            out.add(p.id());
        }
        return out;
    }

    /** Whether an engine with this id can be opened here. */
    public static boolean has(String id) {
        return available().contains(id);
    }

    /**
     * Opens an engine.
     *
     * @throws ParleyException {@code BAD_OPTION} for an engine that is not on the classpath
     */
    public static SweepEngine open(String id, SweepEngine.Settings settings) {
        if (LocalSweepEngine.ID.equals(id)) {
            return new LocalSweepEngine(settings.threads());
        }
        for (SweepEngine.Provider p : ServiceLoader.load(SweepEngine.Provider.class)) {
            if (p.id().equals(id)) {
                return p.open(settings);
            }
        }
        throw new ParleyException(ErrorCode.BAD_OPTION, "no sweep engine '" + id + "' on the classpath; engines here: "
                + String.join(", ", available()));
    }
}
