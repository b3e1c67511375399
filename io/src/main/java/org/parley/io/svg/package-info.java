/**
 * SVG charts drawn in Java (no dependency): trajectories, distributions with percentile bands and
 * thresholds, tornado charts; {@code PlotWriter} writes them to a folder.
 */
package org.parley.io.svg;
