package dk.vendepunkt.people;

import java.time.LocalDate;

/**
 * A consent was withdrawn: what rested on it must stop. Published by {@code people} inside the withdrawing
 * transaction; {@code casework} gives the owner of each forløb resting on it a task (ADR 0011).
 *
 * @param reference the record the consent was recorded for (e.g. {@code cw_referral:42}), or null
 */
public record ConsentWithdrawn(long personId, long consentId, String reference, String purpose, LocalDate withdrawnOn) {}
