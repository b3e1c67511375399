package org.parley.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (Deque's accessibility engine, the npm package {@code axe-core}) run in the test's
 * browser. The script comes from {@code PARLEY_AXE} (a path to {@code axe.min.js}), else from
 * {@code target/axe/package/axe.min.js}, else it is fetched once with {@code npm pack axe-core@VERSION}
 * (the npm registry) into {@code target/axe}. Without npm and without the file the test is skipped,
 * unless CI requires the browser tests ({@code PARLEY_CHROMIUM} set): then it fails.
 */
final class Axe {

    static final String VERSION = "4.10.2";
    private static final Path DIR = Paths.get("target", "axe");

    /** One violation: the rule, its impact (minor, moderate, serious, critical), how many nodes, a few of them. */
    record Violation(String id, String impact, String help, int nodes, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + id + " (" + help + ") x" + nodes + " " + targets;
        }
    }

    private Axe() {
    }

    static String source() throws IOException, InterruptedException {
        String env = System.getenv("PARLEY_AXE");
        Path file = Browser.blank(env) ? DIR.resolve("package").resolve("axe.min.js") : Paths.get(env);
        if (!Files.isRegularFile(file) && Browser.blank(env)) {
            Files.createDirectories(DIR);
            String why = run(List.of("npm", "pack", "axe-core@" + VERSION, "--pack-destination", DIR.toString()));
            Path tgz = DIR.resolve("axe-core-" + VERSION + ".tgz");
            if (why == null && Files.isRegularFile(tgz)) {
                why = run(List.of("tar", "-xzf", tgz.toString(), "-C", DIR.toString()));
            }
            if (!Files.isRegularFile(file)) {
                String msg = "axe-core " + VERSION + " is not at " + file + " and npm could not fetch it: " + why
                        + "; set PARLEY_AXE to an axe.min.js";
                if (Browser.required()) {
                    throw new AssertionError(msg);
                }
                System.err.println("WARNING: SKIPPING the accessibility checks: " + msg);
                Assumptions.abort(msg);
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Runs a command; null when it succeeded, else what went wrong. */
    private static String run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(DIR.resolve("npm.log").toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + " took over 180 s";
            }
            return p.exitValue() == 0 ? null : String.join(" ", command) + " exited " + p.exitValue() + " (see " + DIR.resolve("npm.log") + ")";
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        }
    }

    /** The page's violations of the WCAG 2 A/AA rules and best practices, as axe reports them. */
    static List<Violation> run(Browser b, String axe) throws IOException {
        if (!Boolean.TRUE.equals(b.js("return typeof window.axe === 'object'"))) {
            b.js(axe);
        }
        Object json = b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations.map(v => ("
                + "{id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,"
                + " targets: v.nodes.slice(0, 4).map(n => n.target.join(' '))}))))).catch(e => done('ERROR ' + e));");
        String s = String.valueOf(json);
        if (s.startsWith("ERROR")) {
            throw new AssertionError("axe-core failed: " + s);
        }
        return new ObjectMapper().readValue(s, new TypeReference<List<Map<String, Object>>>() { }).stream()
                .map(m -> new Violation((String) m.get("id"), (String) m.get("impact"), (String) m.get("help"),
                        ((Number) m.get("nodes")).intValue(), castList(m.get("targets"))))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }

    /** The serious and critical ones. */
    static List<Violation> severe(List<Violation> all) {
        return all.stream().filter(v -> "serious".equals(v.impact()) || "critical".equals(v.impact())).toList();
    }
}
