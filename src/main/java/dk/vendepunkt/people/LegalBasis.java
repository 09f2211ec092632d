package dk.vendepunkt.people;

/**
 * The legal basis for working with (and sharing data about) the referred person: the person's consent,
 * Retsplejelovens §115 (police/municipality exchange), Serviceloven §49 b (support for young adults) or other.
 */
public enum LegalBasis {
    CONSENT, RPL_115, SEL_49B, OTHER
}
