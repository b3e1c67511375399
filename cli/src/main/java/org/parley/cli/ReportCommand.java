package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.engine.RunSpec;
import org.parley.io.Scenarios;
import org.parley.io.report.Brief;
import org.parley.io.report.Pdf;
import org.parley.models.Models;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley report}: the analyst's brief, one self-contained HTML page (and a PDF). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the analyst's brief: one self-contained HTML page (no external assets) for A4 with the "
                + "questions, the bottom line, the answer table (issues x models, the scale's words at the forecast, "
                + "P(deal), P(talks)), the key drivers of the most salient issue, the branch comparison, its "
                + "trajectories (SVG), who blocks a deal and a provenance appendix listing every value's source.",
                "--pdf also prints it to PDF with headless Chromium (PARLEY_CHROMIUM, else chromium on the PATH)."},
        footer = {"", "Examples:", "  parley report --out brief.html",
                "  parley report scenario.yaml --runs 500 --out brief.html --pdf"})
public final class ReportCommand implements Callable<Integer> {

    @Mixin
    ScenarioInput input;

    @Mixin
    RunFlags run = new RunFlags();

    @Option(names = "--runs", paramLabel = "N", description = "Monte Carlo runs per world and model behind the "
            + "bottom line; 1 = the point forecast (default: ${DEFAULT-VALUE})")
    int runs = 1;

    @Option(names = "--out", paramLabel = "FILE", description = "the HTML file (default: ${DEFAULT-VALUE})")
    Path out = Path.of("brief.html");

    @Option(names = "--pdf", description = "also write the PDF beside it (FILE with .pdf)")
    boolean pdf;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--runs must be at least 1, was " + runs);
        }
        Path chromium = null;
        if (pdf) {
            chromium = Pdf.chromium().orElseThrow(() -> new ParleyException(ErrorCode.BAD_OPTION,
                    "--pdf needs Chromium: set PARLEY_CHROMIUM or put chromium on the PATH"));
        }
        Scenarios.Loaded loaded = ScenarioInput.checkOptions(input.load());
        PrintWriter err = spec.commandLine().getErr();
        Warnings.print(loaded, err);
        RunSpec runSpec = run.spec(input.modelOptions()).withRuns(runs);
        run.checkBudget(loaded.scenario(), runSpec);
        String html = Brief.build(loaded, Models.simulation(), runSpec);
        try {
            Files.writeString(out, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.FAILURE, "cannot write " + out + ": " + e.getMessage());
        }
        err.println("parley: wrote " + out);
        if (pdf) {
            String name = out.getFileName().toString();
            Path pdfFile = out.resolveSibling((name.endsWith(".html") ? name.substring(0, name.length() - 5) : name)
                    + ".pdf");
            Pdf.print(chromium, out, pdfFile);
            err.println("parley: wrote " + pdfFile);
        }
        err.flush();
        return 0;
    }
}
