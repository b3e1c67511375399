/**
 * Bueno de Mesquita's expected-utility model: {@link org.parley.models.expectedutility.ExpectedUtilityModel}
 * runs every issue in one shared round loop; {@code IssueEngine} is one issue's round (median voter,
 * expected utilities, risk, offers); {@code EuConfig} holds the forks F1-F17 of
 * {@code shared/specs/bdm-expected-utility.md} as options, and the presets that name the readings.
 */
package org.parley.models.expectedutility;
