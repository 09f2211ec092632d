package dk.vendepunkt.areas;

/** The two levels of the city's geography: a bydel contains districts. */
public enum AreaLevel {
    BYDEL, DISTRICT
}
