package org.parley.io.backtest;

import java.nio.file.Path;

import org.parley.backtest.BacktestSet;
import org.parley.io.ScenarioFormat;
import org.parley.io.TextFile;

/**
 * Reads backtest sets: the DEU table layout ({@link DeuTableReader}) or Parley's backtest YAML
 * ({@link BacktestYamlReader}), told apart by content.
 */
public final class Backtests {

    private Backtests() {
    }

    /** Reads a backtest file; scenario files it names are read relative to its folder. */
    public static BacktestSet read(Path file) {
        TextFile text = TextFile.read(file);
        Path dir = file.toAbsolutePath().getParent();
        return read(text, dir);
    }

    /** Reads a backtest text; {@code dir} is where named scenario files live ({@code null}: none). */
    public static BacktestSet read(TextFile text, Path dir) {
        if (isDeuTable(text.text())) {
            return DeuTableReader.read(text);
        }
        return BacktestYamlReader.read(text, dir);
    }

    /** {@code true} when the first line is a DEU table header. */
    public static boolean isDeuTable(String text) {
        return ScenarioFormat.isDeuTable(text);
    }

    /** {@code true} when the text is a backtest file of either kind. */
    public static boolean isBacktest(String text) {
        return ScenarioFormat.isBacktest(text);
    }
}
