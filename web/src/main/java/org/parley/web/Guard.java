package org.parley.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The checks before any handler and the headers after every answer. Without a token the server
 * answers only requests addressed to a loopback host name (so a web page elsewhere cannot reach
 * it through DNS rebinding); with one, every {@code /api} call must carry it
 * ({@code Authorization: Bearer TOKEN} or {@code X-Parley-Token}). Bodies larger than the limit
 * are refused before they are read.
 */
final class Guard {

    static final String CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'";

    private final WebSettings settings;
    private final byte[] token;

    Guard(WebSettings settings) {
        this.settings = settings;
        this.token = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
    }

    void install(Javalin app) {
        app.before(this::check);
        app.after(Guard::headers);
    }

    boolean tokenRequired() {
        return token != null;
    }

    private void check(Context ctx) {
        if (token == null) {
            String host = hostName(ctx.host());
            if (host == null || !(host.equalsIgnoreCase("localhost") || WebSettings.isLiteralLoopback(host))) {
                throw new ApiException(403, "BAD_HOST", "this server answers only requests addressed to localhost");
            }
        } else if (ctx.path().startsWith("/api/") && !tokenOk(ctx)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiException(401, "UNAUTHORIZED", "missing or wrong access token "
                    + "(send 'Authorization: Bearer TOKEN' or 'X-Parley-Token: TOKEN')");
        }
        long length = ctx.contentLength();
        if (length > settings.maxBodyBytes()) {
            throw new ApiException(413, "TOO_LARGE", "the request body exceeds " + settings.maxBodyBytes() + " bytes");
        }
    }

    static void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private boolean tokenOk(Context ctx) {
        String given = ctx.header("X-Parley-Token");
        String auth = ctx.header("Authorization");
        if (given == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = auth.substring(7).strip();
        }
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String h = hostHeader.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
