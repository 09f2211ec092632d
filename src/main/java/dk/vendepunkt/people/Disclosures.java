package dk.vendepunkt.people;

import java.time.LocalDate;
import java.util.List;

/**
 * The disclosure log: every hand-over of a person's data to another department or authority, with recipient, legal
 * basis, the consent it rests on, scope, date and by whom. Other modules (the family model sharing an assessment or a
 * plan across departments) record their hand-overs here. Validated (Danish messages; a {@code CONSENT} disclosure needs
 * a consent in force that covers the recipient, see ADR 0011), limited to the person's teams, audited.
 */
public interface Disclosures {

    /**
     * @param legalBasis     a {@link LegalBasis} code
     * @param legalBasisText the basis in words, required when the basis requires text ({@code OTHER})
     * @param consentId      the consent the disclosure rests on; required for {@code CONSENT}, refused for other bases
     * @param reference      the record that was shared (e.g. {@code cw_enrolment:42}), or null
     */
    record NewDisclosure(String recipient, String legalBasis, String legalBasisText, Long consentId, String scope,
                         LocalDate disclosedOn, String reference) {}

    record Disclosure(long id, long personId, String recipient, String legalBasis, String legalBasisName, String legalBasisText,
                      Long consentId, String consentPurpose, String scope, LocalDate disclosedOn, String reference, String createdBy) {}

    /** Records a disclosure on behalf of the current user (who must have access to the person); returns its id. */
    long record(long personId, NewDisclosure disclosure);

    /** The person's disclosures, newest first; access checked, the read audited. */
    List<Disclosure> forPerson(long personId);
}
