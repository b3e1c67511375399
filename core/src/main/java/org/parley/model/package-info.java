/**
 * The scenario as people write it: immutable records ({@link org.parley.model.Scenario},
 * {@link org.parley.model.Actor}, {@link org.parley.model.Issue}, {@link org.parley.model.Stance},
 * {@link org.parley.model.Branch}, ...) whose every number is an {@link org.parley.model.Estimate}
 * with its range and {@link org.parley.model.Provenance}. Validation of single values happens in
 * the compact constructors; checks across the scenario live in
 * {@link org.parley.engine.ScenarioValidator}. Part of the stable surface.
 */
package org.parley.model;
