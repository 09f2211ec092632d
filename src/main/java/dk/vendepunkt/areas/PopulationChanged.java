package dk.vendepunkt.areas;

/**
 * Published when a population import changed population figures (after commit for listeners that
 * ask for it), so that modules deriving rates from them can recompute.
 */
public record PopulationChanged(int rows) {}
