package org.parley.backtest;

import java.util.List;
import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/**
 * Which part of a backtest set a score covers. Cases are split by proposal so that no proposal
 * straddles: in file order of first appearance, proposals 1, 3, 5, ... are {@link #TRAIN} and
 * 2, 4, 6, ... are {@link #TEST}. Anything fitted (ensemble weights, noise levels) is fitted on
 * {@code train}; {@code test} is for reporting.
 */
public enum Split {
    TRAIN("train"),
    TEST("test"),
    ALL("all");

    private final String id;

    Split(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code true} when an issue labelled {@code label} ({@link #TRAIN} or {@link #TEST}) counts in this split. */
    public boolean includes(Split label) {
        return this == ALL || this == label;
    }

    public static Split fromId(String id) {
        String norm = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Split s : values()) {
            if (s.id.equals(norm)) {
                return s;
            }
        }
        throw new ParleyException(ErrorCode.BAD_OPTION, "unknown split '" + id + "'; splits: train, test, all");
    }

    public static List<String> ids() {
        return List.of(TRAIN.id, TEST.id, ALL.id);
    }
}
