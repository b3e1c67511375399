/**
 * Result writers chosen by {@link org.parley.io.results.ResultFormat}: the human table, long CSV,
 * JSON, moves CSV and exchanges CSV of a {@link org.parley.engine.ForecastResult}.
 */
package org.parley.io.results;
