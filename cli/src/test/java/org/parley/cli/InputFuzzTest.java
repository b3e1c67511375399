package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.engine.Peers;

/**
 * Issue #20: seeded mutants of the example scenarios and some peer files, each validated (and, when
 * valid, forecast with a cheap model) in-process. Every case ends with exit 0 or 2, no Java exception
 * or stack trace, a location on every error line, and within a bound per case (no hang).
 */
class InputFuzzTest {

    static final long SEED = 20_2026L;
    static final int MUTANTS_PER_FILE = 40;
    /** Errors about the file as a whole (too large, binary, nothing in it) carry no line. */
    static final Pattern FILE_LEVEL = Pattern.compile("(FILE_TOO_LARGE|BINARY_FILE|EMPTY_SCENARIO)( at [a-z]+)?:");
    static final Pattern ERROR_LINE = Pattern.compile("^(.*): error ([A-Z_]+)");
    static final Pattern LOCATED = Pattern.compile("^.*:\\d+:\\d+: error [A-Z_]+");
    static final String[] NASTY = {"1e309", "-1e309", ".nan", ".inf", "-1", "0", "[", "]", "{", "}", ": ", "- ",
        "\"", "'", "&a ", "*a", "!!binary ", "\u001b[31m", "\u0007", "\t", "\n  ", "\n- ", "#", "%YAML 1.1\n",
        "<b>", "x y", "\u00e9", "\ud83d\ude00", "2e9", "999999999999999999999", ",", ";", "\"\"", "~", "null"};

    @TempDir
    Path dir;

    @Test
    void mutantsEndCleanly() throws IOException {
        List<Path> seeds = new ArrayList<>();
        try (var s = Files.list(Paths.get("../examples"))) {
            s.map(d -> d.resolve("scenario.yaml")).filter(Files::isRegularFile).sorted().forEach(seeds::add);
        }
        for (String peer : List.of("peers/bdm/inputs/eum_argentina.tsv", "peers/bdm/inputs/jmckib_Sultan.csv",
                "peers/exchange/inputs/copenhagen.csv", "peers/ktab/inputs/smp/SOE-Pol-Comp.csv")) {
            Path p = Peers.file(peer);
            if (p != null && Files.isRegularFile(p)) {
                seeds.add(p);
            }
        }
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(3);
        Random rnd = new Random(SEED);
        int cases = 0;
        int valid = 0;
        for (Path seed : seeds) {
            String text = new String(Files.readAllBytes(seed), java.nio.charset.StandardCharsets.UTF_8);
            String name = seed.getFileName().toString();
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                String mutant = mutate(text, rnd);
                Path f = dir.resolve(i + "-" + name);
                Files.write(f, mutant.getBytes(java.nio.charset.StandardCharsets.UTF_8)); // a split surrogate becomes '?'
                CliRun v = run("validate", f.toString());
                check(v, f, mutant);
                cases++;
                if (v.exit() == 0 && valid < 40) {
                    valid++;
                    check(run("forecast", f.toString(), "--model", "median,compromise", "--format", "csv"), f, mutant);
                }
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(120);
    }

    static CliRun run(String... args) {
        // a bound per case: a hang fails the test instead of stopping the build
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> CliRun.of(args), () -> String.join(" ", args));
    }

    static void check(CliRun r, Path f, String mutant) {
        String all = r.out() + r.err();
        String why = f + " (exit " + r.exit() + "):\n" + all + "\n--- mutant:\n" + clip(mutant);
        assertThat(r.exit()).as(why).isIn(0, 2);
        assertThat(all).as(why).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\u001b");
        for (String line : all.split("\n")) {
            if (ERROR_LINE.matcher(line).find() && !FILE_LEVEL.matcher(line).find()) {
                assertThat(LOCATED.matcher(line).find()).as("no line:column in '" + line + "'\n" + why).isTrue();
            }
        }
    }

    static String mutate(String text, Random rnd) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = rnd.nextInt(sb.length());
            switch (rnd.nextInt(6)) {
                case 0 -> sb.insert(at, NASTY[rnd.nextInt(NASTY.length)]);
                case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + rnd.nextInt(40)));
                case 2 -> sb.setCharAt(at, NASTY[rnd.nextInt(NASTY.length)].charAt(0));
                case 3 -> { // a number replaced by a nasty one
                    int d = sb.indexOf(": ", at);
                    if (d >= 0) {
                        int end = sb.indexOf("\n", d);
                        sb.replace(d + 2, end < 0 ? sb.length() : end, NASTY[rnd.nextInt(6)]);
                    }
                }
                case 4 -> { // a line doubled
                    int s = sb.lastIndexOf("\n", at) + 1;
                    int end = sb.indexOf("\n", at);
                    if (end > s) {
                        sb.insert(end + 1, sb.substring(s, end + 1));
                    }
                }
                default -> sb.setLength(at); // cut short
            }
        }
        return sb.toString();
    }

    static String clip(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }
}
