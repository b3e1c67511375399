/**
 * Backtest case files: Parley's backtest YAML (scenarios with known outcomes) and the DEU III table,
 * read into {@link org.parley.backtest.BacktestSet}; the backtest report writer.
 */
package org.parley.io.backtest;
