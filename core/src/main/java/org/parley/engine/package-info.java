/**
 * What every model plugs into: the {@link org.parley.engine.BargainingModel} interface and its
 * {@link org.parley.engine.OptionSpec options}, the engine arrays a model runs on
 * ({@link org.parley.engine.Problem}), what it returns ({@link org.parley.engine.Trajectory},
 * {@link org.parley.engine.Round}, {@link org.parley.engine.Move}), and
 * {@link org.parley.engine.Simulation}, which resolves worlds, models and options from a
 * {@link org.parley.engine.RunSpec} into a {@link org.parley.engine.ForecastResult}. Errors
 * ({@link org.parley.engine.ParleyException}, {@link org.parley.engine.ScenarioProblem}), seeds,
 * number formatting and the fan-out helper ({@link org.parley.engine.Parallel}) live here too.
 * Depends on {@code model} only; the models depend on it, never the other way round.
 */
package org.parley.engine;
