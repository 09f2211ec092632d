package dk.vendepunkt.people;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What other modules may ask of a person's consents: recording the consent another record (e.g. a referral)
 * rests on, and whether it has been withdrawn. Every write is validated and audited.
 */
public interface Consents {

    /** A consent to record; {@code legalBasis} is a {@link LegalBasis} name. */
    record NewConsent(String purpose, String legalBasis, LocalDate givenOn, LocalDate expiresOn, String note) {}

    /**
     * Records a consent that another record rests on, on behalf of the current user (who must have access to
     * the person).
     *
     * @param reference that record, e.g. {@code cw_referral:42}; {@link #withdrawnOn} answers by it
     */
    long recordFor(long personId, NewConsent consent, String reference);

    /** Records a consent without a signed-in user (demo data, system use); validated and audited all the same. */
    long recordSystem(long personId, NewConsent consent, String reference, String by);

    /** When the consent recorded for {@code reference} was withdrawn; empty while it stands (or when there is none). */
    Optional<LocalDate> withdrawnOn(long personId, String reference);
}
