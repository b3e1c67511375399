package org.parley.io.svg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ForecastResult;
import org.parley.engine.ParleyException;
import org.parley.engine.RunResult;
import org.parley.model.Issue;
import org.parley.model.Scenario;
import org.parley.montecarlo.MonteCarloResult;
import org.parley.montecarlo.Sensitivity;

/**
 * Writes the charts of a forecast into a directory, one SVG file per chart:
 * <ul>
 *   <li>{@code trajectories-WORLD-MODEL.svg}: position trajectories, one panel per issue;</li>
 *   <li>{@code distribution-ISSUE.svg}: forecast distributions of every world and model;</li>
 *   <li>{@code tornado-WORLD-MODEL-ISSUE.svg}: one-at-a-time sensitivities.</li>
 * </ul>
 * File names are the ids with anything but letters, digits, '-' and '_' replaced by '_'.
 */
public final class PlotWriter {

    private static final int TORNADO_TOP = 15;

    private final Path dir;
    private final List<Path> written = new ArrayList<>();

    public PlotWriter(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.BAD_INPUT, "cannot create plot directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Every file written so far, in order. */
    public List<Path> written() {
        return List.copyOf(written);
    }

    /** Trajectory charts of every world and model of a point forecast (run 0). */
    public void trajectories(ForecastResult result) {
        for (RunResult r : result.runs()) {
            if (r.run() != 0) {
                continue;
            }
            String title = result.scenario().title().isEmpty() ? result.scenario().id() : result.scenario().title();
            write("trajectories-" + r.world() + "-" + r.model(), Charts.trajectories(title + ": " + r.model()
                    + " in world " + r.world(), result.problem(r.world()), r.trajectory()));
        }
    }

    /** Distribution charts, one per issue. */
    public void distributions(MonteCarloResult result) {
        for (String issue : result.issues()) {
            write("distribution-" + issue, Charts.distributions(result, issue));
        }
    }

    /** Tornado charts, one per world, model and issue that has at least one uncertain input. */
    public void tornadoes(Scenario scenario, List<Sensitivity.OneAtATime> rows) {
        Map<String, double[]> scales = new LinkedHashMap<>();
        for (Issue i : scenario.issues()) {
            scales.put(i.id(), new double[] {i.scale().min(), i.scale().max()});
        }
        Map<String, List<Sensitivity.OneAtATime>> groups = new LinkedHashMap<>();
        for (Sensitivity.OneAtATime o : rows) {
            groups.computeIfAbsent(o.world() + "-" + o.model() + "-" + o.issue(), k -> new ArrayList<>()).add(o);
        }
        for (Map.Entry<String, List<Sensitivity.OneAtATime>> e : groups.entrySet()) {
            write("tornado-" + e.getKey(), Charts.tornado(e.getValue(), TORNADO_TOP, scales));
        }
    }

    private void write(String name, String svg) {
        Path file = dir.resolve(safe(name) + ".svg");
        try {
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        written.add(file);
    }

    static String safe(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    }
}
