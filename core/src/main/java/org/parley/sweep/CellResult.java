package org.parley.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The statistics of one cell, per model (in {@link Sweep#models()} order) and issue (in the
 * scenario's order): the point forecast, the runs with a numeric forecast, the distribution
 * ({@link #STATISTICS}: the distribution as {@link org.parley.montecarlo.Summary} computes it, then
 * the world's chance of talks, the share of runs in which the consent stage let the issue make a
 * deal and P(deal) = talks x that share, as {@link org.parley.engine.BottomLine} computes them) and
 * the share of runs beyond each of the thresholds: of the valid runs ({@code shares}, as
 * the Monte Carlo summary) and of all runs ({@code past}, as the bottom line mixes them).
 *
 * <p>A further per-cell statistic: add a name to {@link #STATISTICS} and its value to the end of
 * each {@code stats} row in {@code Sweep.summarise}; the CSV and Parquet writers take their
 * columns from that list.
 *
 * @param cell      cell index
 * @param runs      runs of the cell
 * @param point     {@code [model][issue]} the forecast at the stated values
 * @param valid     {@code [model][issue]} runs with a numeric forecast
 * @param stats     {@code [model][issue][statistic]}, in {@link #STATISTICS} order
 * @param shares    {@code [model][issue][threshold]} share of the valid runs beyond the threshold
 * @param past      {@code [model][issue][threshold]} share of all runs beyond it (NaN counts as no)
 * @param forecasts {@code [model][issue][run]} every run's forecast, or {@code null} when not kept
 */
public record CellResult(int cell, int runs, double[][] point, int[][] valid, double[][][] stats, double[][][] shares,
                         double[][][] past, double[][][] forecasts) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The statistics of {@link #stats}, in order (the output's column names). */
    public static final List<String> STATISTICS = List.of("mean", "sd", "min", "p5", "p25", "median", "p75", "p95",
            "max", "p_talks", "deal_share", "p_deal");
}
