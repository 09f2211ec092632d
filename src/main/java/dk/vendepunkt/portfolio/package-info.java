/**
 * The Sikker By programme: vision, effect goals, the six focus areas (indsatsområder), initiatives with
 * budgets per year and funding status, success criteria, indicators with data series, self-evaluations
 * and follow-ups, departments' prioritisations and the annual report to Økonomiudvalget.
 * Public API: {@link dk.vendepunkt.portfolio.EffectMeasureFigures} (implemented by the module that
 * computes effect measures from personal data, so that effect goals can show their status) and
 * {@link dk.vendepunkt.portfolio.IndicatorFeed} (other modules feed indicator series) and
 * {@link dk.vendepunkt.portfolio.InitiativeBudgets} (initiatives' budgets per year, read by economics).
 */
package dk.vendepunkt.portfolio;

import dk.vendepunkt.portfolio.internal.PortfolioSummary;
