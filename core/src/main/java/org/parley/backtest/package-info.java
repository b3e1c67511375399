/**
 * Scoring models against real outcomes: a {@link org.parley.backtest.BacktestSet} of cases with
 * known outcomes, {@link org.parley.backtest.Backtest} runs every model and the naive baselines,
 * {@link org.parley.backtest.Score} and {@link org.parley.backtest.Comparison} measure them,
 * {@link org.parley.backtest.Ensemble} and {@link org.parley.backtest.Calibration} are fitted on the
 * train split only. Reading the case files is io's job.
 */
package org.parley.backtest;
