package dk.vendepunkt.portfolio.internal;

/** The four colours of Sikker By's funding chart. */
public enum Funding { FUNDED, EXTENSION_WANTED, UNFUNDED, UNCLEAR }
