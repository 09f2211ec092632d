package dk.vendepunkt.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What other modules may ask of a person's consents: recording the consent another record (e.g. a referral)
 * rests on, and whether it has been withdrawn. Every write is validated and audited.
 */
public interface Consents {

    /**
     * A consent (or other legal basis) to record; {@code legalBasis} is a {@link LegalBasis} code.
     *
     * @param givenBy         {@code PERSON} or {@code GUARDIAN} ({@link ConsentGiver}); required when the consent page or API
     *                        records a consent, may be null (not recorded) when another record does
     * @param guardianName    the guardian's name, when a guardian gave it
     * @param guardianCustody whether that guardian has parental authority (forældremyndighed)
     * @param recipients      whom the consent allows disclosure to, one per line or separated by {@code ;}
     */
    record NewConsent(String purpose, String legalBasis, LocalDate givenOn, LocalDate expiresOn, String note,
                      String givenBy, String guardianName, Boolean guardianCustody, String recipients) {

        /** A consent without its giver (not recorded) and without recipients: it covers no disclosure. */
        public static NewConsent of(String purpose, String legalBasis, LocalDate givenOn, LocalDate expiresOn, String note) {
            return new NewConsent(purpose, legalBasis, givenOn, expiresOn, note, null, null, null, null);
        }
    }

    /**
     * Records a consent that another record rests on, on behalf of the current user (who must have access to
     * the person).
     *
     * @param reference that record, e.g. {@code cw_referral:42}; {@link #withdrawnOn} answers by it
     */
    long recordFor(long personId, NewConsent consent, String reference);

    /** Records a consent without a signed-in user (demo data, system use); validated and audited all the same. */
    long recordSystem(long personId, NewConsent consent, String reference, String by);

    /**
     * Withdraws the person's consent from a date (not before it was given, not in the future), on behalf of the current
     * user (who must have access to the person); what rested on it is told by {@link ConsentWithdrawn}.
     */
    void withdraw(long personId, long consentId, LocalDate on);

    /** When the consent recorded for {@code reference} was withdrawn; empty while it stands (or when there is none). */
    Optional<LocalDate> withdrawnOn(long personId, String reference);

    /**
     * A consent as recorded for another record, for the module that rests on it (e.g. the family case's consent page).
     *
     * @param givenBy {@code PERSON}, {@code GUARDIAN} or null (not recorded)
     */
    record Recorded(long id, long personId, String purpose, String legalBasis, LocalDate givenOn, LocalDate expiresOn,
                    LocalDate withdrawnOn, String givenBy, String guardianName, Boolean guardianCustody, String recipients,
                    String note, String createdBy) {

        /** Given on or before {@code on}, not withdrawn on or before it, not expired before it. */
        public boolean inForce(LocalDate on) {
            return !givenOn.isAfter(on) && (withdrawnOn == null || withdrawnOn.isAfter(on)) && (expiresOn == null || !expiresOn.isBefore(on));
        }
    }

    /**
     * The consents recorded for {@code reference} (every person), newest first. No access check and no audit: for a
     * module that has checked access to the record the reference names and audits its own read.
     */
    List<Recorded> forReference(String reference);
}
