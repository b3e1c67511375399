/**
 * KTAB's Spatial Model of Politics: {@link org.parley.models.spatial.SpatialModel} is the entry;
 * {@code SmpRun} the turn loop, {@code SmpState} one state (utilities, victory probabilities,
 * challenges), {@code SmpTurn} one turn's bargains, {@code Pce} the probabilistic Condorcet
 * election, {@code SmpParameters} KTAB's nine parameters and Parley's readings.
 */
package org.parley.models.spatial;
