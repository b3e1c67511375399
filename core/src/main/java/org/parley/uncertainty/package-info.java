/**
 * Honest uncertainty: model-error intervals (cross-conformal, calibrated on real outcomes), the
 * proposal-cluster bootstrap, Holm's adjustment, and the shipped calibration resource. No
 * dependency beyond the engine's arrays.
 */
package org.parley.uncertainty;
