package org.parley.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The statistics of one cell, per model (in {@link Sweep#models()} order) and issue (in the
 * scenario's order): the point forecast, the runs with a numeric forecast, the distribution
 * ({@link #STATISTICS}, as {@link org.parley.montecarlo.Summary} computes them) and the share of
 * runs beyond each of the thresholds.
 *
 * <p>Hook for further per-cell statistics (P(deal) once the consent rule of issue #12 lands): add
 * a name to {@link #STATISTICS} and its value to the end of each {@code stats} row in
 * {@code Sweep.summarise}; the CSV and Parquet writers take their columns from that list.
 *
 * @param cell      cell index
 * @param runs      runs of the cell
 * @param point     {@code [model][issue]} the forecast at the stated values
 * @param valid     {@code [model][issue]} runs with a numeric forecast
 * @param stats     {@code [model][issue][statistic]}, in {@link #STATISTICS} order
 * @param shares    {@code [model][issue][threshold]}
 * @param forecasts {@code [model][issue][run]} every run's forecast, or {@code null} when not kept
 */
public record CellResult(int cell, int runs, double[][] point, int[][] valid, double[][][] stats, double[][][] shares,
                         double[][][] forecasts) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The statistics of {@link #stats}, in order (the output's column names). */
    public static final List<String> STATISTICS = List.of("mean", "sd", "min", "p5", "p25", "median", "p75", "p95",
            "max");
}
