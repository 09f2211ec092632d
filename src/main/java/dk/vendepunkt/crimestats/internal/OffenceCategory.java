package dk.vendepunkt.crimestats.internal;

/** The offence categories of crime-reports.csv and charges.csv, in the contract's order. */
public enum OffenceCategory {
    VIOLENCE, ROBBERY, BURGLARY, THEFT, VANDALISM, THREATS, DRUGS, WEAPONS, SEXUAL, FRAUD, TRAFFIC, OTHER
}
