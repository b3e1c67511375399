/**
 * The run store and forecast registry on SQLite or PostgreSQL, plain JDBC. {@link org.parley.store.Store}
 * is the API (open, scenarios, runs); behind it, by concern: {@code Connections} (opening),
 * {@code Schema} and {@code Migrations} (versioned schema), {@code ScenarioTable} (scenario versions),
 * {@code RunTable} (runs, forecasts, trajectories), {@link org.parley.store.Registry} (registered
 * forecasts, resolutions, scores), {@code Sql} (JDBC helpers), {@code Codec} (binary columns).
 */
package org.parley.store;
