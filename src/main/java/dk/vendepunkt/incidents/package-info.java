/**
 * The incidents register of Sikker By focus area 6 and effect goal 4: closures, reduced service and
 * staff-safety incidents reported by the departments (form or {@code incidents.csv}), incident analyses
 * with actions, the departments' monthly reporting overview, a map and list per area and period, effect
 * goal 4 ({@code GET /api/v1/incidents/effect-goal-4}) and the feeds of goal 4's indicator and the
 * staff-safety counts into the portfolio ({@link dk.vendepunkt.portfolio.IndicatorFeed}). No public API:
 * other modules do not depend on it.
 */
package dk.vendepunkt.incidents;
