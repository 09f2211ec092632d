/**
 * Outcomes and effect measurement: forløb history (imported, and closed in case work via
 * {@link dk.vendepunkt.casework.EnrolmentClosed}), register events (charges and convictions with SSP
 * level from the offence table), follow-up statuses, reference groups; the contract's effect report
 * (three measures with Wilson intervals, Kaplan–Meier time to first serious charge) per discharge cohort,
 * with disclosure control. Public API besides the REST endpoints and the implementation of
 * {@link dk.vendepunkt.portfolio.EffectMeasureFigures}: {@link dk.vendepunkt.outcomes.RegisterEvents} (a person's register
 * events per kind, including the §115 list and Ungdomskriminalitetsnævnet's decisions).
 */
package dk.vendepunkt.outcomes;
