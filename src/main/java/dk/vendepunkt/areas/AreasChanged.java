package dk.vendepunkt.areas;

/**
 * Published (after commit) when an areas import changed the geography, so that modules which
 * assigned points to districts can reassign them.
 */
public record AreasChanged(int areas) {}
