/**
 * Text reports of the analyses: Monte Carlo distributions, branch mixtures, model comparison,
 * world comparison and sensitivity, as aligned plain-text tables.
 */
package org.parley.io.report;
