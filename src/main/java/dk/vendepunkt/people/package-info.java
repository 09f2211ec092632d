/**
 * Persons (CPR encrypted at rest, keyed-hash blind index for exact lookup), team access and consents.
 * Public API: {@link dk.vendepunkt.people.CprNumber}, {@link dk.vendepunkt.people.PersonDirectory},
 * {@link dk.vendepunkt.people.PersonSummary}, {@link dk.vendepunkt.people.Consents},
 * {@link dk.vendepunkt.people.LegalBasis}. The person and consent services, the CPR vault and the CPR
 * look-up limit are in {@code people.internal}, the pages and the API in {@code people.web}.
 */
package dk.vendepunkt.people;
