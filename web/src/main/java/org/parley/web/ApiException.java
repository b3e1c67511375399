package org.parley.web;

/**
 * An error the API answers with: an HTTP status, a stable code clients test, and a message for
 * people. Never carries a stack trace to the client.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiException notFound(String what, String id) {
        return new ApiException(404, "UNKNOWN_ID", "no " + what + " '" + id + "'");
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_INPUT", message);
    }
}
