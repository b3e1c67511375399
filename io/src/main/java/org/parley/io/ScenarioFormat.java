package org.parley.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.ProblemCode;
import org.parley.engine.ScenarioException;
import org.parley.engine.ScenarioProblem;

/**
 * The scenario formats Parley reads, with detection from content.
 */
public enum ScenarioFormat {
    /** Parley's own format, for people. */
    YAML("yaml"),
    /** The same structure as JSON. */
    JSON("json"),
    /** KTAB SMP CSV: a scenario line, a header line, one row per actor with (position, salience) per dimension. */
    KTAB_CSV("ktab-csv"),
    /** KTAB SMP XML (smpSchema.xsd). */
    KTAB_XML("ktab-xml"),
    /** Bueno de Mesquita tables: actor, capability, position, salience (CSV, TSV or space-separated). */
    BDM("bdm"),
    /** The exchange model's #A/#P/#M/#D files (tab or ';' separated). */
    EXCHANGE("exchange");

    private final String id;

    ScenarioFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return List.of(YAML.id, JSON.id, KTAB_CSV.id, KTAB_XML.id, BDM.id, EXCHANGE.id);
    }

    public static ScenarioFormat fromId(String id) {
        String norm = id.strip().toLowerCase(Locale.ROOT);
        for (ScenarioFormat f : values()) {
            if (f.id.equals(norm)) {
                return f;
            }
        }
        throw new ParleyException(ErrorCode.BAD_OPTION, "unknown input format '" + id + "'; formats: "
                + String.join(", ", ids()));
    }

    /**
     * {@code true} when the text is a backtest file, which {@code parley backtest} reads: a DEU
     * table or YAML with a top-level {@code parley-backtest:} line.
     */
    public static boolean isBacktest(String text) {
        if (isDeuTable(text)) {
            return true;
        }
        // a line starting with it (lines end at \r\n, \r or \n), without splitting the whole text
        String key = "parley-backtest:";
        return text.startsWith(key) || text.contains("\n" + key) || text.contains("\r" + key);
    }

    /** {@code true} when the first line is a DEU table header (tab-separated, with prnr, isnr, pcom and out). */
    public static boolean isDeuTable(String text) {
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
        List<String> f = new ArrayList<>();
        for (String raw : first.split("\t", -1)) {
            String c = raw.strip();
            f.add(c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1).strip() : c);
        }
        return f.contains("prnr") && f.contains("isnr") && f.contains("pcom") && f.contains("out");
    }

    /**
     * Guesses the format from the text (and, as a last resort, the file name).
     *
     * @throws ScenarioException when the text is a backtest file (a DEU table or {@code parley-backtest:} YAML),
     *                           which {@code parley backtest} reads, not a scenario
     */
    public static ScenarioFormat detect(String text, String name) {
        if (isBacktest(text)) {
            boolean deu = isDeuTable(text);
            throw new ScenarioException(List.of(ScenarioProblem.error(ProblemCode.SYNTAX, "",
                    "this is a backtest " + (deu ? "table (DEU layout: prnr, isnr, p<actor>, s<actor>, rp, out)" : "file")
                            + ", not a scenario: use parley backtest")
                    .at(name, 1, 1).withHint("Maybe run 'parley backtest " + (name == null ? "FILE" : name) + "'?")));
        }
        String t = text.stripLeading();
        if (t.startsWith("<?xml") || t.startsWith("<Scenario") || t.startsWith("<scenario")) {
            return KTAB_XML;
        }
        if (t.startsWith("{") || t.startsWith("[")) {
            return JSON;
        }
        String[] lines = text.split("\r\n|\r|\n", 12);
        int hashRows = 0;
        for (String line : lines) {
            String l = line.strip().replace("'", "").replace("\"", "");
            if (l.startsWith("#A") || l.startsWith("#P") || l.startsWith("#D") || l.startsWith("#M")
                    || l.startsWith("#O") || l.startsWith("#/")) {
                hashRows++;
            }
        }
        if (hashRows >= 2) {
            return EXCHANGE;
        }
        if (lines.length >= 2 && isKtabHeader(lines[1])) {
            return KTAB_CSV;
        }
        if (lines.length >= 1 && org.parley.io.BdmTableReader.isHeader(lines[0])) {
            return BDM;
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        return YAML;
    }

    private static boolean isKtabHeader(String line) {
        String l = line.toLowerCase(Locale.ROOT);
        return l.strip().startsWith("actor") && (l.contains("position") || l.contains("pstn"))
                && (l.contains("salience") || l.contains("sal"));
    }
}
