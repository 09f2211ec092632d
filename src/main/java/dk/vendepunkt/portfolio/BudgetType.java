package dk.vendepunkt.portfolio;

/** Drift (operating) or anlæg (capital). */
enum BudgetType { DRIFT, ANLAEG }
