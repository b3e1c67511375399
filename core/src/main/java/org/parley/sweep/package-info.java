/**
 * Sweeps: the cartesian product of option grids, scenarios, branches and Monte Carlo runs, each
 * cell a task with counter-based seeds, and the {@link org.parley.sweep.SweepEngine} contract that
 * lets the same tasks run on this JVM's threads ({@code local}) or on Spark with the same result.
 * Also the sweep's per-cell statistics and its bottom line mixed over branches.
 */
package org.parley.sweep;
