package dk.vendepunkt.portfolio.internal;

/** Drift (operating) or anlæg (capital). */
public enum BudgetType { DRIFT, ANLAEG }
