/**
 * Persons (CPR encrypted at rest, keyed-hash blind index for exact lookup), team access and consents.
 * Public API: {@link dk.vendepunkt.people.CprNumber}, {@link dk.vendepunkt.people.PersonDirectory},
 * {@link dk.vendepunkt.people.PersonSummary}.
 */
package dk.vendepunkt.people;
