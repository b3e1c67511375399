/**
 * The registry of the bargaining models ({@link org.parley.models.Models}: stable ids, the default
 * {@link org.parley.engine.Simulation}). Each model lives in its own subpackage, package-private
 * except its public {@code *Model} class, and imports no other model package.
 */
package org.parley.models;
