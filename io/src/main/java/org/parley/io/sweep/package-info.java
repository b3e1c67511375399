/**
 * Files of a sweep: scenarios read from text so they travel to workers, and the CSV and Parquet
 * outputs of cells and bottom line.
 */
package org.parley.io.sweep;
