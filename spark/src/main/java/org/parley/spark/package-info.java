/**
 * The {@code spark} sweep engine, found through {@link java.util.ServiceLoader}: tasks as RDD
 * partitions (Spark retries a lost task and gets the same result), cancellation on Ctrl-C, and the
 * progress bar fed by a Spark listener. Spark is a {@code provided} dependency of this module only.
 */
package org.parley.spark;
