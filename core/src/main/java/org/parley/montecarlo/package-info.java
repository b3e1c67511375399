/**
 * Uncertainty and what-if on top of the engine's point forecasts.
 *
 * <ul>
 *   <li>{@link org.parley.montecarlo.MonteCarlo}: runs every world and model over the scenario's
 *       input ranges ({@link org.parley.montecarlo.Sampler}) and the models' own randomness; run
 *       {@code i}'s seed is {@code Seeds.forRun(S, i)}; bit-identical on any thread count;
 *       {@link org.parley.montecarlo.MonteCarloResult} keeps one forecast per world, model, issue
 *       and run and gives {@link org.parley.montecarlo.Summary summaries} and the branch mixture.</li>
 *   <li>{@link org.parley.montecarlo.Comparison}: two worlds, the difference per model and issue
 *       and the changes that cause it.</li>
 *   <li>{@link org.parley.montecarlo.Sensitivity}: one-at-a-time swings and first-order indices;
 *       {@link org.parley.montecarlo.Levers}: the smallest change that crosses a threshold.</li>
 *   <li>{@link org.parley.montecarlo.ModelComparison}: every model side by side with the spread
 *       between them.</li>
 * </ul>
 * Everything starts from {@link org.parley.engine.Simulation#plan}, the same resolution of worlds,
 * models and options as a point forecast, and runs models with
 * {@link org.parley.engine.RunContext#forecastOnly}.
 */
package org.parley.montecarlo;
