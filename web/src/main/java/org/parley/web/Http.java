package org.parley.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.io.Json;
import org.parley.io.TextFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.javalin.http.Context;

/**
 * Reading requests and writing answers: JSON bodies and their fields checked one by one (every
 * wrong field is a 400 naming it), uploaded text, and JSON answers.
 */
final class Http {

    static final String JSON_TYPE = "application/json; charset=utf-8";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Http() {
    }

    /** Answers with a JSON tree (ordered maps, lists, strings, numbers, booleans, null). */
    static void json(Context ctx, int status, Object tree) {
        StringBuilder sb = new StringBuilder();
        Json.write(tree, sb, false);
        ctx.status(status);
        ctx.contentType(JSON_TYPE);
        ctx.result(sb.toString());
    }

    /** The request attribute holding the body size limit (set by {@link Guard}). */
    static final String MAX_BODY = "parley.maxBody";

    /**
     * The body's bytes, read up to the limit: a longer body (chunked ones included, whose length
     * is not known in advance) is refused with 413 as soon as it passes the limit, without reading
     * the rest; a body that stops arriving is 408.
     */
    static byte[] bytes(Context ctx) {
        Long max = ctx.attribute(MAX_BODY);
        long limit = max == null ? WebSettings.DEFAULT_MAX_BODY : max;
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (b.length > limit) {
                ctx.header("Connection", "close");
                throw new ApiException(413, "TOO_LARGE", "the request body exceeds " + limit + " bytes");
            }
            return b;
        } catch (IOException e) {
            if (timedOut(e)) {
                ctx.header("Connection", "close");
                throw new ApiException(408, "REQUEST_TIMEOUT", "the request body stopped arriving");
            }
            throw new ApiException(400, "BAD_INPUT", "cannot read the request body");
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The body as a JSON object whose fields are all among {@code allowed}. */
    static JsonNode object(Context ctx, List<String> allowed) throws JsonProcessingException {
        String body = new String(bytes(ctx), java.nio.charset.StandardCharsets.UTF_8);
        if (body.isBlank()) {
            throw ApiException.badRequest("the request body is empty; send a JSON object");
        }
        JsonNode n = MAPPER.readTree(body);
        fields(n, allowed);
        return n;
    }

    /** Refuses anything but a JSON object with known fields. */
    static void fields(JsonNode n, List<String> allowed) {
        if (n == null || !n.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        for (Map.Entry<String, JsonNode> f : n.properties()) {
            if (!allowed.contains(f.getKey())) {
                throw ApiException.badRequest("unknown field '" + clip(f.getKey(), 40) + "'; fields: "
                        + String.join(", ", allowed));
            }
        }
    }

    /**
     * The body as an uploaded text file (size, encoding and binary checks of {@link TextFile}):
     * the body itself, or the first file of a {@code multipart/form-data} body.
     */
    static TextFile text(Context ctx, String name) {
        byte[] body;
        if (ctx.isMultipartFormData()) {
            List<io.javalin.http.UploadedFile> files = ctx.uploadedFiles();
            if (files.isEmpty()) {
                throw ApiException.badRequest("the multipart body has no file part");
            }
            try (InputStream in = files.get(0).content()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw ApiException.badRequest("cannot read the uploaded file");
            }
        } else {
            body = bytes(ctx);
        }
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty; send the file's text");
        }
        try (InputStream in = new ByteArrayInputStream(body)) {
            return TextFile.read(name, in);
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the body");
        }
    }

    static String requiredText(JsonNode n, String field, String what) {
        JsonNode x = n.get(field);
        if (x == null || !x.isTextual() || x.asText().isBlank()) {
            throw ApiException.badRequest("'" + field + "' (" + what + ") is required");
        }
        return x.asText();
    }

    static List<String> strings(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) {
            return List.of();
        }
        if (!a.isArray()) {
            throw ApiException.badRequest("'" + field + "' must be a list of ids");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : a) {
            if (!x.isTextual()) {
                throw ApiException.badRequest("'" + field + "' must be a list of ids");
            }
            out.add(x.asText());
        }
        return out;
    }

    static int integer(JsonNode n, String field, int min, int max, int dflt) {
        JsonNode x = n.get(field);
        if (x == null || x.isNull()) {
            return dflt;
        }
        if (!x.canConvertToInt() || !x.isIntegralNumber() || x.asInt() < min || x.asInt() > max) {
            throw new ApiException(400, "BAD_OPTION", "'" + field + "' must be a whole number in " + min + "-" + max);
        }
        return x.asInt();
    }

    static long longValue(JsonNode n, String field, long dflt) {
        JsonNode x = n.get(field);
        if (x == null || x.isNull()) {
            return dflt;
        }
        if (!x.isIntegralNumber() || !x.canConvertToLong()) {
            throw new ApiException(400, "BAD_OPTION", "'" + field + "' must be a whole number");
        }
        return x.asLong();
    }

    /** Model options: an object of key: text or number. */
    static Map<String, String> options(JsonNode n) {
        JsonNode o = n.get("options");
        Map<String, String> out = new LinkedHashMap<>();
        if (o == null || o.isNull()) {
            return out;
        }
        if (!o.isObject()) {
            throw ApiException.badRequest("'options' must be an object of key: value");
        }
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw ApiException.badRequest("option '" + clip(e.getKey(), 40) + "' must be a text or a number");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** A query parameter's comma-separated values, blanks dropped. */
    static List<String> list(Context ctx, String param) {
        List<String> out = new ArrayList<>();
        String v = ctx.queryParam(param);
        if (v != null) {
            for (String x : v.split(",")) {
                if (!x.isBlank()) {
                    out.add(x.strip());
                }
            }
        }
        return out;
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
