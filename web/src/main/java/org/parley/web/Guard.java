package org.parley.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * The checks before any handler and the headers after every answer. Without a token the server
 * answers only requests addressed to a loopback host name (so a web page elsewhere cannot reach
 * it through DNS rebinding); with one, every {@code /api} call must carry it
 * ({@code Authorization: Bearer TOKEN} or {@code X-Parley-Token}). Bodies larger than the limit
 * are refused before they are read.
 *
 * <p>Cross-site request forgery: every state-changing request ({@code POST}, {@code PUT},
 * {@code DELETE}, {@code PATCH}) must come from this server's own pages, shown by a same-origin
 * {@code Origin} header or {@code Sec-Fetch-Site: same-origin} (browsers send them; other clients
 * send {@code Origin: http://HOST:PORT}), and a body must be {@code application/json}, or for an
 * upload a scenario or backtest file type or {@code multipart/form-data}: never the
 * {@code text/plain} or form types a foreign page can post without asking. A foreign or
 * {@code null} origin is 403 {@code CROSS_SITE}, another body type 415 {@code UNSUPPORTED_MEDIA_TYPE}.
 */
final class Guard {

    static final String CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'";

    /** Body types an upload may have besides JSON: none of them is one a foreign page may post without asking, except multipart, which the origin check covers. */
    static final List<String> UPLOAD_TYPES = List.of("application/json", "application/yaml", "application/x-yaml",
            "text/yaml", "text/x-yaml", "application/xml", "text/xml", "text/csv", "application/octet-stream",
            "multipart/form-data");
    /** The routes that take an uploaded file as their body. */
    private static final Pattern UPLOADS = Pattern.compile(
            "POST /api/(scenarios|validate|backtests|backtests/jobs)|PUT /api/scenarios/[^/]+(/sources/[^/]+)?");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "DELETE", "PATCH");

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
        ctx.attribute(Http.MAX_BODY, settings.maxBodyBytes());
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
            ctx.header("Connection", "close");
            throw new ApiException(413, "TOO_LARGE", "the request body exceeds " + settings.maxBodyBytes() + " bytes");
        }
        String method = ctx.method().name();
        if (STATE_CHANGING.contains(method)) {
            sameOrigin(ctx);
            if (!method.equals("DELETE") || length > 0) {
                bodyType(ctx, method);
            }
        }
    }

    /** A same-origin {@code Origin} (and {@code Sec-Fetch-Site} when sent), or 403. */
    private static void sameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        if (site != null && !site.strip().equalsIgnoreCase("same-origin")) {
            throw crossSite("Sec-Fetch-Site is '" + Http.clip(site, 40) + "'");
        }
        if (origin != null) {
            String host = ctx.header("Host");
            String o = origin.strip().toLowerCase(Locale.ROOT);
            String authority = o.startsWith("http://") ? o.substring(7) : o.startsWith("https://") ? o.substring(8) : null;
            if (authority == null || host == null || !authority.equals(host.strip().toLowerCase(Locale.ROOT))) {
                throw crossSite("the request comes from '" + Http.clip(origin, 80) + "'");
            }
        } else if (site == null) {
            throw crossSite("it carries neither an Origin nor Sec-Fetch-Site header");
        }
    }

    private static ApiException crossSite(String why) {
        return new ApiException(403, "CROSS_SITE", "a state-changing request must come from this server's own pages: "
                + why + ". Browsers send the headers; other clients send 'Origin: http://HOST:PORT' with this "
                + "server's host and port");
    }

    /** JSON, or for an upload one of {@link #UPLOAD_TYPES}, or 415. */
    private static void bodyType(Context ctx, String method) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean upload = UPLOADS.matcher(method + " " + ctx.path()).matches();
        if (upload ? !UPLOAD_TYPES.contains(type) : !type.equals("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "the body's Content-Type must be "
                    + (upload ? String.join(", ", UPLOAD_TYPES) : "application/json") + ", was '"
                    + Http.clip(type, 60) + "'");
        }
    }

    /** The security headers of every answer, static files included. */
    static final Map<String, String> STATIC_HEADERS = Map.of("X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer", "Content-Security-Policy", CSP);

    static void headers(Context ctx) {
        STATIC_HEADERS.forEach(ctx::header);
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
