package org.parley.engine;

import java.util.Objects;

/** An error with a kind. Unchecked: callers at the edge (CLI, web) map the code to a response. */
public class ParleyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public ParleyException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ParleyException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
