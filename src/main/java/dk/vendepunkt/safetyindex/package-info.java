/**
 * The Tryghedsindeks (safety index): the yearly survey ({@code survey.csv}), the index per district
 * from the survey and the police's citizen-directed reports ({@code GET /api/v1/safety-index}), the
 * page with map and tables, tracking of Sikker By effect goal 3 and of the goal of halving the number
 * of districts with MARKANT or INTENSIVERET need, and the half-yearly "urolige områder" report per
 * bydel (Tryghedsindeks result, city-wide charges of 12–17-year-olds, SSP single cases and the SSP
 * leaders' assessment entered by analysts). No public API: other modules do not depend on it.
 */
package dk.vendepunkt.safetyindex;
