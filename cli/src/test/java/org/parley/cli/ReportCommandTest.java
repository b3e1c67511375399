package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.io.report.Brief;

class ReportCommandTest {

    @Test
    void writesTheBriefOfTheSeed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("brief.html");
        CliRun r = CliRun.of("report", "--out", out.toString(), "--model", "compromise,expected-utility");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("wrote " + out), r.err());
        String html = Files.readString(out);
        for (String id : Brief.SECTIONS) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), id);
        }
        assertTrue(html.contains("<th>expected-utility</th>"));
        assertTrue(!html.contains("<th>nash</th>"), "only the models asked for");
    }

    @Test
    void badRunsIsExitTwo(@TempDir Path dir) {
        CliRun r = CliRun.of("report", "--runs", "0", "--out", dir.resolve("b.html").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--runs must be at least 1"), r.err());
    }
}
