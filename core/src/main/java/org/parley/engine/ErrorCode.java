package org.parley.engine;

/** The kinds of failure Parley reports. Tests assert the code, never the text. */
public enum ErrorCode {
    /** The input file or scenario is wrong: exit code 2. */
    BAD_INPUT(2),
    /** A model option or run setting is wrong: exit code 2. */
    BAD_OPTION(2),
    /** An id (model, branch, actor, issue, run) that does not exist: exit code 2. */
    UNKNOWN_ID(2),
    /** Something failed while running: exit code 1. */
    FAILURE(1);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
