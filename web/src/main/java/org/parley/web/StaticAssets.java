package org.parley.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * What the server serves besides the API: the browser UI from the jar, the OpenAPI document,
 * Swagger UI and the ECharts module from their WebJars. Nothing is read from the file system.
 */
final class StaticAssets {

    private StaticAssets() {
    }

    /** The UI's files at {@code /} and the WebJars at {@code /webjars}. */
    static void configure(JavalinConfig config) {
        config.staticFiles.add(sf -> {
            sf.hostedPath = "/";
            sf.directory = "/org/parley/web/ui";
            sf.location = Location.CLASSPATH;
            sf.headers = Guard.STATIC_HEADERS;
        });
        config.staticFiles.add(sf -> {
            sf.hostedPath = "/webjars";
            sf.directory = "META-INF/resources/webjars";
            sf.location = Location.CLASSPATH;
            Map<String, String> headers = new LinkedHashMap<>(Guard.STATIC_HEADERS);
            headers.put("Cache-Control", "max-age=31622400");
            sf.headers = headers;
        });
    }

    static void routes(Javalin app) {
        app.get("/openapi.json", ctx -> {
            ctx.contentType(Http.JSON_TYPE);
            ctx.result(resource("/org/parley/web/openapi.json"));
        });
        app.get("/swagger", ctx -> {
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(resource("/org/parley/web/swagger.html").replace("{{v}}", webjarVersion("org.webjars", "swagger-ui")));
        });
        app.get("/vendor/echarts.js", ctx -> {
            String v = webjarVersion("org.webjars.npm", "echarts");
            ctx.redirect("/webjars/echarts/" + v + "/dist/echarts.esm.min.js");
        });
    }

    private static String resource(String path) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ParleyException(ErrorCode.FAILURE, "missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.FAILURE, "cannot read resource " + path, e);
        }
    }

    /** The version of a WebJar on the class path. */
    static String webjarVersion(String group, String artifact) {
        Properties p = new Properties();
        try (InputStream in = StaticAssets.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact
                + "/pom.properties")) {
            if (in == null) {
                throw new ParleyException(ErrorCode.FAILURE, "the " + artifact + " WebJar is not on the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.FAILURE, "cannot read the " + artifact + " WebJar", e);
        }
        return p.getProperty("version");
    }
}
