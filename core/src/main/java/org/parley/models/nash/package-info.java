/**
 * The asymmetric Nash bargaining solution per issue with the status quo (or each actor's worst
 * point) as disagreement point (Nash 1950; Kalai 1977).
 */
package org.parley.models.nash;
