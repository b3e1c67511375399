package org.parley.io.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/** Prints an HTML file to PDF (A4, the page's own {@code @page} rule) with headless Chromium. */
public final class Pdf {

    private static final long TIMEOUT_SECONDS = 120;

    private Pdf() {
    }

    /**
     * The Chromium to use: {@code PARLEY_CHROMIUM} when set, else the first of chromium,
     * chromium-browser, google-chrome on the PATH; empty when none.
     */
    public static java.util.Optional<Path> chromium() {
        String env = System.getenv("PARLEY_CHROMIUM");
        if (env != null && !env.isBlank()) {
            return java.util.Optional.of(Path.of(env));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return java.util.Optional.empty();
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return java.util.Optional.of(p);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Prints {@code html} to {@code pdf}; fails with Chromium's output when no PDF appears. */
    public static void print(Path chromium, Path html, Path pdf) {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-pdf-header-footer", "--print-to-pdf-no-header",
                "--print-to-pdf=" + pdf.toAbsolutePath(), html.toAbsolutePath().toUri().toString()));
        try {
            Files.deleteIfExists(pdf);
            Path log = Files.createTempFile("parley-chromium", ".log");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new ParleyException(ErrorCode.FAILURE, chromium + " did not print " + pdf + " within "
                            + TIMEOUT_SECONDS + " s");
                }
                if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                    String out = Files.readString(log);
                    throw new ParleyException(ErrorCode.FAILURE, chromium + " wrote no PDF (exit " + p.exitValue()
                            + "): " + out.strip());
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.FAILURE, "cannot run " + chromium + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParleyException(ErrorCode.FAILURE, "interrupted while printing " + pdf);
        }
    }
}
