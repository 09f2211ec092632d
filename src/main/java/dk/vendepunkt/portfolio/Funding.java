package dk.vendepunkt.portfolio;

/** The four colours of Sikker By's funding chart. */
enum Funding { FUNDED, EXTENSION_WANTED, UNFUNDED, UNCLEAR }
