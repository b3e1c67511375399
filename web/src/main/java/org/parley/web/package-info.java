/**
 * The web server ({@code parley serve}): the JSON API under {@code /api}, the OpenAPI document,
 * Swagger UI and the browser UI. One small class per concern:
 *
 * <ul>
 *   <li>{@link org.parley.web.WebServer} wires the parts and maps errors to JSON answers;
 *       {@link org.parley.web.WebSettings} says how it listens and what it accepts.</li>
 *   <li>{@link org.parley.web.Guard}: host, token, cross-site and body-type checks before any
 *       handler, security headers after; {@link org.parley.web.BodyReader} collects bodies without
 *       holding a thread (413 past the limit, 408 when they stall); {@link org.parley.engine.Budget}
 *       bounds the work one request may ask for; {@link org.parley.web.Ids} the ids it accepts.</li>
 *   <li>The APIs: {@link org.parley.web.ScenarioApi} (scenarios, versions, validation, export),
 *       {@link org.parley.web.ForecastApi} (forecast jobs and small forecasts at once),
 *       {@link org.parley.web.AnalysisApi} (Monte Carlo, sensitivity, backtests, at once or as jobs),
 *       {@link org.parley.web.JobApi} (the routes every kind of job shares),
 *       {@link org.parley.web.RegistryApi} (the forecast registry on a run store),
 *       {@link org.parley.web.StaticAssets} (UI, OpenAPI, WebJars).</li>
 *   <li>{@link org.parley.web.Http} reads requests and writes answers; {@link org.parley.web.Trees}
 *       builds the JSON trees.</li>
 *   <li>One job system: {@link org.parley.web.Jobs} (a bounded pool, progress, cancel, results) of
 *       {@link org.parley.web.Job}s; {@link org.parley.web.ClientWatch} cancels a waiting request's
 *       work when its client leaves.</li>
 *   <li>Storage: {@link org.parley.web.ScenarioRepository} ({@link org.parley.web.InMemoryScenarioRepository},
 *       or {@link org.parley.web.StoreRepositories} on the run store, which also archives finished
 *       forecasts).</li>
 * </ul>
 */
package org.parley.web;
