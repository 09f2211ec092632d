/**
 * Economics: what a forløb costs, what it saves and when it pays (contract "Economics"). Parameters per
 * programme and scenario (value, low/high, source), the cost per participant, the discounted benefit per
 * success, the gain per participant with its interval, the break-even success rate, a seeded Monte Carlo
 * over the uncertain inputs and a tornado of each parameter.
 * Public API: {@link dk.vendepunkt.economics.SuccessRates}, implemented by the module that measures the
 * effect, so that economics never reads personal data itself. Costs can be taken from
 * {@code portfolio.InitiativeBudgets} and {@code casework.PoolSpending} (aggregates).
 */
package dk.vendepunkt.economics;
