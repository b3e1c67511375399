/**
 * The weighted median: the Condorcet winner under weighted voting (Black 1948), with the
 * {@code weights} and {@code ties} options.
 */
package org.parley.models.median;
